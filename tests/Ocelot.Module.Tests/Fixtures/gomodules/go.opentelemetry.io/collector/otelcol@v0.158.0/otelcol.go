// Package otelcol is a fixture stand-in for go.opentelemetry.io/collector/otelcol.
package otelcol

import (
	"fmt"

	"go.opentelemetry.io/collector/connector"
	"go.opentelemetry.io/collector/exporter"
	"go.opentelemetry.io/collector/extension"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/receiver"
)

// Factories holds the component factories of a collector, by component type.
type Factories struct {
	Receivers  map[string]receiver.Factory
	Processors map[string]processor.Factory
	Exporters  map[string]exporter.Factory
	Extensions map[string]extension.Factory
	Connectors map[string]connector.Factory
}

// MakeFactoryMap indexes factories by type and rejects duplicates.
func MakeFactoryMap[F interface{ Type() string }](factories ...F) (map[string]F, error) {
	m := make(map[string]F, len(factories))
	for _, f := range factories {
		if _, ok := m[f.Type()]; ok {
			return m, fmt.Errorf("duplicate component factory %q", f.Type())
		}
		m[f.Type()] = f
	}
	return m, nil
}
