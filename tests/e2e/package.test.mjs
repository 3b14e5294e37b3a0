// The npm package, used the three ways its README says: (1) a plain page that loads the
// packed files by URL from another origin, as from a CDN; (2) `npm install` of the
// .tgz into a fresh project that bundles `import 'tradegap'` with esbuild (and whose
// TypeScript sees the package's types through its `exports`); (3) Node, importing
// 'tradegap/core' from that install and reading the wasm from disk.
// The test packs the package itself (scripts/package.mjs) from what `make build` wrote.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { buildPackage } from '../../scripts/package.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS, countColours, OUT, ROOT, waitForEvent } from './browser.mjs';

const REPO = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEMO_CSV = path.join(ROOT, 'data', 'nk-china-trade.csv');
const EXPORTS = '#2166ac';
const IMPORTS = '#d6604d';
// The worker reads files over 4 MB: 80,000 Comtrade-style rows are about 5 MB.
const BIG_ROWS = 80000;

let tmp;
let pkg;
let browser;
let project; // the fresh project that installed the .tgz (tests 2 and 3)

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'tradegap-package-'));
  pkg = buildPackage({ outDir: path.join(tmp, 'dist'), quiet: true });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Opens a page that records tradegap events from the start and every request's URL. */
async function open(url) {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['tradegap:ready', 'tradegap:error', 'tradegap:progress']) {
      document.addEventListener(type, (e) => window.__events.push({ type, id: e.target.id, detail: e.detail }));
    }
  });
  await page.goto(url);
  return { page, errors, requests };
}

/** Waits for the element's first ready or error; fails with the error's message. */
async function ready(page, id, timeout = 20000) {
  const handle = await page.waitForFunction(
    (id) => window.__events.find((e) => e.id === id && (e.type === 'tradegap:ready' || e.type === 'tradegap:error')),
    id,
    { timeout },
  );
  const event = await handle.jsonValue();
  assert.equal(event.type, 'tradegap:ready', `#${id}: ${JSON.stringify(event.detail)}`);
  return event.detail;
}

/** The 2023 story figures, unrounded, as the demo's data give them. */
function assert2023(analysis) {
  const y = analysis.years.find((r) => r.year === 2023);
  assert.equal(y.exports, 290e6);
  assert.equal(y.imports, 2.03e9);
  assert.equal(y.balance, -1.74e9);
}

/** Bars in both colours on the element's canvas: a drawn chart, not a blank box. */
async function assertDrawn(page, selector) {
  await page.waitForTimeout(100);
  const px = await countColours(page, selector, [EXPORTS, IMPORTS]);
  assert.ok(px.counts[0] > 1000, `exports bars drawn (${px.counts[0]} px)`);
  assert.ok(px.counts[1] > 2000, `imports bars drawn (${px.counts[1]} px)`);
}

/** The fresh project with the .tgz installed, made once for tests 2 and 3. */
function installedProject() {
  if (project) return project;
  const dir = path.join(tmp, 'project');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'uses-tradegap', private: true, type: 'module' }, null, 2)}\n`,
  );
  // The package has no dependencies: the install reads only the .tgz, never the network.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', pkg.tgz], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  project = dir;
  return dir;
}

test('the .tgz holds the element, CSS, worker, wasm and glue, types, labels, README and licences', () => {
  const list = execFileSync('tar', ['tzf', pkg.tgz], { encoding: 'utf8' }).trim().split('\n').sort();
  assert.deepEqual(list, [
    'package/LICENSE-APACHE',
    'package/LICENSE-MIT',
    'package/README.md',
    'package/data/hs.csv',
    'package/package.json',
    'package/pkg/tradegap.d.ts',
    'package/pkg/tradegap.js',
    'package/pkg/tradegap_bg.wasm',
    'package/pkg/tradegap_desk.d.ts',
    'package/pkg/tradegap_desk.js',
    'package/pkg/tradegap_desk_bg.wasm',
    'package/tradegap-worker.js',
    'package/tradegap.css',
    'package/tradegap.d.ts',
    'package/tradegap.js',
    'package/tradegap.min.js',
  ]);
  const m = JSON.parse(execFileSync('tar', ['xzOf', pkg.tgz, 'package/package.json'], { encoding: 'utf8' }));
  const cargoVersion = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms.exec(readFileSync(path.join(REPO, 'Cargo.toml'), 'utf8'))[1];
  assert.equal(m.version, cargoVersion, 'the version is Cargo.toml\'s');
  assert.equal(path.basename(pkg.tgz), `tradegap-${cargoVersion}.tgz`);
  assert.equal(m.name, 'tradegap');
  assert.equal(m.type, 'module');
  assert.equal(m.license, 'MIT OR Apache-2.0');
  // Every target of the exports map is in the package.
  const targets = Object.values(m.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  for (const t of [...targets, m.main, m.types, ...m.sideEffects]) {
    assert.ok(list.includes(`package/${t.replace(/^\.\//, '')}`), `${t} is in the package`);
  }
  assert.deepEqual(m.exports['.'], { types: './tradegap.d.ts', default: './tradegap.js' });
  assert.deepEqual(m.exports['./core'], { types: './pkg/tradegap.d.ts', default: './pkg/tradegap.js' });
});

