using Ocelot.Engine.Overlay;

namespace Ocelot.Engine.Distributions;

/// <summary>A distribution with its base chain followed: the tags, config file, components and modules a build uses.</summary>
public sealed record ResolvedDistribution(
    string Name,
    string? Description,
    string? Base,
    IReadOnlyList<string> BaseChain,
    IReadOnlyList<string> OwnBuildTags,
    IReadOnlyList<string> BuildTags,
    string? ConfigFile,
    IReadOnlyList<OverlayComponent> Components,
    IReadOnlyList<GoModuleRequirement> GoModules,
    string DistributionsFile);
