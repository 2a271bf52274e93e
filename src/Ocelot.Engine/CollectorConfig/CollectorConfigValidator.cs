using System.Text.RegularExpressions;
using Ocelot.Engine.Components;
using Ocelot.Engine.Distributions;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ocelot.Engine.CollectorConfig;

/// <summary>
/// Checks an OpenTelemetry Collector config against the components of a layer, with the rules the collector applies
/// when it starts (unknown sections and types, pipeline wiring, connectors, extensions) plus the config providers its
/// build has. Every problem carries the line and column of the node it is about.
/// </summary>
public sealed partial class CollectorConfigValidator(LayerContents layer)
{
    private static readonly string[] Sections = ["receivers", "processors", "exporters", "connectors", "extensions", "service"];
    private static readonly string[] ComponentSections = ["receivers", "processors", "exporters", "connectors", "extensions"];
    private static readonly string[] ServiceKeys = ["extensions", "pipelines", "telemetry"];
    private static readonly string[] PipelineKeys = ["receivers", "processors", "exporters"];

    // Larger than any sensible collector config; a bigger file is refused rather than read into memory.
    private const long MaxBytes = 16 << 20;

    private readonly LayerContents _layer = layer;

    /// <summary>Reads and checks <paramref name="path"/>; a missing or unreadable file is a problem of the report.</summary>
    public OcelotCollectorConfigResult ValidateFile(string path)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                return Single(path, ErrorIds.CollectorConfigNotFound, $"The collector config '{path}' does not exist.", "Check the path.");
            if (info.Length > MaxBytes)
                return Single(path, ErrorIds.CollectorConfigNotAMapping, $"The collector config '{path}' is {info.Length} bytes: too large to be a collector config.", "Check the path.");
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Single(path, ErrorIds.CollectorConfigNotFound, $"The collector config '{path}' could not be read: {ex.Message}", "Check that you may read the file.");
        }
        return Validate(path, text);
    }

    private OcelotCollectorConfigResult Single(string path, string id, string message, string action) =>
        new()
        {
            Path = path,
            CheckedAgainst = _layer.Description,
            Problems = [new() { Severity = ProblemSeverity.Error, ErrorId = id, Message = message, File = path, Line = 0, Column = 0, RecommendedAction = action }],
        };

    /// <summary>Checks config <paramref name="text"/>, reporting positions in <paramref name="path"/>.</summary>
    public OcelotCollectorConfigResult Validate(string path, string text)
    {
        var run = new Run(_layer, path);
        run.Check(text);
        return new OcelotCollectorConfigResult { Path = path, CheckedAgainst = _layer.Description, Problems = [.. run.Problems] };
    }

    private sealed class Run(LayerContents layer, string path)
    {
        public List<OcelotCollectorConfigProblem> Problems { get; } = [];

        // Defined components by section, then by id (as written), with the key node for positions.
        private readonly Dictionary<string, Dictionary<string, YamlScalarNode>> _defined = ComponentSections.ToDictionary(s => s, _ => new Dictionary<string, YamlScalarNode>(StringComparer.Ordinal));
        private readonly HashSet<(string Section, string Id)> _used = [];
        private readonly Dictionary<string, List<(string Signal, YamlScalarNode Node)>> _connectorAsExporter = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<(string Signal, YamlScalarNode Node)>> _connectorAsReceiver = new(StringComparer.Ordinal);

        public void Check(string text)
        {
            if (Load(text) is not { } root) return;
            CheckReferences(root);
            if (root is not YamlMappingNode top)
            {
                Error(ErrorIds.CollectorConfigNotAMapping, root, $"The top level of the config is {YamlFile.NodeKind(root)}, not a mapping of sections.",
                    "Start the config with sections such as receivers:, exporters: and service:.");
                return;
            }
            YamlMappingNode? service = null;
            YamlNode? serviceNode = null;
            foreach (var (keyNode, value) in top.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                if (!Sections.Contains(key))
                {
                    Error(ErrorIds.CollectorConfigUnknownSection, keyNode, $"'{key}' is not a section of a collector config.{ClosestMatch.Hint(key, Sections)}",
                        $"Use only the sections {string.Join(", ", Sections)}.");
                    continue;
                }
                if (key == "service")
                {
                    serviceNode = keyNode;
                    service = value as YamlMappingNode;
                    if (service is null && !YamlFile.IsNull(value))
                        Error(ErrorIds.CollectorConfigSectionInvalid, value, $"'service' is {YamlFile.NodeKind(value)}, not a mapping.", "Give service: its extensions: and pipelines:.");
                    continue;
                }
                CheckComponentSection(key, value);
            }
            if (service is null)
            {
                Error(ErrorIds.CollectorConfigNoPipelines, serviceNode ?? (YamlNode)top, "The config has no service.pipelines: the collector starts nothing without a pipeline.",
                    "Add service: with pipelines: (traces, metrics or logs) naming receivers and exporters.");
            }
            else if (CheckService(service, serviceNode!))
            {
                ReportUnused();
            }
        }

        private YamlNode? Load(string text)
        {
            var parser = new GuardedYamlParser(new Parser(new StringReader(text)), YamlFile.MaximumNesting, allowCollectionAliases: true);
            var stream = new YamlStream();
            try
            {
                stream.Load(parser);
            }
            catch (YamlException ex)
            {
                var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
                Add(ProblemSeverity.Error, ErrorIds.CollectorConfigYamlSyntax, $"YAML syntax error: {YamlFile.StripMarks(message)}", (int)ex.Start.Line, (int)ex.Start.Column, null,
                    "Fix the YAML at this position.");
                return null;
            }
            catch (InvalidOperationException)
            {
                Add(ProblemSeverity.Error, ErrorIds.CollectorConfigYamlSyntax, "YAML syntax error: the YAML after this point is malformed (an unclosed '[', '{' or quote?).",
                    (int)parser.LastGood.Line, (int)parser.LastGood.Column, null, "Fix the YAML at or after this position.");
                return null;
            }
            catch (YamlNestingTooDeepException ex)
            {
                Add(ProblemSeverity.Error, ErrorIds.CollectorConfigYamlSyntax, $"YAML error: lists and mappings nest more than {ex.Limit} levels deep here.",
                    (int)ex.At.Line, (int)ex.At.Column, null, "Flatten the YAML; no collector config needs that depth.");
                return null;
            }
            catch (YamlCollectionAliasException ex)
            {
                Add(ProblemSeverity.Error, ErrorIds.CollectorConfigYamlSyntax, $"YAML error: '*{ex.Anchor}' repeats a list or mapping inside itself or as a mapping key.",
                    (int)ex.At.Line, (int)ex.At.Column, null, "Write the list or mapping out instead of the alias.");
                return null;
            }
            catch (ArgumentException ex)
            {
                Add(ProblemSeverity.Error, ErrorIds.CollectorConfigYamlSyntax, $"YAML error: {ex.Message} (a key is repeated in one mapping).",
                    (int)parser.LastGood.Line, (int)parser.LastGood.Column, null, "Remove the repeated key.");
                return null;
            }
            if (stream.Documents.Count == 0 || YamlFile.IsNull(stream.Documents[0].RootNode))
            {
                Add(ProblemSeverity.Error, ErrorIds.CollectorConfigNotAMapping, "The config is empty.", 1, 1, null,
                    "Add receivers:, exporters: and service: with pipelines:.");
                return null;
            }
            return stream.Documents[0].RootNode;
        }

        private void CheckComponentSection(string section, YamlNode value)
        {
            if (YamlFile.IsNull(value)) return;
            if (value is not YamlMappingNode mapping)
            {
                Error(ErrorIds.CollectorConfigSectionInvalid, value, $"'{section}' is {YamlFile.NodeKind(value)}, not a mapping of component ids to their settings.",
                    $"Write each {Kind(section)} as 'id:' followed by its settings.");
                return;
            }
            var kind = Kind(section);
            foreach (var keyNode in mapping.Children.Keys)
            {
                var id = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                if (ParseId(id) is not { } type)
                {
                    Error(ErrorIds.CollectorConfigComponentIdInvalid, keyNode, $"'{id}' under {section} is not a component id of the form type[/name].",
                        "Write the id as the component type, optionally followed by '/' and a name (otlphttp/backend).", id);
                    continue;
                }
                _defined[section][id] = (YamlScalarNode)keyNode;
                CheckInLayer(kind, type, id, keyNode);
            }
        }

        private void CheckInLayer(string kind, string type, string id, YamlNode node)
        {
            var sameKind = layer.Components.Where(c => c.Kind == kind).ToList();
            if (sameKind.Any(c => Matches(c, type)) || layer.OpenKinds.Contains(kind)) return;
            var elsewhere = layer.Components.Where(c => c.Type == type).Select(c => c.Kind).Distinct().ToList();
            var hint = ClosestMatch.Hint(type, sameKind.Select(c => c.Type));
            var note = elsewhere.Count > 0 ? $" ('{type}' is {string.Join(" and ", elsewhere.Select(k => $"{Article(k)} {k}"))} in this layer: define it under {elsewhere[0]}s.)" : string.Empty;
            var tag = layer.TagFor(kind, type);
            Error(ErrorIds.CollectorConfigComponentNotInLayer, node, $"{kind} '{type}' is not in this layer ({layer.Description}); add {tag} to the distribution.{hint}{note}",
                $"Add {tag} to the distribution's buildtags (and its Go module to component_dependencies.yaml if it is not upstream's), or use {Article(kind)} {kind} the layer has: {TypeList(sameKind)}.", id);
        }

        /// <summary>Checks the service section; false when it has no pipelines (then "unused" would say nothing new).</summary>
        private bool CheckService(YamlMappingNode service, YamlNode serviceKey)
        {
            YamlNode? pipelines = null;
            foreach (var (keyNode, value) in service.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                if (!ServiceKeys.Contains(key))
                {
                    Error(ErrorIds.CollectorConfigUnknownSection, keyNode, $"'service.{key}' is not a setting of the collector's service.{ClosestMatch.Hint(key, ServiceKeys)}",
                        $"Use only {string.Join(", ", ServiceKeys)} under service.");
                    continue;
                }
                if (key == "extensions") CheckServiceExtensions(value);
                else if (key == "pipelines") pipelines = value;
            }
            if (pipelines is not YamlMappingNode mapping || mapping.Children.Count == 0)
            {
                Error(ErrorIds.CollectorConfigNoPipelines, pipelines ?? serviceKey, "service.pipelines is missing or empty: the collector starts nothing without a pipeline.",
                    "Add at least one pipeline (traces, metrics or logs) with receivers and exporters.");
                return false;
            }
            foreach (var (keyNode, value) in mapping.Children) CheckPipeline((keyNode as YamlScalarNode)?.Value ?? string.Empty, keyNode, value);
            CheckConnectors();
            return true;
        }

        private void CheckServiceExtensions(YamlNode value)
        {
            if (YamlFile.IsNull(value)) return;
            if (value is not YamlSequenceNode list)
            {
                Error(ErrorIds.CollectorConfigSectionInvalid, value, $"service.extensions is {YamlFile.NodeKind(value)}, not a list of extension ids.", "Write it as a list: [id, ...].");
                return;
            }
            foreach (var item in list.Children)
            {
                var id = (item as YamlScalarNode)?.Value ?? string.Empty;
                if (_defined["extensions"].ContainsKey(id))
                {
                    _used.Add(("extensions", id));
                    continue;
                }
                Error(ErrorIds.CollectorConfigExtensionUndefined, item, $"service.extensions names '{id}', which is not defined under extensions.{ClosestMatch.Hint(id, _defined["extensions"].Keys)}",
                    $"Define '{id}' under extensions:, or remove it from service.extensions.", id);
            }
        }

        private void CheckPipeline(string pipelineId, YamlNode keyNode, YamlNode value)
        {
            var match = PipelineId().Match(pipelineId);
            if (!match.Success)
            {
                Error(ErrorIds.CollectorConfigPipelineIdInvalid, keyNode, $"'{pipelineId}' is not a pipeline id: it must be traces, metrics or logs, optionally followed by /name.",
                    "Name the pipeline after its signal, e.g. traces or traces/backend.", pipelineId);
                return;
            }
            var signal = match.Groups[1].Value;
            if (value is not YamlMappingNode pipeline)
            {
                Error(ErrorIds.CollectorConfigPipelineIncomplete, YamlFile.IsNull(value) ? keyNode : value, $"Pipeline '{pipelineId}' has no receivers and no exporters.",
                    "Give the pipeline receivers: and exporters: lists.", pipelineId);
                return;
            }
            var lists = new Dictionary<string, YamlSequenceNode>(StringComparer.Ordinal);
            foreach (var (listKey, listValue) in pipeline.Children)
            {
                var key = (listKey as YamlScalarNode)?.Value ?? string.Empty;
                if (!PipelineKeys.Contains(key))
                {
                    Error(ErrorIds.CollectorConfigUnknownSection, listKey, $"'{key}' is not a setting of pipeline '{pipelineId}'.{ClosestMatch.Hint(key, PipelineKeys)}",
                        "A pipeline has only receivers, processors and exporters.", pipelineId);
                    continue;
                }
                if (listValue is YamlSequenceNode sequence) lists[key] = sequence;
                else if (!YamlFile.IsNull(listValue))
                    Error(ErrorIds.CollectorConfigSectionInvalid, listValue, $"{key} of pipeline '{pipelineId}' is {YamlFile.NodeKind(listValue)}, not a list.", "Write it as a list: [id, ...].", pipelineId);
            }
            foreach (var required in new[] { "receivers", "exporters" })
                if (!lists.TryGetValue(required, out var list) || list.Children.Count == 0)
                    Error(ErrorIds.CollectorConfigPipelineIncomplete, keyNode, $"Pipeline '{pipelineId}' has no {required}: every pipeline needs at least one receiver and one exporter.",
                        $"Add {required}: to pipeline '{pipelineId}'.", pipelineId);
            foreach (var (key, list) in lists)
                foreach (var item in list.Children)
                    CheckPipelineMember(pipelineId, signal, key, item);
        }

        private void CheckPipelineMember(string pipelineId, string signal, string listKey, YamlNode item)
        {
            var id = (item as YamlScalarNode)?.Value ?? string.Empty;
            var kind = Kind(listKey);
            if (_defined[listKey].ContainsKey(id))
            {
                _used.Add((listKey, id));
                CheckSignal(kind, id, signal, pipelineId, item);
                return;
            }
            if (listKey != "processors" && _defined["connectors"].ContainsKey(id))
            {
                _used.Add(("connectors", id));
                var usage = listKey == "exporters" ? _connectorAsExporter : _connectorAsReceiver;
                if (!usage.TryGetValue(id, out var uses)) usage[id] = uses = [];
                uses.Add((signal, (YamlScalarNode)item));
                return;
            }
            var candidates = _defined[listKey].Keys.Concat(listKey == "processors" ? [] : _defined["connectors"].Keys);
            Error(ErrorIds.CollectorConfigComponentUndefined, item, $"Pipeline '{pipelineId}' uses {kind} '{id}', which is not defined under {listKey}{(listKey == "processors" ? string.Empty : " or connectors")}.{ClosestMatch.Hint(id, candidates)}",
                $"Define '{id}' under {listKey}:, or remove it from the pipeline.", id);
        }

        private void CheckSignal(string kind, string id, string signal, string pipelineId, YamlNode node)
        {
            if (Component(kind, id) is not { Signals.Length: > 0 } component || component.Signals.Contains(signal)) return;
            Error(ErrorIds.CollectorConfigSignalUnsupported, node, $"{kind} '{id}' does not support {signal} (it supports {string.Join(", ", component.Signals)}), but pipeline '{pipelineId}' carries {signal}.",
                $"Remove '{id}' from pipeline '{pipelineId}', or use it in a pipeline of a signal it supports.", id);
        }

        private void CheckConnectors()
        {
            foreach (var id in _connectorAsExporter.Keys.Union(_connectorAsReceiver.Keys).ToList())
            {
                var asExporter = _connectorAsExporter.GetValueOrDefault(id) ?? [];
                var asReceiver = _connectorAsReceiver.GetValueOrDefault(id) ?? [];
                if (asExporter.Count == 0 || asReceiver.Count == 0)
                {
                    var (used, missing) = asExporter.Count == 0 ? ("a receiver", "an exporter") : ("an exporter", "a receiver");
                    Error(ErrorIds.CollectorConfigConnectorUnpaired, (asExporter.Count > 0 ? asExporter : asReceiver)[0].Node,
                        $"Connector '{id}' is used as {used} but never as {missing}: a connector joins the end of one pipeline to the start of another.",
                        $"Use '{id}' as {missing} of another pipeline too, or remove it.", id);
                    continue;
                }
                if (Component("connector", id) is not { Signals.Length: > 0 } connector) continue;
                foreach (var (from, node) in asExporter)
                    if (!asReceiver.Any(r => connector.Signals.Contains($"{from}_to_{r.Signal}")))
                        Error(ErrorIds.CollectorConfigSignalUnsupported, node,
                            $"Connector '{id}' is an exporter of a pipeline of {from}, but it supports none of {string.Join(", ", asReceiver.Select(r => $"{from}_to_{r.Signal}").Distinct())} (it supports {string.Join(", ", connector.Signals)}).",
                            $"Use '{id}' only between pipelines of the signals it connects.", id);
                foreach (var (to, node) in asReceiver)
                    if (!asExporter.Any(e => connector.Signals.Contains($"{e.Signal}_to_{to}")))
                        Error(ErrorIds.CollectorConfigSignalUnsupported, node,
                            $"Connector '{id}' is a receiver of a pipeline of {to}, but it supports none of {string.Join(", ", asExporter.Select(e => $"{e.Signal}_to_{to}").Distinct())} (it supports {string.Join(", ", connector.Signals)}).",
                            $"Use '{id}' only between pipelines of the signals it connects.", id);
            }
        }

        private void ReportUnused()
        {
            foreach (var (section, ids) in _defined)
                foreach (var (id, node) in ids)
                    if (!_used.Contains((section, id)))
                        Add(ProblemSeverity.Warning, ErrorIds.CollectorConfigComponentUnused, section == "extensions"
                                ? $"Extension '{id}' is defined but not enabled in service.extensions: the collector ignores it."
                                : $"{Kind(section)} '{id}' is defined but used in no pipeline: the collector ignores it.",
                            node, id, section == "extensions" ? $"Add '{id}' to service.extensions, or remove it." : $"Use '{id}' in a pipeline, or remove it.");
        }

        private void CheckReferences(YamlNode root)
        {
            foreach (var node in DistinctNodes(root))
            {
                if (node is not YamlScalarNode { Value: { } value } scalar || !value.Contains("${", StringComparison.Ordinal)) continue;
                foreach (var (index, scheme, rest) in References(value))
                {
                    var (line, column) = PositionIn(scalar, index);
                    if (scheme is null)
                    {
                        continue;
                    }
                    if (!layer.ConfigProviders.Contains(scheme))
                    {
                        Add(ProblemSeverity.Error, ErrorIds.CollectorConfigProviderUnknown,
                            $"'${{{scheme}:...}}' needs the '{scheme}' config provider, which this collector does not have (it has {string.Join(", ", layer.ConfigProviders)}).{ClosestMatch.Hint(scheme, layer.ConfigProviders)}",
                            line, column, null, $"Use one of the schemes {string.Join(", ", layer.ConfigProviders)}.");
                        continue;
                    }
                    if (scheme == "env" && !rest.Contains(":-", StringComparison.Ordinal) && !SetByLambda(rest))
                        Add(ProblemSeverity.Warning, ErrorIds.CollectorConfigEnvWithoutDefault,
                            $"'${{env:{rest}}}' has no default: if {rest} is not set in the function's environment, the collector reads an empty value.",
                            line, column, null, $"Set {rest} on every function that uses this layer, or give a default: ${{env:{rest}:-value}}.");
                }
            }
        }

        // Each node once: aliases make the tree a graph, and a hostile file can make it exponentially large (or a cycle).
        private static IEnumerable<YamlNode> DistinctNodes(YamlNode root)
        {
            var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
            var pending = new Stack<YamlNode>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                if (!seen.Add(node)) continue;
                yield return node;
                var children = node switch
                {
                    YamlMappingNode mapping => mapping.Children.SelectMany(c => new[] { c.Key, c.Value }),
                    YamlSequenceNode sequence => sequence.Children,
                    _ => [],
                };
                foreach (var child in children) pending.Push(child);
            }
        }

        // Lambda sets these in every function's environment (the reserved runtime variables), so they need no default.
        private static bool SetByLambda(string name) =>
            name.StartsWith("AWS_LAMBDA_", StringComparison.Ordinal) || name is "AWS_REGION" or "AWS_DEFAULT_REGION" or "AWS_EXECUTION_ENV" or "LAMBDA_TASK_ROOT";

        /// <summary>Each <c>${scheme:rest}</c> (scheme null for <c>${NAME}</c>) with its index; <c>$$</c> escapes a dollar.</summary>
        private static IEnumerable<(int Index, string? Scheme, string Remainder)> References(string value)
        {
            for (var i = 0; i < value.Length - 1; i++)
            {
                if (value[i] != '$') continue;
                if (value[i + 1] == '$') { i++; continue; }
                if (value[i + 1] != '{') continue;
                var end = value.IndexOf('}', i + 2);
                if (end < 0) yield break;
                var inner = value[(i + 2)..end];
                var colon = inner.IndexOf(':');
                if (colon > 0 && SchemePattern().IsMatch(inner[..colon])) yield return (i, inner[..colon], inner[(colon + 1)..]);
                else yield return (i, null, inner);
                i = end;
            }
        }

        private static (int Line, int Column) PositionIn(YamlScalarNode scalar, int index)
        {
            var line = (int)scalar.Start.Line;
            var column = (int)scalar.Start.Column;
            var before = scalar.Value![..index];
            if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded || before.Contains('\n') || scalar.Start.Line != scalar.End.Line) return (line, column);
            return (line, column + index + (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0));
        }

        private OcelotLayerComponent? Component(string kind, string id)
        {
            var type = ParseId(id);
            return type is null ? null : layer.Components.FirstOrDefault(c => c.Kind == kind && Matches(c, type));
        }

        // A type taken from a build tag has lost its underscores (tag memorylimiter, type memory_limiter).
        private static bool Matches(OcelotLayerComponent component, string type) =>
            component.Type == type || (!component.FromMetadata && component.Type == type.Replace("_", string.Empty));

        private static string? ParseId(string id)
        {
            var match = ComponentId().Match(id);
            return match.Success ? match.Groups[1].Value : null;
        }

        private static string TypeList(IReadOnlyList<OcelotLayerComponent> components) =>
            components.Count == 0 ? "none" : string.Join(", ", components.Select(c => c.Type).Distinct().Order(StringComparer.Ordinal));

        private static string Kind(string section) => section[..^1];

        private static string Article(string word) => "aeiou".Contains(word[0]) ? "an" : "a";

        private void Error(string id, YamlNode node, string message, string action, string? componentId = null) =>
            Add(ProblemSeverity.Error, id, message, node, componentId, action);

        private void Add(ProblemSeverity severity, string id, string message, YamlNode node, string? componentId, string action) =>
            Add(severity, id, message, (int)node.Start.Line, (int)node.Start.Column, componentId, action);

        private void Add(ProblemSeverity severity, string id, string message, int line, int column, string? componentId, string action) =>
            Problems.Add(new OcelotCollectorConfigProblem
            {
                Severity = severity, ErrorId = id, Message = message, File = path, Line = line, Column = column, ComponentId = componentId, RecommendedAction = action,
            });

    }

    // The collector's component.ID: a type ([a-zA-Z][0-9a-zA-Z_]{0,62}), then optionally '/' and a non-empty name.
    [GeneratedRegex(@"\A([a-zA-Z][0-9a-zA-Z_]{0,62})(?:/[^\s/]+)?\z")]
    private static partial Regex ComponentId();

    [GeneratedRegex(@"\A(traces|metrics|logs)(?:/[^\s/]+)?\z")]
    private static partial Regex PipelineId();

    // A URI scheme, as the collector's confmap resolver accepts it.
    [GeneratedRegex(@"\A[A-Za-z][A-Za-z0-9+.\-]*\z")]
    private static partial Regex SchemePattern();
}
