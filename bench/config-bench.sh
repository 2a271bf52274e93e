#!/usr/bin/env bash
# Test-OcelotCollectorConfig on a 500-line config (goal: under 50 ms after module import), beside `go build` of the same
# distribution on the offline Go fixture, in one run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$here/../src/Ocelot" -c Release --nologo -v q >/dev/null
dotnet build "$here/ConfigBench" -c Release --nologo -v q | { grep -E " error " || true; }
dotnet "$here/ConfigBench/bin/Release/net10.0/ConfigBench.dll" "${RUNS:-20}"
