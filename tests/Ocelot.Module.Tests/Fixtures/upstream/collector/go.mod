module github.com/open-telemetry/opentelemetry-lambda/collector

go 1.19

require (
	github.com/open-telemetry/opentelemetry-lambda/collector/lambdacomponents v0.0.0
	go.opentelemetry.io/collector/otelcol v0.158.0
)

require (
	go.opentelemetry.io/collector/connector v0.158.0 // indirect
	go.opentelemetry.io/collector/exporter v0.158.0 // indirect
	go.opentelemetry.io/collector/extension v0.158.0 // indirect
	go.opentelemetry.io/collector/processor v0.158.0 // indirect
	go.opentelemetry.io/collector/receiver v0.158.0 // indirect
)

replace github.com/open-telemetry/opentelemetry-lambda/collector/lambdacomponents => ./lambdacomponents
