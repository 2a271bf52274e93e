module go.opentelemetry.io/collector/processor/memorylimiterprocessor

go 1.19

require go.opentelemetry.io/collector/processor v0.158.0
