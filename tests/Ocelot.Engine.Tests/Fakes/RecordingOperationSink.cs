using Ocelot.Engine.Operations;

namespace Ocelot.Engine.Tests.Fakes;

/// <summary>A fake of the cmdlet's sink: keeps the warnings and verbose lines the engine writes.</summary>
internal sealed class RecordingOperationSink : IOperationSink
{
    private readonly List<string> _warnings = [];

    public IReadOnlyList<string> Warnings
    {
        get { lock (_warnings) return _warnings.ToList(); }
    }

    public void Verbose(string message)
    {
    }

    public void Warning(string message)
    {
        lock (_warnings) _warnings.Add(message);
    }

    public void Information(string message)
    {
    }

    public void Progress(ProgressUpdate update)
    {
    }
}
