// Package awss3exporter is a fixture stand-in for the real component: only its factory exists.
package awss3exporter

import "go.opentelemetry.io/collector/exporter"

// NewFactory returns the factory of the "awss3" exporter.
func NewFactory() exporter.Factory { return exporter.NewFactory("awss3") }
