// Package confmap is a fixture stand-in for go.opentelemetry.io/collector/confmap: just enough API for a collector's
// ProviderFactories list to compile.
package confmap

// ProviderFactory creates the config provider of one URI scheme.
type ProviderFactory interface {
	Scheme() string
}

type providerFactory string

func (f providerFactory) Scheme() string { return string(f) }

// NewProviderFactory returns a factory of the provider for scheme.
func NewProviderFactory(scheme string) ProviderFactory { return providerFactory(scheme) }
