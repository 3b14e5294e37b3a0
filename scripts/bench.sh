#!/usr/bin/env bash
# Runs the peers' benchmark (../shared/bench) with tradegap's page added, so that every
# ratio comes from one run. Usage: scripts/bench.sh [extra run.mjs arguments]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="${BENCH_DIR:-$root/../shared/bench}"
[ -f "$bench/run.mjs" ] || { echo "bench: no harness at $bench" >&2; exit 1; }

make -C "$root" build >/dev/null
rm -rf "$bench/widget-pkg"
cp -r "$root/www/pkg" "$bench/widget-pkg"
cp "$root/bench/widget.html" "$bench/pages/widget.html"
if [ ! -d "$bench/node_modules" ] || [ "$bench/package-lock.json" -nt "$bench/node_modules/.package-lock.json" ]; then
  (cd "$bench" && npm ci --silent)
fi
cd "$bench"
node run.mjs --only=sizes,render --page=tradegap=/pages/widget.html "$@"
