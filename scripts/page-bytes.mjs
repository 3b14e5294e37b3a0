#!/usr/bin/env node
// What a page transfers for one chart, measured in Chromium from the responses it
// actually received: www/examples/one-chart.html draws www/data/nk-china-trade.csv, and
// every response but the page itself and the data (wasm, glue, element, CSS, and any
// table the element fetches) is compressed with gzip -9 and brotli q11, as a server
// would send it. Prints a table and the totals.
//
//   node scripts/page-bytes.mjs [page]      default: examples/one-chart.html
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'www');
const pagePath = process.argv[2] || 'examples/one-chart.html';

const server = await startServer({ root: ROOT, port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const bodies = [];
  page.on('response', (r) => bodies.push(r.body().then((b) => ({ url: r.url(), bytes: b }), () => null)));
  const ready = page.waitForEvent('console', { predicate: (m) => m.text() === 'tradegap-ready', timeout: 30_000 });
  await page.addInitScript(() => {
    document.addEventListener('tradegap:ready', () => console.log('tradegap-ready'));
    document.addEventListener('tradegap:error', (e) => console.log(`tradegap-error ${e.detail.message}`));
  });
  await page.goto(server.url + pagePath);
  await ready;
  const rows = [];
  for (const got of await Promise.all(bodies)) {
    if (!got) continue;
    const rel = new URL(got.url).pathname;
    if (rel.endsWith(pagePath) || rel.endsWith('.csv') && rel.includes('nk-china-trade')) continue;
    rows.push([
      rel,
      got.bytes.length,
      gzipSync(got.bytes, { level: 9 }).length,
      brotliCompressSync(got.bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    ]);
  }
  const line = (a, b, c, d) => console.log(`${a.padEnd(34)} ${String(b).padStart(10)} ${String(c).padStart(10)} ${String(d).padStart(10)}`);
  console.log(`what ${pagePath} received for one chart (bytes; page and data not counted)`);
  line('response', 'raw', 'gzip -9', 'brotli');
  const total = [0, 0, 0];
  for (const [name, ...sizes] of rows) {
    sizes.forEach((s, i) => (total[i] += s));
    line(name, ...sizes);
  }
  line('total', ...total);
} finally {
  await browser.close();
  await server.close();
}
