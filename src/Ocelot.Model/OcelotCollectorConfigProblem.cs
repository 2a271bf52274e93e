namespace Ocelot;

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
