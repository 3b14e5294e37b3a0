// Issue 3 in Chromium: the element as a newsroom developer embeds it — inline data,
// many instances, live attributes, no JavaScript, no layout shift, any width, dark
// pages, downloads, the iframe embed, a strict CSP, and hostile data kept as text.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { addInlineChart, countColours, openPage, OUT, start, waitForEvent } from './browser.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const shadow = (page, id, selector, fn) =>
  page.$eval(`#${id}`, (el, [selector, fn]) => new Function('node', `return (${fn})(node)`)(el.shadowRoot.querySelector(selector)), [selector, fn.toString()]);

test('two instances with inline table and script data work independently', async () => {
  const { page, errors } = await openPage(env.browser, `${env.url}/examples/inline.html`);
  const fromTable = await waitForEvent(page, 'from-table', 'tradegap:ready');
  const fromScript = await waitForEvent(page, 'from-script', 'tradegap:ready');
  assert.equal(fromTable.title, 'North Korea and China, 2019–2023');
  assert.equal(fromTable.years.find((y) => y.year === 2023).balance, 290e6 - 2.03e9);
  assert.equal(fromScript.focus, 'CHN');
  assert.ok(Math.abs(fromScript.years.find((y) => y.year === 2017).balance - 1.7e9) < 1);
  assert.match(fromScript.sentences[0], /In 2018, China's exports to North Korea were \$2.22 billion.*a trade surplus of \$2.01 billion/);
  // The table is still there for screen readers, slotted into a visually hidden box.
  const slotted = await page.$eval('#from-table table', (t) => t.assignedSlot !== null);
  assert.ok(slotted);
  assert.deepEqual(errors, []);
  await page.close();
});

test('changing attributes re-renders without fetching the data again', async () => {
  const { page } = await openPage(env.browser, `${env.url}/index.html`);
  let fetches = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('nk-china-trade.csv')) fetches++;
  });
  await waitForEvent(page, 'chart-en', 'tradegap:ready');
  await page.waitForTimeout(100);
  const before = fetches;
  const next = () =>
    page.evaluate(
      () =>
        new Promise((resolve) =>
          document.querySelector('#chart-en').addEventListener('tradegap:ready', (e) => resolve(e.detail), { once: true }),
        ),
    );
  let ready = next();
  await page.$eval('#chart-en', (el) => el.setAttribute('lang', 'ko'));
  let a = await ready;
  assert.match(a.sentences[0], /17억 4천만 달러/);
  ready = next();
  await page.$eval('#chart-en', (el) => el.setAttribute('year', '2017'));
  a = await ready;
  assert.equal(a.year, 2017);
  ready = next();
  await page.$eval('#chart-en', (el) => el.setAttribute('title', 'A new title'));
  a = await ready;
  assert.equal(a.title, 'A new title');
  assert.equal(fetches, before, 'no new request for the data');
  await page.close();
});

test('without JavaScript the reader sees the table and its caption', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${env.url}/examples/inline.html`);
  const caption = await page.$('#from-table caption');
  assert.ok(await caption.isVisible());
  const box = await (await page.$('#from-table table')).boundingBox();
  assert.ok(box.height > 100, `table shown (${box.height} px tall)`);
  await page.screenshot({ path: path.join(OUT, 'no-javascript.png') });
  await context.close();
});

test('loading shifts nothing: cumulative layout shift is 0', async () => {
  const page = await env.browser.newPage({ viewport: { width: 800, height: 1200 } });
  // Hold the script back so the page paints before the element upgrades.
  await page.route('**/tradegap.js', async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    window.__ready = new Promise((r) => document.addEventListener('tradegap:ready', r, { once: true }));
  });
  await page.goto(`${env.url}/index.html`);
  await page.evaluate(() => window.__ready);
  await page.waitForTimeout(500);
  const cls = await page.evaluate(() => window.__cls);
  assert.equal(cls, 0);
  await page.close();
});

for (const width of [320, 768, 1280]) {
  test(`at ${width} px the chart fills its column and draws`, async () => {
    const { page, errors } = await openPage(env.browser, `${env.url}/index.html`, {
      viewport: { width, height: 900 },
      deviceScaleFactor: 2,
    });
    await waitForEvent(page, 'chart-en', 'tradegap:ready');
    await page.waitForTimeout(150);
    const box = await (await page.$('#chart-en')).boundingBox();
    assert.ok(box.width <= width && box.width >= Math.min(width, 672) - 40, `width ${box.width}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no horizontal scrolling');
    const px = await countColours(page, '#chart-en', ['#2166ac', '#d6604d']);
    assert.ok(px.counts.every((c) => c > 500), JSON.stringify(px.counts));
    await (await page.$('#chart-en')).screenshot({ path: path.join(OUT, `width-${width}.png`) });
    assert.deepEqual(errors, []);
    await page.close();
  });
}

