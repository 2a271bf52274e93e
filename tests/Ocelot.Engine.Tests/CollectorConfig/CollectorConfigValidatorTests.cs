using Ocelot.Engine.CollectorConfig;
using Ocelot.Engine.Components;
using Ocelot.Engine.Distributions;

namespace Ocelot.Engine.Tests.CollectorConfig;

public sealed class CollectorConfigValidatorTests
{
    private static readonly string Fixtures = Path.Combine(RepositoryPaths.Root, "tests", "Ocelot.Module.Tests", "Fixtures");
    private static readonly string Configs = Path.Combine(RepositoryPaths.Root, "tests", "Ocelot.Engine.Tests", "CollectorConfig", "Configs");

    private static OcelotLayerComponent Meta(string kind, string type, params string[] signals) =>
        new() { Kind = kind, Type = type, Signals = signals, FromMetadata = true };

    private static readonly OcelotLayerComponent[] MinimalBuilt =
    [
        Meta("receiver", "otlp", "traces", "metrics", "logs"),
        Meta("processor", "batch", "traces", "metrics", "logs"),
        Meta("processor", "decouple", "traces", "metrics", "logs"),
        Meta("exporter", "otlphttp", "traces", "metrics", "logs"),
    ];

    // What a build of minimal-forwarder reads from the fixture's metadata.yaml files.
    private static readonly LayerContents Forwarder = new("minimal-forwarder for amd64",
    [
        .. MinimalBuilt,
        Meta("connector", "spaneventtolog", "traces_to_logs"),
        Meta("connector", "signaltometrics", "traces_to_metrics", "logs_to_metrics", "metrics_to_metrics"),
        Meta("extension", "asmauthextension"),
    ], ConfigProviders.OpentelemetryLambdaDefault, []);

    private static OcelotCollectorConfigResult Check(string yaml, LayerContents? layer = null) =>
        new CollectorConfigValidator(layer ?? Forwarder).Validate("config.yaml", yaml);

    private static OcelotCollectorConfigProblem Only(OcelotCollectorConfigResult report, string id)
    {
        var problem = Assert.Single(report.Problems);
        Assert.Equal(id, problem.ErrorId);
        return problem;
    }

    private static void At(OcelotCollectorConfigProblem problem, int line, int column)
    {
        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.StartsWith($"config.yaml:{line}:{column}: ", problem.ToString());
    }

    private const string Pipelines = "service:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [otlphttp]\n";
    private const string Basics = "receivers:\n  otlp:\nexporters:\n  otlphttp:\n    endpoint: https://x\n";

    private static LayerContents OfDistribution(string name)
    {
        var catalog = DistributionCatalog.Open(null, null, RepositoryPaths.Root);
        var known = DistributionComponents.Of(catalog.Resolve(name));
        return new LayerContents(name, known.Components, ConfigProviders.OpentelemetryLambdaDefault, known.OpenKinds);
    }

    [Fact]
    public void Upstream_default_config_is_refused_for_minimal_because_minimal_has_no_debug_exporter()
    {
        var report = new CollectorConfigValidator(OfDistribution("minimal")).ValidateFile(Path.Combine(Fixtures, "upstream", "collector", "config.yaml"));
        var problem = Only(report, "CollectorConfigComponentNotInLayer");
        Assert.Equal((10, 3, "debug"), (problem.Line, problem.Column, problem.ComponentId));
        Assert.Contains("exporter 'debug' is not in this layer", problem.Message);
        Assert.Contains("add lambdacomponents.exporter.debug to the distribution", problem.Message);
        Assert.False(report.IsValid);
    }

    [Fact]
    public void Upstream_default_config_fits_the_default_distribution()
    {
        var report = new CollectorConfigValidator(OfDistribution("default")).ValidateFile(Path.Combine(Fixtures, "upstream", "collector", "config.yaml"));
        Assert.Empty(report.Problems);
    }

    [Fact]
    public void Shipped_minimal_config_fits_minimal_and_every_distribution_that_inherits_it_warning_only_of_its_endpoint_variable()
    {
        var catalog = DistributionCatalog.Open(null, null, RepositoryPaths.Root);
        foreach (var name in new[] { "minimal", "minimal-clickhouse", "minimal-s3export" })
        {
            var distribution = catalog.Resolve(name);
            Assert.Equal("otlphttp-forwarder.yaml", Path.GetFileName(distribution.ConfigFile));
            var report = new CollectorConfigValidator(OfDistribution(name)).ValidateFile(distribution.ConfigFile!);
            Assert.True(report.IsValid, string.Join("\n", report.Problems.Select(p => p.Message)));
            var warning = Assert.Single(report.Problems);
            Assert.Equal("CollectorConfigEnvWithoutDefault", warning.ErrorId);
            Assert.Contains("OCELOT_OTLP_ENDPOINT", warning.Message);
        }
        // And against what a build really holds (types and signals from metadata.yaml).
        var built = new CollectorConfigValidator(Forwarder with { Components = MinimalBuilt }).ValidateFile(catalog.Resolve("minimal").ConfigFile!);
        Assert.True(built.IsValid);
    }

