namespace Ocelot.Engine.Operations;

/// <summary>A sink that discards everything, for callers that do not care.</summary>
public sealed class NullOperationSink : IOperationSink
{
    public static NullOperationSink Instance { get; } = new();
    public void Verbose(string message) { }
    public void Warning(string message) { }
    public void Information(string message) { }
    public void Progress(ProgressUpdate update) { }
}
