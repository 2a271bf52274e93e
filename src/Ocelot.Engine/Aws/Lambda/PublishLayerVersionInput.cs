namespace Ocelot.Engine.Aws.Lambda;

/// <summary>What to publish as a new version of a layer.</summary>
public sealed record PublishLayerVersionInput(string LayerName, LayerContent Content)
{
    public string? Description { get; init; }

    public IReadOnlyList<string> CompatibleRuntimes { get; init; } = [];

    public IReadOnlyList<string> CompatibleArchitectures { get; init; } = [];

    public string? LicenseInfo { get; init; }
}
