namespace Ocelot;

/// <summary>The result of Test-OcelotCollectorConfig for one config file.</summary>
public sealed record OcelotCollectorConfigResult
{
    /// <summary>Full path of the config file.</summary>
    public required string Path { get; init; }

    /// <summary>True when the config has no errors (warnings allowed).</summary>
    public bool IsValid => Problems.All(p => p.Severity != ProblemSeverity.Error);

    /// <summary>What the config was checked against, e.g. "minimal for amd64".</summary>
    public required string CheckedAgainst { get; init; }
    public required OcelotCollectorConfigProblem[] Problems { get; init; }
    public int ErrorCount => Problems.Count(p => p.Severity == ProblemSeverity.Error);
    public int WarningCount => Problems.Count(p => p.Severity == ProblemSeverity.Warning);

    public override string ToString() => Path;
}
