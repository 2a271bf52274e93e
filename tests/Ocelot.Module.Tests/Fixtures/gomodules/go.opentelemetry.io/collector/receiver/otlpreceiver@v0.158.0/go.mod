module go.opentelemetry.io/collector/receiver/otlpreceiver

go 1.19

require go.opentelemetry.io/collector/receiver v0.158.0
