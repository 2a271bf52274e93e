using System.Management.Automation;

namespace Ocelot.Module.Tests.Harness;

/// <summary>Everything one pipeline produced, stream by stream.</summary>
public sealed record PipelineResult(
    IReadOnlyList<PSObject> Output,
    IReadOnlyList<ErrorRecord> Errors,
    IReadOnlyList<WarningRecord> Warnings,
    IReadOnlyList<VerboseRecord> Verbose,
    IReadOnlyList<ProgressRecord> Progress,
    IReadOnlyList<InformationRecord> Information,
    string HostText,
    RuntimeException? Terminating)
{
    /// <summary>The FullyQualifiedErrorId of every error, terminating one included.</summary>
    public IReadOnlyList<string> ErrorIds =>
        Errors.Select(e => e.FullyQualifiedErrorId).Concat(Terminating is null ? [] : [Terminating.ErrorRecord.FullyQualifiedErrorId]).ToList();

    /// <summary>All errors, terminating one included.</summary>
    public IReadOnlyList<ErrorRecord> AllErrors =>
        Errors.Concat(Terminating is null ? [] : [Terminating.ErrorRecord]).ToList();

    public string VerboseText => string.Join("\n", Verbose.Select(v => v.Message));

    /// <summary>Throws with every error when the pipeline failed, so a test failure says why.</summary>
    public PipelineResult AssertSucceeded()
    {
        if (Terminating is not null || Errors.Count > 0)
            throw new Xunit.Sdk.XunitException("Pipeline failed:\n" + string.Join("\n", AllErrors.Select(e => $"{e.FullyQualifiedErrorId}: {e}")));
        return this;
    }
}

public static class PSObjectExtensions
{
    public static T Get<T>(this PSObject item, string property)
    {
        var value = item.Properties[property]?.Value ?? throw new Xunit.Sdk.XunitException($"Property '{property}' is missing or null on {item.TypeNames.FirstOrDefault()}.");
        // An enum reads as a string the way a script sees it ($v.Status -eq 'Published').
        if (typeof(T) == typeof(string) && value is Enum name) return (T)(object)name.ToString();
        return value is PSObject wrapped && wrapped.BaseObject is T inner ? inner : (T)value;
    }

    public static object? Value(this PSObject item, string property) => item.Properties[property]?.Value;
}
