using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ocelot.Engine.Components;

/// <summary>
/// A component's <c>metadata.yaml</c>, the file the collector's mdatagen reads: <c>type:</c>, and under
/// <c>status:</c> its <c>class</c> and <c>stability</c> (level to signals, e.g. <c>beta: [traces, metrics]</c>;
/// connectors list pairs such as <c>traces_to_metrics</c>). The file comes from a downloaded module: only a
/// well-formed type and known signal names are taken from it.
/// </summary>
public static partial class ComponentMetadataFile
{
    public const string FileName = "metadata.yaml";

    // Larger than any real metadata.yaml (they are a few kilobytes); a bigger file is not read.
    private const long MaxBytes = 1 << 20;

    private static readonly HashSet<string> Signals = new(StringComparer.Ordinal) { "traces", "metrics", "logs", "profiles" };

    public sealed record Contents(string Type, string? Class, IReadOnlyList<string> Signals);

    /// <summary>The metadata in <paramref name="packageFolder"/>, or null when there is none or it is not usable.</summary>
    public static Contents? Read(string packageFolder)
    {
        var path = Path.Combine(packageFolder, FileName);
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists || file.Length > MaxBytes) return null;
            return Parse(File.ReadAllText(path));
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public static Contents? Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return null;
        if (Child(root, "type") is not YamlScalarNode { Value: { } type } || !IsComponentType(type)) return null;
        var status = Child(root, "status") as YamlMappingNode;
        var componentClass = status is null ? null : (Child(status, "class") as YamlScalarNode)?.Value;
        var signals = new List<string>();
        if (status is not null && Child(status, "stability") is YamlMappingNode stability)
        {
            foreach (var level in stability.Children.Values.OfType<YamlSequenceNode>())
                foreach (var signal in level.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty))
                    if (IsSignal(signal) && !signals.Contains(signal)) signals.Add(signal);
        }
        return new Contents(type, componentClass, signals);
    }

    /// <summary>A component type as the collector accepts it (its <c>component.Type</c> rule).</summary>
    public static bool IsComponentType(string text) => TypePattern().IsMatch(text);

    private static bool IsSignal(string text)
    {
        if (Signals.Contains(text)) return true;
        var to = text.IndexOf("_to_", StringComparison.Ordinal);
        return to > 0 && Signals.Contains(text[..to]) && Signals.Contains(text[(to + 4)..]);
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    [GeneratedRegex(@"\A[a-zA-Z][0-9a-zA-Z_]{0,62}\z")]
    private static partial Regex TypePattern();
}