    [Fact]
    public void Shipped_forwarder_config_fits_minimal_forwarder_before_and_after_a_build()
    {
        var path = Path.Combine(RepositoryPaths.Config, "collector-configs", "forwarder.yaml");
        Assert.Empty(new CollectorConfigValidator(Forwarder).ValidateFile(path).Problems);
        Assert.Empty(new CollectorConfigValidator(OfDistribution("minimal-forwarder")).ValidateFile(path).Problems);
    }

    [Fact]
    public void A_config_from_the_secretsmanager_examples_fits_minimal_clickhouse()
    {
        var report = new CollectorConfigValidator(OfDistribution("minimal-clickhouse")).ValidateFile(Path.Combine(Configs, "secretsmanager-clickhouse.yaml"));
        Assert.Empty(report.Problems);
        // Without the clickhouse exporter the same config is refused, at the clickhouse key.
        var minimal = new CollectorConfigValidator(OfDistribution("minimal")).ValidateFile(Path.Combine(Configs, "secretsmanager-clickhouse.yaml"));
        var problem = Only(minimal, "CollectorConfigComponentNotInLayer");
        Assert.Equal((18, 3), (problem.Line, problem.Column));
        Assert.Contains("lambdacomponents.exporter.clickhouse", problem.Message);
    }

    [Fact]
    public void The_collector_documentation_example_fits_the_default_layer_with_underscored_types()
    {
        var path = Path.Combine(Configs, "collector-docs-example.yaml");
        // Before a build the types come from tags (memorylimiter); memory_limiter still matches.
        Assert.Empty(new CollectorConfigValidator(OfDistribution("default")).ValidateFile(path).Problems);
        // minimal lacks memory_limiter, the otlp exporter and basicauth: each is named with the tag that adds it.
        var report = new CollectorConfigValidator(OfDistribution("minimal")).ValidateFile(path);
        Assert.Equal(["lambdacomponents.processor.memorylimiter", "lambdacomponents.exporter.otlp", "lambdacomponents.extension.basicauth"],
            report.Problems.Where(p => p.ErrorId == "CollectorConfigComponentNotInLayer").Select(p => p.Message.Split("add ")[1].Split(' ')[0]));
    }

    [Fact]
    public void A_YAML_syntax_error_gives_its_position()
    {
        var problem = Only(Check("receivers:\n  otlp:\n    protocols: {grpc: x\n  bad: : y\n"), "CollectorConfigYamlSyntax");
        At(problem, 3, 21);
        Assert.Contains("YAML", problem.Message);
    }

    [Fact]
    public void A_section_of_the_wrong_shape_is_an_error_at_its_value()
    {
        var report = Check("receivers: [otlp]\n" + Basics["receivers:\n  otlp:\n".Length..] + "service:\n  extensions: asmauthextension\n  pipelines:\n    traces:\n      receivers: otlp\n      exporters: [otlphttp]\n");
        Assert.Equal([("CollectorConfigSectionInvalid", 1, 12), ("CollectorConfigSectionInvalid", 6, 15), ("CollectorConfigSectionInvalid", 9, 18), ("CollectorConfigPipelineIncomplete", 8, 5)],
            report.Problems.Select(p => (p.ErrorId, p.Line, p.Column)));
    }

    [Fact]
    public void A_repeated_key_is_a_syntax_error()
    {
        var problem = Only(Check("receivers:\n  otlp:\nreceivers:\n  otlp:\n"), "CollectorConfigYamlSyntax");
        At(problem, 3, 1);
        Assert.Contains("Duplicate key", problem.Message);
    }

    [Fact]
    public void Hostile_nesting_is_a_syntax_error_at_its_position_not_a_stack_overflow()
    {
        var problem = Only(Check("receivers: " + new string('[', 200_000) + new string(']', 200_000) + "\n"), "CollectorConfigYamlSyntax");
        At(problem, 1, 11 + YamlFile.MaximumNesting); // the top-level mapping is the first level, the first [ (column 12) the second
        Assert.Contains($"more than {YamlFile.MaximumNesting} levels deep", problem.Message);
    }

    [Theory]
    [InlineData("x: &a [*a]\n", 1, 8)]                         // a list inside itself
    [InlineData("x: &a {k: [*a]}\n", 1, 12)]                   // a mapping inside itself, one level down
    [InlineData("x: &a [1, 2]\ny: {*a : v}\n", 2, 5)]          // a list alias as a mapping key (hashed by content)
    public void A_list_or_mapping_alias_inside_itself_or_as_a_key_is_refused_with_its_position(string yaml, int line, int column)
    {
        var problem = Only(Check(yaml), "CollectorConfigYamlSyntax");
        At(problem, line, column);
        Assert.Contains("'*a' repeats a list or mapping", problem.Message);
    }

