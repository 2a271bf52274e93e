using System.Collections.Concurrent;
using System.Management.Automation;
using Ocelot.Engine.Operations;

namespace Ocelot.Hosting;

/// <summary>
/// Runs engine work on a worker thread and writes what it reports (verbose, warnings, progress, results) on the
/// pipeline thread, the only thread PowerShell lets a cmdlet write from. One pump serves one run.
/// </summary>
internal sealed class PipelinePump(PSCmdlet cmdlet) : IOperationSink
{
    private readonly BlockingCollection<Action> _queue = new();

    public void Verbose(string message) => Post(() => cmdlet.WriteVerbose(message));
    public void Warning(string message) => Post(() => cmdlet.WriteWarning(message));
    public void Information(string message) =>
        Post(() => cmdlet.WriteInformation(new HostInformationMessage { Message = message }, ["PSHOST"]));

    public void Progress(ProgressUpdate update) => Post(() =>
    {
        var record = new ProgressRecord(update.ActivityId, update.Activity, update.Status)
        {
            PercentComplete = update.PercentComplete,
            ParentActivityId = update.ParentActivityId,
            RecordType = update.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
        cmdlet.WriteProgress(record);
    });

    /// <summary>Queues any write (an output object, a non-terminating error) for the pipeline thread.</summary>
    public void Post(Action write)
    {
        try { _queue.Add(write); }
        catch (InvalidOperationException) { } // the run has ended; late messages are dropped
    }

    /// <summary>
    /// Runs <paramref name="work"/> and pumps its messages until it ends; rethrows its failure. Work cancelled because the
    /// pipeline is stopping (Ctrl-C) ends as PipelineStoppedException, as PowerShell expects.
    /// </summary>
    public void Run(Func<CancellationToken, Task> work, CancellationTokenSource cancellation)
    {
        var task = Task.Run(() => work(cancellation.Token));
        task.ContinueWith(_ => _queue.CompleteAdding(), TaskScheduler.Default);
        try
        {
            foreach (var write in _queue.GetConsumingEnumerable()) write();
        }
        finally
        {
            if (!task.IsCompleted)
            {
                // The pipeline is stopping (a write threw): let the worker clean up before the cmdlet returns.
                cancellation.Cancel();
                try { task.Wait(TimeSpan.FromSeconds(60)); } catch (AggregateException) { }
            }
        }
        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }
}
