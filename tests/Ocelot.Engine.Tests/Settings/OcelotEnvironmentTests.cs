using Ocelot.Engine.Settings;
using Ocelot.Engine.Operations;

namespace Ocelot.Engine.Tests.Settings;

/// <summary>The environment variables Ocelot reads come from the reader given, never from the process on their own.</summary>
public sealed class OcelotEnvironmentTests
{
    private static OcelotEnvironment Read(Dictionary<string, string?> variables) =>
        OcelotEnvironment.Read(name => variables.GetValueOrDefault(name));

    [Fact]
    public void Every_setting_comes_from_the_variables_given()
    {
        var cache = Path.Combine(Path.GetTempPath(), "ocelot-env-cache");
        var environment = Read(new()
        {
            ["OCELOT_CACHE"] = cache,
            ["OCELOT_CONFIG_PATH"] = "/configs/mine",
            ["OCELOT_GO"] = "/opt/go/bin/go",
            ["OCELOT_INJECT_FAULT"] = "compile",
            ["OCELOT_DIRECT_UPLOAD_LIMIT"] = "1000",
            ["GITHUB_REF"] = "refs/tags/v1.2.3",
            ["GITHUB_STEP_SUMMARY"] = "/tmp/summary.md",
        });
        Assert.Equal(Path.GetFullPath(cache), environment.CacheFolder);
        Assert.Equal("/configs/mine", environment.ConfigPath);
        Assert.Equal("/opt/go/bin/go", environment.GoExecutable);
        Assert.Equal("compile", environment.FaultStage);
        Assert.Equal(1000, environment.DirectUploadLimit);
        Assert.Equal("refs/tags/v1.2.3", environment.GitHubRef);
        Assert.Equal("/tmp/summary.md", environment.StepSummaryFile);
    }

    [Fact]
    public void Unset_or_empty_variables_are_no_setting_and_an_unreadable_upload_limit_asks_Lambda()
    {
        var environment = Read(new() { ["OCELOT_CONFIG_PATH"] = "", ["OCELOT_DIRECT_UPLOAD_LIMIT"] = "lots" });
        Assert.Null(environment.ConfigPath);
        Assert.Null(environment.DirectUploadLimit);
        Assert.Null(environment.GitHubRef);
        Assert.Null(environment.StepSummaryFile);
    }

    [Fact]
    public void Without_OCELOT_CACHE_the_cache_follows_XDG_CACHE_HOME_on_Linux()
    {
        if (!OperatingSystem.IsLinux()) return;
        var xdg = Path.Combine(Path.GetTempPath(), "ocelot-env-xdg");
        Assert.Equal(Path.Combine(xdg, "ocelot"), Read(new() { ["XDG_CACHE_HOME"] = xdg }).CacheFolder);
    }
}
