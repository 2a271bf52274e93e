//go:build lambdacomponents.custom && (lambdacomponents.all || lambdacomponents.exporter.all || lambdacomponents.exporter.otlp)

package exporter

import "go.opentelemetry.io/collector/exporter"

func init() {
	Factories = append(Factories, func(extensionId string) exporter.Factory {
		return exporter.NewFactory("otlp")
	})
}
