using System.Management.Automation;
using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>
/// Test-OcelotCollectorConfig in the hosted engine, and the build's config check, on the fixture upstream with the real
/// Go toolchain (types and signals read from the fixture modules' metadata.yaml through go list).
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class TestOcelotCollectorConfigTests(BuildEnvironment environment) : IDisposable
{
    private const string CommandSuffix = ",Ocelot.Commands.TestOcelotCollectorConfigCommand";
    private readonly TempFolder _output = new("ocelot-config-out-");
    private readonly TempFolder _configs = new("ocelot-configs-");

    private static readonly string UpstreamConfig = Path.Combine(GoFixture.UpstreamFolder, "collector", "config.yaml");
    private static readonly string Forwarder = Path.Combine(ModuleSession.FixtureConfig, "collector-configs", "forwarder.yaml");

    public void Dispose()
    {
        _output.Dispose();
        _configs.Dispose();
    }

    /// <summary>Runs with an empty build cache, so -Distribution has no earlier build to use and types come from tags.</summary>
    private PipelineResult RunUnbuilt(string script, IReadOnlyDictionary<string, object?>? extra = null)
    {
        using var cache = new TempFolder("ocelot-empty-cache-");
        using var scope = new EnvironmentScope().Set("OCELOT_CACHE", cache.Path);
        return Run(script, extra);
    }

    private PipelineResult Run(string script, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var variables = new Dictionary<string, object?> { ["upstream"] = environment.UpstreamFolder, ["out"] = _output.Path, ["cfg"] = _configs.Path };
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>()) variables[key] = value;
        return ModuleSession.Run(script, variables);
    }

    private static PSObject Problem(PSObject result, int index = 0) => PSObject.AsPSObject(result.Get<object[]>("Problems")[index]);

    [Fact]
    public void Upstream_default_config_against_minimal_is_one_invalid_result_and_one_error_with_its_id_and_position()
    {
        var result = RunUnbuilt("Test-OcelotCollectorConfig -Path $p -Distribution minimal", new Dictionary<string, object?> { ["p"] = UpstreamConfig });
        var output = Assert.Single(result.Output);
        Assert.Equal("Ocelot.OcelotCollectorConfigResult", output.TypeNames[0]);
        Assert.False(output.Get<bool>("IsValid"));
        var error = Assert.Single(result.Errors);
        Assert.Equal("CollectorConfigComponentNotInLayer" + CommandSuffix, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal(UpstreamConfig, error.TargetObject);
        Assert.Contains("add lambdacomponents.exporter.debug", error.ErrorDetails.RecommendedAction + error.Exception.Message);
        var problem = Problem(output);
        Assert.Equal((10, 3, "debug", "Error"), (problem.Get<int>("Line"), problem.Get<int>("Column"), problem.Get<string>("ComponentId"), problem.Get<string>("Severity")));
        Assert.Contains(result.Warnings, w => w.Message.Contains("has not been built with these tags yet: component types come from its build tags"));
    }

    [Fact]
    public void Strings_and_FileInfo_objects_pipe_one_result_per_file_and_no_path_checks_the_distribution_s_own_config()
    {
        var broken = _configs.Write("broken.yaml", "receivers:\n  otlp:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n");
        var result = RunUnbuilt("$a, [System.IO.FileInfo]::new($b) | Test-OcelotCollectorConfig -Distribution minimal-forwarder; Test-OcelotCollectorConfig -Distribution minimal-forwarder",
            new Dictionary<string, object?> { ["a"] = Forwarder, ["b"] = broken });
        Assert.Equal([(Forwarder, true), (broken, false), (Forwarder, true)], result.Output.Select(o => (o.Get<string>("Path"), o.Get<bool>("IsValid"))));
        var error = Assert.Single(result.Errors);
        Assert.Equal("CollectorConfigPipelineIncomplete" + CommandSuffix, error.FullyQualifiedErrorId);
        Assert.Equal((5, 5), (Problem(result.Output[1]).Get<int>("Line"), Problem(result.Output[1]).Get<int>("Column")));
    }

    [Fact]
    public void A_warning_is_written_with_its_id_and_leaves_the_config_valid()
    {
        var config = _configs.Write("env.yaml", File.ReadAllText(Forwarder).Replace("${secretsmanager:serverless-otlp-forwarder/default#endpoint}", "${env:BACKEND}"));
        var result = RunUnbuilt("Test-OcelotCollectorConfig $p -Distribution minimal-forwarder -WarningVariable w; $w.Count",
            new Dictionary<string, object?> { ["p"] = config });
        Assert.True(result.Output[0].Get<bool>("IsValid"));
        Assert.Empty(result.Errors);
        Assert.Equal(2, (int)result.Output[1].BaseObject);
        Assert.Contains(result.Warnings, w => w.Message.StartsWith("CollectorConfigEnvWithoutDefault: ") && w.Message.Contains($"{config}:16:15"));
    }

    [Fact]
    public void A_built_artifact_carries_types_modules_and_signals_from_metadata_and_pipes_into_the_check()
    {
        var spanToMetrics = _configs.Write("span-to-metrics.yaml", File.ReadAllText(Forwarder).Replace("    metrics:\n      receivers: [otlp]", "    metrics:\n      receivers: [otlp, spaneventtolog]"));
        var result = Run("$a = Invoke-OcelotBuild minimal-forwarder -UpstreamRepo $upstream -OutputDirectory $out -SkipCache; $a; $a | Test-OcelotCollectorConfig -Path $f, $g",
            new Dictionary<string, object?> { ["f"] = Forwarder, ["g"] = spanToMetrics });
        var artifact = result.Output[0];
        var components = artifact.Get<object[]>("Components").Select(PSObject.AsPSObject).ToDictionary(c => c.Get<string>("Id"));
        var connector = components["connector/signaltometrics"];
        Assert.True(connector.Get<bool>("FromMetadata"));
        Assert.Equal(["traces_to_metrics", "logs_to_metrics", "metrics_to_metrics"], connector.Get<string[]>("Signals"));
        Assert.Equal(("github.com/open-telemetry/opentelemetry-collector-contrib/connector/signaltometricsconnector", "v0.158.0"),
            (connector.Get<string>("Module"), connector.Get<string>("Version")));
        Assert.Equal("lambdacomponents.extension.asmauthextension", components["extension/asmauthextension"].Get<string>("BuildTag"));
        Assert.Equal("v0.6.0", components["connector/spaneventtolog"].Get<string>("Version"));
        Assert.True(components["receiver/otlp"].Get<bool>("FromMetadata"));
        Assert.Equal("go.opentelemetry.io/collector/receiver/otlpreceiver", components["receiver/otlp"].Get<string>("ImportPath"));
        // Upstream's decouple processor has no metadata.yaml (as in opentelemetry-lambda): typed by its tag, with one warning.
        Assert.False(components["processor/decouple"].Get<bool>("FromMetadata"));
        var warning = Assert.Single(result.Warnings, w => w.Message.Contains("metadata.yaml"));
        Assert.Contains("No metadata.yaml found for processor.decouple:", warning.Message);
        // The config providers are read from upstream's collector sources: the same the built binary has.
        var zip = artifact.Get<string>("Path");
        var unzipped = Directory.CreateTempSubdirectory("ocelot-unzip-").FullName;
        try
        {
            GoFixture.Run("unzip", ["-q", zip, "-d", unzipped], unzipped);
            Assert.Equal(GoFixture.Run(Path.Combine(unzipped, "extensions", "collector"), ["--providers"], unzipped).Split('\n', StringSplitOptions.RemoveEmptyEntries),
                artifact.Get<string[]>("ConfigProviders"));
        }
        finally
        {
            Directory.Delete(unzipped, recursive: true);
        }

        Assert.Equal([true, false], result.Output.Skip(1).Select(o => o.Get<bool>("IsValid")));
        Assert.Equal("minimal-forwarder for amd64", result.Output[1].Get<string>("CheckedAgainst"));
        var error = Assert.Single(result.Errors);
        Assert.Equal("CollectorConfigSignalUnsupported" + CommandSuffix, error.FullyQualifiedErrorId);
        Assert.Contains("traces_to_metrics", error.Exception.Message);
    }

    [Fact]
    public void A_build_whose_config_does_not_fit_stops_before_compiling_and_caches_nothing()
    {
        _configs.Write("distributions.yaml", "broken:\n  buildtags: [lambdacomponents.custom, lambdacomponents.receiver.otlp, lambdacomponents.exporter.otlphttp]\n  config-file: debug.yaml\n" +
                                             "plain:\n  buildtags: [lambdacomponents.custom, lambdacomponents.receiver.otlp, lambdacomponents.exporter.otlphttp]\n");
        _configs.Write("collector-configs/debug.yaml", File.ReadAllText(UpstreamConfig));
        var artifacts = Path.Combine(environment.CacheFolder, "artifacts");
        var before = Directory.Exists(artifacts) ? Directory.GetDirectories(artifacts).Length : 0;

        var result = Run("Invoke-OcelotBuild broken, plain -ConfigPath $cfg -UpstreamRepo $upstream -OutputDirectory $out -SkipCache -Verbose");
        Assert.Empty(result.Output);
        Assert.Equal(["CollectorConfigComponentNotInLayer", "CollectorConfigInvalid", "CollectorConfigComponentNotInLayer", "CollectorConfigInvalid"],
            result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Contains("debug.yaml:10:3: exporter 'debug' is not in this layer", result.Errors[0].Exception.Message);
        // plain ships upstream's default config.yaml (from the build tree), which is checked the same way.
        Assert.Matches(@"collector[/\\]config\.yaml:10:3: exporter 'debug'", result.Errors[2].Exception.Message);
        Assert.DoesNotContain(result.Verbose, v => v.Message.StartsWith("go build"));
        Assert.Empty(Directory.GetFiles(_output.Path));
        Assert.Equal(before, Directory.Exists(artifacts) ? Directory.GetDirectories(artifacts).Length : 0);

        // Built without the check, the artifact pipes into the check of the config its zip ships.
        var skipped = Run("Invoke-OcelotBuild plain -ConfigPath $cfg -UpstreamRepo $upstream -OutputDirectory $out -SkipConfigCheck | Test-OcelotCollectorConfig");
        var shipped = Assert.Single(skipped.Output);
        Assert.Equal(Path.Combine(_output.Path, "collector-amd64-plain.zip") + "!collector-config/config.yaml", shipped.Get<string>("Path"));
        Assert.False(shipped.Get<bool>("IsValid"));
        Assert.Equal("CollectorConfigComponentNotInLayer" + CommandSuffix, Assert.Single(skipped.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Shipped_distributions_build_with_their_configs_checked_against_what_go_compiled()
    {
        var result = Run("Invoke-OcelotBuild minimal, minimal-clickhouse, minimal-forwarder, default -ConfigPath $shipped -UpstreamRepo $upstream -OutputDirectory $out -SkipCache",
            new Dictionary<string, object?> { ["shipped"] = ModuleSession.ShippedConfig }).AssertSucceeded();
        Assert.Equal(["minimal", "minimal-clickhouse", "minimal-forwarder", "default"], result.Output.Select(o => o.Get<string>("Distribution")));
        // memory_limiter: the type comes from the module's metadata.yaml, not from the tag (memorylimiter).
        Assert.Contains(result.Output[3].Get<object[]>("Components").Select(PSObject.AsPSObject), c => c.Get<string>("Id") == "processor/memory_limiter" && c.Get<bool>("FromMetadata"));
        Assert.Equal(2, result.Warnings.Count(w => w.Message.Contains("CollectorConfigEnvWithoutDefault") && w.Message.Contains("OCELOT_OTLP_ENDPOINT")));
        var clickhouse = result.Output[1].Get<object[]>("Components").Select(PSObject.AsPSObject).Single(c => c.Get<string>("Type") == "clickhouse");
        Assert.Equal(["traces", "metrics", "logs"], clickhouse.Get<string[]>("Signals"));
    }

    [Fact]
    public void Results_problems_and_components_have_table_views()
    {
        var text = RunUnbuilt("$r = Test-OcelotCollectorConfig -Path $p -Distribution minimal -ErrorAction SilentlyContinue -WarningAction SilentlyContinue; $r | Out-Host; $r.Problems | Out-Host",
            new Dictionary<string, object?> { ["p"] = UpstreamConfig }).HostText;
        var lines = text.Split('\n');
        Assert.Matches(@"^IsValid\s+ErrorCount\s+WarningCount\s+CheckedAgainst\s+Path", lines.First(l => l.StartsWith("IsValid")));
        Assert.Matches(@"^False\s+1\s+0\s+distribution minimal", lines.First(l => l.StartsWith("False")));
        Assert.Matches(@"^Severity\s+Line\s+Column\s+ErrorId\s+Message", lines.First(l => l.StartsWith("Severity")));
        Assert.Matches(@"^Error\s+10\s+3\s+CollectorConfigComponentNotInLayer\s+exporter 'debug' is not in this layer", lines.First(l => l.StartsWith("Error ")));
    }

    [Fact]
    public void After_a_build_Distribution_checks_against_the_components_of_its_newest_cached_build()
    {
        var spanToMetrics = _configs.Write("span-to-metrics.yaml", File.ReadAllText(Forwarder).Replace("    metrics:\n      receivers: [otlp]", "    metrics:\n      receivers: [otlp, spaneventtolog]"));
        using var cache = new TempFolder("ocelot-own-cache-");
        using (new EnvironmentScope().Set("OCELOT_CACHE", cache.Path))
        {
            var extra = new Dictionary<string, object?> { ["p"] = spanToMetrics };
            var before = Run("Test-OcelotCollectorConfig $p -Distribution minimal-forwarder", extra);
            Assert.True(Assert.Single(before.Output).Get<bool>("IsValid")); // signals unknown before a build
            Run("Invoke-OcelotBuild minimal-forwarder -UpstreamRepo $upstream -OutputDirectory $out").AssertSucceeded();
            var after = Run("Test-OcelotCollectorConfig $p -Distribution minimal-forwarder", extra);
            var result = Assert.Single(after.Output);
            Assert.False(result.Get<bool>("IsValid"));
            Assert.StartsWith("distribution minimal-forwarder as last built (amd64, upstream ", result.Get<string>("CheckedAgainst"));
            Assert.Equal("CollectorConfigSignalUnsupported" + CommandSuffix, Assert.Single(after.Errors).FullyQualifiedErrorId);
            Assert.Empty(after.Warnings);
        }
    }
}
