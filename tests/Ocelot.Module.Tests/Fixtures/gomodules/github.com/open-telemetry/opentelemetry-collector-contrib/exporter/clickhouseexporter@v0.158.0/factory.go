// Package clickhouseexporter is a fixture stand-in for the real component: only its factory exists.
package clickhouseexporter

import "go.opentelemetry.io/collector/exporter"

// NewFactory returns the factory of the "clickhouse" exporter.
func NewFactory() exporter.Factory { return exporter.NewFactory("clickhouse") }
