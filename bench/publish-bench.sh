#!/usr/bin/env bash
# Publish-OcelotLayer against the reference's sequential `aws lambda publish-layer-version` loop, on one moto_server.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$here/../src/Ocelot" -c Release --nologo -v q >/dev/null
dotnet build "$here/PublishBench" -c Release --nologo -v q >/dev/null
dotnet "$here/PublishBench/bin/Release/net10.0/PublishBench.dll" "${RUNS:-3}"
