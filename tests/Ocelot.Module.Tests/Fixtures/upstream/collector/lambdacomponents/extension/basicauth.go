//go:build lambdacomponents.custom && (lambdacomponents.all || lambdacomponents.extension.all || lambdacomponents.extension.basicauth)

package extension

import "go.opentelemetry.io/collector/extension"

func init() {
	Factories = append(Factories, func(extensionId string) extension.Factory {
		return extension.NewFactory("basicauth")
	})
}
