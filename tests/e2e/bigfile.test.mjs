// Issue 5's big file in Chromium: a 1,000,000-row UN Comtrade-style CSV (~64 MB) read
// by the element's worker with a progress bar, the page's main thread left free, the
// figures right, and a file over max-bytes refused before it is read.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { countWorkers, openPage, OUT, ROOT, start, waitForEvent } from './browser.mjs';

const FILE = path.join(ROOT, 'data', 'generated', 'comtrade-1m.csv');
let env;

before(async () => {
  if (!existsSync(FILE)) {
    execFileSync('node', [path.join(ROOT, '..', 'scripts', 'gen-comtrade.mjs'), '1000000', FILE], { stdio: 'inherit' });
  }
  env = await start();
});
after(async () => {
  await env?.close();
});

/** What each reporter said of a flow in a year, from the file itself (TOTAL rows). */
function reported(year, reporter, flow, partner) {
  const text = readFileSync(FILE, 'utf8');
  const needle = `,${year},${year},`;
  for (const line of text.split('\n')) {
    if (!line.includes(needle) || !line.includes(',TOTAL,')) continue;
    const f = line.split(',');
    if (f[6] === reporter && f[7] === flow && f[9] === partner) return Number(f[13]);
  }
  return null;
}

test('a million-row file loads in a worker with progress, and its figures are right', async () => {
  const { page, errors } = await openPage(env.browser, `${env.url}/examples/inline.html`);
  await waitForEvent(page, 'from-table', 'tradegap:ready');
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask' });
    window.__progress = [];
    document.addEventListener('tradegap:progress', (e) => window.__progress.push(e.detail));
    window.__sawBar = false;
    const el = document.createElement('trade-gap');
    el.id = 'big';
    el.setAttribute('src', '../data/generated/comtrade-1m.csv');
    el.setAttribute('focus', 'PRK');
    el.setAttribute('partner', 'CHN');
    el.setAttribute('view', 'balance');
    document.querySelector('main').prepend(el);
    new MutationObserver(() => {
      if (el.shadowRoot.querySelector('.status progress')) window.__sawBar = true;
    }).observe(el.shadowRoot, { subtree: true, childList: true });
    window.__t0 = performance.now();
  });
  const started = Date.now();
  const a = await page.waitForFunction(() => window.__events.find((e) => e.id === 'big' && e.type !== 'x'), null, {
    timeout: 120000,
  });
  const event = await a.jsonValue();
  assert.equal(event.type, 'tradegap:ready', JSON.stringify(event.detail));
  const loadMs = Date.now() - started;
  const { progress, longest, sawBar } = await page.evaluate(() => ({
    progress: window.__progress,
    longest: window.__longest,
    sawBar: window.__sawBar,
  }));
  assert.ok(sawBar, 'a progress bar was shown');
  const reads = progress.filter((p) => p.phase === 'read');
  assert.ok(reads.length >= 2, `progress while reading (${reads.length} reports)`);
  assert.ok(reads.at(-1).bytes > reads[0].bytes);
  const done = progress.find((p) => p.phase === 'done');
  assert.equal(done.rows, 1000000);
  assert.ok(done.kept > 0 && done.kept < 200000, `kept only PRK's flows (${done.kept})`);

  // Both sides report; the balance uses the importer's figure by default.
  const y2000 = event.detail.years.find((y) => y.year === 2000);
  assert.equal(y2000.exports, reported(2000, 'CHN', 'M', 'PRK'));
  assert.equal(y2000.imports, reported(2000, 'PRK', 'M', 'CHN'));
  assert.ok(event.detail.mirror.length > 0, 'mirror figures where both sides report');
  writeFileSync(
    path.join(OUT, 'bigfile.json'),
    JSON.stringify({ rows: done.rows, kept: done.kept, bytes: done.bytes, loadMs, longestMainThreadTaskMs: longest }, null, 2),
  );
  console.log(`1M rows: loaded in ${loadMs} ms; longest main-thread task ${longest} ms; kept ${done.kept} flows`);
  await (await page.$('#big')).screenshot({ path: path.join(OUT, 'bigfile.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a file over max-bytes is refused before it is read', async () => {
  const { page } = await openPage(env.browser, `${env.url}/examples/inline.html`);
  await page.evaluate(() => {
    const el = document.createElement('trade-gap');
    el.id = 'limited';
    el.setAttribute('src', '../data/generated/comtrade-1m.csv');
    el.setAttribute('focus', 'PRK');
    el.setAttribute('max-bytes', '1000000');
    document.querySelector('main').prepend(el);
  });
  const detail = await waitForEvent(page, 'limited', 'tradegap:error');
  assert.match(detail.message, /^The file is 63\.\d MB, more than the limit of 1\.0 MB \(max-bytes\)\.$/);
  await page.close();
});

/** Opens a page that counts the workers the element starts and terminates. */
async function countingWorkers() {
  const { page, errors } = await openPage(env.browser, `${env.url}/examples/inline.html`);
  await waitForEvent(page, 'from-table', 'tradegap:ready');
  await page.evaluate(countWorkers);
  await page.evaluate(() => {
    window.__progress = [];
    document.addEventListener('tradegap:progress', (e) => window.__progress.push(e.detail));
  });
  return { page, errors };
}

function addBig(page, id, attributes) {
  return page.evaluate(
    ([id, attributes]) => {
      const el = document.createElement('trade-gap');
      el.id = id;
      el.setAttribute('src', '../data/generated/comtrade-1m.csv');
      for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
      document.querySelector('main').prepend(el);
    },
    [id, attributes],
  );
}

// See: the worker read a big file with only the focus and partner's product rows, but a
// new partner re-read it only when the focus changed: the new partner's products were
// missing (its composition empty) until the focus changed too.
test('regression: a new partner reads a big file again, so that its products are there', async () => {
  const { page, errors } = await countingWorkers();
  await addBig(page, 'big-partner', { focus: 'PRK', partner: 'CHN', view: 'composition' });
  const first = await waitForEvent(page, 'big-partner', 'tradegap:ready');
  assert.ok(first.composition.exports.length > 0);
  const ready = page.evaluate(
    () =>
      new Promise((resolve) =>
        document.querySelector('#big-partner').addEventListener('tradegap:ready', (e) => resolve(e.detail), { once: true }),
      ),
  );
  await page.$eval('#big-partner', (el) => el.setAttribute('partner', 'KOR'));
  const second = await ready;
  assert.equal(second.partner, 'KOR');
  assert.ok(second.composition.exports.length > 0, 'KOR products were kept');
  assert.ok(second.productYears.length > 0);
  const started = await page.evaluate(() => window.__workers.started);
  assert.equal(started, 2, 'the file was read again for the new partner');
  assert.deepEqual(errors, []);
  await page.close();
});

// See: a worker still reading went on (fetching and parsing a 64 MB file) after its
// element left the page or started another load; it stopped only at its next message.
test('regression: a reading worker is stopped at once when its element leaves or loads again', async () => {
  const { page, errors } = await countingWorkers();
  await addBig(page, 'big-gone', { focus: 'PRK', partner: 'CHN' });
  await page.waitForFunction(() => window.__progress.some((p) => p.phase === 'read'));
  const gone = await page.evaluate(() => {
    document.querySelector('#big-gone').remove();
    return { ...window.__workers };
  });
  assert.deepEqual(gone, { started: 1, terminated: 1 });

  await addBig(page, 'big-again', { focus: 'PRK', partner: 'CHN' });
  await page.waitForFunction(() => window.__workers.started === 2 && window.__progress.filter((p) => p.phase === 'read').length > 2);
  const again = await page.evaluate(() => {
    document.querySelector('#big-again').setAttribute('focus', 'KOR');
    return { ...window.__workers };
  });
  assert.equal(again.terminated, 2, 'the first read stopped before the second began');
  const a = await waitForEvent(page, 'big-again', 'tradegap:ready');
  assert.equal(a.focus, 'KOR');
  assert.ok(!(await page.evaluate(() => window.__events.some((e) => e.id === 'big-gone'))), 'the removed element never became ready');
  assert.deepEqual(errors, []);
  await page.close();
});
