using System.Text.RegularExpressions;
using Ocelot.Engine.Operations;
using Ocelot.Engine.Text;
using YamlDotNet.RepresentationModel;

namespace Ocelot.Engine.Distributions;

/// <summary>
/// Reads one entry of <c>distributions.yaml</c>: its name, its keys and their values, each checked where it is written.
/// Every problem of the entry is collected with its position (the reader never stops at the first), and what could
/// be read is kept, so a later problem in the base chain can still name this entry's lines.
/// </summary>
internal sealed partial class DistributionDefinitionReader(ConfigLocation location, string name)
{
    private readonly string _file = location.DistributionsFile;
    private readonly List<ConfigProblem> _problems = [];

    public IReadOnlyList<ConfigProblem> Problems => _problems;

    public DistributionDefinition Read(YamlNode keyNode, YamlNode valueNode)
    {
        var at = YamlFile.At(_file, keyNode);
        CheckName(at);
        if (valueNode is not YamlMappingNode map)
        {
            Problem(ErrorIds.DistributionNotAMapping,
                $"Distribution '{name}' at {at} must be a mapping of {string.Join(", ", DistributionCatalog.AllowedKeys)}, but it is {YamlFile.NodeKind(valueNode)}.",
                $"Give '{name}' indented keys, for example 'buildtags:' with a list of tags.", at);
            return new DistributionDefinition(name, null, null, [], null, null, at, null);
        }
        return ReadKeys(map, at);
    }

    private void CheckName(SourceLocation at)
    {
        if (DistributionNamePattern().IsMatch(name)) return;
        Problem(ErrorIds.DistributionNameInvalid,
            $"Distribution name '{name}' at {at} is not valid: names become part of layer names and file names.",
            "Use 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit.", at);
    }

    private DistributionDefinition ReadKeys(YamlMappingNode map, SourceLocation at)
    {
        string? description = null, baseName = null, configFileName = null, configFilePath = null;
        SourceLocation? baseAt = null;
        var tags = new List<string>();
        foreach (var (propertyNode, propertyValue) in map.Children)
        {
            var key = YamlFile.ScalarText(propertyNode) ?? string.Empty;
            switch (key)
            {
                case "description":
                    description = ReadScalar(propertyValue, key);
                    break;
                case "base":
                    baseName = ReadScalar(propertyValue, key);
                    baseAt = YamlFile.At(_file, propertyValue);
                    if (string.IsNullOrEmpty(baseName)) baseName = null;
                    break;
                case "buildtags":
                    ReadTags(propertyValue, tags);
                    break;
                case "config-file":
                    configFileName = ReadScalar(propertyValue, key);
                    if (!string.IsNullOrEmpty(configFileName)) configFilePath = ResolveConfigFile(configFileName, YamlFile.At(_file, propertyValue));
                    else configFileName = null;
                    break;
                default:
                    var keyAt = YamlFile.At(_file, propertyNode);
                    Problem(ErrorIds.DistributionUnknownKey,
                        $"Unknown key '{key}' in distribution '{name}' at {keyAt}. Allowed keys: {string.Join(", ", DistributionCatalog.AllowedKeys)}.{ClosestMatch.Hint(key, DistributionCatalog.AllowedKeys)}",
                        $"Rename or remove '{key}' at line {keyAt.Line}.", keyAt);
                    break;
            }
        }
        return new DistributionDefinition(name, description, baseName, tags, configFileName, configFilePath, at, baseAt);
    }

    private string? ReadScalar(YamlNode node, string key)
    {
        if (node is YamlScalarNode) return YamlFile.ScalarText(node);
        var nodeAt = YamlFile.At(_file, node);
        Problem(ErrorIds.DistributionInvalidValueType,
            $"'{key}' of distribution '{name}' at {nodeAt} must be a single value, but it is {YamlFile.NodeKind(node)}.",
            $"Write '{key}' as a single line of text.", nodeAt);
        return null;
    }

    private void ReadTags(YamlNode node, List<string> tags)
    {
        if (YamlFile.IsNull(node)) return;
        if (node is not YamlSequenceNode sequence)
        {
            var nodeAt = YamlFile.At(_file, node);
            Problem(ErrorIds.DistributionInvalidValueType,
                $"'buildtags' of distribution '{name}' at {nodeAt} must be a list, but it is {YamlFile.NodeKind(node)}.",
                "Write each tag on its own line starting with '- '.", nodeAt);
            return;
        }
        foreach (var item in sequence.Children)
        {
            var itemAt = YamlFile.At(_file, item);
            if (item is not YamlScalarNode || YamlFile.IsNull(item))
            {
                Problem(ErrorIds.DistributionInvalidValueType,
                    $"A build tag of distribution '{name}' at {itemAt} must be text, but it is {YamlFile.NodeKind(item)}.",
                    "Write each tag as plain text, such as lambdacomponents.exporter.otlphttp.", itemAt);
                continue;
            }
            var tag = YamlFile.ScalarText(item)!;
            if (!DistributionCatalog.IsValidBuildTag(tag))
            {
                Problem(ErrorIds.DistributionInvalidBuildTag,
                    $"Build tag '{tag}' of distribution '{name}' at {itemAt} is not a dotted lowercase identifier.",
                    "Use lowercase letters, digits and '_' in dot-separated parts, e.g. lambdacomponents.processor.batch.", itemAt);
                continue;
            }
            tags.Add(tag);
        }
    }

    /// <summary>The full path of a config-file value, or null (with a problem) when it is not a file of the collector-configs folder.</summary>
    private string? ResolveConfigFile(string fileName, SourceLocation valueAt)
    {
        var folder = Path.GetFullPath(location.CollectorConfigsFolder);
        var candidate = Path.GetFullPath(Path.Combine(folder, fileName));
        if (Path.IsPathRooted(fileName) || !candidate.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            Problem(ErrorIds.DistributionConfigFileOutsideFolder,
                $"'config-file' of distribution '{name}' at {valueAt} is '{fileName}', which is outside '{folder}'.",
                $"Put the collector config in '{folder}' and give its name relative to that folder.", valueAt);
            return null;
        }
        if (!File.Exists(candidate))
        {
            Problem(ErrorIds.DistributionConfigFileNotFound,
                $"'config-file' of distribution '{name}' at {valueAt} names '{candidate}', which does not exist.{ClosestMatch.Hint(fileName, ExistingConfigFiles(folder))}",
                $"Create the file, or name one of the files in '{folder}'.", valueAt);
            return null;
        }
        // A link (the file, or the collector-configs folder itself) must not bring a host file into the layer.
        var realFolder = ContainedPath.Resolve(folder);
        var folderItself = Path.Combine(ContainedPath.Resolve(Path.GetDirectoryName(folder)!), Path.GetFileName(folder));
        var real = ContainedPath.Resolve(candidate);
        if (realFolder != folderItself || !ContainedPath.IsInside(real, realFolder))
        {
            Problem(ErrorIds.LayerInputOutsideFolder,
                $"'config-file' of distribution '{name}' at {valueAt} is '{fileName}', which is a symbolic link to '{real}' outside '{folder}' (or that folder is itself a link).",
                $"Put the collector config itself in '{folder}', not a link to a file elsewhere.", valueAt);
            return null;
        }
        return candidate;
    }

    private static IEnumerable<string> ExistingConfigFiles(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)) : [];

    private void Problem(string id, string message, string action, SourceLocation? at) =>
        _problems.Add(new ConfigProblem(id, name, message, action, at));

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z")]
    private static partial Regex DistributionNamePattern();
}
