//go:build lambdacomponents.custom && (lambdacomponents.all || lambdacomponents.processor.all || lambdacomponents.processor.coldstart)

package processor

import "go.opentelemetry.io/collector/processor"

func init() {
	Factories = append(Factories, func(extensionId string) processor.Factory {
		return processor.NewFactory("coldstart")
	})
}
