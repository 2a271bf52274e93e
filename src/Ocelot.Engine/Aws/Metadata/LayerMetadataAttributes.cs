namespace Ocelot.Engine.Aws.Metadata;

/// <summary>DynamoDB attribute names of a layer metadata item, as written by the original Python tool.</summary>
public static class LayerMetadataAttributes
{
    public const string LayerArn = "layer_arn";
    public const string Distribution = "distribution";
    public const string DistributionDescription = "distribution_description";
    public const string BaseLayerArn = "base_layer_arn";
    public const string Version = "version";
    public const string Region = "region";
    public const string BaseName = "base_name";
    public const string Architecture = "architecture";
    public const string LayerVersionStr = "layer_version_str";
    public const string CollectorVersionInput = "collector_version_input";
    public const string Md5Hash = "md5_hash";
    public const string PublishTimestamp = "publish_timestamp";
    public const string Public = "public";
    public const string CompatibleRuntimes = "compatible_runtimes";

    // Added by Ocelot; the old report tools ignore attributes they do not know.
    public const string Sha256 = "sha256";
    public const string CodeSha256 = "code_sha256";
    public const string CodeSize = "code_size";
    public const string UpstreamRepo = "upstream_repo";
    public const string UpstreamCommit = "upstream_commit";
    public const string BuildTags = "build_tags";
    public const string SharedWith = "shared_with";
    public const string ReleaseGroup = "release_group";
    public const string OcelotVersion = "ocelot_version";

    // The layer's components as a collector config names them, and its config providers (Test-OcelotCollectorConfig).
    public const string Components = "components";
    public const string ConfigProviders = "config_providers";
}
