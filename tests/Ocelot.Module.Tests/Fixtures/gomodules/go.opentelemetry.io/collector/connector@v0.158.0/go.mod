module go.opentelemetry.io/collector/connector

go 1.19
