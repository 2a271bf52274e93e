package connector

import "go.opentelemetry.io/collector/connector"

// Factories is filled by the init functions of the component files whose build tags are active.
var Factories []func(extensionId string) connector.Factory
