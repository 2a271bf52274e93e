// Package otlphttpexporter is a fixture stand-in for the real component: only its factory exists.
package otlphttpexporter

import "go.opentelemetry.io/collector/exporter"

// NewFactory returns the factory of the "otlphttp" exporter.
func NewFactory() exporter.Factory { return exporter.NewFactory("otlphttp") }
