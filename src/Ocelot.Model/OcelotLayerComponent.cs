namespace Ocelot;

/// <summary>
/// A component compiled into a layer, named as a collector config names it (Kind, Type), with the Go package and module
/// it came from and the signals it supports (for connectors, pairs such as traces_to_metrics).
/// </summary>
public sealed record OcelotLayerComponent
{
    /// <summary>receiver, processor, exporter, extension or connector.</summary>
    public required string Kind { get; init; }

    /// <summary>The type a collector config uses, e.g. memory_limiter.</summary>
    public required string Type { get; init; }

    /// <summary>kind/type, e.g. exporter/otlphttp.</summary>
    public string Id => $"{Kind}/{Type}";
    public string? BuildTag { get; init; }
    public string? ImportPath { get; init; }
    public string? Module { get; init; }
    public string? Version { get; init; }

    /// <summary>traces, metrics, logs (connectors: traces_to_logs, ...); empty when not known.</summary>
    public string[] Signals { get; init; } = [];

    /// <summary>True when Type and Signals come from the module's metadata.yaml, false when from the build tag.</summary>
    public bool FromMetadata { get; init; }

    public override string ToString() => Id;
}
