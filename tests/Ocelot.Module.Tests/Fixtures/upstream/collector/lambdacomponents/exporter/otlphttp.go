//go:build lambdacomponents.custom && (lambdacomponents.all || lambdacomponents.exporter.all || lambdacomponents.exporter.otlphttp)

package exporter

import (
	"go.opentelemetry.io/collector/exporter"
	"go.opentelemetry.io/collector/exporter/otlphttpexporter"
)

func init() {
	Factories = append(Factories, func(extensionId string) exporter.Factory {
		return otlphttpexporter.NewFactory()
	})
}
