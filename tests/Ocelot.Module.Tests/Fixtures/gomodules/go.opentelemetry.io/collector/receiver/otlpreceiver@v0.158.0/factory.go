// Package otlpreceiver is a fixture stand-in for the real component: only its factory exists.
package otlpreceiver

import "go.opentelemetry.io/collector/receiver"

// NewFactory returns the factory of the "otlp" receiver.
func NewFactory() receiver.Factory { return receiver.NewFactory("otlp") }
