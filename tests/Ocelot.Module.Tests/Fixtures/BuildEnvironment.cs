using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests.Fixtures;

/// <summary>
/// What the build tests share: a Go module proxy on disk, a fixture upstream repository, and process environment
/// pointing go (and Ocelot's cache and config lookup) at them. Go's own build cache is the user's, shared, as it is for users.
/// Tests using it run in the process-environment collection, never in parallel with each other.
/// </summary>
public sealed class BuildEnvironment : IDisposable
{
    private readonly TempFolder _root = new("ocelot-build-tests-");
    private readonly EnvironmentScope _environment = new();

    public BuildEnvironment()
    {
        ProxyFolder = Path.Combine(_root.Path, "goproxy");
        GoFixture.WriteModuleProxy(ProxyFolder);
        UpstreamFolder = Path.Combine(_root.Path, "upstream");
        UpstreamCommit = GoFixture.CreateUpstreamRepository(UpstreamFolder);
        CacheFolder = Path.Combine(_root.Path, "cache");
        foreach (var (name, value) in GoFixture.GoEnvironment(ProxyFolder, Path.Combine(_root.Path, "gomodcache")))
            _environment.Set(name, value);
        _environment.Set("OCELOT_CACHE", CacheFolder);
        // The tests' own distributions, not the shipped config/ (which may change without breaking a build test).
        _environment.Set("OCELOT_CONFIG_PATH", ModuleSession.FixtureConfig);
    }

    public string Root => _root.Path;
    public string ProxyFolder { get; }
    public string UpstreamFolder { get; }
    public string UpstreamCommit { get; }
    public string CacheFolder { get; }

    /// <summary>Sets a process environment variable until the fixture is disposed.</summary>
    public void Set(string name, string? value) => _environment.Set(name, value);

    /// <summary>Creates a second fixture upstream, changed by <paramref name="customize"/>, and returns its folder.</summary>
    public string CreateVariant(string name, Action<string> customize)
    {
        var folder = Path.Combine(_root.Path, name);
        GoFixture.CreateUpstreamRepository(folder, customize);
        return folder;
    }

    public void Dispose()
    {
        _environment.Dispose();
        _root.Dispose();
    }
}

[CollectionDefinition(ProcessEnvironmentCollection.Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollectionWithBuild : ICollectionFixture<BuildEnvironment>;
