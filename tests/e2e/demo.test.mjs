// The demo article in headless Chromium: the charts load, draw, tell the story in
// both languages, redraw on resize, and show bad data as an error inside the box.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { addInlineChart, countColours, openPage, OUT, start, waitForEvent } from './browser.mjs';

const EXPORTS = '#2166ac';
const IMPORTS = '#d6604d';
let env;

before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test('the demo draws the balance chart with the story figures and no page error', async () => {
  const { page, errors } = await openPage(env.browser, `${env.url}/index.html`, { deviceScaleFactor: 2 });
  const analysis = await waitForEvent(page, 'chart-en', 'tradegap:ready');

  const y2023 = analysis.years.find((y) => y.year === 2023);
  assert.equal(y2023.exports, 290e6);
  assert.equal(y2023.imports, 2.03e9);
  assert.ok(Math.abs(y2023.balance + 1.74e9) < 1);
  assert.equal(analysis.record.since, 2019);
  assert.ok(!analysis.years.some((y) => y.year === 2021), '2021 has no data: a gap, not a zero');
  assert.match(analysis.sentences.join(' '), /\$1\.74 billion.*largest deficit since 2019/s);
  assert.equal(analysis.composition.exports[0].code, '6704');
  assert.equal(analysis.composition.exports[0].displayShare, '57.6%');

  // Pixels, not just an element: bars in both colours, at the device pixel ratio.
  await page.waitForTimeout(100);
  const px = await countColours(page, '#chart-en', [EXPORTS, IMPORTS]);
  const box = await page.$eval('#chart-en', (el) => el.shadowRoot.querySelector('canvas').getBoundingClientRect().toJSON());
  assert.equal(px.width, Math.round(box.width * 2));
  assert.equal(px.height, Math.round(box.height * 2));
  assert.ok(px.counts[0] > 2000, `exports bars drawn (${px.counts[0]} px)`);
  assert.ok(px.counts[1] > 5000, `imports bars drawn (${px.counts[1]} px)`);

  // Readers and assistive technology get the same story in words.
  const a11y = await page.$eval('#chart-en', (el) => {
    const canvas = el.shadowRoot.querySelector('canvas');
    const description = canvas
      .getAttribute('aria-describedby')
      .split(/\s+/)
      .map((id) => el.shadowRoot.getElementById(id).textContent)
      .join(' ');
    return { role: canvas.getAttribute('role'), name: canvas.getAttribute('aria-label'), description };
  });
  assert.equal(a11y.role, 'img');
  assert.equal(a11y.name, "North Korea's trade with China");
  assert.match(a11y.description, /North Korea's exports to China were \$290 million/);
  assert.match(a11y.description, /arrow keys/);
  const sources = await page.$eval('#chart-en', (el) => el.shadowRoot.querySelector('.about').textContent);
  assert.match(sources, /2023: KINU report on KITA data, via The Kangnam Times/);

  await page.$eval('#chart-en', (el) => el.scrollIntoView());
  await (await page.$('#chart-en')).screenshot({ path: path.join(OUT, 'demo-en-1000.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the Korean chart says the same in Korean units', async () => {
  const { page, errors } = await openPage(env.browser, `${env.url}/index.html`);
  const analysis = await waitForEvent(page, 'chart-ko', 'tradegap:ready');
  const text = analysis.sentences.join(' ');
  assert.match(text, /2억 9천만 달러/);
  assert.match(text, /20억 3천만 달러/);
  assert.match(text, /17억 4천만 달러/);
  assert.match(text, /2019년/);
  await page.$eval('#chart-ko', (el) => el.scrollIntoView());
  await (await page.$('#chart-ko')).screenshot({ path: path.join(OUT, 'demo-ko-1000.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the chart redraws at phone width without a page error', async () => {
  const { page, errors } = await openPage(env.browser, `${env.url}/index.html`, {
    viewport: { width: 360, height: 800 },
    deviceScaleFactor: 3,
  });
  await waitForEvent(page, 'chart-en', 'tradegap:ready');
  await page.waitForTimeout(100);
  const narrow = await countColours(page, '#chart-en', [EXPORTS, IMPORTS]);
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.waitForFunction(
    (w) => document.querySelector('#chart-en').shadowRoot.querySelector('canvas').width > w,
    narrow.width,
  );
  const wide = await countColours(page, '#chart-en', [EXPORTS, IMPORTS]);
  assert.ok(wide.width > narrow.width);
  assert.ok(wide.counts[1] > 0);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForTimeout(200);
  await page.$eval('#chart-en', (el) => el.scrollIntoView());
  await (await page.$('#chart-en')).screenshot({ path: path.join(OUT, 'demo-en-360.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('bad data shows an error with its line and column inside the box', async () => {
  const { page } = await openPage(env.browser, `${env.url}/index.html`);
  await waitForEvent(page, 'chart-en', 'tradegap:ready');
  await addInlineChart(page, {
    id: 'bad',
    attributes: { focus: 'PRK', partner: 'CHN' },
    csv: 'year,exporter,importer,value\n2022,PRK,CHN,134400000\n2023,PRK,CHN,"12,3x"\n',
    parent: 'article',
  });
  const detail = await waitForEvent(page, 'bad', 'tradegap:error');
  assert.equal(detail.message, 'line 3, column 4 (value): "12,3x" is not a number');
  assert.equal(detail.line, 3);
  assert.equal(detail.column, 4);
  const shown = await page.$eval('#bad', (el) => el.shadowRoot.querySelector('.status').textContent);
  assert.match(shown, /could not be drawn/);
  assert.match(shown, /line 3, column 4 \(value\): "12,3x" is not a number/);
  assert.ok(await page.$eval('#bad', (el) => el.shadowRoot.querySelector('.status').checkVisibility()));
  await (await page.$('#bad')).screenshot({ path: path.join(OUT, 'error.png') });
  await page.close();
});

test('a missing file shows an error, not a blank box', async () => {
  const { page } = await openPage(env.browser, `${env.url}/index.html`);
  await page.evaluate(() => {
    const el = document.createElement('trade-gap');
    el.id = 'missing';
    el.setAttribute('src', 'data/no-such-file.csv');
    document.querySelector('article').prepend(el);
  });
  const detail = await waitForEvent(page, 'missing', 'tradegap:error');
  assert.match(detail.message, /no-such-file\.csv.*HTTP 404/);
  const shown = await page.$eval('#missing', (el) => el.shadowRoot.querySelector('.status').textContent);
  assert.match(shown, /HTTP 404/);
  await page.close();
});
