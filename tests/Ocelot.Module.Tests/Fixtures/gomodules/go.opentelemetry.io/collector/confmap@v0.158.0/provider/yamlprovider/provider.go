// Package yamlprovider is a fixture stand-in: only its factory exists.
package yamlprovider

import "go.opentelemetry.io/collector/confmap"

// NewFactory returns the factory of the "yaml" config provider.
func NewFactory() confmap.ProviderFactory { return confmap.NewProviderFactory("yaml") }
