// Package fileprovider is a fixture stand-in: only its factory exists.
package fileprovider

import "go.opentelemetry.io/collector/confmap"

// NewFactory returns the factory of the "file" config provider.
func NewFactory() confmap.ProviderFactory { return confmap.NewProviderFactory("file") }
