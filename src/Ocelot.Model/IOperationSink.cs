namespace Ocelot;

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
