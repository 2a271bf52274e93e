// Package debugexporter is a fixture stand-in for the real component: only its factory exists.
package debugexporter

import "go.opentelemetry.io/collector/exporter"

// NewFactory returns the factory of the "debug" exporter.
func NewFactory() exporter.Factory { return exporter.NewFactory("debug") }
