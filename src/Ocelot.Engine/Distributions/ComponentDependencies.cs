using Ocelot.Engine.Failures;
using YamlDotNet.RepresentationModel;

namespace Ocelot.Engine.Distributions;

/// <summary>
/// <c>component_dependencies.yaml</c>: the Go modules each component tag needs, in file order (which is also the
/// order they are added to go.mod, so builds are deterministic).
/// </summary>
public sealed class ComponentDependencies
{
    private ComponentDependencies(string? path, IReadOnlyList<KeyValuePair<string, IReadOnlyList<GoModuleRequirement>>> entries)
    {
        FilePath = path;
        Entries = entries;
    }

    /// <summary>The file read, or null when there was none.</summary>
    public string? FilePath { get; }
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<GoModuleRequirement>>> Entries { get; }

    public static ComponentDependencies None { get; } = new(null, []);

    public static ComponentDependencies Load(string path)
    {
        if (!File.Exists(path)) return None;
        var root = YamlFile.LoadRoot(path);
        if (root is null || YamlFile.IsNull(root)) return new ComponentDependencies(path, []);
        if (root is not YamlMappingNode top) throw Invalid(path, root, $"the file must be a mapping with a 'dependencies' key, but it is {YamlFile.NodeKind(root)}");
        var entries = new List<KeyValuePair<string, IReadOnlyList<GoModuleRequirement>>>();
        foreach (var (keyNode, valueNode) in top.Children)
        {
            var key = YamlFile.ScalarText(keyNode);
            if (key != "dependencies") throw Invalid(path, keyNode, $"unknown key '{key}'; the only allowed key is 'dependencies'");
            if (YamlFile.IsNull(valueNode)) continue;
            if (valueNode is not YamlMappingNode map) throw Invalid(path, valueNode, $"'dependencies' must map build tags to Go modules, but it is {YamlFile.NodeKind(valueNode)}");
            foreach (var (tagNode, modulesNode) in map.Children)
            {
                var tag = YamlFile.ScalarText(tagNode);
                if (tag is null || !DistributionCatalog.IsValidBuildTag(tag))
                    throw Invalid(path, tagNode, $"'{tag}' is not a build tag (a dotted lowercase identifier such as lambdacomponents.exporter.clickhouse)");
                var modules = new List<GoModuleRequirement>();
                IEnumerable<YamlNode> items = modulesNode switch
                {
                    YamlSequenceNode seq => seq.Children,
                    YamlScalarNode scalar when !YamlFile.IsNull(scalar) => [scalar],
                    _ when YamlFile.IsNull(modulesNode) => [],
                    _ => throw Invalid(path, modulesNode, $"the modules of '{tag}' must be a list of Go module paths, but they are {YamlFile.NodeKind(modulesNode)}"),
                };
                foreach (var item in items)
                {
                    var text = YamlFile.ScalarText(item);
                    if (text is null)
                        throw Invalid(path, item, $"an entry under '{tag}' is {YamlFile.NodeKind(item)}, not a Go module path");
                    if (!GoModuleRequirement.TryParse(text, out var requirement, out var why))
                        throw Invalid(path, item, $"'{text}' under '{tag}' is not a valid Go module requirement: {why}");
                    modules.Add(requirement!);
                }
                entries.Add(new(tag, modules));
            }
        }
        return new ComponentDependencies(path, entries);
    }

    private static OcelotException Invalid(string path, YamlNode node, string detail) =>
        new(ErrorIds.ComponentDependenciesInvalid, FailureKind.InvalidData,
            $"Invalid component dependencies at {YamlFile.At(path, node)}: {detail}.",
            "Fix the file: 'dependencies:' maps each component build tag to a list of Go modules (module or module@version).", path);
}
