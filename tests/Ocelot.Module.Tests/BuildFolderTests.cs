using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>
/// Family 1 of issue 8, the layer-input and work-folder half: links in a configuration folder never bring a host file
/// into a zip, and every distribution name length gets a folder of its own.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BuildFolderTests(BuildEnvironment environment) : IDisposable
{
    private readonly TempFolder _scratch = new("ocelot-inputs-");

    public void Dispose() => _scratch.Dispose();

    private string Secret()
    {
        var host = Directory.CreateDirectory(Path.Combine(_scratch.Path, "host")).FullName;
        File.WriteAllText(Path.Combine(host, "forwarder.yaml"), "receivers: {} # host secret 7d2e\n");
        return host;
    }

    private string ConfigFolder(string distributions)
    {
        var config = Directory.CreateDirectory(Path.Combine(_scratch.Path, "config")).FullName;
        File.WriteAllText(Path.Combine(config, "distributions.yaml"), distributions);
        return config;
    }

    private PipelineResult Run(string script, string config, string? output = null) =>
        ModuleSession.Run(script, new Dictionary<string, object?>
        {
            ["cfg"] = config, ["upstream"] = environment.UpstreamFolder, ["out"] = output ?? Path.Combine(_scratch.Path, "out"),
        });

    private const string Forwarder = "fwd:\n  buildtags: [lambdacomponents.custom, lambdacomponents.receiver.otlp]\n  config-file: forwarder.yaml\n";

    [Fact]
    public void A_config_file_that_links_to_a_host_file_is_refused_with_its_position()
    {
        var host = Secret();
        var config = ConfigFolder(Forwarder);
        Directory.CreateDirectory(Path.Combine(config, "collector-configs"));
        File.CreateSymbolicLink(Path.Combine(config, "collector-configs", "forwarder.yaml"), Path.Combine(host, "forwarder.yaml"));
        var result = Run("Invoke-OcelotBuild fwd -ConfigPath $cfg -UpstreamRepo $upstream -OutputDirectory $out", config);
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("LayerInputOutsideFolder,", error.FullyQualifiedErrorId);
        Assert.Matches(@"distributions\.yaml:3:\d+", error.Exception.Message);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void A_collector_configs_folder_that_is_itself_a_link_is_refused()
    {
        var host = Secret();
        var config = ConfigFolder(Forwarder);
        File.CreateSymbolicLink(Path.Combine(config, "collector-configs"), host);
        var result = Run("Get-OcelotDistribution fwd -ConfigPath $cfg", config);
        Assert.StartsWith("LayerInputOutsideFolder,", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
    }

    [Fact]
    public void A_link_between_two_files_of_collector_configs_is_fine()
    {
        var config = ConfigFolder(Forwarder);
        var configs = Directory.CreateDirectory(Path.Combine(config, "collector-configs")).FullName;
        File.WriteAllText(Path.Combine(configs, "real.yaml"), "receivers: {}\n");
        File.CreateSymbolicLink(Path.Combine(configs, "forwarder.yaml"), "real.yaml");
        var result = Run("Get-OcelotDistribution fwd -ConfigPath $cfg", config).AssertSucceeded();
        Assert.Single(result.Output);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(47)]
    [InlineData(64)]
    public void Every_allowed_name_length_builds(int length)
    {
        var name = new string('n', length);
        var config = ConfigFolder($"{name}:\n  buildtags: [lambdacomponents.custom, lambdacomponents.receiver.otlp]\n");
        var artifact = Assert.Single(Run($"Invoke-OcelotBuild {name} -ConfigPath $cfg -UpstreamRepo $upstream -OutputDirectory $out -SkipCache -SkipConfigCheck", config).AssertSucceeded().Output);
        Assert.Equal($"collector-amd64-{name}.zip", Path.GetFileName(artifact.Get<string>("Path")));
    }

    [Fact]
    public async Task Concurrent_builds_of_one_long_name_never_share_a_build_folder()
    {
        var name = "long-" + new string('x', 59);
        var config = ConfigFolder($"{name}:\n  buildtags: [lambdacomponents.custom, lambdacomponents.receiver.otlp]\n");
        var builds = Enumerable.Range(0, 2).Select(i => Task.Run(() =>
            Run($"Invoke-OcelotBuild {name} -ConfigPath $cfg -UpstreamRepo $upstream -OutputDirectory $out -SkipCache -SkipConfigCheck -KeepWorkingTree", config,
                Path.Combine(_scratch.Path, $"out{i}")))).ToArray();
        var trees = (await Task.WhenAll(builds)).Select(r => Assert.Single(r.AssertSucceeded().Output).Get<string>("WorkingTree")).ToList();
        try
        {
            Assert.NotEqual(trees[0], trees[1]);
        }
        finally
        {
            foreach (var tree in trees) Directory.Delete(tree, recursive: true);
        }
    }
}
