// Pathological sizes (issue 13): times analyze() natively (the release CLI, which
// parses, analyses and words a report), in WebAssembly (in Chromium), and the
// element's first draw in Chromium, for each case at half and full size, so that
// linear time shows as a ratio near 2. A benchmark for the note, never a test.
//
//   cargo build --release --bin tradegap && make build && node scripts/pathological.mjs [--reps=3]
//
// Prints a Markdown table of medians (milliseconds).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const reps = Number(process.argv.find((a) => a.startsWith('--reps='))?.split('=')[1] ?? 3);
const only = process.argv.find((a) => a.startsWith('--only='))?.split('=')[1];
const cli = path.join(root, 'target/release/tradegap');
const MB = 1 << 20;

// Codes the readers accept: the country table's, and ISO's user-assigned XAA–XZZ.
const known = execFileSync('sed', ['-nE', 's/^ *c\\("([A-Z]{3})".*/\\1/p', path.join(root, 'src/countries.rs')], {
  encoding: 'utf8',
})
  .split('\n')
  .filter((c) => c && c !== 'PRK' && c !== 'WLD');
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const userCodes = [...letters].flatMap((a) => [...letters].map((b) => `X${a}${b}`));
const partners = [...known, ...userCodes];

const HEAD = 'year,exporter,importer,product_code,product,value,source\n';
// The 2022 figures' source is `source` (a megabyte of it, in one case), 2023's KITA.
const totals = (source = 'KITA') =>
  `2022,PRK,CHN,,,1500000000,${source}\n2022,CHN,PRK,,,2000000000,${source}\n` +
  `2023,PRK,CHN,,,290000000,KITA\n2023,CHN,PRK,,,2030000000,KITA\n`;
/** `unit` repeated to about `bytes` bytes (UTF-8). */
const fill = (unit, bytes) => unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));

