package processor

import "go.opentelemetry.io/collector/processor"

// Factories is filled by the init functions of the component files whose build tags are active.
var Factories []func(extensionId string) processor.Factory
