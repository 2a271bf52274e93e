using Ocelot.Engine.Aws;
using Ocelot.Engine.Layers;
using Ocelot.Engine.Settings;

namespace Ocelot.Engine.Publishing;

/// <summary>What one Publish-OcelotLayer call asks for, whatever artifacts it is given.</summary>
public sealed record PublishSettings
{
    public required AwsConnection Connection { get; init; }

    /// <summary>The regions to publish in, in the order asked.</summary>
    public required IReadOnlyList<string> Regions { get; init; }

    /// <summary>The SSM parameter path to point at the new versions (already checked), or null.</summary>
    public string? ParameterPath { get; init; }
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

    public required string OcelotVersion { get; init; }

    /// <summary>
    /// The environment the call runs in: the cache folder (where the publish locks live), GITHUB_REF (the version part
    /// of the name in a tag build), and a direct-upload limit that forces S3 staging.
    /// </summary>
    public required OcelotEnvironment Environment { get; init; }
}
