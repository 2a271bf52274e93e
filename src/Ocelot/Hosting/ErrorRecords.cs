using System.Management.Automation;
using Ocelot.Engine.CollectorConfig;
using Ocelot.Engine.Distributions;
using Ocelot.Engine.Failures;

namespace Ocelot.Hosting;

/// <summary>Turns engine failures into ErrorRecords with stable ids, categories and recommended actions.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(OcelotException exception) =>
        Create(exception, exception.ErrorId, exception.Kind, exception.Target, exception.RecommendedAction);

    /// <summary>The engine says what was wrong in its own terms; the record also says which of the cmdlet's parameters to change.</summary>
    public static ErrorRecord From(OcelotException exception, PSCmdlet cmdlet) => ErrorParameters.Name(From(exception), exception, cmdlet);

    public static ErrorRecord From(ConfigProblem problem) =>
        Create(new InvalidDataException(problem.Message), problem.ErrorId, FailureKind.InvalidData, problem.Distribution, problem.RecommendedAction);

    public static ErrorRecord From(OcelotCollectorConfigProblem problem) =>
        Create(new InvalidDataException(problem.ToString()), problem.ErrorId,
            problem.ErrorId == ErrorIds.CollectorConfigYamlSyntax ? FailureKind.ParserError
            : problem.ErrorId == ErrorIds.CollectorConfigNotFound ? FailureKind.ObjectNotFound : FailureKind.InvalidData,
            problem.File, problem.RecommendedAction);

    /// <summary>Writes a config check's problems: errors as ErrorRecords, warnings as warnings, each with its id.</summary>
    public static void WriteProblems(PSCmdlet cmdlet, OcelotCollectorConfigResult report)
    {
        foreach (var problem in report.Problems)
        {
            if (problem.Severity == ProblemSeverity.Error) cmdlet.WriteError(From(problem));
            else cmdlet.WriteWarning($"{problem.ErrorId}: {problem}");
        }
    }

    public static ErrorRecord Create(Exception exception, string errorId, FailureKind kind, object? target, string? recommendedAction)
    {
        var record = new ErrorRecord(exception, errorId, Category(kind), target);
        if (recommendedAction is not null)
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = recommendedAction };
        return record;
    }

    private static ErrorCategory Category(FailureKind kind) => kind switch
    {
        FailureKind.InvalidArgument => ErrorCategory.InvalidArgument,
        FailureKind.InvalidData => ErrorCategory.InvalidData,
        FailureKind.ObjectNotFound => ErrorCategory.ObjectNotFound,
        FailureKind.NotInstalled => ErrorCategory.NotInstalled,
        FailureKind.ReadError => ErrorCategory.ReadError,
        FailureKind.WriteError => ErrorCategory.WriteError,
        FailureKind.ParserError => ErrorCategory.ParserError,
        FailureKind.InvalidOperation => ErrorCategory.InvalidOperation,
        FailureKind.ConnectionError => ErrorCategory.ConnectionError,
        FailureKind.PermissionDenied => ErrorCategory.PermissionDenied,
        FailureKind.LimitsExceeded => ErrorCategory.LimitsExceeded,
        FailureKind.ResourceExists => ErrorCategory.ResourceExists,
        FailureKind.OperationStopped => ErrorCategory.OperationStopped,
        _ => ErrorCategory.NotSpecified,
    };
}
