//go:build lambdacomponents.custom && (lambdacomponents.all || lambdacomponents.processor.all || lambdacomponents.processor.memorylimiter)

package processor

import (
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/memorylimiterprocessor"
)

func init() {
	Factories = append(Factories, func(extensionId string) processor.Factory {
		return memorylimiterprocessor.NewFactory()
	})
}
