//go:build lambdacomponents.custom && (lambdacomponents.all || lambdacomponents.processor.all || lambdacomponents.processor.batch)

package processor

import (
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/batchprocessor"
)

func init() {
	Factories = append(Factories, func(extensionId string) processor.Factory {
		return batchprocessor.NewFactory()
	})
}
