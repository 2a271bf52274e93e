// Package memorylimiterprocessor is a fixture stand-in for the real component: only its factory exists.
package memorylimiterprocessor

import "go.opentelemetry.io/collector/processor"

// NewFactory returns the factory of the "memory_limiter" processor.
func NewFactory() processor.Factory { return processor.NewFactory("memory_limiter") }
