namespace Ocelot;

/// <summary>What Remove-OcelotLayer -PassThru reports for one layer version.</summary>
public sealed record OcelotLayerRemoval
{
    public required string LayerName { get; init; }
    public required long Version { get; init; }
    public required string Region { get; init; }
    public string? LayerVersionArn { get; init; }
    public required bool Removed { get; init; }

    /// <summary>True when a metadata item was deleted, false when there was none, null with -SkipMetadata.</summary>
    public bool? MetadataRemoved { get; init; }
    public string? Error { get; init; }

    public override string ToString() => LayerVersionArn ?? $"{LayerName}:{Version} ({Region})";
}
