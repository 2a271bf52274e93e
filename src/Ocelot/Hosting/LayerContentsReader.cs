using System.Collections;
using System.Management.Automation;
using Ocelot.Engine.Cache;
using Ocelot.Engine.CollectorConfig;
using Ocelot.Engine.Components;
using Ocelot.Engine.Distributions;

namespace Ocelot.Hosting;

/// <summary>
/// What Test-OcelotCollectorConfig checks against, from a distribution (before any build) or from a piped artifact or
/// layer version. Piped objects are read by property name, so deserialized ones (Import-Clixml) work too.
/// </summary>
internal static class LayerContentsReader
{
    /// <summary>
    /// The components of the newest cached build of the distribution with the same tags (types and signals from
    /// metadata.yaml), else those its tags name, typed by the tag rule (<c>FromTags</c> is then true).
    /// </summary>
    public static (LayerContents Contents, bool FromTags) FromDistribution(ResolvedDistribution distribution, string cacheFolder)
    {
        var built = new ArtifactCache(cacheFolder).Newest(a => a.Distribution == distribution.Name && a.Components.Length > 0 && a.BuildTags.SequenceEqual(distribution.BuildTags));
        if (built is not null)
            return (new LayerContents($"distribution {distribution.Name} as last built ({built.Architecture}, upstream {built.UpstreamCommit?[..Math.Min(12, built.UpstreamCommit.Length)]})",
                built.Components, built.ConfigProviders.Length > 0 ? built.ConfigProviders : ConfigProviders.OpentelemetryLambdaDefault, []), false);
        var known = DistributionComponents.Of(distribution);
        return (new LayerContents($"distribution {distribution.Name}, typed by its build tags", known.Components, ConfigProviders.OpentelemetryLambdaDefault, known.OpenKinds), true);
    }

    /// <summary>The contents recorded on an artifact or layer version, or null when it records no components.</summary>
    public static LayerContents? FromInput(PSObject input)
    {
        var components = new List<OcelotLayerComponent>();
        foreach (var item in Items(input.Properties["Components"]?.Value))
        {
            var entry = PSObject.AsPSObject(item);
            var kind = Text(entry, "Kind");
            var type = Text(entry, "Type");
            if (kind is null || type is null || !ComponentMetadataFile.IsComponentType(type)) continue;
            components.Add(new OcelotLayerComponent
            {
                Kind = kind,
                Type = type,
                BuildTag = Text(entry, "BuildTag"),
                ImportPath = Text(entry, "ImportPath"),
                Module = Text(entry, "Module"),
                Version = Text(entry, "Version"),
                Signals = Items(entry.Properties["Signals"]?.Value).Select(s => s?.ToString() ?? string.Empty).ToArray(),
                FromMetadata = entry.Properties["FromMetadata"]?.Value is true,
            });
        }
        if (components.Count == 0) return null;
        var providers = Items(input.Properties["ConfigProviders"]?.Value).Select(s => s?.ToString() ?? string.Empty).Where(s => s.Length > 0).ToList();
        return new LayerContents(Describe(input), components, providers.Count > 0 ? providers : ConfigProviders.OpentelemetryLambdaDefault, []);
    }

    public static string Describe(PSObject input) =>
        Text(input, "LayerVersionArn") ?? $"{Text(input, "Distribution") ?? "layer"} for {Text(input, "Architecture") ?? "?"}";

    private static string? Text(PSObject item, string property) =>
        item.Properties[property]?.Value is { } value && value.ToString() is { Length: > 0 } text ? text : null;

    private static IEnumerable<object?> Items(object? value) => value switch
    {
        null => [],
        PSObject { BaseObject: IEnumerable list and not string } => list.Cast<object?>(),
        IEnumerable list and not string => list.Cast<object?>(),
        _ => [value],
    };
}
