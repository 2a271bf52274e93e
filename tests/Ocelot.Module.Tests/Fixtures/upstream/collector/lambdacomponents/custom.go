//go:build lambdacomponents.custom

package lambdacomponents

import (
	custom_connector "github.com/open-telemetry/opentelemetry-lambda/collector/lambdacomponents/connector"
	custom_exporter "github.com/open-telemetry/opentelemetry-lambda/collector/lambdacomponents/exporter"
	custom_extension "github.com/open-telemetry/opentelemetry-lambda/collector/lambdacomponents/extension"
	custom_processor "github.com/open-telemetry/opentelemetry-lambda/collector/lambdacomponents/processor"
	custom_receiver "github.com/open-telemetry/opentelemetry-lambda/collector/lambdacomponents/receiver"
	"go.opentelemetry.io/collector/otelcol"
)

func Components(extensionID string) (otelcol.Factories, error) {
	var errs []error
	collect := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	receivers, err := otelcol.MakeFactoryMap(build(custom_receiver.Factories, extensionID)...)
	collect(err)
	processors, err := otelcol.MakeFactoryMap(build(custom_processor.Factories, extensionID)...)
	collect(err)
	exporters, err := otelcol.MakeFactoryMap(build(custom_exporter.Factories, extensionID)...)
	collect(err)
	extensions, err := otelcol.MakeFactoryMap(build(custom_extension.Factories, extensionID)...)
	collect(err)
	connectors, err := otelcol.MakeFactoryMap(build(custom_connector.Factories, extensionID)...)
	collect(err)
	return otelcol.Factories{
		Receivers:  receivers,
		Processors: processors,
		Exporters:  exporters,
		Extensions: extensions,
		Connectors: connectors,
	}, joinErrors(errs)
}

func build[F any](constructors []func(extensionId string) F, extensionID string) []F {
	factories := make([]F, len(constructors))
	for i, constructor := range constructors {
		factories[i] = constructor(extensionID)
	}
	return factories
}
