//go:build !lambdacomponents.custom

// Package lambdacomponents selects the components compiled into the collector. Without the lambdacomponents.custom
// tag it is upstream's fixed default set; with it, every component whose own tag is active.
package lambdacomponents

import (
	"go.opentelemetry.io/collector/connector"
	"go.opentelemetry.io/collector/exporter"
	"go.opentelemetry.io/collector/extension"
	"go.opentelemetry.io/collector/otelcol"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/receiver"
)

func Components(extensionID string) (otelcol.Factories, error) {
	var errs []error
	collect := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	receivers, err := otelcol.MakeFactoryMap(
		receiver.NewFactory("otlp"),
		receiver.NewFactory("telemetryapi"),
	)
	collect(err)
	exporters, err := otelcol.MakeFactoryMap(
		exporter.NewFactory("debug"),
		exporter.NewFactory("otlp"),
		exporter.NewFactory("otlphttp"),
		exporter.NewFactory("prometheusremotewrite"),
	)
	collect(err)
	processors, err := otelcol.MakeFactoryMap(
		processor.NewFactory("attributes"),
		processor.NewFactory("filter"),
		processor.NewFactory("memorylimiter"),
		processor.NewFactory("probabilisticsampler"),
		processor.NewFactory("resource"),
		processor.NewFactory("span"),
		processor.NewFactory("transform"),
		processor.NewFactory("coldstart"),
		processor.NewFactory("decouple"),
		processor.NewFactory("batch"),
	)
	collect(err)
	extensions, err := otelcol.MakeFactoryMap(
		extension.NewFactory("sigv4auth"),
		extension.NewFactory("basicauth"),
	)
	collect(err)
	connectors, err := otelcol.MakeFactoryMap[connector.Factory]()
	collect(err)
	return otelcol.Factories{
		Receivers:  receivers,
		Processors: processors,
		Exporters:  exporters,
		Extensions: extensions,
		Connectors: connectors,
	}, joinErrors(errs)
}
