using Ocelot.Engine.Components;

namespace Ocelot.Engine.Tests.Build;

public sealed class CompiledComponentsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ocelot-components-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Without_the_custom_tag_the_components_are_upstream_default_set_read_from_its_imports()
    {
        // The shape of upstream's collector/lambdacomponents/default.go.
        File.WriteAllText(Path.Combine(_folder, "default.go"), """
            //go:build !lambdacomponents.custom

            package lambdacomponents

            import (
            	"github.com/open-telemetry/opentelemetry-collector-contrib/exporter/prometheusremotewriteexporter"
            	"github.com/open-telemetry/opentelemetry-collector-contrib/extension/sigv4authextension"
            	"github.com/open-telemetry/opentelemetry-collector-contrib/processor/attributesprocessor"
            	"go.opentelemetry.io/collector/exporter/debugexporter"
            	"go.opentelemetry.io/collector/otelcol"
            	"go.opentelemetry.io/collector/receiver/otlpreceiver"
            	"github.com/open-telemetry/opentelemetry-lambda/collector/receiver/telemetryapireceiver"
            	"go.uber.org/multierr"
            )
            """);
        Assert.Equal(["exporter.debug", "exporter.prometheusremotewrite", "extension.sigv4auth", "processor.attributes", "receiver.otlp", "receiver.telemetryapi"],
            CompiledComponents.List(_folder, ["lambdacomponents.exporter.debug"], "amd64"));
    }

    [Fact]
    public void With_the_custom_tag_the_components_are_the_files_whose_constraint_holds()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "exporter"));
        File.WriteAllText(Path.Combine(_folder, "exporter", "otlp.go"),
            "//go:build lambdacomponents.custom && (lambdacomponents.all || lambdacomponents.exporter.all || lambdacomponents.exporter.otlp)\n\npackage exporter\n");
        File.WriteAllText(Path.Combine(_folder, "exporter", "otlphttp.go"),
            "//go:build lambdacomponents.custom && (lambdacomponents.all || lambdacomponents.exporter.all || lambdacomponents.exporter.otlphttp)\n\npackage exporter\n");
        File.WriteAllText(Path.Combine(_folder, "exporter", "pkg.go"), "package exporter\n");
        Assert.Equal(["exporter.otlphttp"], CompiledComponents.List(_folder, ["lambdacomponents.custom", "lambdacomponents.exporter.otlphttp"], "arm64"));
    }

    [Fact]
    public void Each_wrapper_names_the_component_package_it_imports_and_never_a_flag_like_string()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "exporter"));
        File.WriteAllText(Path.Combine(_folder, "exporter", "clickhouse.go"), """
            //go:build lambdacomponents.custom && (lambdacomponents.all || lambdacomponents.exporter.all || lambdacomponents.exporter.clickhouse)

            package exporter

            import (
            	"github.com/open-telemetry/opentelemetry-collector-contrib/exporter/clickhouseexporter"
            	"go.opentelemetry.io/collector/exporter"
            )
            """);
        File.WriteAllText(Path.Combine(_folder, "exporter", "sneaky.go"),
            "//go:build lambdacomponents.custom && lambdacomponents.exporter.sneaky\n\npackage exporter\n\nvar s = \"-toolexec/evilexporter\"\n");
        var compiled = CompiledComponents.Select(_folder, ["lambdacomponents.custom", "lambdacomponents.exporter.clickhouse", "lambdacomponents.exporter.sneaky"], "amd64");
        Assert.Equal([("exporter.clickhouse", "github.com/open-telemetry/opentelemetry-collector-contrib/exporter/clickhouseexporter", "lambdacomponents.exporter.clickhouse"), ("exporter.sneaky", null, "lambdacomponents.exporter.sneaky")],
            compiled.Select(c => (c.ShortName, c.ImportPath, c.Tag)));
    }
}
