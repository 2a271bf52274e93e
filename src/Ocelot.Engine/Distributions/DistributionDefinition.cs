namespace Ocelot.Engine.Distributions;

/// <summary>One distribution as written in the file, before its base chain is followed.</summary>
public sealed record DistributionDefinition(
    string Name,
    string? Description,
    string? Base,
    IReadOnlyList<string> OwnBuildTags,
    string? ConfigFileName,
    string? ConfigFilePath,
    SourceLocation Location,
    SourceLocation? BaseLocation);
