//go:build lambdacomponents.custom && (lambdacomponents.all || lambdacomponents.exporter.all || lambdacomponents.exporter.debug)

package exporter

import (
	"go.opentelemetry.io/collector/exporter"
	"go.opentelemetry.io/collector/exporter/debugexporter"
)

func init() {
	Factories = append(Factories, func(extensionId string) exporter.Factory {
		return debugexporter.NewFactory()
	})
}
