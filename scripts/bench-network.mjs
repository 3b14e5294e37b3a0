#!/usr/bin/env node
// The first chart over a slow phone's link: uPlot, Chart.js and tradegap's bench pages
// (the peers' harness, ../shared/bench, after scripts/bench.sh has copied tradegap's page
// in) loaded over Chromium's network emulation, 150 ms latency and 1.6 Mbit/s down, as a
// slow 4G phone. Responses are gzip -9 encoded, as a real server would send them. Each
// sample is a fresh page with the HTTP cache off; pages are interleaved. Prints
// navigation start → first chart frame painted (the harness driver's firstRenderFromNavMs):
// medians, quartiles and ratios to uPlot.
//
//   node scripts/bench-network.mjs [--reps=7] [--bench=../shared/bench]
import { readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => (process.argv.find((a) => a.startsWith(`--${name}=`)) || '').split('=')[1] || fallback;
const BENCH = path.resolve(arg('bench', process.env.BENCH_DIR || path.join(root, '..', 'shared', 'bench')));
const REPS = Number(arg('reps', 7));
const LINK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) };
const PAGES = [
  ['uplot', '/pages/uplot.html'],
  ['chartjs', '/pages/chartjs.html'],
  ['tradegap', '/pages/widget.html'],
];

const { chartData } = await import(pathToFileURL(path.join(BENCH, 'lib', 'chart-data.mjs')));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };
const gzipped = new Map();
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const file = path.resolve(BENCH, '.' + decodeURIComponent(url.pathname));
  if (!file.startsWith(BENCH + path.sep)) return res.writeHead(403).end();
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    return res.writeHead(404).end();
  }
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file), { level: 9 }));
  const body = gzipped.get(file);
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
    'Content-Encoding': 'gzip',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run'],
});
const samples = Object.fromEntries(PAGES.map(([id]) => [id, []]));
try {
  for (let rep = -1; rep < REPS; rep++) {
    for (const [id, url] of PAGES) {
      const ctx = await browser.newContext({ viewport: { width: 1100, height: 800 } });
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', LINK);
      const result = new Promise((resolve) => page.exposeBinding('__benchReport', (_, r) => resolve(r)));
      await page.addInitScript((c) => { window.__benchConfig = c; }, { mode: 'render', data: chartData(), size: [800, 450], resizes: [] });
      await page.goto(origin + url, { timeout: 60_000 });
      const r = await result;
      await ctx.close();
      if (r.error) throw new Error(`${id}: ${r.error}`);
      if (rep >= 0) samples[id].push(r.firstRenderFromNavMs);
    }
  }
} finally {
  await browser.close();
  server.close();
}

const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * p;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
};
const base = q(samples.uplot, 0.5);
console.log(`\nFirst chart over a slow 4G link (150 ms, 1.6 Mbit/s, gzip): navigation start → first frame painted, ${REPS} loads each`);
console.log('| page | median ms (p25–p75) | ÷ uPlot |\n|---|---:|---:|');
for (const [id] of PAGES) {
  const m = q(samples[id], 0.5);
  console.log(`| ${id} | ${m.toFixed(0)} (${q(samples[id], 0.25).toFixed(0)}–${q(samples[id], 0.75).toFixed(0)}) | ${(m / base).toFixed(2)}× |`);
}
