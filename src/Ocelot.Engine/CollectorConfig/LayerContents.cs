using Ocelot.Engine.Components;

namespace Ocelot.Engine.CollectorConfig;

/// <summary>
/// What a collector config is checked against: the components of a layer, the config providers its collector has,
/// and the kinds whose set is not fully known (a config naming an unknown type of such a kind is not refused).
/// </summary>
public sealed record LayerContents(string Description, IReadOnlyList<OcelotLayerComponent> Components, IReadOnlyList<string> ConfigProviders,
    IReadOnlyList<string> OpenKinds)
{
    /// <summary>The build tag a missing component would need: its own if the layer knows one, else upstream's naming.</summary>
    public string TagFor(string kind, string type) => ComponentBuildTag.For(kind, type);
}
