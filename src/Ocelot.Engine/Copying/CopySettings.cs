using Amazon.DynamoDBv2;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Publishing;

namespace Ocelot.Engine.Copying;

/// <summary>What a copy run shares: where copies land, their sharing, and the target's metadata table.</summary>
public sealed record CopySettings
{
    public required AwsConnection Source { get; init; }
    public required TargetAccount Target { get; init; }
    public IReadOnlyList<SharingGrant> Sharing { get; init; } = [];
    public bool SkipMetadata { get; init; }
    public required string MetadataTable { get; init; }
    public required string MetadataRegion { get; init; }
    public int ThrottleLimit { get; init; } = 8;
}
