//go:build lambdacomponents.custom && (lambdacomponents.all || lambdacomponents.connector.all || lambdacomponents.connector.spanmetrics)

package connector

import "go.opentelemetry.io/collector/connector"

func init() {
	Factories = append(Factories, func(extensionId string) connector.Factory {
		return connector.NewFactory("spanmetrics")
	})
}
