// Package secretsmanagerprovider is a fixture stand-in: only its factory exists.
package secretsmanagerprovider

import "go.opentelemetry.io/collector/confmap"

// NewFactory returns the factory of the "secretsmanager" config provider.
func NewFactory() confmap.ProviderFactory { return confmap.NewProviderFactory("secretsmanager") }
