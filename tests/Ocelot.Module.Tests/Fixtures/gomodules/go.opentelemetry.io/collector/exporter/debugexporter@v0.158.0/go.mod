module go.opentelemetry.io/collector/exporter/debugexporter

go 1.19

require go.opentelemetry.io/collector/exporter v0.158.0
