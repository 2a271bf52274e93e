using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

public class GetOcelotDistributionTests
{
    private const string ForwarderTags =
        "lambdacomponents.connector.signaltometrics,lambdacomponents.connector.spaneventtolog,lambdacomponents.custom," +
        "lambdacomponents.exporter.otlphttp,lambdacomponents.extension.asmauthextension,lambdacomponents.processor.batch," +
        "lambdacomponents.processor.decouple,lambdacomponents.receiver.otlp";

    [Fact]
    public void Shipped_config_lists_its_six_distributions_in_file_order()
    {
        var result = ModuleSession.Run("Get-OcelotDistribution", fixtureConfig: false).AssertSucceeded();
        Assert.Equal(["default", "full", "minimal", "minimal-clickhouse", "minimal-s3export", "minimal-forwarder"],
            result.Output.Select(o => o.Get<string>("Name")));
        Assert.All(result.Output, o => Assert.Equal("Ocelot.OcelotDistribution", o.TypeNames[0]));
    }

    [Fact]
    public void Shipped_minimal_forwarder_resolves_its_tags_config_file_components_and_modules_through_its_base()
    {
        var forwarder = Assert.Single(ModuleSession.Run("Get-OcelotDistribution minimal-forwarder", fixtureConfig: false).AssertSucceeded().Output);
        Assert.Equal(ForwarderTags, string.Join(",", forwarder.Get<string[]>("BuildTags")));
        Assert.Equal(ForwarderTags, forwarder.Get<string>("BuildTagString"));
        Assert.Equal(["minimal-forwarder", "minimal"], forwarder.Get<string[]>("BaseChain"));
        Assert.Equal("minimal", forwarder.Get<string>("Base"));
        Assert.Equal(3, forwarder.Get<string[]>("OwnBuildTags").Length);
        Assert.Equal(Path.Combine(ModuleSession.RepositoryRoot, "config", "collector-configs", "forwarder.yaml"), forwarder.Get<string>("ConfigFile"));
        Assert.Equal(["connector.signaltometrics", "connector.spaneventtolog", "extension.asmauthextension"], forwarder.Get<string[]>("Components"));
        Assert.Equal([
            "github.com/open-telemetry/opentelemetry-collector-contrib/connector/signaltometricsconnector",
            "github.com/dev7a/otelcol-con-spaneventtolog@v0.6.0",
            "github.com/dev7a/otelcol-ext-asmauth@v0.5.1",
        ], forwarder.Get<string[]>("GoModules"));
        Assert.StartsWith("Minimal + Span Event to Log connector", forwarder.Get<string>("Description"));
    }

    [Fact]
    public void Shipped_default_uses_the_upstream_tag_names_for_memorylimiter_and_probabilisticsampler()
    {
        var tags = Assert.Single(ModuleSession.Run("Get-OcelotDistribution default", fixtureConfig: false).AssertSucceeded().Output).Get<string[]>("BuildTags");
        Assert.Contains("lambdacomponents.processor.memorylimiter", tags);
        Assert.Contains("lambdacomponents.processor.probabilisticsampler", tags);
        Assert.DoesNotContain(tags, t => t.Contains("memory_limiter") || t.Contains("probabilistic_sampler"));
        Assert.Equal(tags.Order(StringComparer.Ordinal), tags);
    }

    [Fact]
    public void Shipped_full_selects_every_overlay_component_and_its_modules()
    {
        var full = Assert.Single(ModuleSession.Run("Get-OcelotDistribution full", fixtureConfig: false).AssertSucceeded().Output);
        Assert.Equal(["connector.signaltometrics", "connector.spaneventtolog", "exporter.awss3", "exporter.clickhouse", "extension.asmauthextension"],
            full.Get<string[]>("Components"));
        Assert.Equal(5, full.Get<string[]>("GoModules").Length);
        Assert.Equal("github.com/open-telemetry/opentelemetry-collector-contrib/exporter/clickhouseexporter", full.Get<string[]>("GoModules")[0]);
    }

    [Fact]
    public void Wildcards_match_case_insensitively_and_a_wildcard_without_match_returns_nothing_quietly()
    {
        var result = ModuleSession.Run("Get-OcelotDistribution MINIMAL-*, minimal; Get-OcelotDistribution nothing*").AssertSucceeded();
        Assert.Equal(["minimal-clickhouse", "minimal-s3export", "minimal-forwarder", "minimal"], result.Output.Select(o => o.Get<string>("Name")));
    }

