using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

public static class ProcessEnvironmentCollection
{
    public const string Name = "Tests that change process environment variables";
}

/// <summary>Lookup order: -ConfigPath, then $env:OCELOT_CONFIG_PATH, then the module's config folder.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ConfigLookupTests : IDisposable
{
    private readonly TempFolder _fromEnvironment = new();
    private readonly TempFolder _fromParameter = new();
    private readonly EnvironmentScope _environment = new();

    public ConfigLookupTests()
    {
        _fromEnvironment.Write("distributions.yaml", "from-env:\n  buildtags: [a.b]\n");
        _fromParameter.Write("distributions.yaml", "from-parameter:\n  buildtags: [a.b]\n");
    }

    public void Dispose()
    {
        _environment.Dispose();
        _fromEnvironment.Dispose();
        _fromParameter.Dispose();
    }

    [Fact]
    public void The_environment_variable_overrides_the_module_config_and_the_parameter_overrides_both()
    {
        _environment.Set("OCELOT_CONFIG_PATH", _fromEnvironment.Path);
        var fromEnvironment = ModuleSession.Run("Get-OcelotDistribution -Verbose", fixtureConfig: false).AssertSucceeded();
        Assert.Equal("from-env", Assert.Single(fromEnvironment.Output).Get<string>("Name"));
        Assert.Contains("env:OCELOT_CONFIG_PATH", fromEnvironment.VerboseText);

        var fromParameter = ModuleSession.Run("Get-OcelotDistribution -ConfigPath ([IO.Path]::Combine($cfg, 'distributions.yaml')) -Verbose",
            new Dictionary<string, object?> { ["cfg"] = _fromParameter.Path }).AssertSucceeded();
        Assert.Equal("from-parameter", Assert.Single(fromParameter.Output).Get<string>("Name"));
        Assert.Contains("-ConfigPath", fromParameter.VerboseText);

        _environment.Set("OCELOT_CONFIG_PATH", null);
        // Neither given: the module's own config folder (whatever distributions it ships).
        var fromModule = ModuleSession.Run("Get-OcelotDistribution -Verbose", fixtureConfig: false).AssertSucceeded();
        Assert.Contains(Path.Combine(ModuleSession.RepositoryRoot, "config", "distributions.yaml"), fromModule.VerboseText);
        Assert.DoesNotContain(fromModule.Output, d => d.Get<string>("Name") is "from-env" or "from-parameter");
    }

    [Fact]
    public void A_relative_ConfigPath_resolves_against_the_PowerShell_location()
    {
        var result = ModuleSession.Run("$null = $ExecutionContext.SessionState.Path.SetLocation($cfg); Get-OcelotDistribution -ConfigPath ./distributions.yaml",
            new Dictionary<string, object?> { ["cfg"] = _fromParameter.Path }).AssertSucceeded();
        Assert.Equal("from-parameter", Assert.Single(result.Output).Get<string>("Name"));
    }
}
