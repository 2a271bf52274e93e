module go.opentelemetry.io/collector/otelcol

go 1.19

require (
	go.opentelemetry.io/collector/connector v0.158.0
	go.opentelemetry.io/collector/exporter v0.158.0
	go.opentelemetry.io/collector/extension v0.158.0
	go.opentelemetry.io/collector/processor v0.158.0
	go.opentelemetry.io/collector/receiver v0.158.0
)
