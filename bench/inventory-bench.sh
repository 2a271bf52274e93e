#!/usr/bin/env bash
# Get-OcelotLayer / Remove-OcelotLayer against the reference's sequential aws CLI loops, on one moto_server.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$here/../src/Ocelot" -c Release --nologo -v q >/dev/null
dotnet build "$here/InventoryBench" -c Release --nologo -v q >/dev/null
dotnet "$here/InventoryBench/bin/Release/net10.0/InventoryBench.dll"
