#!/usr/bin/env bash
# Copy-OcelotLayer against download-then-publish per region in sequence, on one moto_server.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$here/../src/Ocelot" -c Release --nologo -v q >/dev/null
dotnet build "$here/CopyBench" -c Release --nologo -v q >/dev/null
dotnet "$here/CopyBench/bin/Release/net10.0/CopyBench.dll"
