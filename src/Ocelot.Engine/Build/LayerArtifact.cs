using Ocelot.Engine.Components;

namespace Ocelot.Engine.Build;

/// <summary>A built layer zip and everything that went into it.</summary>
public sealed record LayerArtifact
{
    public required string Distribution { get; init; }
    public string? DistributionDescription { get; init; }
    public required string Architecture { get; init; }
    public required string Path { get; init; }
    public required long Size { get; init; }
    public required string Md5 { get; init; }
    public required string Sha256 { get; init; }
    public required string CodeSha256 { get; init; }
    public required string UpstreamRepo { get; init; }
    public required string UpstreamRef { get; init; }
    public required string UpstreamCommit { get; init; }
    public required string CollectorVersion { get; init; }
    public required IReadOnlyList<string> BuildTags { get; init; }
    public required IReadOnlyList<string> Components { get; init; }

    /// <summary>The same components with the types and signals a collector config uses (empty in artifacts cached by older versions).</summary>
    public IReadOnlyList<LayerComponent> LayerComponents { get; init; } = [];

    /// <summary>The schemes of the config providers the collector has (<c>env</c>, <c>secretsmanager</c>, ...).</summary>
    public IReadOnlyList<string> ConfigProviders { get; init; } = [];
    public required IReadOnlyList<string> GoModules { get; init; }
    public string? ConfigFile { get; init; }
    public required string GoVersion { get; init; }
    public TimeSpan Duration { get; init; }
    public bool FromCache { get; init; }
    public string? WorkingTree { get; init; }
}
