module github.com/open-telemetry/opentelemetry-collector-contrib/connector/signaltometricsconnector

go 1.19

require go.opentelemetry.io/collector/connector v0.158.0
