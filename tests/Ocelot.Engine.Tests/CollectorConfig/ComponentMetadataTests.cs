using Ocelot.Engine.Components;

namespace Ocelot.Engine.Tests.CollectorConfig;

public sealed class ComponentMetadataTests
{
    [Fact]
    public void A_contrib_exporter_metadata_gives_its_type_and_every_signal_of_every_stability_level()
    {
        var metadata = ComponentMetadataFile.Parse("type: clickhouse\nscope_name: otelcol/clickhouse\n\nstatus:\n  class: exporter\n  stability:\n    beta: [traces, metrics]\n    alpha: [logs]\n  distributions: [contrib]\n")!;
        Assert.Equal(("clickhouse", "exporter"), (metadata.Type, metadata.Class));
        Assert.Equal(["traces", "metrics", "logs"], metadata.Signals);
    }

    [Fact]
    public void A_connector_lists_signal_pairs_and_an_extension_none()
    {
        Assert.Equal(["traces_to_metrics", "logs_to_metrics"],
            ComponentMetadataFile.Parse("type: signaltometrics\nstatus:\n  class: connector\n  stability:\n    development: [traces_to_metrics, logs_to_metrics, bogus_to_x]\n")!.Signals);
        Assert.Empty(ComponentMetadataFile.Parse("type: asmauthextension\nstatus:\n  class: extension\n  stability:\n    alpha: [extension]\n")!.Signals);
    }

    [Theory]
    [InlineData("type: \"../../etc\"\n")]
    [InlineData("type: [a]\n")]
    [InlineData("type: ok\n  bad: [\n")]
    [InlineData("- just a list\n")]
    [InlineData("")]
    public void A_hostile_or_broken_metadata_file_is_ignored(string text) => Assert.Null(ComponentMetadataFile.Parse(text));

    [Fact]
    public void The_fixture_modules_carry_real_shaped_metadata()
    {
        var modules = Path.Combine(RepositoryPaths.Root, "tests", "Ocelot.Module.Tests", "Fixtures", "gomodules");
        var folder = Path.Combine(modules, "github.com", "dev7a", "otelcol-con-spaneventtolog@v0.6.0", "spaneventtologconnector");
        var metadata = ComponentMetadataFile.Read(folder)!;
        Assert.Equal(("spaneventtolog", "connector"), (metadata.Type, metadata.Class));
        Assert.Equal(["traces_to_logs"], metadata.Signals);
    }

    [Fact]
    public void Config_providers_are_read_from_upstream_s_collector_sources()
    {
        var folder = Directory.CreateTempSubdirectory("ocelot-providers-").FullName;
        try
        {
            // The shape of opentelemetry-lambda's collector/collector.go.
            File.WriteAllText(Path.Combine(folder, "collector.go"), """
                package main
                func NewCollector() {
                	cfgSet := otelcol.ConfigProviderSettings{
                		ResolverSettings: confmap.ResolverSettings{
                			ProviderFactories: []confmap.ProviderFactory{fileprovider.NewFactory(), envprovider.NewFactory(), yamlprovider.NewFactory(), httpsprovider.NewFactory(), httpprovider.NewFactory(), s3provider.NewFactory(), secretsmanagerprovider.NewFactory()},
                		},
                	}
                }
                """);
            File.WriteAllText(Path.Combine(folder, "collector_test.go"), "vaultprovider.NewFactory()");
            Assert.Equal(["env", "file", "http", "https", "s3", "secretsmanager", "yaml"], ConfigProviders.FromUpstream(folder));
            Assert.Equal(ConfigProviders.OpentelemetryLambdaDefault, ConfigProviders.FromUpstream(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
