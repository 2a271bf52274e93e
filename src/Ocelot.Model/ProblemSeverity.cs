namespace Ocelot;

/// <summary>How bad an <see cref="OcelotCollectorConfigProblem"/> is: an error rejects the config, a warning does not.</summary>
public enum ProblemSeverity
{
    Error,
    Warning,
}
