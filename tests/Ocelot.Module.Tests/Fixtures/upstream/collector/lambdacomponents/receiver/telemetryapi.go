//go:build lambdacomponents.custom && (lambdacomponents.all || lambdacomponents.receiver.all || lambdacomponents.receiver.telemetryapi)

package receiver

import "go.opentelemetry.io/collector/receiver"

func init() {
	Factories = append(Factories, func(extensionId string) receiver.Factory {
		return receiver.NewFactory("telemetryapi")
	})
}
