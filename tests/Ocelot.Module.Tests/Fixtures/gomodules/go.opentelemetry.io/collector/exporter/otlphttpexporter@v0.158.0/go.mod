module go.opentelemetry.io/collector/exporter/otlphttpexporter

go 1.19

require go.opentelemetry.io/collector/exporter v0.158.0
