using Ocelot.Engine.Distributions;
using Ocelot.Engine.Overlay;

namespace Ocelot.Engine.Components;

/// <summary>
/// What a distribution's layer will contain, known before any build: every <c>lambdacomponents.&lt;kind&gt;.&lt;name&gt;</c>
/// tag and every overlay wrapper the tags select, typed by the tag rule (<see cref="ComponentBuildTag.Component"/>).
/// Kinds whose set the tags leave open (<c>lambdacomponents.all</c>, <c>&lt;kind&gt;.all</c>, or no
/// <c>lambdacomponents.custom</c>, which means upstream's fixed set) are named in <see cref="OpenKinds"/>.
/// </summary>
public sealed record DistributionComponents(IReadOnlyList<OcelotLayerComponent> Components, IReadOnlyList<string> OpenKinds)
{
    public static DistributionComponents Of(ResolvedDistribution distribution)
    {
        var tags = distribution.BuildTags.ToHashSet(StringComparer.Ordinal);
        var byName = new SortedDictionary<string, OcelotLayerComponent>(StringComparer.Ordinal);
        foreach (var tag in distribution.BuildTags)
        {
            var parts = tag.Split('.');
            if (parts.Length != 3 || parts[0] + "." != OverlayCatalog.TagPrefix || parts[2] == "all" || !OverlayCatalog.Kinds.Contains(parts[1])) continue;
            byName[$"{parts[1]}.{parts[2]}"] = ComponentBuildTag.Component(parts[1], parts[2], tag);
        }
        foreach (var overlay in distribution.Components)
            byName.TryAdd(overlay.ShortName, ComponentBuildTag.Component(overlay.Kind, overlay.Name, overlay.Tag));
        var open = OverlayCatalog.Kinds
            .Where(kind => !tags.Contains(OverlayCatalog.CustomTag) || tags.Contains(OverlayCatalog.TagPrefix + "all") || tags.Contains($"{OverlayCatalog.TagPrefix}{kind}.all"))
            .ToList();
        return new DistributionComponents(byName.Values.ToList(), open);
    }
}
