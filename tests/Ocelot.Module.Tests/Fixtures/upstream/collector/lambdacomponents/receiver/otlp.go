//go:build lambdacomponents.custom && (lambdacomponents.all || lambdacomponents.receiver.all || lambdacomponents.receiver.otlp)

package receiver

import (
	"go.opentelemetry.io/collector/receiver"
	"go.opentelemetry.io/collector/receiver/otlpreceiver"
)

func init() {
	Factories = append(Factories, func(extensionId string) receiver.Factory {
		return otlpreceiver.NewFactory()
	})
}
