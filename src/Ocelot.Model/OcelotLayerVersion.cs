namespace Ocelot;

/// <summary>
/// One Lambda layer version in one region. Returned by Publish-OcelotLayer and Get-OcelotLayer, and taken by
/// Remove-OcelotLayer (by value, or by LayerName + Version + Region property names).
/// </summary>
public sealed record OcelotLayerVersion
{
    public required string LayerName { get; init; }
    public required long Version { get; init; }
    public required string LayerVersionArn { get; init; }
    public required string LayerArn { get; init; }
    public required string Region { get; init; }

    /// <summary>amd64 or arm64 (from the metadata, else from CompatibleArchitectures).</summary>
    public string? Architecture { get; init; }
    public string? Distribution { get; init; }
    public string? DistributionDescription { get; init; }
    public string? CollectorVersion { get; init; }

    /// <summary>The version part of the layer name, e.g. 0_158_0.</summary>
    public string? LayerVersionString { get; init; }
    public string? ReleaseGroup { get; init; }
    public string? Md5 { get; init; }

    /// <summary>Base64 sha256 of the layer zip, as Lambda reports it.</summary>
    public string? CodeSha256 { get; init; }
    public long? CodeSize { get; init; }
    public DateTimeOffset? CreatedDate { get; init; }
    public string? Description { get; init; }
    public string? LicenseInfo { get; init; }
    public string[] CompatibleRuntimes { get; init; } = [];

    /// <summary>Published, Reused, Listed or Orphaned.</summary>
    public required LayerVersionStatus Status { get; init; }

    /// <summary>Who may use the version besides its account: '*' (public), account ids, organization ids.</summary>
    public string[] SharedWith { get; init; } = [];
    public bool? Public { get; init; }

    /// <summary>The layer's components as its metadata item records them (empty for versions published without them).</summary>
    public OcelotLayerComponent[] Components { get; init; } = [];

    /// <summary>The config providers of the layer's collector, as its metadata item records them.</summary>
    public string[] ConfigProviders { get; init; } = [];

    /// <summary>Whether the metadata table held an item for this version (null when it was not consulted).</summary>
    public bool? HasMetadata { get; init; }

    /// <summary>With Get-OcelotLayer -IncludeUsage: the functions using this version (name, or name:version for a published version).</summary>
    public string[]? UsedBy { get; init; }

    public override string ToString() => LayerVersionArn;
}