    [Fact]
    public void A_mapping_alias_for_shared_settings_is_accepted()
    {
        var report = Check("receivers:\n  otlp:\nexporters:\n  otlphttp: &shared\n    endpoint: https://x\n  otlphttp/second: *shared\n" +
            "service:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [otlphttp, otlphttp/second]\n");
        Assert.Empty(report.Problems);
    }

    [Fact]
    public void An_empty_file_or_a_list_is_not_a_config()
    {
        Only(Check(""), "CollectorConfigNotAMapping");
        At(Only(Check("- receivers\n"), "CollectorConfigNotAMapping"), 1, 1);
    }

    [Fact]
    public void An_unknown_top_level_section_is_an_error_with_a_did_you_mean()
    {
        var problem = Only(Check(Basics + "exporter:\n  otlphttp:\n" + Pipelines), "CollectorConfigUnknownSection");
        At(problem, 6, 1);
        Assert.Contains("Did you mean 'exporters'", problem.Message);
    }

    [Fact]
    public void Unknown_keys_under_service_and_in_a_pipeline_are_errors()
    {
        var report = Check(Basics + "service:\n  pipeline: {}\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporter: [otlphttp]\n      exporters: [otlphttp]\n");
        Assert.Equal([(7, 3), (11, 7)], report.Problems.Select(p => (p.Line, p.Column)));
        Assert.All(report.Problems, p => Assert.Equal("CollectorConfigUnknownSection", p.ErrorId));
    }

    [Theory]
    [InlineData("otlp/")]
    [InlineData("9otlp")]
    [InlineData("otlp/a/b")]
    [InlineData("otlp http")]
    public void A_component_id_not_of_the_form_type_slash_name_is_an_error(string id)
    {
        var problem = Only(Check($"receivers:\n  otlp:\n  {id}:\nexporters:\n  otlphttp:\n" + Pipelines), "CollectorConfigComponentIdInvalid");
        At(problem, 3, 3);
        Assert.Equal(id, problem.ComponentId);
    }

    [Fact]
    public void A_type_not_in_the_layer_names_the_tag_that_adds_it_and_the_closest_type()
    {
        var problem = Only(Check("receivers:\n  otlp:\nexporters:\n  otlphtp:\n" + Pipelines.Replace("[otlphttp]", "[otlphtp]")), "CollectorConfigComponentNotInLayer");
        At(problem, 4, 3);
        Assert.Contains("add lambdacomponents.exporter.otlphtp to the distribution", problem.Message);
        Assert.Contains("Did you mean 'otlphttp'", problem.Message);
    }

    [Fact]
    public void A_connector_defined_as_an_exporter_is_pointed_to_the_connectors_section()
    {
        var report = Check(Basics + "  spaneventtolog:\n" + Pipelines.Replace("[otlphttp]", "[otlphttp, spaneventtolog]"));
        var problem = Assert.Single(report.Problems);
        Assert.Equal("CollectorConfigComponentNotInLayer", problem.ErrorId);
        Assert.Contains("is a connector in this layer: define it under connectors", problem.Message);
    }

    [Fact]
    public void No_pipelines_is_an_error()
    {
        At(Only(Check(Basics.Replace("    endpoint: https://x\n", "") + "service:\n  extensions: []\n"), "CollectorConfigNoPipelines"), 5, 1);
        At(Only(Check("receivers:\n  otlp:\n"), "CollectorConfigNoPipelines"), 1, 1);
    }

    [Fact]
    public void A_pipeline_id_must_be_a_signal_with_an_optional_name()
    {
        var problem = Only(Check(Basics + Pipelines + "    trace/x:\n      receivers: [otlp]\n      exporters: [otlphttp]\n"), "CollectorConfigPipelineIdInvalid");
        At(problem, 11, 5);
    }

    [Fact]
    public void A_pipeline_without_exporters_is_incomplete()
    {
        var problem = Only(Check(Basics + Pipelines + "    logs/empty:\n      receivers: [otlp]\n"), "CollectorConfigPipelineIncomplete");
        At(problem, 11, 5);
        Assert.Contains("no exporters", problem.Message);
    }

    [Fact]
    public void A_pipeline_naming_an_undefined_component_gives_its_position_and_the_closest_id()
    {
        var problem = Only(Check(Basics + Pipelines.Replace("[otlphttp]", "[otlphttp, otlphttp/backnd]") + "", Forwarder), "CollectorConfigComponentUndefined");
        At(problem, 10, 29);
        Assert.Equal("otlphttp/backnd", problem.ComponentId);
    }

