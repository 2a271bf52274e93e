// Package signaltometricsconnector is a fixture stand-in for the real component: only its factory exists.
package signaltometricsconnector

import "go.opentelemetry.io/collector/connector"

// NewFactory returns the factory of the "signaltometrics" connector.
func NewFactory() connector.Factory { return connector.NewFactory("signaltometrics") }
