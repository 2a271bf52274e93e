using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Aws.Metadata;
using Ocelot.Engine.Layers;

namespace Ocelot.Engine.Publishing;

/// <summary>
/// A layer version as Lambda returns it, described for the user (publish, copy and list start from this) and recorded
/// in the metadata table (publish and copy add what they know besides).
/// </summary>
public static class LayerVersionRecord
{
    /// <summary>What Lambda alone says: identity, dates, runtimes, and the parts the name carries in Ocelot's convention.</summary>
    public static OcelotLayerVersion Describe(string region, string layerName, string layerArn, LayerVersionSummary version, LayerVersionStatus status, string? md5)
    {
        var parts = LayerName.TryParse(layerName);
        return new OcelotLayerVersion
        {
            LayerName = layerName,
            Version = version.Version,
            LayerVersionArn = version.LayerVersionArn,
            LayerArn = layerArn,
            Region = region,
            Architecture = version.CompatibleArchitectures.Count == 1
                ? version.CompatibleArchitectures[0] == "x86_64" ? "amd64" : version.CompatibleArchitectures[0]
                : parts?.Architecture,
            Distribution = parts?.Distribution,
            ReleaseGroup = parts?.ReleaseGroup,
            LayerVersionString = parts?.Version,
            Md5 = md5,
            CreatedDate = version.CreatedDate,
            Description = version.Description,
            LicenseInfo = version.LicenseInfo,
            CompatibleRuntimes = [.. version.CompatibleRuntimes],
            Status = status,
        };
    }

    /// <summary>Like the summary's, with the content's digest and size that GetLayerVersion and PublishLayerVersion return.</summary>
    public static OcelotLayerVersion Describe(string region, string layerName, LayerVersionDetails details, LayerVersionStatus status, string? md5) =>
        Describe(region, layerName, details.LayerArn, new LayerVersionSummary(details.LayerVersionArn, details.Version, details.Description, details.CreatedDate,
            details.CompatibleRuntimes, details.CompatibleArchitectures, details.LicenseInfo), status, md5) with
        {
            CodeSha256 = details.Content.CodeSha256,
            CodeSize = details.Content.CodeSize,
        };

    /// <summary>The metadata item of a version described by <see cref="Describe(string, string, LayerVersionDetails, LayerVersionStatus, string?)"/>.</summary>
    /// <param name="baseLayerArn">The layer a publish made it in, or the version a copy was made from.</param>
    public static LayerMetadataItem MetadataItem(OcelotLayerVersion version, string md5, string baseLayerArn) => new()
    {
        LayerArn = version.LayerVersionArn,
        Distribution = version.Distribution ?? version.LayerName,
        BaseLayerArn = baseLayerArn,
        Version = version.Version,
        Region = version.Region,
        BaseName = version.LayerName,
        Architecture = version.Architecture ?? "amd64",
        LayerVersionStr = version.LayerVersionString,
        Md5Hash = md5,
        PublishTimestamp = PublishTimestamp.Now(),
        Public = version.Public ?? false,
        CompatibleRuntimes = version.CompatibleRuntimes.Length == 0 ? null : version.CompatibleRuntimes,
        CodeSha256 = version.CodeSha256,
        CodeSize = version.CodeSize,
        SharedWith = version.SharedWith.Length == 0 ? null : version.SharedWith,
        ReleaseGroup = version.ReleaseGroup,
    };
}
