module go.opentelemetry.io/collector/receiver

go 1.19
