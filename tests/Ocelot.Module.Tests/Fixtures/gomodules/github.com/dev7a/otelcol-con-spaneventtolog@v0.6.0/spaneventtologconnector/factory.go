// Package spaneventtologconnector is a fixture stand-in for the real component: only its factory exists.
package spaneventtologconnector

import "go.opentelemetry.io/collector/connector"

// NewFactory returns the factory of the "spaneventtolog" connector.
func NewFactory() connector.Factory { return connector.NewFactory("spaneventtolog") }
