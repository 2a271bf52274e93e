namespace Ocelot.Engine.Aws.Lambda;

/// <summary>A layer version as listed by ListLayerVersions and ListLayers.</summary>
public sealed record LayerVersionSummary(
    string LayerVersionArn,
    long Version,
    string? Description,
    DateTimeOffset CreatedDate,
    IReadOnlyList<string> CompatibleRuntimes,
    IReadOnlyList<string> CompatibleArchitectures,
    string? LicenseInfo);
