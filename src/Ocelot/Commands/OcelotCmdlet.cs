using System.Management.Automation;
using Ocelot.Engine.Settings;
using Ocelot.Engine.Build;
using Ocelot.Hosting;

namespace Ocelot.Commands;

/// <summary>
/// What every Ocelot cmdlet shares: the cancellation that Ctrl-C triggers (created and disposed with the cmdlet), the
/// settings read from the environment (once per command), engine work run on a worker thread with one error path, and
/// the answer to "may I change this?".
/// </summary>
public abstract class OcelotCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private OcelotEnvironment? _environment;

    /// <summary>The environment variables Ocelot reads, read on first use and kept for the rest of the command.</summary>
    private protected OcelotEnvironment Settings => _environment ??= OcelotEnvironment.Current();

    protected override void StopProcessing()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Ctrl-C as the command ends, after PowerShell disposed it: there is nothing left to cancel.
        }
    }

    public void Dispose()
    {
        _cancellation.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Runs engine work on a worker thread; what it reports (verbose, warnings, progress, objects it posts) is written on
    /// the pipeline thread. An engine failure stops the command or is written as an error, as <paramref name="onFailure"/> says.
    /// </summary>
    /// <returns>False when the work failed and the failure was written.</returns>
    private protected bool Run(Func<PipelinePump, CancellationToken, Task> work, OnFailure onFailure)
    {
        var pump = new PipelinePump(this);
        try
        {
            pump.Run(token => work(pump, token), _cancellation);
            return true;
        }
        catch (OcelotException ex)
        {
            Fail(ex, onFailure);
            return false;
        }
    }

    private protected bool Run<T>(Func<PipelinePump, CancellationToken, Task<T>> work, OnFailure onFailure, out T result)
    {
        T value = default!;
        var succeeded = Run(async (pump, token) => value = await work(pump, token).ConfigureAwait(false), onFailure);
        result = value;
        return succeeded;
    }

    /// <summary>Engine work that does no I/O (checks, parsing), with the same error path as <see cref="Run"/>.</summary>
    private protected bool Try<T>(Func<T> step, OnFailure onFailure, out T result)
    {
        try
        {
            result = step();
            return true;
        }
        catch (OcelotException ex)
        {
            Fail(ex, onFailure);
            result = default!;
            return false;
        }
    }

    private protected bool Try(Action step, OnFailure onFailure) => Try(() => { step(); return true; }, onFailure, out _);

    /// <summary>The one place an engine failure becomes an ErrorRecord (a rejected collector config first lists its problems).</summary>
    private protected void Fail(OcelotException failure, OnFailure onFailure)
    {
        if (failure is CollectorConfigRejectedException rejected) ErrorRecords.WriteProblems(this, rejected.Report);
        var record = ErrorRecords.From(failure, this);
        if (onFailure == OnFailure.Stop) ThrowTerminatingError(record);
        WriteError(record);
    }

    /// <summary>Writes the failures of the items that failed while the others went on.</summary>
    private protected void WriteFailures(IEnumerable<OcelotException?> failures)
    {
        foreach (var failure in failures)
            if (failure is not null) Fail(failure, OnFailure.WriteError);
    }

    /// <summary>
    /// ShouldProcess, with -Force as in AWS Tools for PowerShell: it skips the confirmation prompt and nothing else.
    /// -WhatIf, and $WhatIfPreference when -WhatIf is not given, still only report.
    /// </summary>
    private protected bool ShouldChange(string target, string action, bool force)
    {
        if (WhatIfInEffect || !force) return ShouldProcess(target, action);
        WriteVerbose($"Performing the operation \"{action}\" on target \"{target}\" (-Force: not confirmed).");
        return true;
    }

    /// <summary>-WhatIf as given, else $WhatIfPreference.</summary>
    private protected bool WhatIfInEffect =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)
            ? LanguagePrimitives.IsTrue(bound)
            : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    /// <summary>The module version, recorded in what Ocelot writes (layer descriptions, build caches).</summary>
    private protected string ModuleVersion =>
        MyInvocation.MyCommand.Module?.Version?.ToString() ?? GetType().Assembly.GetName().Version!.ToString();
}
