namespace Ocelot.Engine.Build;

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
    /// <summary>Build without checking the distribution's collector config against the layer's components first.</summary>
    public bool SkipConfigCheck { get; init; }
}
