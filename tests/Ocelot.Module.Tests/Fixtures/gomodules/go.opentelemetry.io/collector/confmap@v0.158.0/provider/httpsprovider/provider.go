// Package httpsprovider is a fixture stand-in: only its factory exists.
package httpsprovider

import "go.opentelemetry.io/collector/confmap"

// NewFactory returns the factory of the "https" config provider.
func NewFactory() confmap.ProviderFactory { return confmap.NewProviderFactory("https") }
