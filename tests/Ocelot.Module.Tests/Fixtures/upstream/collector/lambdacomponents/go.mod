module github.com/open-telemetry/opentelemetry-lambda/collector/lambdacomponents

go 1.19

require (
	go.opentelemetry.io/collector/connector v0.158.0
	go.opentelemetry.io/collector/exporter v0.158.0
	go.opentelemetry.io/collector/exporter/debugexporter v0.158.0
	go.opentelemetry.io/collector/exporter/otlphttpexporter v0.158.0
	go.opentelemetry.io/collector/extension v0.158.0
	go.opentelemetry.io/collector/otelcol v0.158.0
	go.opentelemetry.io/collector/processor v0.158.0
	go.opentelemetry.io/collector/processor/batchprocessor v0.158.0
	go.opentelemetry.io/collector/processor/memorylimiterprocessor v0.158.0
	go.opentelemetry.io/collector/receiver v0.158.0
	go.opentelemetry.io/collector/receiver/otlpreceiver v0.158.0
)
