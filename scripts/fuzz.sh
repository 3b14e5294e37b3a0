#!/usr/bin/env bash
# Runs each fuzz target (fuzz/fuzz_targets) for FUZZ_SECONDS (default 60), seeded from
# tests/data and www/data; prints the executions of each and fails on a crash or a hang
# (an input that takes over 2 s). `scripts/fuzz.sh smoke` is the short run `make test`
# does: FUZZ_SECONDS=2 each.
#
# Stable Rust has no -Z flags; RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass them (no nightly
# is reachable here). No sanitizer: the crate has no unsafe code, and ASan would halve
# the executions; debug assertions are on, so integer overflow is a crash.
#
# Crashes land in fuzz/artifacts/TARGET/; each becomes a test in tests/native/fuzzed.rs
# (copy the input to tests/data/fuzzed/ and it is checked on every `cargo test`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export RUSTC_BOOTSTRAP=1

seconds="${FUZZ_SECONDS:-60}"
[ "${1:-}" = smoke ] && seconds="${FUZZ_SMOKE_SECONDS:-2}"
targets="${FUZZ_TARGETS:-parse_auto parse_native parse_json parse_comtrade parse_comtrade_legacy parse_baci parse_wits parse_reported report layout}"
# Inputs up to FUZZ_MAX_LEN bytes: long enough for a header and a few dozen rows, short
# enough for tens of thousands of executions a second. Sizes far beyond are
# scripts/pathological.mjs's business.
max_len="${FUZZ_MAX_LEN:-4096}"
flags=(--sanitizer none --debug-assertions --release)

# The seeds: every test input, flat (the big HS table is left out: it is not data).
seeds=fuzz/seeds
rm -rf "$seeds"
mkdir -p "$seeds"
for f in tests/data/formats/* tests/data/errors/* tests/data/golden/* tests/data/fuzzed/* \
  www/data/nk-china-trade.csv www/data/formats/*; do
  [ -f "$f" ] && cp "$f" "$seeds/$(echo "$f" | tr / _)"
done

cargo fuzz build "${flags[@]}" >/dev/null 2>&1 || cargo fuzz build "${flags[@]}"
printf '%-24s %12s %10s %s\n' target executions exec/s result
status=0
for t in $targets; do
  mkdir -p "fuzz/corpus/$t"
  log="fuzz/logs/$t.log"
  mkdir -p fuzz/logs
  set +e
  cargo fuzz run "${flags[@]}" "$t" "fuzz/corpus/$t" "$seeds" -- \
    -max_total_time="$seconds" -timeout=2 -max_len="$max_len" -rss_limit_mb=2048 \
    -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log" | tail -n1)
  runs=${runs:-0}
  rate=$(( runs / (seconds > 0 ? seconds : 1) ))
  if [ $rc -eq 0 ]; then result=ok; else result="FAILED (exit $rc, see $log)"; status=1; fi
  printf '%-24s %12s %10s %s\n' "$t" "$runs" "$rate" "$result"
done
exit $status
