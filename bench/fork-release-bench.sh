#!/usr/bin/env bash
# The parts of a fork's release run (build job per distribution x arch; publish job) on the fixture and moto, with the
# publish job against one publish run per region side by side. REGIONS (default 20), DISTRIBUTIONS (default: all).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cd "$here/.."
dotnet build src/Ocelot/Ocelot.csproj --nologo -v q >/dev/null
dotnet tool restore >/dev/null
args=(-Regions "${REGIONS:-20}")
if [[ -n "${DISTRIBUTIONS:-}" ]]; then args+=(-Distribution "$DISTRIBUTIONS"); fi
dotnet pwsh -NoProfile -File bench/ForkRelease/Measure-ForkRelease.ps1 "${args[@]}"
