// Package batchprocessor is a fixture stand-in for the real component: only its factory exists.
package batchprocessor

import "go.opentelemetry.io/collector/processor"

// NewFactory returns the factory of the "batch" processor.
func NewFactory() processor.Factory { return processor.NewFactory("batch") }
