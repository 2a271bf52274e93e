module github.com/open-telemetry/opentelemetry-collector-contrib/exporter/awss3exporter

go 1.19

require go.opentelemetry.io/collector/exporter v0.158.0
