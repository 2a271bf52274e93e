package extension

import "go.opentelemetry.io/collector/extension"

// Factories is filled by the init functions of the component files whose build tags are active.
var Factories []func(extensionId string) extension.Factory