/** Each case at a scale (1: the size, 0.5: half of it). */
const cases = {
  'product label 1 MB (en)': (k) =>
    HEAD + totals() + `2023,PRK,CHN,6704,"${fill('Wigs and false eyelashes ', MB * k)}",167000000,KITA\n`,
  'product label 1 MB (ko)': (k) =>
    HEAD + totals() + `2023,PRK,CHN,6704,"${fill('가발과 인조 속눈썹 ', MB * k)}",167000000,KITA\n`,
  'source 1 MB': (k) => HEAD + totals(fill('Korea International Trade Association ', MB * k)),
  'JSON string 1 MB': (k) =>
    JSON.stringify([
      { year: 2023, exporter: 'PRK', importer: 'CHN', value: 290000000 },
      { year: 2023, exporter: 'CHN', importer: 'PRK', value: 2030000000 },
      { year: 2023, exporter: 'PRK', importer: 'CHN', product_code: '6704', value: 167000000, product: fill('Wigs ', MB * k) },
    ]),
  // Only ~250 countries exist (plus 676 user-assigned codes): 10,000 partner flows
  // each way are every code over 11 years.
  '10,000 partner flows': (k) => {
    let s = HEAD + totals();
    const n = Math.round(10000 * k);
    for (let i = 0; i < n; i++) {
      const p = partners[i % partners.length];
      const year = 2023 - Math.floor(i / partners.length);
      if (p === 'CHN') continue;
      s += `${year},PRK,${p},,,${1000 + i},KITA\n${year},${p},PRK,,,${2000 + i},KITA\n`;
    }
    return s;
  },
  '10,000 products in a year': (k) => {
    let s = HEAD + '2023,CHN,PRK,,,2030000000,KITA\n';
    for (let i = 0; i < 10000 * k; i++) s += `2023,PRK,CHN,P${String(i).padStart(5, '0')},Product ${i},${1000 + i},KITA\n`;
    return s;
  },
  // Years run from 1900 to 2100: 201 years, with 50 products each, is 10,452 rows.
  '10,000 rows of years for one pair': (k) => {
    let s = HEAD;
    const years = Math.round(201 * k);
    for (let y = 1900; y < 1900 + years; y++) {
      s += `${y},PRK,CHN,,,${1e9 + y},KITA\n${y},CHN,PRK,,,${2e9 + y},KITA\n`;
      for (let p = 0; p < 50; p++) s += `${y},PRK,CHN,${p},Product ${p},${1000 + p},KITA\n`;
    }
    return s;
  },
  '10,000-column header': (k) => {
    const n = Math.round(10000 * k);
    const extra = Array.from({ length: n - 4 }, (_, i) => `c${i}`);
    const blanks = ','.repeat(n - 4);
    return (
      `year,exporter,importer,value,${extra.join(',')}\n` +
      `2022,PRK,CHN,1500000000${blanks}\n2022,CHN,PRK,2000000000${blanks}\n` +
      `2023,PRK,CHN,290000000${blanks}\n2023,CHN,PRK,2030000000${blanks}\n`
    );
  },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = mkdtempSync(path.join(tmpdir(), 'tradegap-pathological-'));

function native(file) {
  const times = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    execFileSync(cli, [file, '--focus', 'PRK', '--partner', 'CHN', '--json'], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

const server = await startServer({ root: path.join(root, 'www'), port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const rows = [];
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  await page.goto(`${server.url.replace(/\/$/, '')}/examples/inline.html`);
  await page.waitForFunction(() => customElements.get('trade-gap'));
  await page.evaluate(async () => {
    const m = await import('/pkg/tradegap.js');
    await m.default();
    window.__analyze = m.analyze;
  });
  for (const [name, make] of Object.entries(cases)) {
    if (only && !name.includes(only)) continue;
    const row = { name };
    for (const k of [0.5, 1]) {
      const text = make(k);
      const file = path.join(dir, `case.${name.startsWith('JSON') ? 'json' : 'csv'}`);
      writeFileSync(file, text);
      const nativeMs = native(file);
      const wasm = await page.evaluate(
        ([text, reps]) => {
          const times = [];
          for (let i = 0; i < reps; i++) {
            const t0 = performance.now();
            window.__analyze(text, { focus: 'PRK', partner: 'CHN' });
            times.push(performance.now() - t0);
          }
          return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
        },
        [text, reps],
      );
      // First draw: from the element's connection to the frame after tradegap:ready.
      const draws = [];
      for (let i = 0; i < reps; i++) {
        draws.push(
          await page.evaluate(
            ([text, json]) =>
              new Promise((resolve, reject) => {
                document.querySelector('trade-gap.pathological')?.remove();
                const el = document.createElement('trade-gap');
                el.className = 'pathological';
                el.setAttribute('focus', 'PRK');
                el.setAttribute('partner', 'CHN');
                const script = document.createElement('script');
                script.type = json ? 'application/json' : 'text/csv';
                script.textContent = text;
                el.append(script);
                const t0 = performance.now();
                el.addEventListener('tradegap:ready', () => requestAnimationFrame(() => resolve(performance.now() - t0)));
                el.addEventListener('tradegap:error', (e) => reject(new Error(e.detail.message)));
                document.querySelector('main').prepend(el);
              }),
            [text, name.startsWith('JSON')],
          ),
        );
      }
      row[k] = { bytes: Buffer.byteLength(text), nativeMs, wasmMs: wasm, drawMs: median(draws) };
    }
    rows.push(row);
    console.error(`${name}: done`);
  }
} finally {
  await browser.close();
  await server.close();
}

const f = (ms) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));
console.log(`Medians of ${reps} runs, milliseconds; ×: full size over half size (2 is linear).\n`);
console.log('| case | bytes | native CLI | × | analyze() wasm | × | first draw | × |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const { name, 0.5: h, 1: full } of rows) {
  const x = (key) => (full[key] / Math.max(h[key], 1e-9)).toFixed(1);
  console.log(
    `| ${name} | ${(full.bytes / MB).toFixed(2)} MB | ${f(full.nativeMs)} | ${x('nativeMs')} | ${f(full.wasmMs)} | ${x('wasmMs')} | ${f(full.drawMs)} | ${x('drawMs')} |`,
  );
}