    [Fact]
    public void An_exact_name_that_does_not_exist_is_a_non_terminating_ObjectNotFound_error_suggesting_close_names()
    {
        var result = ModuleSession.Run("Get-OcelotDistribution minimall, full");
        Assert.Equal("full", Assert.Single(result.Output).Get<string>("Name"));
        var error = Assert.Single(result.Errors);
        Assert.Equal("DistributionNotFound,Ocelot.Commands.GetOcelotDistributionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("Did you mean 'minimal'", error.Exception.Message);
        Assert.Equal("minimall", error.TargetObject);
        Assert.NotNull(error.ErrorDetails?.RecommendedAction);
    }

    [Fact]
    public void Names_bind_from_the_pipeline_by_value_and_by_property_name()
    {
        var result = ModuleSession.Run("'minimal' | Get-OcelotDistribution; [pscustomobject]@{ Name = 'full' } | Get-OcelotDistribution").AssertSucceeded();
        Assert.Equal(["minimal", "full"], result.Output.Select(o => o.Get<string>("Name")));
    }

    [Fact]
    public void Verbose_output_names_the_shipped_distributions_file_and_that_it_came_from_the_module()
    {
        var result = ModuleSession.Run("Get-OcelotDistribution minimal -Verbose", fixtureConfig: false).AssertSucceeded();
        Assert.Contains(Path.Combine(ModuleSession.RepositoryRoot, "config", "distributions.yaml"), result.VerboseText);
        Assert.Contains("module's config folder", result.VerboseText);
    }

    [Fact]
    public void The_default_table_shows_name_base_tag_count_and_the_first_line_of_the_description()
    {
        var text = ModuleSession.Run("Get-OcelotDistribution | Out-Host").AssertSucceeded().HostText;
        var lines = text.Split('\n');
        Assert.Matches(@"^Name\s+Base\s+BuildTags.Count\s+LayerComponents.Count\s+Description", lines.First(l => l.StartsWith("Name")));
        // Components counts what the layer will contain, upstream components included (as the build reports them).
        Assert.Matches(@"^minimal-forwarder\s+minimal\s+8\s+7\s+Minimal \+ Span Event to Log connector", lines.First(l => l.StartsWith("minimal-forwarder")));
        Assert.Matches(@"^minimal\s+5\s+4\s+OTLP receiver", lines.First(l => l.StartsWith("minimal ")));
        Assert.Matches(@"^default\s+15\s+14\s+Base upstream components", lines.First(l => l.StartsWith("default")));
        Assert.DoesNotContain("Intended for the", text);
    }

    [Fact]
    public void One_distribution_asked_for_by_name_is_shown_in_detail_with_its_resolved_tags_and_config_file()
    {
        var text = ModuleSession.Run("Get-OcelotDistribution minimal-forwarder | Out-Host").AssertSucceeded().HostText;
        Assert.Matches(@"BaseChain\s+: minimal-forwarder -> minimal", text);
        foreach (var tag in ForwarderTags.Split(',')) Assert.Contains(tag, text);
        Assert.Contains(Path.Combine("config", "collector-configs", "forwarder.yaml"), text);
        Assert.Contains("github.com/dev7a/otelcol-ext-asmauth@v0.5.1", text);
    }

    [Fact]
    public void Tab_completion_of_Name_offers_the_distributions_of_the_config_in_effect()
    {
        using var config = new TempFolder();
        config.Write("distributions.yaml", "alpha:\n  buildtags: [a.b]\nalpine:\n  buildtags: [a.c]\nbeta: {}\n");
        var result = ModuleSession.Run(
            "(TabExpansion2 -inputScript \"Get-OcelotDistribution -ConfigPath '$fixture' minimal-\" -cursorColumn (\"Get-OcelotDistribution -ConfigPath '$fixture' minimal-\").Length).CompletionMatches.CompletionText;" +
            "(TabExpansion2 -inputScript \"Get-OcelotDistribution -ConfigPath '$cfg' al\" -cursorColumn (\"Get-OcelotDistribution -ConfigPath '$cfg' al\").Length).CompletionMatches.CompletionText",
            new Dictionary<string, object?> { ["cfg"] = config.Path, ["fixture"] = ModuleSession.FixtureConfig }).AssertSucceeded();
        Assert.Equal(["minimal-clickhouse", "minimal-s3export", "minimal-forwarder", "alpha", "alpine"], result.Output.Select(o => o.BaseObject.ToString()));
    }

    [Fact]
    public void The_about_topic_is_found_by_Get_Help()
    {
        var text = ModuleSession.Run("Get-Help about_Ocelot | Out-Host").AssertSucceeded().HostText;
        Assert.Contains("Invoke-OcelotBuild", text);
        Assert.Contains("OCELOT_INJECT_FAULT", text);
    }

    [Fact]
    public void The_manifest_is_valid_and_exports_exactly_the_cmdlets()
    {
        var result = ModuleSession.Run(
            "$m = Test-ModuleManifest -Path $manifest; $m.Version.ToString(); $m.CompatiblePSEditions; $m.PowerShellVersion.ToString(); " +
            "(Get-Command -Module Ocelot).Name; (Get-Command Get-OcelotDistribution).OutputType.Name",
            new Dictionary<string, object?> { ["manifest"] = ModuleSession.ManifestPath }).AssertSucceeded();
        var values = result.Output.Select(o => o.BaseObject.ToString()).ToList();
        Assert.Equal("Core", values[1]);
        Assert.Equal("7.4", values[2]);
        Assert.Contains("Get-OcelotDistribution", values);
        Assert.Contains("Ocelot.OcelotDistribution", values);
        Assert.Matches(@"^\d+\.\d+\.\d+$", values[0]);
    }
}
