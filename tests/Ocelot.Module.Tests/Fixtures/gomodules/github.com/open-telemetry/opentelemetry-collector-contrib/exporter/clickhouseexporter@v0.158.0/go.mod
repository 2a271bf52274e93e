module github.com/open-telemetry/opentelemetry-collector-contrib/exporter/clickhouseexporter

go 1.19

require go.opentelemetry.io/collector/exporter v0.158.0
