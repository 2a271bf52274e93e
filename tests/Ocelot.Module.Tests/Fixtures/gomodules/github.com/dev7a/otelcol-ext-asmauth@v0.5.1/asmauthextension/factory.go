// Package asmauthextension is a fixture stand-in for the real component: only its factory exists.
package asmauthextension

import "go.opentelemetry.io/collector/extension"

// NewFactory returns the factory of the "asmauthextension" extension.
func NewFactory() extension.Factory { return extension.NewFactory("asmauthextension") }
