namespace Ocelot.Engine.Publishing;

public enum LayerVersionStatus
{
    /// <summary>Published by this call.</summary>
    Published,

    /// <summary>A version with the same content already existed and was used instead.</summary>
    Reused,

    /// <summary>Found by a listing.</summary>
    Listed,

    /// <summary>A metadata item whose layer version no longer exists in Lambda (a failed delete, or one done outside Ocelot).</summary>
    Orphaned,
}

/// <summary>A layer version in one region, with what Ocelot knows of it (from Lambda and the metadata table).</summary>
public sealed record LayerVersionInfo
{
    public required string LayerName { get; init; }
    public required long Version { get; init; }
    public required string LayerVersionArn { get; init; }
    public required string LayerArn { get; init; }
    public required string Region { get; init; }
    public string? Architecture { get; init; }
    public string? Distribution { get; init; }
    public string? DistributionDescription { get; init; }
    public string? CollectorVersion { get; init; }

    /// <summary>The version part of the layer name, e.g. 0_158_0.</summary>
    public string? LayerVersionString { get; init; }
    public string? ReleaseGroup { get; init; }
    public string? Md5 { get; init; }
    public string? CodeSha256 { get; init; }
    public long? CodeSize { get; init; }
    public DateTimeOffset? CreatedDate { get; init; }
    public string? Description { get; init; }
    public string? LicenseInfo { get; init; }
    public IReadOnlyList<string> CompatibleRuntimes { get; init; } = [];
    public required LayerVersionStatus Status { get; init; }
    public IReadOnlyList<string> SharedWith { get; init; } = [];
    public bool? Public { get; init; }

    /// <summary>The components recorded for the version (from the artifact, or read back from its metadata item).</summary>
    public IReadOnlyList<OcelotLayerComponent> Components { get; init; } = [];
    public IReadOnlyList<string> ConfigProviders { get; init; } = [];

    /// <summary>Whether the metadata table held an item for this version (null when it was not consulted).</summary>
    public bool? HasMetadata { get; init; }

    /// <summary>The functions (name, or name:version for a published version) that use this version; null when not looked up.</summary>
    public IReadOnlyList<string>? UsedBy { get; init; }
}
