#!/usr/bin/env bash
# Import-Module + first Get-OcelotDistribution in a fresh process, against an empty binary module as the floor.
# Both run alternately in the same run (the machine is noisy), and the ratio of medians is printed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
runs="${RUNS:-15}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$root/src/Ocelot" -c Release --nologo -v q >/dev/null
dotnet build "$here/EmptyModule" -c Release --nologo -v q >/dev/null
dotnet build "$here/ImportBench" -c Release --nologo -v q >/dev/null
bench="$here/ImportBench/bin/Release/net10.0/ImportBench.dll"
ocelot=() empty=()
for ((i = 0; i < runs; i++)); do
  ocelot+=("$(dotnet "$bench" "$root/Ocelot.psd1" Get-OcelotDistribution)")
  empty+=("$(dotnet "$bench" "$here/EmptyModule/EmptyModule.psd1" Get-Empty)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mo=$(median "${ocelot[@]}"); me=$(median "${empty[@]}")
echo "runs: $runs (fresh process each, alternating)"
echo "Import-Module Ocelot + first Get-OcelotDistribution: median ${mo} ms"
echo "Import-Module EmptyModule + first Get-Empty (floor): median ${me} ms"
awk -v a="$mo" -v b="$me" 'BEGIN { printf "ratio Ocelot / empty module: %.2fx (extra %.1f ms)\n", a / b, a - b }'
