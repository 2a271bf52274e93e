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

/// <summary>One problem of a collector config, with its position (1-based line and column; 0 when none).</summary>
public sealed record OcelotCollectorConfigProblem
{
    public required ProblemSeverity Severity { get; init; }

    /// <summary>The stable id, as in docs/errors.md (e.g. CollectorConfigComponentNotInLayer).</summary>
    public required string ErrorId { get; init; }
    public required string Message { get; init; }
    public required string File { get; init; }
    public required int Line { get; init; }
    public required int Column { get; init; }

    /// <summary>The component id the problem is about, as written in the config (otlphttp/backend), if any.</summary>
    public string? ComponentId { get; init; }
    public string? RecommendedAction { get; init; }

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
