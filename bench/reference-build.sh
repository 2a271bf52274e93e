#!/usr/bin/env bash
# The reference tool's build, reproduced as its Python scripts run it (behaviour spec §2.2-2.6), as the baseline:
# shallow clone, copy the overlay wrappers, `go mod edit -require` in the collector module, `go mod tidy`, then
# upstream's `make package` (which zips with the zip CLI) and copy the zip out.
# usage: reference-build.sh <repo-url> <ref> <arch> <distribution> <tags,comma,separated> <output-dir> <overlay-file>... -- <module@version>...
set -euo pipefail
repo=$1 ref=$2 arch=$3 dist=$4 tags=$5 out=$6
shift 6
overlay=() modules=()
while (($#)) && [[ $1 != -- ]]; do overlay+=("$1"); shift; done
(($#)) && shift
modules=("$@")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q --depth 1 --branch "$ref" "$repo" "$work/upstream"
for file in "${overlay[@]}"; do
  kind=$(basename "$(dirname "$file")")
  cp "$file" "$work/upstream/collector/lambdacomponents/$kind/"
done
cd "$work/upstream/collector"
for module in "${modules[@]}"; do go mod edit -require="$module"; done
((${#modules[@]})) && go mod tidy
GOARCH=$arch BUILDTAGS=$tags make package >/dev/null
mkdir -p "$out"
cp "build/opentelemetry-collector-layer-$arch.zip" "$out/collector-$arch-$dist.zip"