    [Fact]
    public void A_component_in_a_pipeline_of_a_signal_it_does_not_support_is_an_error()
    {
        var layer = Forwarder with { Components = [.. Forwarder.Components, Meta("exporter", "tracesonly", "traces")] };
        var problem = Only(Check("receivers:\n  otlp:\nexporters:\n  tracesonly:\nservice:\n  pipelines:\n    logs:\n      receivers: [otlp]\n      exporters: [tracesonly]\n", layer),
            "CollectorConfigSignalUnsupported");
        At(problem, 9, 19);
        Assert.Contains("does not support logs (it supports traces)", problem.Message);
    }

    [Fact]
    public void A_connector_used_only_on_one_side_is_unpaired()
    {
        var problem = Only(Check(Basics + "connectors:\n  spaneventtolog:\n" + Pipelines.Replace("[otlphttp]", "[otlphttp, spaneventtolog]")), "CollectorConfigConnectorUnpaired");
        At(problem, 12, 29);
    }

    [Fact]
    public void A_connector_between_signals_it_does_not_connect_is_an_error_on_both_sides()
    {
        var yaml = Basics + "connectors:\n  spaneventtolog:\n" + Pipelines.Replace("[otlphttp]", "[otlphttp, spaneventtolog]") +
                   "    metrics:\n      receivers: [spaneventtolog]\n      exporters: [otlphttp]\n";
        var report = Check(yaml);
        Assert.Equal(2, report.Problems.Length);
        Assert.All(report.Problems, p => Assert.Equal("CollectorConfigSignalUnsupported", p.ErrorId));
        Assert.Contains("traces_to_metrics", report.Problems[0].Message);
        Assert.Equal((14, 19), (report.Problems[1].Line, report.Problems[1].Column));
    }

    [Fact]
    public void Service_extensions_must_be_defined()
    {
        var problem = Only(Check(Basics + "service:\n  extensions: [asmauthextension/x]\n" + Pipelines[9..]), "CollectorConfigExtensionUndefined");
        At(problem, 7, 16);
    }

    [Fact]
    public void Components_defined_but_unused_are_warnings_and_the_config_stays_valid()
    {
        var report = Check(Basics + "processors:\n  batch:\nextensions:\n  asmauthextension:\n" + Pipelines);
        Assert.True(report.IsValid);
        Assert.Equal([("CollectorConfigComponentUnused", 7, 3), ("CollectorConfigComponentUnused", 9, 3)], report.Problems.Select(p => (p.ErrorId, p.Line, p.Column)));
        Assert.All(report.Problems, p => Assert.Equal(ProblemSeverity.Warning, p.Severity));
    }

    [Fact]
    public void A_reference_to_a_provider_the_collector_lacks_is_an_error_at_its_column()
    {
        var problem = Only(Check(Basics.Replace("https://x", "https://${vault:otel/endpoint}") + Pipelines), "CollectorConfigProviderUnknown");
        At(problem, 5, 23);
        Assert.Contains("'vault' config provider", problem.Message);
    }

    [Fact]
    public void An_env_reference_without_default_is_a_warning_and_escapes_and_defaults_are_not()
    {
        var problem = Only(Check(Basics.Replace("https://x", "\"${env:BACKEND}\"") + Pipelines), "CollectorConfigEnvWithoutDefault");
        At(problem, 5, 16);
        Assert.Contains("BACKEND", problem.Message);
        Assert.Empty(Check(Basics.Replace("https://x", "${env:BACKEND:-https://x}/$${env:LITERAL}/${env:AWS_LAMBDA_FUNCTION_NAME}") + Pipelines).Problems);
    }

    [Fact]
    public void A_missing_file_is_reported_in_the_result()
    {
        var report = new CollectorConfigValidator(Forwarder).ValidateFile(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.yaml"));
        Assert.Equal("CollectorConfigNotFound", Assert.Single(report.Problems).ErrorId);
        Assert.False(report.IsValid);
    }

    [Fact]
    public void Kinds_left_open_by_an_all_tag_do_not_refuse_unknown_types()
    {
        var full = OfDistribution("full");
        Assert.Contains("exporter", full.OpenKinds);
        Assert.Empty(new CollectorConfigValidator(full).ValidateFile(Path.Combine(Fixtures, "upstream", "collector", "config.yaml")).Problems);
    }

    [Fact]
    public void An_alias_bomb_is_checked_in_linear_time()
    {
        var yaml = new System.Text.StringBuilder("x0: &a0 [\"${vault:x}\"]\n");
        for (var i = 1; i < 30; i++) yaml.Append($"x{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var report = Check(yaml.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
        Assert.Single(report.Problems, p => p.ErrorId == "CollectorConfigProviderUnknown");
    }
}
