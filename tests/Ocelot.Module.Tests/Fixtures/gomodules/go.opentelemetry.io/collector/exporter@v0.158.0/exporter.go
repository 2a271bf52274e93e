// Package exporter is a fixture stand-in for go.opentelemetry.io/collector/exporter: just enough API for lambdacomponents to compile.
package exporter

// Factory creates exporters of one component type.
type Factory interface {
	Type() string
}

type factory string

func (f factory) Type() string { return string(f) }

// NewFactory returns a factory of component type typ.
func NewFactory(typ string) Factory { return factory(typ) }