/** The colour of the canvas's top-left pixel: the chart's background. */
const background = (page, id) =>
  page.$eval(`#${id}`, (el) => [...el.shadowRoot.querySelector('canvas').getContext('2d').getImageData(1, 1, 1, 1).data]);

test('dark mode follows the system, the site toggle and the theme attribute', async () => {
  const { page } = await openPage(env.browser, `${env.url}/index.html`, { colorScheme: 'dark' });
  await waitForEvent(page, 'chart-en', 'tradegap:ready');
  await page.waitForTimeout(100);
  assert.equal(await page.$eval('#chart-en', (el) => el.dataset.resolvedTheme), 'dark');
  assert.ok((await background(page, 'chart-en'))[0] < 40, 'dark background drawn');
  await (await page.$('#chart-en')).screenshot({ path: path.join(OUT, 'dark-system.png') });
  await page.$eval('#chart-en', (el) => el.setAttribute('theme', 'light'));
  await page.waitForTimeout(100);
  assert.ok((await background(page, 'chart-en'))[0] > 240, 'theme="light" wins');
  await page.close();

  const light = await openPage(env.browser, `${env.url}/index.html`, { colorScheme: 'light' });
  await waitForEvent(light.page, 'chart-en', 'tradegap:ready');
  await light.page.waitForTimeout(100);
  assert.ok((await background(light.page, 'chart-en'))[0] > 240);
  await light.page.click('#dark-toggle');
  await light.page.waitForTimeout(150);
  assert.equal(await light.page.$eval('html', (h) => h.className), 'dark');
  assert.ok((await background(light.page, 'chart-en'))[0] < 40, 'site class turns the chart dark');
  await light.page.evaluate(() => {
    document.documentElement.className = '';
    document.documentElement.dataset.theme = 'dark';
  });
  await light.page.waitForTimeout(150);
  assert.ok((await background(light.page, 'chart-en'))[0] < 40, 'data-theme="dark" too');
  await (await light.page.$('#chart-en')).screenshot({ path: path.join(OUT, 'dark-site.png') });
  await light.page.close();
});

test('"Download PNG" saves the chart at twice its size; "Get the data" the figures drawn', async () => {
  const { page } = await openPage(env.browser, `${env.url}/index.html`, { deviceScaleFactor: 1 });
  await waitForEvent(page, 'chart-en', 'tradegap:ready');
  const css = await page.$eval('#chart-en', (el) => {
    const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
    return { w: r.width, h: r.height };
  });
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.$eval('#chart-en', (el) => el.shadowRoot.querySelectorAll('.actions button')[1].click()),
  ]);
  assert.match(png.suggestedFilename(), /^north-korea-s-trade-with-china\.png$/);
  const bytes = await readFile(await png.path());
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  assert.equal(bytes.readUInt32BE(16), Math.round(css.w * 2));
  assert.equal(bytes.readUInt32BE(20), Math.round(css.h * 2));
  // The on-screen canvas is back at the screen's ratio.
  assert.equal(await page.$eval('#chart-en', (el) => el.shadowRoot.querySelector('canvas').width), Math.round(css.w));

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.$eval('#chart-en', (el) => el.shadowRoot.querySelectorAll('.actions button')[3].click()),
  ]);
  const text = await readFile(await csv.path(), 'utf8');
  const lines = text.trim().split('\n');
  assert.equal(lines[0], 'year,focus,partner,exports_usd,imports_usd,balance_usd,source');
  assert.ok(lines.includes('2023,PRK,CHN,290000000,2030000000,-1740000000,"KINU report on KITA data, via The Kangnam Times"'));
  assert.equal(lines.length, 1 + 17, "a header and the 17 years with data");
  await page.close();
});

