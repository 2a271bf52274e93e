namespace Ocelot.Engine.Operations;

/// <summary>
/// How long-running engine work reports to its caller. Implementations must be thread-safe: the engine may
/// report from worker threads (the PowerShell side queues and writes on the pipeline thread).
/// </summary>
public interface IOperationSink
{
    void Verbose(string message);
    void Warning(string message);
    void Information(string message);
    void Progress(ProgressUpdate update);
}

/// <summary>One progress record. <see cref="PercentComplete"/> is -1 when unknown.</summary>
public sealed record ProgressUpdate(int ActivityId, string Activity, string Status, int PercentComplete = -1, bool Completed = false, int ParentActivityId = -1);

/// <summary>A sink that discards everything, for callers that do not care.</summary>
public sealed class NullOperationSink : IOperationSink
{
    public static NullOperationSink Instance { get; } = new();
    public void Verbose(string message) { }
    public void Warning(string message) { }
    public void Information(string message) { }
    public void Progress(ProgressUpdate update) { }
}
