namespace Ocelot.Engine.Components;

/// <summary>
/// One component compiled into a layer, as a collector config names it: <see cref="Kind"/> and <see cref="Type"/>
/// (<c>processor</c>, <c>memory_limiter</c>), with where it came from and the signals it supports. For connectors the
/// signals are pairs such as <c>traces_to_metrics</c>. Empty <see cref="Signals"/> means "not known".
/// </summary>
public sealed record LayerComponent
{
    public required string Kind { get; init; }
    public required string Type { get; init; }

    /// <summary>The build tag that selects the component, e.g. <c>lambdacomponents.processor.memorylimiter</c>.</summary>
    public string? BuildTag { get; init; }
    public string? ImportPath { get; init; }
    public string? Module { get; init; }
    public string? Version { get; init; }
    public IReadOnlyList<string> Signals { get; init; } = [];

    /// <summary>True when <see cref="Type"/> and <see cref="Signals"/> were read from the module's metadata.yaml.</summary>
    public bool FromMetadata { get; init; }

    /// <summary>The id a collector config uses for it: <c>kind/type</c>.</summary>
    public string Id => $"{Kind}/{Type}";

    /// <summary>
    /// The type a component gets when its module has no metadata.yaml: the last part of its build tag
    /// (<c>lambdacomponents.exporter.otlphttp</c> gives <c>otlphttp</c>). Wrong for types with underscores.
    /// </summary>
    public static LayerComponent FromTag(string kind, string name, string? tag) => new()
    {
        Kind = kind,
        Type = name,
        BuildTag = tag ?? $"lambdacomponents.{kind}.{name}",
    };

    /// <summary>The build tag that would add a component of this kind and type, by upstream's naming (no underscores).</summary>
    public static string TagFor(string kind, string type) => $"lambdacomponents.{kind}.{type.Replace("_", string.Empty).ToLowerInvariant()}";

    public override string ToString() => Id;
}
