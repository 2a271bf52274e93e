using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Ocelot.Module.Tests.Harness;

/// <summary>
/// Runs a script in a fresh runspace of the real PowerShell engine with Ocelot imported through its manifest.
/// </summary>
public static class ModuleSession
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ManifestPath => Path.Combine(RepositoryRoot, "Ocelot.psd1");

    /// <summary>The tests' own config folder (distributions, component dependencies, collector configs): Fixtures/config.</summary>
    public static string FixtureConfig { get; } = Path.Combine(RepositoryRoot, "tests", "Ocelot.Module.Tests", "Fixtures", "config");

    /// <summary>The config folder the module ships, for the tests whose point is that file.</summary>
    public static string ShippedConfig { get; } = Path.Combine(RepositoryRoot, "config");

    /// <summary>Imports the module (unless <paramref name="importModule"/> is false) and runs <paramref name="script"/>.</summary>
    /// <param name="parameters">
    /// Parameter defaults for this session only (<c>$PSDefaultParameterValues</c>), such as <see cref="MotoServer.Parameters"/>:
    /// state that must not be process-wide, so sessions of different test classes can run in parallel.
    /// </param>
    /// <param name="fixtureConfig">
    /// Give Get-OcelotDistribution -ConfigPath <see cref="FixtureConfig"/> by default (false: the lookup a user gets,
    /// which ends at the shipped config). A -ConfigPath in the script wins. Only Get-OcelotDistribution: on
    /// Invoke-OcelotBuild and Test-OcelotCollectorConfig a bound -ConfigPath would choose the by-name parameter set
    /// before pipeline input binds; their tests run with <see cref="Fixtures.BuildEnvironment"/>, which points
    /// $env:OCELOT_CONFIG_PATH at the same folder.
    /// </param>
    public static PipelineResult Run(string script, IReadOnlyDictionary<string, object?>? variables = null, bool importModule = true,
        IReadOnlyDictionary<string, object>? parameters = null, bool fixtureConfig = true)
    {
        var host = new RecordingHost();
        var state = InitialSessionState.CreateDefault2();
        using var runspace = RunspaceFactory.CreateRunspace(host, state);
        runspace.Open();
        foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
            runspace.SessionStateProxy.SetVariable(name, value);
        var defaults = runspace.SessionStateProxy.GetVariable("PSDefaultParameterValues") as DefaultParameterDictionary ?? new DefaultParameterDictionary();
        if (fixtureConfig) defaults["Get-OcelotDistribution:ConfigPath"] = FixtureConfig;
        foreach (var (key, value) in parameters ?? new Dictionary<string, object>()) defaults[key] = value;
        runspace.SessionStateProxy.SetVariable("PSDefaultParameterValues", defaults);
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        var prologue = "$PSStyle.OutputRendering = 'PlainText'\n" + (importModule ? $"Import-Module '{ManifestPath.Replace("'", "''")}' -ErrorAction Stop\n" : string.Empty);
        shell.AddScript(prologue + script);
        var output = new List<PSObject>();
        RuntimeException? terminating = null;
        try
        {
            output.AddRange(shell.Invoke());
        }
        catch (RuntimeException ex)
        {
            terminating = ex;
        }
        return new PipelineResult(output, shell.Streams.Error.ToList(), shell.Streams.Warning.ToList(), shell.Streams.Verbose.ToList(),
            shell.Streams.Progress.ToList(), shell.Streams.Information.ToList(), host.Text, terminating);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ocelot.psd1")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
                return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (Ocelot.psd1) above " + AppContext.BaseDirectory);
    }
}
