package receiver

import "go.opentelemetry.io/collector/receiver"

// Factories is filled by the init functions of the component files whose build tags are active.
var Factories []func(extensionId string) receiver.Factory
