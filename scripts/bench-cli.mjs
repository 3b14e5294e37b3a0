#!/usr/bin/env node
// The native CLI on the 1,000,000-row, 64 MB Comtrade-style file (scripts/gen-comtrade.mjs):
// the median wall time of RUNS runs after one warm-up (the file in the page cache), as MB/s.
// Usage: node scripts/bench-cli.mjs [--runs=11] [--bin=target/release/tradegap] [--file=…]
// Build first: cargo build --release --bin tradegap (scripts/bench.sh does).
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const a = process.argv.find((s) => s.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : fallback;
};
const runs = Number(arg('runs', 11));
const bin = path.resolve(root, arg('bin', 'target/release/tradegap'));
const file = path.resolve(root, arg('file', 'tests/out/comtrade-1m.csv'));

if (!fs.existsSync(bin)) {
  console.error(`bench-cli: no ${bin}; run cargo build --release --bin tradegap`);
  process.exit(1);
}
if (!fs.existsSync(file)) {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'gen-comtrade.mjs'), '1000000', file], { stdio: 'inherit' });
}
const bytes = fs.statSync(file).size;
const args = [file, '--focus', 'PRK', '--partner', 'CHN', '--json'];

const once = () => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(bin, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    console.error(`bench-cli: ${bin} failed (${r.status}): ${r.stderr}`);
    process.exit(1);
  }
  return ms;
};
once();
const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const mbs = (ms) => (bytes / 1e6 / (ms / 1e3)).toFixed(0);
console.log(`\n### Native CLI (--release, --json) on ${path.relative(root, file)}\n`);
console.log('| file | runs | median | min | max | MB/s (median) |');
console.log('|---|--:|--:|--:|--:|--:|');
console.log(`| ${(bytes / 1e6).toFixed(1)} MB | ${runs} | ${median.toFixed(0)} ms | ${times[0].toFixed(0)} ms | ${times[times.length - 1].toFixed(0)} ms | **${mbs(median)}** (best ${mbs(times[0])}) |`);