test('the iframe embed reports its height and the loader resizes the frame', async () => {
  const { page, errors } = await openPage(env.browser, `${env.url}/examples/iframe.html`, { viewport: { width: 700, height: 900 } });
  await page.waitForFunction(() => document.querySelector('#frame').getBoundingClientRect().height > 300, null, { timeout: 15000 });
  const frame = page.frame({ url: /embed\.html/ });
  await frame.waitForFunction(() => document.querySelector('trade-gap')?.analysis);
  await page.waitForTimeout(200);
  const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const outer = await page.$eval('#frame', (f) => f.getBoundingClientRect().height);
  assert.equal(Math.round(outer), inner);
  await page.screenshot({ path: path.join(OUT, 'iframe.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page with a strict Content-Security-Policy renders with no violation', async () => {
  const page = await env.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(`${env.url}/csp/index.html`);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await page.waitForFunction(() => document.querySelector('#csp-chart').analysis, null, { timeout: 15000 });
  // The download's chart, drawn by the module loaded for its reader.
  await page.waitForFunction(() => document.querySelector('#csp-comtrade').analysis, null, { timeout: 15000 });
  await page.waitForTimeout(150);
  for (const id of ['#csp-chart', '#csp-comtrade']) {
    await page.$eval(id, (el) => el.scrollIntoView());
    const px = await countColours(page, id, ['#2166ac', '#d6604d']);
    assert.ok(px.counts.every((c) => c > 500), `${id}: ${px.counts}`);
  }
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('markup in data, titles and notes stays text', async () => {
  const { page } = await openPage(env.browser, `${env.url}/examples/inline.html`);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    d.dismiss();
  });
  await waitForEvent(page, 'from-table', 'tradegap:ready');
  const evil = '<img src=x onerror=alert(1)>';
  await addInlineChart(page, {
    id: 'evil',
    attributes: { title: evil, note: evil },
    csv: [
      'year,exporter,importer,product_code,product,value,source',
      `2023,PRK,CHN,,,290000000,"${evil}"`,
      '2023,CHN,PRK,,,2030000000,ok',
      `2023,PRK,CHN,6704,"${evil}",167000000,"${evil}"`,
    ].join('\n'),
  });
  const a = await waitForEvent(page, 'evil', 'tradegap:ready');
  assert.equal(a.composition.exports[0].label, evil);
  assert.equal(a.title, evil);
  const dom = await page.$eval('#evil', (el) => ({
    imgs: el.shadowRoot.querySelectorAll('img').length + document.querySelectorAll('img').length,
    about: el.shadowRoot.querySelector('.about').textContent,
    label: el.shadowRoot.querySelector('canvas').getAttribute('aria-label'),
  }));
  assert.equal(dom.imgs, 0);
  assert.ok(dom.about.includes(evil));
  assert.equal(dom.label, evil);
  await page.waitForTimeout(200);
  assert.equal(dialogs, 0);
  await page.close();
});

// See: when the first load failed on an option (a focus that is not a country code),
// the data was never handed to the core, yet the element counted it as loaded: fixing
// the attribute re-analysed nothing and showed "no data loaded" until the src changed.
test('regression: a chart whose first load failed on an option recovers when the option is fixed', async () => {
  const { page, errors } = await openPage(env.browser, `${env.url}/examples/inline.html`);
  await waitForEvent(page, 'from-table', 'tradegap:ready');
  await page.evaluate(() => {
    const el = document.createElement('trade-gap');
    el.id = 'bad-focus';
    el.setAttribute('src', '../data/nk-china-trade.csv');
    el.setAttribute('focus', 'XX');
    el.setAttribute('partner', 'CHN');
    document.querySelector('main').prepend(el);
  });
  const failed = await waitForEvent(page, 'bad-focus', 'tradegap:error');
  assert.match(failed.message, /option "focus": expected a three-letter ISO 3166 country code, got "XX"/);
  await page.$eval('#bad-focus', (el) => el.setAttribute('focus', 'PRK'));
  const a = await waitForEvent(page, 'bad-focus', 'tradegap:ready');
  assert.equal(a.focus, 'PRK');
  assert.equal(a.years.find((y) => y.year === 2023).balance, 290e6 - 2.03e9);
  assert.deepEqual(errors, []);
  await page.close();
});
