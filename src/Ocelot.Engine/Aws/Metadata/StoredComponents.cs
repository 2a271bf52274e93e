using Amazon.DynamoDBv2.Model;
using Ocelot.Engine.Components;
using Ocelot.Engine.Overlay;

namespace Ocelot.Engine.Aws.Metadata;

/// <summary>
/// The <c>components</c> attribute of a metadata item: a list of maps (kind, type, build_tag, import_path, module,
/// version, signals, from_metadata). Read back from a table anyone with write access may have edited, so entries that
/// are not a known kind and a well-formed type are dropped and sizes are bounded.
/// </summary>
internal static class StoredComponents
{
    // Far more components than any layer has; DynamoDB's 400 KB item limit is the real bound.
    private const int MaxComponents = 512;
    private const int MaxText = 512;

    public static AttributeValue ToAttribute(IReadOnlyList<OcelotLayerComponent> components) => new()
    {
        L = components.Select(c =>
        {
            var map = new Dictionary<string, AttributeValue>
            {
                ["kind"] = new() { S = c.Kind },
                ["type"] = new() { S = c.Type },
                ["from_metadata"] = new() { BOOL = c.FromMetadata },
            };
            void Put(string name, string? value)
            {
                if (!string.IsNullOrEmpty(value)) map[name] = new AttributeValue { S = value };
            }
            Put("build_tag", c.BuildTag);
            Put("import_path", c.ImportPath);
            Put("module", c.Module);
            Put("version", c.Version);
            if (c.Signals.Length > 0) map["signals"] = new AttributeValue { L = c.Signals.Select(s => new AttributeValue { S = s }).ToList() };
            return new AttributeValue { M = map };
        }).ToList(),
    };

    public static IReadOnlyList<OcelotLayerComponent>? FromAttribute(AttributeValue value)
    {
        if (value.L is not { } list) return null;
        var components = new List<OcelotLayerComponent>();
        foreach (var entry in list.Take(MaxComponents))
        {
            if (entry.M is not { } map) continue;
            var kind = Text(map, "kind");
            var type = Text(map, "type");
            if (kind is null || !OverlayCatalog.Kinds.Contains(kind) || type is null || !ComponentMetadataFile.IsComponentType(type)) continue;
            components.Add(new OcelotLayerComponent
            {
                Kind = kind,
                Type = type,
                BuildTag = Text(map, "build_tag"),
                ImportPath = Text(map, "import_path"),
                Module = Text(map, "module"),
                Version = Text(map, "version"),
                Signals = map.TryGetValue("signals", out var signals) && signals.L is { } items
                    ? items.Select(s => s.S).OfType<string>().Where(s => s.Length <= 64).Take(16).ToArray()
                    : [],
                FromMetadata = map.TryGetValue("from_metadata", out var fromMetadata) && fromMetadata.BOOL == true,
            });
        }
        return components;
    }

    private static string? Text(Dictionary<string, AttributeValue> map, string name) =>
        map.TryGetValue(name, out var value) && value.S is { Length: > 0 and <= MaxText } text ? text : null;
}
