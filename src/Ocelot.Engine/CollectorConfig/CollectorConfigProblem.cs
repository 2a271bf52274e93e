namespace Ocelot.Engine.CollectorConfig;

public enum ProblemSeverity
{
    Error,
    Warning,
}

/// <summary>One problem of a collector config, at a 1-based line and column of its file (0 when it has no position).</summary>
public sealed record CollectorConfigProblem(ProblemSeverity Severity, string ErrorId, string Message, string File, int Line, int Column,
    string? ComponentId, string? RecommendedAction)
{
    /// <summary>The message as compilers write it: <c>file:line:column: message</c> (just the file when there is no position).</summary>
    public string Located => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}

/// <summary>The result of checking one config file.</summary>
public sealed record CollectorConfigReport(string Path, string CheckedAgainst, IReadOnlyList<CollectorConfigProblem> Problems)
{
    public bool IsValid => Problems.All(p => p.Severity != ProblemSeverity.Error);
}
