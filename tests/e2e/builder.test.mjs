// The chart builder (www/builder.html) in Chromium: files in (Comtrade, BACI, native),
// cells pasted from a spreadsheet, a broken file's line and column, choices that change
// the preview, the embed codes pasted alone into empty pages (served from a temp dir
// with the element's files, under the strict CSP) drawing the same analysis, the
// article check, state across a reload, no request to another origin, axe-core, and
// screenshots at 1280 and 768 px (light, dark, Korean).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { countColours, OUT, ROOT, start } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const TESTS = path.join(here, '..');
const AXE = path.join(here, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');
const COMTRADE = path.join(TESTS, 'data', 'formats', 'comtrade-china.csv');
const BACI = path.join(TESTS, 'data', 'formats', 'baci.csv');
const NATIVE = path.join(ROOT, 'data', 'nk-china-trade.csv');
const ARTICLE = path.join(TESTS, 'data', 'articles', 'en-deficit.txt');

let env;
let tmp;
let files; // a server of a temp dir holding only the element's files, strict CSP
let strict; // www/ under the strict CSP
before(async () => {
  env = await start();
  strict = await startServer({ root: ROOT, port: 0, csp: true });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tradegap-builder-'));
  for (const f of ['tradegap.js', 'tradegap.min.js', 'tradegap.css', 'embed.html', 'embed.js', 'embed.css', 'embed-loader.js', 'tradegap-worker.js']) {
    await cp(path.join(ROOT, f), path.join(tmp, f));
  }
  await cp(path.join(ROOT, 'pkg'), path.join(tmp, 'pkg'), { recursive: true });
  await cp(path.join(ROOT, 'data', 'hs.csv'), path.join(tmp, 'data', 'hs.csv'));
  files = await startServer({ root: tmp, port: 0, csp: true });
});
after(async () => {
  await files?.close();
  await strict?.close();
  await env?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** The builder, with every request it makes recorded. */
async function builder(options = {}, base = env.url) {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(`${base}/builder.html`);
  await page.waitForSelector('html[data-ready]');
  return { page, errors, requests };
}

/** Waits until the wide preview has an analysis for `focus`; returns it. */
async function previewAnalysis(page, check = () => true) {
  await page.waitForFunction(() => document.getElementById('preview')?.analysis, null, { timeout: 15000 });
  const a = await page.evaluate(() => document.getElementById('preview').analysis);
  assert.ok(check(a), JSON.stringify({ focus: a.focus, partner: a.partner, year: a.year }));
  return a;
}

async function choose(page, id, value) {
  await page.selectOption(`#${id}`, value);
}

/** The cells of one CSV line. */
function cells(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** An empty host page, every request and error recorded from the first. */
async function hostPage(url, viewport) {
  const page = await env.browser.newPage({ viewport });
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  return { page, requests, errors };
}

function ownOrigin(requests, origin) {
  const outside = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(outside, [], 'every request goes to the page’s own origin');
}

test('a Comtrade download (under the strict CSP): its format, rows, what was left out, and the countries by name', async () => {
  const base = strict.url.replace(/\/$/, '');
  const { page, errors, requests } = await builder({}, base);
  await page.setInputFiles('#data-file', COMTRADE);
  await page.waitForFunction(() => document.getElementById('data-status').textContent.includes('read as'));
  const status = await page.textContent('#data-status');
  assert.match(status, /comtrade-china\.csv: read as a UN Comtrade download, 14 rows\. 5 countries, 2022–2023\. With products\./);
  assert.equal(await page.isVisible('#skipped-box'), true);
  assert.match(await page.textContent('#skipped-summary'), /^3 rows left out/);
  await page.click('#skipped-summary');
  assert.match(await page.textContent('#skipped-list'), /partner "Areas, nes" \(899\) is not a country \(first on line 18\)/);
  const countries = await page.$$eval('#focus option', (os) => os.map((o) => [o.value, o.textContent]));
  assert.ok(countries.some(([c, n]) => c === 'PRK' && n === 'North Korea (PRK)'), JSON.stringify(countries));
  // Products: the roll-up and groups are offered; no conflicts: no preferred source.
  assert.equal(await page.isVisible('#rollup'), true);
  assert.equal(await page.isVisible('#prefer-source'), false);
  await choose(page, 'focus', 'PRK');
  await choose(page, 'partner', 'CHN');
  const a = await previewAnalysis(page, (a) => a.focus === 'PRK' && a.partner === 'CHN');
  assert.equal(a.years.find((y) => y.year === 2023).exports, 291890000);
  assert.equal(a.view, 'story');
  // The phone preview is the same chart.
  const phone = await page.evaluate(() => document.getElementById('preview-phone').analysis);
  assert.deepEqual(phone, a);
  ownOrigin(requests, base);
  assert.ok(requests.some((u) => u.endsWith('/pkg/tradegap_bg.wasm')), 'requests are recorded from the first');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a BACI file and the native CSV are read; choosing focus and partner changes the analysis', async () => {
  const { page, errors, requests } = await builder();
  await page.setInputFiles('#data-file', BACI);
  await page.waitForFunction(() => document.getElementById('data-status').textContent.includes('BACI'));
  assert.match(await page.textContent('#data-status'), /baci\.csv: read as a CEPII BACI file, 7 rows\./);
  await previewAnalysis(page);

  await page.setInputFiles('#data-file', NATIVE);
  await page.waitForFunction(() => document.getElementById('data-status').textContent.includes('native'));
  assert.match(await page.textContent('#data-status'), /nk-china-trade\.csv: read as the native CSV/);
  await choose(page, 'focus', 'PRK');
  await choose(page, 'partner', 'CHN');
  const prk = await previewAnalysis(page, (a) => a.focus === 'PRK');
  await choose(page, 'focus', 'CHN');
  await choose(page, 'partner', 'PRK');
  const chn = await previewAnalysis(page, (a) => a.focus === 'CHN');
  const y23 = (a) => a.years.find((y) => y.year === 2023);
  assert.ok(y23(prk).balance < 0 && y23(chn).balance > 0);
  assert.equal(y23(chn).balance, -y23(prk).balance);
  // Every other choice reaches the preview too.
  await choose(page, 'view', 'balance');
  await choose(page, 'lang', 'ko');
  await choose(page, 'compare', '2013');
  await page.fill('#title', 'Test title');
  const ko = await previewAnalysis(page, (a) => a.lang === 'ko' && a.view === 'balance' && a.title === 'Test title');
  assert.equal(ko.comparison?.fromYear ?? ko.comparison?.from_year ?? 2013, 2013);
  ownOrigin(requests, env.url);
  assert.deepEqual(errors, []);
  await page.close();
});

test('cells pasted from a spreadsheet (tab-separated) read like the CSV', async () => {
  const { page, errors } = await builder();
  const csv = await readFile(NATIVE, 'utf8');
  // As a spreadsheet copies them: cells between tabs, no quotes (no cell of the seed holds a tab).
  const tsv = csv
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => cells(l).join('\t'))
    .join('\n');
  await page.fill('#data-text', tsv);
  await page.waitForFunction(() => document.getElementById('data-status').textContent.includes('tab-separated'));
  const pasted = await previewAnalysis(page);
  await page.fill('#data-text', csv);
  await page.waitForFunction(() => !document.getElementById('data-status').textContent.includes('tab-separated'));
  await page.waitForTimeout(300);
  const typed = await previewAnalysis(page);
  assert.deepEqual(pasted.years, typed.years);
  assert.deepEqual(pasted.sources, typed.sources);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a broken file shows its line and column, and the line with the cell marked', async () => {
  const { page, errors } = await builder();
  await page.setInputFiles('#data-file', {
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('year,exporter,importer,value\n2022,PRK,CHN,134400000\n2023,PRK,CHN,"12,3x"\n'),
  });
  await page.waitForSelector('#data-error:not([hidden])');
  assert.match(await page.textContent('#error-message'), /line 3, column 4 \(value\): "12,3x" is not a number/);
  assert.match(await page.textContent('#error-line'), /^Line 3, column 4:\n2023,PRK,CHN,"12,3x"$/);
  assert.equal(await page.textContent('#error-line mark'), '"12,3x"');
  assert.equal(await page.isVisible('#preview'), false);
  // Pasted, the error can point at the line in the text itself.
  await page.fill('#data-text', 'year,exporter,importer,value\n2022,PRK,CHN,1\n2023,PRK\n');
  await page.waitForFunction(() => /line 3/.test(document.getElementById('error-message').textContent));
  await page.click('#error-goto');
  const selected = await page.evaluate(() => {
    const t = document.getElementById('data-text');
    return t.value.slice(t.selectionStart, t.selectionEnd);
  });
  assert.equal(selected, '2023,PRK');
  assert.deepEqual(errors, []);
  await page.close();
});

/** The builder with the seed loaded for PRK and CHN, the codes pointing at the temp server. */
async function seeded(options) {
  const b = await builder(options);
  await b.page.setInputFiles('#data-file', NATIVE);
  await b.page.waitForFunction(() => document.getElementById('data-status').textContent.includes('native'));
  await choose(b.page, 'focus', 'PRK');
  await choose(b.page, 'partner', 'CHN');
  await b.page.fill('#files-url', files.url);
  await previewAnalysis(b.page, (a) => a.focus === 'PRK' && a.partner === 'CHN');
  return b;
}

test('the element code, pasted alone into an empty page, draws the same chart with the same analysis', async () => {
  const { page, errors } = await seeded();
  await choose(page, 'year', '2019');
  await page.fill('#note', 'A note with "quotes" & <angle> brackets');
  const a = await previewAnalysis(page, (a) => a.year === 2019);
  const snippet = await page.inputValue('#embed-element');
  assert.match(snippet, /^<link rel="stylesheet" href="http:\/\/127\.0\.0\.1:\d+\/tradegap\.css">\n<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/tradegap\.min\.js"><\/script>\n<link rel="preload" href="http:\/\/127\.0\.0\.1:\d+\/pkg\/tradegap_bg\.wasm" as="fetch" type="application\/wasm" crossorigin>\n<trade-gap focus="PRK" partner="CHN" view="story" year="2019" lang="en" note="A note with &quot;quotes&quot; &amp; &lt;angle&gt; brackets">\n<script type="text\/csv">\nyear,exporter,importer,product_code,product,value,kind,reporter,source,note\n/);
  await writeFile(path.join(tmp, 'element.html'), `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Embed</title><link rel="icon" href="data:,"></head><body>\n${snippet}</body></html>\n`);
  const host = await hostPage(`${files.url}element.html`, { width: 740, height: 1000 });
  const { requests } = host;
  await host.page.waitForFunction(() => document.querySelector('trade-gap')?.analysis, null, { timeout: 15000 });
  const embedded = await host.page.evaluate(() => document.querySelector('trade-gap').analysis);
  assert.deepEqual(embedded, a);
  const drawn = await countColours(host.page, 'trade-gap', ['#2166ac', '#d6604d']);
  assert.ok(drawn.counts[0] > 500 && drawn.counts[1] > 500, JSON.stringify(drawn));
  await host.page.screenshot({ path: path.join(OUT, 'builder-embed-element.png') });
  ownOrigin(requests, files.url.replace(/\/$/, ''));
  assert.ok(requests.some((u) => u.endsWith('/tradegap.min.js')), requests.join(' '));
  assert.equal(requests.filter((u) => u.endsWith('/tradegap_bg.wasm')).length, 1, 'the preloaded wasm is fetched once');
  assert.deepEqual(host.errors, [], 'no CSP or script error in the host page');
  assert.deepEqual(errors, []);
  await host.page.close();
  await page.close();
});

test('the iframe code, pasted alone into an empty page, draws the same analysis', async () => {
  const { page, errors } = await seeded();
  await choose(page, 'view', 'balance');
  await choose(page, 'compare', '2013');
  const a = await previewAnalysis(page, (a) => a.view === 'balance' && a.comparison);
  const snippet = await page.inputValue('#embed-iframe');
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html\?focus=PRK&amp;partner=CHN&amp;view=balance&amp;compare=2013&amp;lang=en#csv=year%2Cexporter/);
  await writeFile(path.join(tmp, 'iframe.html'), `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Iframe</title><link rel="icon" href="data:,"></head><body>\n${snippet}</body></html>\n`);
  const host = await hostPage(`${files.url}iframe.html`, { width: 760, height: 1000 });
  const { requests } = host;
  const frame = await (await host.page.waitForSelector('iframe')).contentFrame();
  await frame.waitForFunction(() => document.querySelector('trade-gap')?.analysis, null, { timeout: 15000 });
  const embedded = await frame.evaluate(() => document.querySelector('trade-gap').analysis);
  assert.deepEqual(embedded, a);
  // The loader resized the frame to its content.
  await host.page.waitForFunction(() => document.querySelector('iframe').style.height !== '');
  await host.page.screenshot({ path: path.join(OUT, 'builder-embed-iframe.png') });
  ownOrigin(requests, files.url.replace(/\/$/, ''));
  assert.deepEqual(host.errors, [], 'no CSP or script error in the host page');
  assert.deepEqual(errors, []);
  await host.page.close();
  await page.close();
});

test('a data address puts src in both codes and the data file is offered for download', async () => {
  const { page, errors } = await seeded();
  await page.fill('#data-url', 'https://example.org/data/prk-chn.csv');
  await page.waitForFunction(() => document.getElementById('embed-element').value.includes('src="https://example.org'));
  const code = await page.inputValue('#embed-element');
  assert.ok(!code.includes('text/csv'), 'no inline data with a src');
  assert.match(await page.inputValue('#embed-iframe'), /embed\.html\?src=https%3A%2F%2Fexample\.org/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-data')]);
  assert.equal(download.suggestedFilename(), 'tradegap-prk-chn.csv');
  const csv = await readFile(await download.path(), 'utf8');
  assert.match(csv, /^year,exporter,importer,product_code,product,value,kind,reporter,source,note\n/);
  assert.ok(csv.includes('KITA'), 'sources kept');
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#download-social')]);
  const bytes = await readFile(await png.path());
  assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [1200, 675], 'the social card is 1200×675');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the article check lists verdicts, marks the text, and a click selects the year', async () => {
  const { page, errors } = await seeded();
  await page.fill('#article', await readFile(ARTICLE, 'utf8'));
  await page.waitForSelector('#claims li');
  const verdicts = await page.$$eval('#claims li', (ls) => ls.map((l) => l.dataset.verdict));
  assert.ok(verdicts.includes('match') && verdicts.includes('differs'), verdicts.join());
  assert.ok(verdicts.every((v) => ['match', 'differs', 'unverifiable'].includes(v)));
  const marks = await page.$$eval('#article-marked mark', (ms) => ms.map((m) => [m.dataset.verdict, m.textContent]));
  assert.ok(marks.some(([v, t]) => v === 'match' && t.includes('1.74 billion')), JSON.stringify(marks));
  assert.match(await page.textContent('#claims-status'), /figures checked, \d+ to look at/);
  // A claim about 2017 selects 2017 in the preview.
  const button = page.locator('#claims button[data-year="2017"]').first();
  await button.click();
  await previewAnalysis(page, (a) => a.year === 2017);
  assert.equal(await page.inputValue('#year'), '2017');
  await page.screenshot({ path: path.join(OUT, 'builder-claims.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the settings and the data survive a reload; Start over clears them', async () => {
  const { page, errors } = await seeded();
  await choose(page, 'lang', 'ko');
  await page.fill('#title', 'Kept title');
  await previewAnalysis(page, (a) => a.title === 'Kept title');
  await page.reload();
  await page.waitForSelector('html[data-ready]');
  const a = await previewAnalysis(page, (a) => a.title === 'Kept title' && a.lang === 'ko' && a.focus === 'PRK');
  assert.equal(a.partner, 'CHN');
  assert.equal(await page.inputValue('#files-url'), files.url);
  await page.click('#start-over');
  assert.equal(await page.isVisible('#preview'), false);
  assert.equal(await page.inputValue('#title'), '');
  await page.reload();
  await page.waitForSelector('html[data-ready]');
  assert.equal(await page.evaluate(() => document.getElementById('preview')), null);
  assert.equal(await page.evaluate(() => localStorage.getItem('tradegap-builder') === null || !JSON.parse(localStorage.getItem('tradegap-builder')).text), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the page follows its language toggle, and the keyboard reaches every step', async () => {
  const { page, errors } = await builder();
  await page.click('#ui-lang');
  assert.equal(await page.getAttribute('html', 'lang'), 'ko');
  assert.equal(await page.textContent('#h-data span:last-child'), '자료');
  await page.setInputFiles('#data-file', COMTRADE);
  await page.waitForFunction(() => document.getElementById('data-status').textContent.includes('행을 읽었습니다'));
  const names = await page.$$eval('#focus option', (os) => os.map((o) => o.textContent));
  assert.ok(names.includes('북한 (PRK)'), names.join());
  // Tab order: from the language toggle through the file picker to the choices and the codes.
  await page.focus('#ui-lang');
  const seen = new Set();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    seen.add(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName));
  }
  for (const id of ['data-file', 'data-text', 'focus', 'partner', 'view', 'width', 'download-png', 'embed-element', 'copy-element', 'article']) {
    assert.ok(seen.has(id), `Tab reaches #${id}: ${[...seen].join(' ')}`);
  }
  await page.click('#ui-lang');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [width, scheme, ui] of [[1280, 'light', 'en'], [1280, 'dark', 'en'], [768, 'light', 'ko'], [768, 'dark', 'en']]) {
  test(`axe-core finds no violations, and a screenshot, at ${width} px (${scheme}, ${ui})`, async () => {
    const { page, errors, requests } = await builder({ viewport: { width, height: 900 }, colorScheme: scheme });
    if (ui === 'ko') await page.click('#ui-lang');
    await page.setInputFiles('#data-file', COMTRADE);
    await choose(page, 'focus', 'PRK');
    await choose(page, 'partner', 'CHN');
    if (scheme === 'dark') await choose(page, 'theme', 'dark');
    await previewAnalysis(page, (a) => a.focus === 'PRK');
    await page.fill('#article', 'North Korea sold $290 million of goods to China in 2023 and bought $2.03 billion.');
    await page.waitForSelector('#claims li');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(OUT, `builder-${width}-${scheme}-${ui}.png`), fullPage: true });
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
    });
    assert.deepEqual(violations, []);
    ownOrigin(requests, env.url);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('sources that disagree: listed, and a preferred source settles them', async () => {
  const { page, errors } = await builder();
  await page.setInputFiles('#data-file', path.join(TESTS, 'data', 'formats', 'nk-china-reported-figures.csv'));
  await page.waitForFunction(() => document.getElementById('data-status').textContent.includes('reported'));
  assert.equal(await page.isVisible('#prefer-source'), true);
  const listed = await page.$$eval('#conflict-list li', (ls) => ls.map((l) => l.textContent));
  assert.equal(listed.length, 13);
  assert.match(listed[0], /^2004, PRK→CHN: KITA 585,000,000 \/ GAC \(via Tokyo Shimbun\) 585,700,000$/);
  await choose(page, 'focus', 'PRK');
  await choose(page, 'partner', 'CHN');
  const before = await previewAnalysis(page, (a) => a.focus === 'PRK');
  assert.ok(before.conflicts.length > 0);
  await page.fill('#prefer-source', 'KITA, KOTRA');
  const after = await previewAnalysis(page, (a) => a.conflicts.length < before.conflicts.length);
  assert.ok(after.years.find((y) => y.year === 2004).exports != null, 'the 2004 figure is back, from KITA');
  assert.match(await page.inputValue('#embed-element'), / prefer-source="KITA, KOTRA"/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a file dropped onto the page is read like a picked one', async () => {
  const { page, errors } = await builder();
  const text = await readFile(COMTRADE, 'utf8');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
    const zone = document.getElementById('drop');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForFunction(() => document.getElementById('data-status').textContent.startsWith('dropped.csv: read as a UN Comtrade download'));
  await previewAnalysis(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test('data over 200 KB goes into a file of its own: the codes load it by src', async () => {
  const { page, errors } = await builder();
  // 60 years × 2 directions × 30 products, about 300 KB of native CSV.
  const rows = ['year,exporter,importer,product_code,product,value,source'];
  for (let y = 1960; y < 2020; y++) {
    for (const [e, i] of [['PRK', 'CHN'], ['CHN', 'PRK']]) {
      rows.push(`${y},${e},${i},,,${1e9 + y},Test customs with a rather long source name`);
      for (let p = 1; p <= 30; p++) rows.push(`${y},${e},${i},${String(p).padStart(2, '0')},Product number ${p} with a name,${1e6 * p + y},Test customs with a rather long source name`);
    }
  }
  await page.setInputFiles('#data-file', { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  await previewAnalysis(page);
  await page.waitForFunction(() => document.getElementById('embed-element').value.includes(' src="tradegap-prk-chn.csv"'));
  assert.ok(!(await page.inputValue('#embed-element')).includes('text/csv'));
  assert.match(await page.textContent('#data-url-hint'), /^The data is \d+ KB, too much to paste into an article/);
  assert.match(await page.inputValue('#embed-iframe'), /embed\.html\?src=tradegap-prk-chn\.csv&amp;/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a Korean article is checked too, and a year picked in the chart follows into the form', async () => {
  const { page, errors } = await seeded();
  await choose(page, 'lang', 'ko');
  await page.fill('#article', await readFile(path.join(TESTS, 'data', 'articles', 'ko-deficit.txt'), 'utf8'));
  await page.waitForSelector('#claims li');
  const verdicts = await page.$$eval('#claims li', (ls) => ls.map((l) => l.dataset.verdict));
  assert.ok(verdicts.includes('match'), verdicts.join());
  assert.equal(await page.getAttribute('#article-marked', 'lang'), 'ko');
  // A year clicked in the chart sets the form's year.
  const point = await page.evaluate(() => {
    const el = document.getElementById('preview');
    el.scrollIntoView();
    const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
    for (let x = 0; x < r.width; x++) {
      for (const f of [0.2, 0.3, 0.4]) if (el.yearAt(x, r.height * f) === 2013) return { x: r.left + x + 3, y: r.top + r.height * f };
    }
    return null;
  });
  assert.ok(point, 'a column for 2013');
  await page.mouse.click(point.x, point.y);
  await page.waitForFunction(() => document.getElementById('year').value === '2013');
  await previewAnalysis(page, (a) => a.year === 2013);
  assert.match(await page.inputValue('#embed-element'), / year="2013"/);
  assert.deepEqual(errors, []);
  await page.close();
});
