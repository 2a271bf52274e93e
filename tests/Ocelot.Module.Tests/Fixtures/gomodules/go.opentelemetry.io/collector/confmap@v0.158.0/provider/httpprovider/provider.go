// Package httpprovider is a fixture stand-in: only its factory exists.
package httpprovider

import "go.opentelemetry.io/collector/confmap"

// NewFactory returns the factory of the "http" config provider.
func NewFactory() confmap.ProviderFactory { return confmap.NewProviderFactory("http") }
