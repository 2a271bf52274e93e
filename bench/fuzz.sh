#!/usr/bin/env bash
# Fuzzes one target of bench/Fuzz for a fixed time with AFL++ (SharpFuzz instruments the engine and YamlDotNet),
# then prints executions, corpus size, crashes and hangs. Not part of the test run.
#   usage: bench/fuzz.sh config|constraint [seconds, default 180]
# Needs afl-fuzz (apt-get install -y afl++). The work folder it prints keeps the corpus and any crash; reproduce a crash
# with an uninstrumented build: dotnet build bench/Fuzz -o DIR && dotnet DIR/Ocelot.Fuzz.dll <target> <crash file>
set -euo pipefail
target=${1:?usage: bench/fuzz.sh config|constraint [seconds]}
seconds=${2:-180}
case "$target" in config|constraint) ;; *) echo "unknown target '$target' (config or constraint)" >&2; exit 2 ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
command -v afl-fuzz >/dev/null || { echo "afl-fuzz is not installed: apt-get install -y afl++" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/ocelot-fuzz-$target-XXXXXX")
echo "fuzzing '$target' for ${seconds}s in $work"

dotnet build "$root/bench/Fuzz" -c Release -o "$work/bin" --nologo -v q >/dev/null
dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$work/tools" >/dev/null
assemblies=(Ocelot.Engine.dll)
[ "$target" = config ] && assemblies+=(YamlDotNet.dll)
for assembly in "${assemblies[@]}"; do "$work/tools/sharpfuzz" "$work/bin/$assembly" >/dev/null; done

mkdir -p "$work/in"
if [ "$target" = config ]; then
  cp "$root"/config/*.yaml "$work/in/"
  printf 'a:\n  base: b\nb:\n  base: a\n' > "$work/in/cycle.yaml"
  printf 'x: [1, {y: &z [*z]}]\n---\nq: 1\n' > "$work/in/anchors.yaml"
else
  find "$root/components" "$root/tests/Ocelot.Module.Tests/Fixtures/upstream" -name '*.go' -size -4k | head -n 12 |
    while read -r file; do cp "$file" "$work/in/$(echo "$file" | md5sum | cut -c1-8).go"; done
  printf '/* x */\n//go:build (a || !b) && c.d\n\npackage p\n' > "$work/in/mixed.go"
fi

OCELOT_FUZZ_SCRATCH="$work/scratch" AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 \
  afl-fuzz -i "$work/in" -o "$work/out" -V "$seconds" -t 5000 -m none -- dotnet "$work/bin/Ocelot.Fuzz.dll" "$target" >"$work/afl.log" 2>&1 || {
  echo "afl-fuzz failed; the end of its log:" >&2; tail -n 30 "$work/afl.log" >&2; exit 1; }

stats="$work/out/default/fuzzer_stats"
value() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
echo "target=$target seconds=$seconds execs_done=$(value execs_done) execs_per_sec=$(value execs_per_sec) corpus_count=$(value corpus_count) saved_crashes=$(value saved_crashes) saved_hangs=$(value saved_hangs)"
crashes=$(find "$work/out/default/crashes" -type f -name 'id:*' | wc -l)
if [ "$crashes" -gt 0 ]; then
  echo "crash inputs:"; find "$work/out/default/crashes" -type f -name 'id:*'
  exit 1
fi
