using Ocelot.Engine.Distributions;
using Ocelot.Engine.Overlay;

namespace Ocelot.Engine.Build;

/// <summary>A distribution to build, with the overlay catalog it was resolved against.</summary>
public sealed record DistributionToBuild(ResolvedDistribution Distribution, OverlayCatalog Overlay);

/// <summary>What one Invoke-OcelotBuild call asks for, whatever distributions it is given.</summary>
public sealed record LayerBuildSettings(
    IReadOnlyList<string> Architectures,
    string UpstreamRepository,
    string UpstreamRef,
    string OutputDirectory,
    string CacheFolder,
    string CurrentDirectory,
    string OcelotVersion,
    bool SkipCache,
    bool KeepWorkingTree,
    string? FaultStage,
    string? GoExecutable)
{
    public static readonly IReadOnlyList<string> SupportedArchitectures = ["amd64", "arm64"];

    /// <summary>Build without checking the distribution's collector config against the layer's components first.</summary>
    public bool SkipConfigCheck { get; init; }
}
