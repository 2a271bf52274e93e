module go.opentelemetry.io/collector/extension

go 1.19
