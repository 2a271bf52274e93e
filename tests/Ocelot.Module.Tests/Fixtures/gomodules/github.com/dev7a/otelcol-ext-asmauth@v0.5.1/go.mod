module github.com/dev7a/otelcol-ext-asmauth

go 1.19

require go.opentelemetry.io/collector/extension v0.158.0
