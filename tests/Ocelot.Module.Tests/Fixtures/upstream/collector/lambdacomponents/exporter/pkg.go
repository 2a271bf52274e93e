package exporter

import "go.opentelemetry.io/collector/exporter"

// Factories is filled by the init functions of the component files whose build tags are active.
var Factories []func(extensionId string) exporter.Factory
