#!/usr/bin/env bash
# Update-OcelotFunctionLayer against a sequential `aws lambda update-function-configuration` loop, on one moto_server.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$here/../src/Ocelot" -c Release --nologo -v q >/dev/null
dotnet build "$here/RolloutBench" -c Release --nologo -v q >/dev/null
dotnet "$here/RolloutBench/bin/Release/net10.0/RolloutBench.dll"
