#!/usr/bin/env bash
# Prints raw and gzip -9 sizes (bytes) of what a page downloads, and the gzip total.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

files=(www/pkg/tradegap_bg.wasm www/pkg/tradegap.js www/tradegap.js)

printf '%-26s %10s %10s\n' file raw gzip
total_raw=0
total_gz=0
found=0
for f in "${files[@]}"; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  printf '%-26s %10d %10d\n' "$f" "$raw" "$gz"
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  found=$((found + 1))
done
if [ "$found" -eq 0 ]; then
  echo "sizes: nothing built yet (run make build)" >&2
  exit 1
fi
printf '%-26s %10d %10d\n' total "$total_raw" "$total_gz"
