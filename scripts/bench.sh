#!/usr/bin/env bash
# Runs the peers' benchmark (../shared/bench) with tradegap's page added, so that every
# ratio comes from one run. Usage: scripts/bench.sh [extra run.mjs arguments]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="${BENCH_DIR:-$root/../shared/bench}"
[ -f "$bench/run.mjs" ] || { echo "bench: no harness at $bench" >&2; exit 1; }

make -C "$root" setup >/dev/null
# The same wasm as www/pkg (charts only, no claim check or builder) plus the harness's
# aggregate (feature "bench").
cargo build --manifest-path "$root/Cargo.toml" --lib --profile wasm --target wasm32-unknown-unknown \
  --no-default-features --features bench --target-dir "$root/target/bench"
rm -rf "$bench/widget-pkg"
wasm-bindgen --target web --out-dir "$bench/widget-pkg" --out-name tradegap \
  "$root/target/bench/wasm32-unknown-unknown/wasm/tradegap.wasm"
"$root/node_modules/.bin/wasm-opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$bench/widget-pkg/tradegap_bg.wasm" -o "$bench/widget-pkg/tradegap_bg.wasm"
cp "$root/bench/widget.html" "$bench/pages/widget.html"
if [ ! -d "$bench/node_modules" ] || [ "$bench/package-lock.json" -nt "$bench/node_modules/.package-lock.json" ]; then
  (cd "$bench" && npm ci --silent)
fi
cd "$bench"
node run.mjs --only=sizes,render,data --page=tradegap=/pages/widget.html \
  --data-page=tradegap-data=/pages/widget.html=widget "$@"
# The first chart over a throttled link, beside uPlot and Chart.js (same pages, same data).
node "$root/scripts/bench-network.mjs" --bench="$bench"
# The native CLI on the 64 MB Comtrade-style file, as MB/s (median of 11 runs).
cargo build --manifest-path "$root/Cargo.toml" --release --bin tradegap
node "$root/scripts/bench-cli.mjs"
# What a page of one chart actually receives (the bytes row of `make sizes`), beside them.
make -C "$root" build >/dev/null
(cd "$root" && node scripts/page-bytes.mjs)
