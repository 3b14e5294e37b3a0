// Issue 5's downloads in the element: Comtrade, legacy Comtrade, BACI and WITS files
// each drive a chart; the reported-figures file shows its conflicts, and a preferred
// source settles some of them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addInlineChart, countColours, openPage, OUT, ROOT, start, waitForEvent } from './browser.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test('each download drives its chart, and disagreeing sources are shown, not summed', async () => {
  const { page, errors } = await openPage(env.browser, `${env.url}/examples/formats.html`, { viewport: { width: 900, height: 900 } });
  const ids = ['comtrade', 'legacy', 'baci', 'wits', 'reported', 'reported-preferred'];
  const a = {};
  for (const id of ids) a[id] = await waitForEvent(page, id, 'tradegap:ready');

  const y2023 = a.comtrade.years.find((y) => y.year === 2023);
  assert.equal(y2023.exports, 291890000);
  assert.equal(y2023.imports, 2031690000);
  assert.match(a.comtrade.sources[0].name, /China customs \(UN Comtrade\)/);
  assert.match(a.comtrade.reportingNote, /China's report/);
  assert.equal(a.legacy.years.find((y) => y.year === 2017).imports, 3327000000);
  assert.ok(a.baci.years.length > 0);
  // WITS from China's side: a surplus.
  assert.ok(a.wits.years.find((y) => y.year === 2023).balance > 0);

  // Conflicted cells are null, never a sum, and listed; a preferred source settles some.
  assert.ok(a.reported.conflicts.length > 0);
  for (const c of a.reported.conflicts) {
    const y = a.reported.years.find((y) => y.year === c.year);
    if (!c.product && y) {
      const flow = c.exporter === 'PRK' ? y.exports : y.imports;
      assert.equal(flow, null, `${c.year} ${c.exporter}→${c.importer} is left out`);
    }
  }
  assert.ok(a['reported-preferred'].conflicts.length < a.reported.conflicts.length);
  const warning = await page.$eval('#reported', (el) => el.shadowRoot.querySelector('.warning').textContent);
  assert.match(warning, new RegExp(`^${a.reported.conflicts.length} figures left out: the sources disagree$`));

  for (const id of ids) {
    await page.$eval(`#${id}`, (el) => el.scrollIntoView());
    await page.waitForTimeout(50);
    const px = await countColours(page, `#${id}`, ['#2166ac', '#d6604d']);
    assert.ok(px.counts[0] + px.counts[1] > 300, `${id} draws bars (${px.counts})`);
    await (await page.$(`#${id}`)).screenshot({ path: path.join(OUT, `format-${id}.png`) });
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('view="partners" draws the focus country\'s partners as shares, with a screenshot', async () => {
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(new URL('../data/golden/partners.csv', import.meta.url), 'utf8');
  const { page, errors } = await openPage(env.browser, `${env.url}/examples/inline.html`, { viewport: { width: 800, height: 900 } });
  await addInlineChart(page, { id: 'partners', attributes: { focus: 'PRK', view: 'partners' }, csv });
  const a = await waitForEvent(page, 'partners', 'tradegap:ready');
  assert.equal(a.view, 'partners');
  assert.ok(a.partners.length > 2, `${a.partners.length} partners`);
  assert.equal(a.singlePartner, false);
  await page.waitForTimeout(100);
  const px = await countColours(page, '#partners', ['#2166ac']);
  assert.ok(px.counts[0] > 500, `partner bars drawn (${px.counts[0]} px)`);
  await (await page.$('#partners')).screenshot({ path: path.join(OUT, 'view-partners.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test("the page's module reads native data alone; a download loads the desk's module once, for src and inline data", async () => {
  const wasmRequests = (requests) => requests.filter((u) => u.endsWith('.wasm')).map((u) => u.split('/').pop());
  // Native data: only the page's module. Requests are recorded from a blank page on, so
  // that every one of the navigation's is seen and none of another's.
  let { page, errors } = await openPage(env.browser, 'about:blank');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${env.url}/examples/one-chart.html`);
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'tradegap:ready'), null, { timeout: 15000 });
  assert.deepEqual(wasmRequests(requests), ['tradegap_bg.wasm']);
  assert.deepEqual(errors, []);
  await page.close();

  // Six downloads from src: the desk's module is fetched once for all of them.
  ({ page, errors } = await openPage(env.browser, 'about:blank', { viewport: { width: 900, height: 900 } }));
  const more = [];
  page.on('request', (r) => more.push(r.url()));
  await page.goto(`${env.url}/examples/formats.html`);
  await waitForEvent(page, 'wits', 'tradegap:ready');
  await waitForEvent(page, 'comtrade', 'tradegap:ready');
  const inline = readFileSync(path.join(ROOT, '..', 'tests/data/formats/comtrade-china.csv'), 'utf8');
  await addInlineChart(page, { id: 'inline-comtrade', attributes: { focus: 'PRK', partner: 'CHN', view: 'balance' }, csv: inline });
  const a = await waitForEvent(page, 'inline-comtrade', 'tradegap:ready');
  assert.equal(a.years.find((y) => y.year === 2023).exports, 291890000);
  const px = await countColours(page, '#inline-comtrade', ['#2166ac', '#d6604d']);
  assert.ok(px.counts[0] + px.counts[1] > 300, `the inline download draws bars (${px.counts})`);
  const wasm = wasmRequests(more);
  assert.equal(wasm.filter((f) => f === 'tradegap_desk_bg.wasm').length, 1, `requests: ${wasm}`);
  assert.deepEqual(errors, []);
  await page.close();
});

for (const file of ['tradegap_desk_bg.wasm', 'tradegap_desk.js']) test(`a desk module that cannot load (${file} missing) is an error in the box that says so, and a later change tries again`, async () => {
  const page = await env.browser.newPage({ viewport: { width: 900, height: 700 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let blocked = true;
  await page.route(`**/pkg/${file}*`, (route) => (blocked ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
  await page.goto(`${env.url}/examples/one-chart.html`);
  await page.waitForFunction(() => document.querySelector('trade-gap')?.analysis, null, { timeout: 15000 });
  const inline = readFileSync(path.join(ROOT, '..', 'tests/data/formats/comtrade-china.csv'), 'utf8');
  await page.evaluate(() => {
    window.__events = [];
    document.addEventListener('tradegap:error', (e) => window.__events.push({ type: 'tradegap:error', id: e.target.id, detail: e.detail }));
    document.addEventListener('tradegap:ready', (e) => window.__events.push({ type: 'tradegap:ready', id: e.target.id, detail: e.detail }));
  });
  await addInlineChart(page, { id: 'offline', attributes: { focus: 'PRK', partner: 'CHN', view: 'balance' }, csv: inline, parent: 'body' });
  const failed = await waitForEvent(page, 'offline', 'tradegap:error');
  assert.match(failed.message, /^This is a UN Comtrade file, and the module that reads it \(pkg\/tradegap_desk\.js\) could not be loaded/);
  const shown = await page.$eval('#offline', (el) => el.shadowRoot.querySelector('[data-kind="error"]')?.textContent ?? '');
  assert.match(shown, /could not be loaded/);
  // Back online: the next change loads the module and draws.
  blocked = false;
  await page.$eval('#offline', (el) => el.setAttribute('view', 'story'));
  const a = await waitForEvent(page, 'offline', 'tradegap:ready');
  assert.equal(a.years.find((y) => y.year === 2023).exports, 291890000);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a download whose src changes while the desk module is still loading draws the new file', async () => {
  const page = await env.browser.newPage({ viewport: { width: 900, height: 700 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Hold the desk's wasm and the second file until the test lets them through.
  const held = {};
  const hold = (pattern, name) =>
    page.route(pattern, (route) => {
      held[name] = () => route.continue();
    });
  await hold('**/pkg/tradegap_desk_bg.wasm', 'desk');
  await hold('**/data/formats/baci.csv', 'baci');
  await page.goto(`${env.url}/examples/one-chart.html`);
  await page.waitForFunction(() => document.querySelector('trade-gap')?.analysis, null, { timeout: 15000 });
  await page.evaluate(() => {
    window.__events = [];
    for (const type of ['tradegap:ready', 'tradegap:error']) {
      document.addEventListener(type, (e) => window.__events.push({ type, id: e.target.id, detail: e.detail }));
    }
    const el = document.createElement('trade-gap');
    el.id = 'switch';
    for (const [k, v] of Object.entries({ src: '../data/formats/comtrade-china.csv', focus: 'PRK', partner: 'CHN' })) el.setAttribute(k, v);
    document.body.append(el);
  });
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.includes('tradegap_desk.js')), null, { timeout: 15000 });
  await page.waitForTimeout(200);
  assert.ok(held.desk, 'the desk module is being loaded for the Comtrade file');
  // Another download while the desk is on its way; the desk arrives before the new file.
  await page.$eval('#switch', (el) => el.setAttribute('src', '../data/formats/baci.csv'));
  await page.waitForTimeout(200);
  held.desk();
  await page.waitForTimeout(300);
  assert.ok(held.baci, 'the new file was requested');
  held.baci();
  const a = await waitForEvent(page, 'switch', 'tradegap:ready');
  assert.match(a.sources.map((s) => s.name).join(' '), /BACI/);
  const failures = await page.evaluate(() => window.__events.filter((e) => e.type === 'tradegap:error').map((e) => e.detail.message));
  assert.deepEqual(failures, []);
  assert.deepEqual(errors, []);
  await page.close();
});
