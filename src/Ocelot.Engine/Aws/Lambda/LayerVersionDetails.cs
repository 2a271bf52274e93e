namespace Ocelot.Engine.Aws.Lambda;

/// <summary>A published layer version as returned by PublishLayerVersion and GetLayerVersion.</summary>
public sealed record LayerVersionDetails(
    string LayerArn,
    string LayerVersionArn,
    long Version,
    string? Description,
    DateTimeOffset CreatedDate,
    IReadOnlyList<string> CompatibleRuntimes,
    IReadOnlyList<string> CompatibleArchitectures,
    string? LicenseInfo,
    LayerVersionContent Content);