test('(1) a plain page on another origin loads the element by URL, as from a CDN', async () => {
  // The CDN: the packed files as they are in the .tgz, under a versioned path, with CORS.
  const cdnRoot = path.join(tmp, 'cdn');
  mkdirSync(cdnRoot, { recursive: true });
  execFileSync('tar', ['xzf', pkg.tgz, '-C', cdnRoot]);
  const base = `tradegap@${pkg.manifest.version}`;
  renameSync(path.join(cdnRoot, 'package'), path.join(cdnRoot, base));
  // The newsroom's site: a page and its data, nothing of tradegap's.
  const site = path.join(tmp, 'site');
  mkdirSync(path.join(site, 'data'), { recursive: true });
  copyFileSync(DEMO_CSV, path.join(site, 'data', 'nk-china-trade.csv'));
  execFileSync(process.execPath, [path.join(REPO, 'scripts', 'gen-comtrade.mjs'), String(BIG_ROWS), path.join(site, 'data', 'big.csv')]);
  const cdn = await startServer({ root: cdnRoot, port: 0, cors: true });
  // Another port is another origin: the module, the wasm and the labels come cross-origin,
  // under the strict policy that the README asks for, with the CDN allowed.
  const origin = new URL(cdn.url).origin;
  const policy =
    `default-src 'self'; script-src 'self' ${origin} 'wasm-unsafe-eval'; style-src 'self' ${origin}; ` +
    `connect-src 'self' ${origin}; worker-src blob: ${origin}; img-src 'self' data: blob:`;
  const server = await startServer({ root: site, port: 0, csp: policy });
  const from = `${cdn.url}${base}/`;
  assert.notEqual(new URL(from).origin, new URL(server.url).origin);
  writeFileSync(
    path.join(site, 'index.html'),
    `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>A story</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="${from}tradegap.css">
<script type="module" src="${from}tradegap.js"></script>
<body>
<trade-gap id="chart" src="data/nk-china-trade.csv" focus="PRK" partner="CHN" view="story"></trade-gap>
<trade-gap id="codes" focus="PRK" partner="CHN" view="composition">
<script type="text/csv">year,exporter,importer,product_code,value
2023,PRK,CHN,,290000000
2023,PRK,CHN,0101,167000000
2023,CHN,PRK,,2030000000
</script></trade-gap>
</body></html>
`,
  );
  try {
    const { page, errors, requests } = await open(`${server.url}index.html`);
    const analysis = await ready(page, 'chart');
    assert2023(analysis);
    assert.equal(analysis.record.since, 2019);
    await assertDrawn(page, '#chart');
    // Products with bare codes are named from data/hs.csv, fetched next to the module.
    const codes = await ready(page, 'codes');
    assert.match(codes.composition.exports.find((r) => r.code === '0101').label, /^Horses, asses/);
    for (const file of ['tradegap.js', 'pkg/tradegap.js', 'pkg/tradegap_bg.wasm', 'data/hs.csv']) {
      assert.ok(requests.includes(from + file), `${file} came from the CDN`);
    }
    assert.ok(!requests.some((u) => u.startsWith(server.url) && /tradegap|\.wasm|hs\.csv/.test(u)), 'nothing of tradegap from the site');
    await (await page.$('#chart')).screenshot({ path: path.join(OUT, 'package-cdn.png') });

    // A big file goes to the worker, which browsers start only from the page's origin:
    // the element starts the CDN's worker through a same-origin blob.
    await page.evaluate(() => {
      const el = document.createElement('trade-gap');
      el.id = 'big';
      el.setAttribute('src', 'data/big.csv');
      el.setAttribute('focus', 'PRK');
      el.setAttribute('partner', 'CHN');
      el.setAttribute('view', 'balance');
      document.body.prepend(el);
    });
    const big = await ready(page, 'big', 60000);
    assert.deepEqual(big.years.map((y) => y.year), [2000]);
    const done = await page.evaluate(() => window.__events.find((e) => e.id === 'big' && e.detail?.phase === 'done')?.detail);
    assert.equal(done.rows, BIG_ROWS, 'the worker read every row');
    assert.ok(requests.includes(`${from}tradegap-worker.js`), 'the worker came from the CDN');
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await server.close();
    await cdn.close();
  }
});

