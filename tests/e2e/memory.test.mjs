// Memory under repeated use (issue 13), in Chromium: 1,000 create/remove cycles of a
// <trade-gap> with `src`, 1,000 attribute changes (year, lang, view) on one element and
// 1,000 resizes. After a forced garbage collection the JS heap and the WebAssembly
// memory stay flat (wasm memory may grow once, then not), no canvas outlives its
// element, no worker or document listener is left, and each removed element's core
// handle is freed at once (chart.free() on disconnect).
//
// The bounds are generous (leaks of a few KB a cycle show as megabytes over 1,000
// cycles; noise does not); the figures per 100 cycles go to tests/out/memory.md.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { countWorkers, openPage, OUT, start, waitForEvent } from './browser.mjs';

const CYCLES = Number(process.env.MEMORY_CYCLES || 1000);
const STEP = CYCLES / 10;
const MB = 1 << 20;

let env;
let page;
let cdp;
const table = [];
before(async () => {
  env = await start();
  ({ page } = await openPage(env.browser, `${env.url}/examples/inline.html`));
  await waitForEvent(page, 'from-table', 'tradegap:ready');
  cdp = await page.context().newCDPSession(page);
  // Workers the element starts and ends.
  await page.evaluate(countWorkers);
  await page.evaluate(async () => {
    // The module the element loaded: init() again returns the same instance.
    const m = await import('/pkg/tradegap.js');
    window.__wasm = await m.default();
    // Handles the core frees: wasm-bindgen's free() on the Chart class.
    window.__freed = 0;
    const Chart = m.Chart.prototype;
    const free = Chart.free;
    Chart.free = function () {
      window.__freed++;
      return free.call(this);
    };
  });
});
after(async () => {
  const md = [
    `Memory after a forced GC at cycle ${STEP} and cycle ${CYCLES}; growth in bytes per 100 cycles over the second half:`,
    '',
    `| scenario | JS heap first→last | JS heap / 100 | wasm memory first→last | wasm / 100 | wasm pages (64 KiB) every ${STEP} cycles |`,
    '|---|---:|---:|---:|---:|---|',
    ...table,
  ].join('\n');
  writeFileSync(path.join(OUT, 'memory.md'), `${md}\n`);
  console.log(md);
  await env?.close();
});

/** JS heap in use after a full GC, wasm memory, live canvases and document listeners. */
async function measure() {
  // The test page records every event with its detail (an analysis each): not the element's.
  await page.evaluate(() => (window.__events = []));
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasm.memory.buffer.byteLength);
  // Canvases still alive anywhere (in the DOM or held by something that leaked).
  const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'HTMLCanvasElement.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
  const { result: count } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  const { result: doc } = await cdp.send('Runtime.evaluate', { expression: 'document' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: doc.objectId });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: '' }).catch(() => {});
  return { heap: usedSize, wasm, canvases: count.value, listeners: listeners.length };
}

/** Runs `step(i)` CYCLES times, measuring every STEP; returns the samples. */
async function cycles(name, step) {
  const samples = [await measure()];
  for (let i = 0; i < CYCLES; i++) {
    await step(i);
    if ((i + 1) % STEP === 0) samples.push(await measure());
  }
  // The first STEP cycles warm caches and grow wasm memory once; growth is judged after.
  const first = samples[1];
  const last = samples.at(-1);
  // Steady state: the second half of the run (the first may still find new sizes).
  const mid = samples[Math.floor(samples.length / 2)];
  const per100 = (key) => Math.round(((last[key] - mid[key]) / (CYCLES - CYCLES / 2)) * 100);
  table.push(
    `| ${name} | ${(first.heap / MB).toFixed(2)} → ${(last.heap / MB).toFixed(2)} MB | ${per100('heap')} | ` +
      `${(first.wasm / MB).toFixed(2)} → ${(last.wasm / MB).toFixed(2)} MB | ${per100('wasm')} | ` +
      `${samples.map((s) => s.wasm / 65536).join(' ')} |`,
  );
  return { samples, first, last };
}

