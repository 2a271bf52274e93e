module github.com/open-telemetry/opentelemetry-collector-contrib/confmap/provider/s3provider

go 1.19

require go.opentelemetry.io/collector/confmap v0.158.0
