// Package envprovider is a fixture stand-in: only its factory exists.
package envprovider

import "go.opentelemetry.io/collector/confmap"

// NewFactory returns the factory of the "env" config provider.
func NewFactory() confmap.ProviderFactory { return confmap.NewProviderFactory("env") }
