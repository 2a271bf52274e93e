#!/usr/bin/env bash
# Invoke-OcelotBuild against the reference tool's build method, on the offline Go fixture, in one run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$here/../src/Ocelot" -c Release --nologo -v q >/dev/null
dotnet build "$here/BuildBench" -c Release --nologo -v q >/dev/null
dotnet "$here/BuildBench/bin/Release/net10.0/BuildBench.dll" "${RUNS:-3}"
