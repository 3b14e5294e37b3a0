#!/usr/bin/env bash
# Prints raw, gzip -9 and brotli (quality 11) sizes in bytes of what a page downloads
# for one chart, and their totals. Brotli comes from Node's zlib (no extra install).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

files=(www/pkg/tradegap_bg.wasm www/pkg/tradegap.js www/tradegap.js www/tradegap.css)

found=0
for f in "${files[@]}"; do [ -f "$f" ] && found=$((found + 1)); done
if [ "$found" -eq 0 ]; then
  echo "sizes: nothing built yet (run make build)" >&2
  exit 1
fi

node --input-type=module - "${files[@]}" <<'JS'
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
const row = (name, a, b, c) => console.log(`${name.padEnd(26)} ${String(a).padStart(10)} ${String(b).padStart(10)} ${String(c).padStart(10)}`);
row('file', 'raw', 'gzip -9', 'brotli');
const total = [0, 0, 0];
for (const f of process.argv.slice(2)) {
  if (!existsSync(f)) continue;
  const bytes = readFileSync(f);
  const sizes = [
    bytes.length,
    gzipSync(bytes, { level: 9 }).length,
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  ];
  sizes.forEach((s, i) => (total[i] += s));
  row(f, ...sizes);
}
row('total', ...total);
JS

# What a page actually receives for one chart, measured in Chromium (see scripts/page-bytes.mjs).
if [ -x "${CHROMIUM:-/usr/bin/chromium}" ] && [ -f www/tradegap.min.js ]; then
  echo
  node scripts/page-bytes.mjs
fi
