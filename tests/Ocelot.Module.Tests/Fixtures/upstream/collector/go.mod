module github.com/open-telemetry/opentelemetry-lambda/collector

go 1.19

require (
	github.com/open-telemetry/opentelemetry-collector-contrib/confmap/provider/s3provider v0.158.0
	github.com/open-telemetry/opentelemetry-collector-contrib/confmap/provider/secretsmanagerprovider v0.158.0
	github.com/open-telemetry/opentelemetry-lambda/collector/lambdacomponents v0.0.0
	go.opentelemetry.io/collector/confmap v0.158.0
	go.opentelemetry.io/collector/otelcol v0.158.0
)

require (
	go.opentelemetry.io/collector/connector v0.158.0 // indirect
	go.opentelemetry.io/collector/exporter v0.158.0 // indirect
	go.opentelemetry.io/collector/exporter/debugexporter v0.158.0 // indirect
	go.opentelemetry.io/collector/exporter/otlphttpexporter v0.158.0 // indirect
	go.opentelemetry.io/collector/extension v0.158.0 // indirect
	go.opentelemetry.io/collector/processor v0.158.0 // indirect
	go.opentelemetry.io/collector/processor/batchprocessor v0.158.0 // indirect
	go.opentelemetry.io/collector/processor/memorylimiterprocessor v0.158.0 // indirect
	go.opentelemetry.io/collector/receiver v0.158.0 // indirect
	go.opentelemetry.io/collector/receiver/otlpreceiver v0.158.0 // indirect
)

replace github.com/open-telemetry/opentelemetry-lambda/collector/lambdacomponents => ./lambdacomponents