test("(2) npm install of the .tgz, bundled with esbuild from `import 'tradegap'`, draws the demo data", async () => {
  const dir = installedProject();
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  writeFileSync(path.join(dir, 'src', 'app.js'), "import 'tradegap';\nimport 'tradegap/tradegap.css';\n");
  const pub = path.join(dir, 'public');
  const assets = path.join(pub, 'assets');
  const result = await build({
    absWorkingDir: dir,
    entryPoints: ['src/app.js'],
    bundle: true,
    format: 'esm',
    outdir: 'public/assets',
    logLevel: 'silent',
    metafile: true,
  });
  assert.deepEqual(result.warnings, []);
  // The element and the glue are in the bundle (sideEffects keeps the bare import).
  const inputs = Object.keys(result.metafile.inputs);
  for (const f of ['node_modules/tradegap/tradegap.js', 'node_modules/tradegap/pkg/tradegap.js', 'node_modules/tradegap/tradegap.css']) {
    assert.ok(inputs.includes(f), `${f} bundled`);
  }
  // What esbuild does not follow (new URL('…', import.meta.url)) goes next to the bundle,
  // as the README says: the wasm, the worker and the labels.
  const from = path.join(dir, 'node_modules', 'tradegap');
  cpSync(path.join(from, 'pkg'), path.join(assets, 'pkg'), { recursive: true });
  cpSync(path.join(from, 'data'), path.join(assets, 'data'), { recursive: true });
  copyFileSync(path.join(from, 'tradegap-worker.js'), path.join(assets, 'tradegap-worker.js'));
  mkdirSync(path.join(pub, 'data'), { recursive: true });
  copyFileSync(DEMO_CSV, path.join(pub, 'data', 'nk-china-trade.csv'));
  writeFileSync(
    path.join(pub, 'index.html'),
    `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Bundled</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="assets/app.css">
<script type="module" src="assets/app.js"></script>
<body><trade-gap id="chart" src="data/nk-china-trade.csv" focus="PRK" partner="CHN"></trade-gap></body></html>
`,
  );
  const server = await startServer({ root: pub, port: 0 });
  try {
    const { page, errors, requests } = await open(`${server.url}index.html`);
    const analysis = await ready(page, 'chart');
    assert2023(analysis);
    assert.match(analysis.sentences.join(' '), /\$1\.74 billion.*largest deficit since 2019/s);
    await assertDrawn(page, '#chart');
    assert.ok(requests.includes(`${server.url}assets/pkg/tradegap_bg.wasm`), 'the wasm beside the bundle');
    assert.ok(!requests.some((u) => u.endsWith('/pkg/tradegap.js')), 'the glue was bundled, not fetched');
    // The bundled CSS reserves the box before the element is defined.
    const css = readFileSync(path.join(assets, 'app.css'), 'utf8');
    assert.match(css, /trade-gap/);
    await (await page.$('#chart')).screenshot({ path: path.join(OUT, 'package-esbuild.png') });
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await server.close();
  }

  // TypeScript in that project finds the types through the package's exports map, as
  // a bundler resolves it and as Node does.
  copyFileSync(path.join(REPO, 'tests', 'types', 'example.ts'), path.join(dir, 'src', 'example.ts'));
  const tsconfig = JSON.parse(
    readFileSync(path.join(REPO, 'tests', 'types', 'tsconfig.json'), 'utf8').replace(/^\s*\/\/.*$/gm, ''),
  );
  delete tsconfig.compilerOptions.paths;
  tsconfig.files = ['src/example.ts'];
  for (const [module, moduleResolution] of [['ESNext', 'Bundler'], ['NodeNext', 'NodeNext']]) {
    Object.assign(tsconfig.compilerOptions, { module, moduleResolution });
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    execFileSync(path.join(REPO, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', dir], { stdio: 'inherit' });
  }
});

test("(3) Node imports 'tradegap/core' from that install and analyses the demo data", () => {
  const dir = installedProject();
  // What the README tells a Node user to write.
  writeFileSync(
    path.join(dir, 'check.mjs'),
    `import { readFile } from 'node:fs/promises';
import init, { analyze } from 'tradegap/core';

await init({ module_or_path: await readFile(new URL(import.meta.resolve('tradegap/tradegap_bg.wasm'))) });
const csv = await readFile(process.argv[2], 'utf8');
const a = analyze(csv, { focus: 'PRK', partner: 'CHN' });
let error = null;
try {
  analyze('year,exporter,importer,value\\n2023,PRK,CHN,12x\\n', {});
} catch (e) {
  error = { message: e.message, line: e.line, column: e.column };
}
console.log(JSON.stringify({ node: process.version, y2023: a.years.find((y) => y.year === 2023), sentence: a.sentences[0], error }));
`,
  );
  const out = JSON.parse(execFileSync(process.execPath, ['check.mjs', DEMO_CSV], { cwd: dir, encoding: 'utf8' }));
  assert.match(out.node, /^v(2\d|[3-9]\d)\./, 'Node 20 or later');
  assert.equal(out.y2023.exports, 290_000_000);
  assert.equal(out.y2023.imports, 2_030_000_000);
  assert.equal(out.y2023.balance, -1_740_000_000);
  assert.match(out.sentence, /a trade deficit of \$1\.74 billion/);
  assert.deepEqual(out.error, { message: 'line 2, column 4 (value): "12x" is not a number', line: 2, column: 4 });
});
