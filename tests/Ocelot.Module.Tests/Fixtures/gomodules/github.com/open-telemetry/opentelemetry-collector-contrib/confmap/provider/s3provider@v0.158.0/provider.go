// Package s3provider is a fixture stand-in: only its factory exists.
package s3provider

import "go.opentelemetry.io/collector/confmap"

// NewFactory returns the factory of the "s3" config provider.
func NewFactory() confmap.ProviderFactory { return confmap.NewProviderFactory("s3") }
