module go.opentelemetry.io/collector/confmap

go 1.19
