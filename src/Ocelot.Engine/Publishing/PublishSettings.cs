using Ocelot.Engine.Aws;
using Ocelot.Engine.Layers;

namespace Ocelot.Engine.Publishing;

/// <summary>What one Publish-OcelotLayer call asks for, whatever artifacts it is given.</summary>
public sealed record PublishSettings
{
    public required AwsConnection Connection { get; init; }
    public string LayerNameBase { get; init; } = LayerName.DefaultBase;
    public string ReleaseGroup { get; init; } = LayerName.DefaultReleaseGroup;
    /// <summary>Replaces the version part of the layer name (-LayerNameVersion).</summary>
    public string? LayerNameVersion { get; init; }
    public IReadOnlyList<string> CompatibleRuntimes { get; init; } = [];
    public string LicenseInfo { get; init; } = "Apache-2.0";
    /// <summary>Publish a new version even when one with the same content exists (-AllowDuplicate).</summary>
    public bool AllowDuplicate { get; init; }
    public IReadOnlyList<SharingGrant> Sharing { get; init; } = [];

    /// <summary>Staging buckets: one name for every region, one per region in -Region order, or a template with {region}.</summary>
    public IReadOnlyList<string> S3Buckets { get; init; } = [];
    public bool KeepStagedObject { get; init; }
    public bool SkipMetadata { get; init; }
    public required string MetadataTable { get; init; }
    public required string MetadataRegion { get; init; }

    /// <summary>Overrides the direct-upload limit (bytes), e.g. to force S3 staging; null asks Lambda.</summary>
    public long? DirectUploadLimit { get; init; }
    public required string OcelotVersion { get; init; }
    /// <summary>Where the publish locks live (the per-user cache folder).</summary>
    public required string CacheFolder { get; init; }
    public string? GitHubRef { get; init; }
}
