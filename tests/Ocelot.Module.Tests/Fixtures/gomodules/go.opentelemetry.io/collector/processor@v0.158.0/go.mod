module go.opentelemetry.io/collector/processor

go 1.19
