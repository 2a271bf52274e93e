module github.com/dev7a/otelcol-con-spaneventtolog

go 1.19

require go.opentelemetry.io/collector/connector v0.158.0