/** Fails when memory grew by more than the bound after the first STEP cycles. */
function flat({ first, last, samples }, what) {
  const heapGrowth = last.heap - first.heap;
  assert.ok(heapGrowth < 4 * MB, `${what}: JS heap grew ${(heapGrowth / MB).toFixed(2)} MB`);
  // Wasm memory never shrinks; after its first growth it stays.
  assert.ok(last.wasm - first.wasm <= 2 * MB, `${what}: wasm memory grew ${(last.wasm - first.wasm) / MB} MB`);
  assert.ok(last.canvases <= samples[0].canvases + 1, `${what}: ${last.canvases} canvases alive`);
  assert.ok(last.listeners <= samples[0].listeners, `${what}: ${last.listeners} document listeners`);
}

const nextFrame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test(`${CYCLES} create/remove cycles with src leave nothing behind`, async () => {
  const freedBefore = await page.evaluate(() => window.__freed);
  const result = await cycles('create/remove with src', async (i) => {
    await page.evaluate(
      (i) =>
        new Promise((resolve, reject) => {
          const el = document.createElement('trade-gap');
          el.id = `cycle-${i}`;
          el.setAttribute('src', '../data/nk-china-trade.csv');
          el.setAttribute('focus', 'PRK');
          el.setAttribute('partner', 'CHN');
          el.addEventListener('tradegap:ready', () => requestAnimationFrame(() => (el.remove(), resolve())), { once: true });
          el.addEventListener('tradegap:error', (e) => reject(new Error(e.detail.message)), { once: true });
          document.querySelector('main').append(el);
        }),
      i,
    );
  });
  flat(result, 'create/remove');
  // Every removed element freed its core handle on the spot.
  const freed = (await page.evaluate(() => window.__freed)) - freedBefore;
  assert.equal(freed, CYCLES);
  const workers = await page.evaluate(() => window.__workers);
  assert.equal(workers.started, workers.terminated);
});

test(`${CYCLES} attribute changes on one element stay flat`, async () => {
  await page.evaluate(() => {
    const el = document.createElement('trade-gap');
    el.id = 'changing';
    el.setAttribute('src', '../data/nk-china-trade.csv');
    el.setAttribute('focus', 'PRK');
    el.setAttribute('partner', 'CHN');
    document.querySelector('main').append(el);
  });
  await waitForEvent(page, 'changing', 'tradegap:ready');
  const years = [2019, 2020, 2021, 2022, 2023];
  const result = await cycles('attribute changes (year, lang, view)', async (i) => {
    await page.evaluate(
      ([i, years]) => {
        const el = document.getElementById('changing');
        const which = i % 3;
        if (which === 0) el.setAttribute('year', String(years[i % years.length]));
        else if (which === 1) el.setAttribute('lang', i % 2 ? 'ko' : 'en');
        else el.setAttribute('view', ['balance', 'composition', 'story', 'partners'][i % 4]);
      },
      [i, years],
    );
    await nextFrame();
  });
  flat(result, 'attribute changes');
  const status = await page.$eval('#changing', (el) => el.shadowRoot.querySelector('[data-kind="error"]:not([hidden])'));
  assert.equal(status, null, 'no change ended in an error');
});

test(`${CYCLES} resizes stay flat`, async () => {
  const result = await cycles('resizes', async (i) => {
    await page.evaluate((i) => {
      document.getElementById('changing').style.width = `${300 + ((i * 37) % 600)}px`;
    }, i);
    await nextFrame();
  });
  flat(result, 'resizes');
});

test('an element moved in the page draws again with a new core handle', async () => {
  const el = await page.$('#changing');
  await page.evaluate(() => {
    window.__events = window.__events.filter((e) => e.id !== 'changing');
    const el = document.getElementById('changing');
    el.remove();
    document.querySelector('main').prepend(el);
  });
  await waitForEvent(page, 'changing', 'tradegap:ready');
  await nextFrame();
  const drawn = await el.evaluate((el) => {
    const c = el.shadowRoot.querySelector('canvas');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let p = 3; p < data.length; p += 4) if (data[p] > 0) ink++;
    return ink;
  });
  assert.ok(drawn > 1000, `${drawn} pixels drawn`);
});
