namespace Ocelot.TestKit;

/// <summary>Sets process environment variables and restores them on dispose. Only for tests that may change the whole process (a serialized collection, or a process of their own).</summary>
public sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> _saved = new();

    public EnvironmentScope(IReadOnlyDictionary<string, string?>? variables = null)
    {
        foreach (var (name, value) in variables ?? new Dictionary<string, string?>()) Set(name, value);
    }

    public EnvironmentScope Set(string name, string? value)
    {
        if (!_saved.ContainsKey(name)) _saved[name] = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
        return this;
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
    }
}
