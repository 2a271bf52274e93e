using Ocelot.Engine.Aws.Metadata;

namespace Ocelot.Engine.Tests.Aws.Metadata;

internal static class SampleItems
{
    public const string LayerName = "ocel-amd64-minimal-0_158_0-beta";
    public const string BaseLayerArn = "arn:aws:lambda:us-east-1:123456789012:layer:" + LayerName;

    /// <summary>An item with every attribute set.</summary>
    public static LayerMetadataItem Full(long version = 3, string distribution = "minimal") => new()
    {
        LayerArn = $"{BaseLayerArn}:{version}",
        Distribution = distribution,
        DistributionDescription = "Minimal collector with OTLP in and out",
        BaseLayerArn = BaseLayerArn,
        Version = version,
        Region = "us-east-1",
        BaseName = LayerName,
        Architecture = "amd64",
        LayerVersionStr = "0_158_0",
        CollectorVersionInput = "v0.158.0",
        Md5Hash = "9e107d9d372bb6826bd81d3542a419d6",
        PublishTimestamp = "2025-07-02T14:29:23.123456+00:00",
        Public = true,
        CompatibleRuntimes = ["python3.12", "nodejs20.x"],
        Sha256 = "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592",
        CodeSha256 = "16j7swfXgJRpypq8sAguT41WUeRtPNt2LQLQvzfJ5ZI=",
        CodeSize = 12_345_678,
        UpstreamRepo = "open-telemetry/opentelemetry-lambda",
        UpstreamCommit = "0123456789abcdef0123456789abcdef01234567",
        BuildTags = ["lambdacomponents.custom", "lambdacomponents.exporter.otlp"],
        SharedWith = ["o-abc123def4", "210987654321"],
        ReleaseGroup = "beta",
        OcelotVersion = "1.2.3",
    };

    /// <summary>Only the attributes that must be present.</summary>
    public static LayerMetadataItem Minimal(string layerArn = BaseLayerArn + ":1", string distribution = "minimal") => new()
    {
        LayerArn = layerArn,
        Distribution = distribution,
        BaseLayerArn = BaseLayerArn,
        Version = long.Parse(layerArn[(layerArn.LastIndexOf(':') + 1)..]),
        Region = "us-east-1",
        Architecture = "arm64",
        Md5Hash = "d41d8cd98f00b204e9800998ecf8427e",
    };
}
