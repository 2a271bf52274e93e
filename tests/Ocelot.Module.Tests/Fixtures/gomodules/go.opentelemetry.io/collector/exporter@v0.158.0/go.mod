module go.opentelemetry.io/collector/exporter

go 1.19
