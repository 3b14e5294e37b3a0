// Issue 4 in Chromium: exploring the story by mouse, touch and keyboard. Tooltips with
// exact values that stay inside the box and go away; hover that only repaints; a year
// selected by click, tap or Enter; the live region's words in English and Korean; the
// views and the comparison from attributes; no axe violations in light and dark; and
// screenshots of the story at phone and desktop widths.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage, OUT, start, waitForEvent } from './browser.mjs';

const AXE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', 'axe-core', 'axe.min.js');
const CHARTS = ['chart-en', 'chart-compare', 'chart-ko'];

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** The demo with every chart ready, `tradegap:select` recorded, and `id` in view. */
async function demo(options = {}, id = 'chart-en') {
  const { page, errors } = await openPage(env.browser, `${env.url}/index.html`, options);
  for (const chart of CHARTS) await waitForEvent(page, chart, 'tradegap:ready');
  await page.evaluate(() => {
    window.__selects = [];
    document.addEventListener('tradegap:select', (e) => window.__selects.push({ id: e.target.id, detail: e.detail }));
  });
  await page.$eval(`#${id}`, (el) => el.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(150);
  return { page, errors };
}

/**
 * Counts calls into the wasm `Chart` from now on (the element and this share the one
 * module instance), so that a test can tell a repaint from a re-analysis.
 */
async function countCalls(page) {
  await page.evaluate(async () => {
    const { Chart } = await import('/pkg/tradegap.js');
    window.__calls = {};
    if (Chart.prototype.__counted) return;
    Chart.prototype.__counted = true;
    for (const name of ['load', 'setOptions', 'setSelectedYear', 'setView', 'draw', 'redraw', 'hitAt', 'setHover', 'setFocus']) {
      const f = Chart.prototype[name];
      Chart.prototype[name] = function (...args) {
        window.__calls[name] = (window.__calls[name] ?? 0) + 1;
        return f.apply(this, args);
      };
    }
  });
}
const calls = (page) => page.evaluate(() => ({ ...window.__calls }));

/** The page coordinates of the middle of `year`'s column, at `fraction` of the canvas's height. */
async function yearPoint(page, id, year, fraction = 0.3) {
  const p = await page.$eval(
    `#${id}`,
    (el, [year, fraction]) => {
      const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
      const y = r.height * fraction;
      const xs = [];
      for (let x = 0; x < r.width; x++) if (el.yearAt(x, y) === year) xs.push(x);
      return xs.length ? { x: r.left + (xs[0] + xs.at(-1)) / 2, y: r.top + y } : null;
    },
    [year, fraction],
  );
  assert.ok(p, `a column for ${year}`);
  return p;
}

/** The tooltip's state: shown or not, its lines, and whether it lies inside the element's box. */
const tooltip = (page, id) =>
  page.$eval(`#${id}`, (el) => {
    const t = el.shadowRoot.querySelector('[role="tooltip"]');
    const r = t.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return {
      shown: !t.hidden && t.checkVisibility(),
      lines: [...t.children].map((c) => c.textContent),
      inside: r.left >= box.left && r.top >= box.top && r.right <= box.right && r.bottom <= box.bottom,
      rect: { left: r.left - box.left, top: r.top - box.top, width: r.width, height: r.height },
      box: { width: box.width, height: box.height },
    };
  });

const live = (page, id) => page.$eval(`#${id}`, (el) => el.shadowRoot.querySelector('[aria-live="polite"]').textContent);

const Y2019 = [
  '2019',
  'Exports: $216 million (+1.3% from 2018)',
  'Imports: $2.59 billion (+16.6% from 2018)',
  'Deficit: $2.37 billion, largest on record',
];

test('hovering a year shows its exact values inside the box, and only repaints', async () => {
  const { page, errors } = await demo();
  await countCalls(page);
  const p2019 = await yearPoint(page, 'chart-en', 2019);
  await page.mouse.move(p2019.x, p2019.y, { steps: 4 });
  await page.waitForFunction(() => !document.querySelector('#chart-en').shadowRoot.querySelector('[role="tooltip"]').hidden);
  let tip = await tooltip(page, 'chart-en');
  assert.deepEqual(tip.lines, Y2019);
  assert.ok(tip.inside, JSON.stringify(tip));

  // Along every column to the last, at the right edge, and low in the chart: the
  // tooltip follows, flips and stays inside the box.
  for (const [year, fraction] of [[2023, 0.3], [2023, 0.5], [1999, 0.15], [2010, 0.5]]) {
    const p = await yearPoint(page, 'chart-en', year, fraction);
    await page.mouse.move(p.x, p.y, { steps: 3 });
    await page.waitForTimeout(80);
    tip = await tooltip(page, 'chart-en');
    assert.equal(tip.lines[0], String(year));
    assert.ok(tip.shown && tip.inside, `${year}: ${JSON.stringify(tip)}`);
  }
  const p2023 = await yearPoint(page, 'chart-en', 2023);
  await page.mouse.move(p2023.x, p2023.y, { steps: 2 });
  await page.waitForTimeout(80);
  assert.deepEqual((await tooltip(page, 'chart-en')).lines, [
    '2023',
    'Exports: $290 million (+115.8% from 2022)',
    'Imports: $2.03 billion (+127.2% from 2022)',
    'Deficit: $1.74 billion, largest since 2019',
  ]);

  // Hover never parses, analyses or lays out again: hit-test, set the hover, repaint.
  const c = await calls(page);
  assert.equal(c.load ?? 0, 0);
  assert.equal(c.setOptions ?? 0, 0);
  assert.equal(c.setSelectedYear ?? 0, 0);
  assert.equal(c.draw ?? 0, 0, 'no new layout');
  assert.ok(c.redraw > 0 && c.redraw <= c.setHover, JSON.stringify(c));

  // Leaving the chart hides it.
  await page.mouse.move(5, 5);
  await page.waitForTimeout(80);
  assert.equal((await tooltip(page, 'chart-en')).shown, false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('pointer moves are coalesced to one hit-test and one repaint per frame', async () => {
  const { page } = await demo();
  await countCalls(page);
  const p = await yearPoint(page, 'chart-en', 2012);
  const n = await page.$eval(
    '#chart-en',
    (el, p) => {
      const canvas = el.shadowRoot.querySelector('canvas');
      for (let i = 0; i < 30; i++) {
        canvas.dispatchEvent(
          new PointerEvent('pointermove', { clientX: p.x + (i % 5), clientY: p.y + i, pointerType: 'mouse', bubbles: true, composed: true }),
        );
      }
      return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(30))));
    },
    p,
  );
  const c = await calls(page);
  assert.equal(n, 30);
  assert.equal(c.hitAt, 1, JSON.stringify(c));
  assert.equal(c.redraw, 1, JSON.stringify(c));
  assert.equal((await tooltip(page, 'chart-en')).lines[0], '2012');
  await page.close();
});

test('Escape hides a hover tooltip, wherever the keyboard focus is', async () => {
  const { page } = await demo();
  const p = await yearPoint(page, 'chart-en', 2019);
  await page.mouse.move(p.x, p.y, { steps: 2 });
  await page.waitForTimeout(80);
  assert.equal((await tooltip(page, 'chart-en')).shown, true);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(80);
  assert.equal((await tooltip(page, 'chart-en')).shown, false);
  await page.close();
});

test('a tap shows the tooltip and selects the year; a tap outside hides it', async () => {
  const context = await env.browser.newContext({
    viewport: { width: 360, height: 800 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
  });
  const { page, errors } = await openPage(context, `${env.url}/index.html`);
  for (const id of CHARTS) await waitForEvent(page, id, 'tradegap:ready');
  await page.evaluate(() => {
    window.__selects = [];
    document.addEventListener('tradegap:select', (e) => window.__selects.push({ id: e.target.id, detail: e.detail }));
  });
  await page.$eval('#chart-en', (el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(150);
  const p = await yearPoint(page, 'chart-en', 2019, 0.2);
  await page.touchscreen.tap(p.x, p.y);
  await page.waitForFunction(() => document.querySelector('#chart-en').getAttribute('year') === '2019');
  await page.waitForTimeout(100);
  let tip = await tooltip(page, 'chart-en');
  assert.deepEqual(tip.lines, Y2019);
  assert.ok(tip.shown && tip.inside, JSON.stringify(tip));
  assert.deepEqual(await page.evaluate(() => window.__selects), [{ id: 'chart-en', detail: { year: 2019 } }]);
  await (await page.$('#chart-en')).screenshot({ path: path.join(OUT, 'tap-360.png') });

  // The tooltip stays after the finger lifts, and goes with a tap elsewhere on the page.
  await page.waitForTimeout(300);
  assert.equal((await tooltip(page, 'chart-en')).shown, true);
  // Below the chart: the article's next paragraph.
  const where = await page.$eval('#chart-en', (el) => {
    const r = el.nextElementSibling.getBoundingClientRect();
    return { x: r.left + 10, y: r.top + 8 };
  });
  assert.ok(where.y < 800, 'the paragraph is on screen');
  await page.touchscreen.tap(where.x, where.y);
  await page.waitForTimeout(100);
  tip = await tooltip(page, 'chart-en');
  assert.equal(tip.shown, false);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Focuses the chart's canvas as the Tab key would leave it. */
async function focusChart(page, id) {
  await page.$eval(`#${id}`, (el) => el.shadowRoot.querySelector('canvas').focus());
}

/** Presses `key` and returns the live region's words. */
async function press(page, id, key) {
  await page.keyboard.press(key);
  await page.waitForTimeout(30);
  return live(page, id);
}

test('the chart is one tab stop, after the page controls before it, and the fallback is not', async () => {
  const { page } = await demo();
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Tab'); // the page's dark-mode switch
  assert.equal(await page.evaluate(() => document.activeElement.id), 'dark-toggle');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => ({
    host: document.activeElement.id,
    inner: document.activeElement.shadowRoot?.activeElement?.tagName,
  }));
  assert.deepEqual(focused, { host: 'chart-en', inner: 'CANVAS' }, 'the hidden "needs JavaScript" link takes no stop');
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.textContent);
  assert.match(next, /Sources \(16\) and notes/);
  await page.close();
});

test('the keyboard walks through every year and the bars, and the live region says each, in English', async () => {
  const { page, errors } = await demo();
  const years = await page.$eval('#chart-en', (el) => el.analysis.years.map((y) => y.year));
  await focusChart(page, 'chart-en');
  await countCalls(page);

  assert.equal(await press(page, 'chart-en', 'Home'), '1999: deficit $286 million; exports $41.7 million, imports $328 million.');
  const said = [1999];
  for (let i = 1; i < years.length; i++) {
    const words = await press(page, 'chart-en', 'ArrowRight');
    said.push(Number(words.slice(0, 4)));
    const tip = await tooltip(page, 'chart-en');
    assert.equal(tip.lines[0], words.slice(0, 4), 'the tooltip follows the focus');
    assert.ok(tip.shown && tip.inside, `${words.slice(0, 4)}: ${JSON.stringify(tip)}`);
  }
  assert.deepEqual(said, years, 'every year with data, in order, gaps skipped');
  assert.equal(
    await press(page, 'chart-en', 'ArrowLeft'),
    '2022: deficit $759 million, largest since 2019; exports $134 million, imports $894 million.',
  );
  assert.equal(
    await press(page, 'chart-en', 'End'),
    '2023: deficit $1.74 billion, largest since 2019; exports $290 million, imports $2.03 billion.',
  );
  // On past the last year, into the composition's bars.
  assert.equal(
    await press(page, 'chart-en', 'ArrowDown'),
    "Wigs and false eyelashes: 57.6% of North Korea's exports to China in 2023, $167 million.",
  );
  let tip = await tooltip(page, 'chart-en');
  assert.deepEqual(tip.lines, ['Wigs and false eyelashes', 'HS 6704', '57.6% of exports to China, 2023', '$167 million']);
  assert.ok(tip.inside);
  assert.match(await press(page, 'chart-en', 'End'), /^Other: 14\.8% of North Korea's exports/);
  assert.match(await press(page, 'chart-en', 'ArrowRight'), /^Textiles and fabrics: 12\.7% of North Korea's imports/);
  assert.match(await press(page, 'chart-en', 'Home'), /^Textiles and fabrics/);
  assert.match(await press(page, 'chart-en', 'ArrowUp'), /^Other: 14\.8%/);
  await (await page.$('#chart-en')).screenshot({ path: path.join(OUT, 'keyboard-bar-1000.png') });

  // Escape clears the focus and the tooltip; the canvas keeps the keyboard.
  await page.keyboard.press('Escape');
  await page.waitForTimeout(50);
  assert.equal((await tooltip(page, 'chart-en')).shown, false);
  assert.equal(await page.$eval('#chart-en', (el) => el.shadowRoot.activeElement?.tagName), 'CANVAS');
  assert.match(await press(page, 'chart-en', 'ArrowRight'), /^2023: /, 'the next arrow starts again at the selected year');
  tip = await tooltip(page, 'chart-en');
  assert.ok(tip.shown);

  const c = await calls(page);
  assert.equal((c.load ?? 0) + (c.setOptions ?? 0) + (c.setSelectedYear ?? 0) + (c.draw ?? 0), 0, JSON.stringify(c));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the keyboard and the live region in Korean', async () => {
  const { page, errors } = await demo({}, 'chart-ko');
  const years = await page.$eval('#chart-ko', (el) => el.analysis.years.map((y) => y.year));
  await focusChart(page, 'chart-ko');
  assert.equal(
    await page.$eval('#chart-ko', (el) => el.shadowRoot.querySelector('[aria-live="polite"]').lang),
    'ko',
  );
  assert.equal(
    await press(page, 'chart-ko', 'Home'),
    '1999년: 적자 2억 8천600만 달러; 수출 4천170만 달러, 수입 3억 2천800만 달러.',
  );
  const said = [1999];
  for (let i = 1; i < years.length; i++) said.push(Number((await press(page, 'chart-ko', 'ArrowRight')).slice(0, 4)));
  assert.deepEqual(said, years);
  assert.equal(
    await press(page, 'chart-ko', 'End'),
    '2023년: 적자 17억 4천만 달러, 2019년 이후 최대; 수출 2억 9천만 달러, 수입 20억 3천만 달러.',
  );
  assert.equal(
    await press(page, 'chart-ko', 'ArrowRight'),
    '가발과 인조 속눈썹: 2023년 북한의 대중국 수출 가운데 57.6%, 1억 6천700만 달러.',
  );
  const tip = await tooltip(page, 'chart-ko');
  assert.deepEqual(tip.lines, ['가발과 인조 속눈썹', 'HS 6704', '2023년 대중국 수출의 57.6%', '1억 6천700만 달러']);
  assert.ok(tip.shown && tip.inside);
  await (await page.$('#chart-ko')).screenshot({ path: path.join(OUT, 'keyboard-ko-1000.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('Enter selects a year: tradegap:select, the year attribute, the composition and the words follow', async () => {
  const { page, errors } = await demo();
  await focusChart(page, 'chart-en');
  await countCalls(page);
  const readies = () => page.evaluate(() => window.__events.filter((e) => e.type === 'tradegap:ready').length);
  const readyBefore = await readies();

  await press(page, 'chart-en', 'End');
  for (let i = 0; i < 3; i++) await press(page, 'chart-en', 'ArrowLeft'); // 2022, 2020, 2019
  assert.match(await live(page, 'chart-en'), /^2019: /);
  const words = await press(page, 'chart-en', 'Enter');
  assert.match(words, /^2019 selected\. In 2019, North Korea's exports to China were \$216 million/);
  await page.waitForTimeout(50);

  assert.deepEqual(await page.evaluate(() => window.__selects), [{ id: 'chart-en', detail: { year: 2019 } }]);
  const state = await page.$eval('#chart-en', (el) => ({
    attribute: el.getAttribute('year'),
    year: el.analysis.year,
    composition: el.analysis.composition.year,
    label: el.shadowRoot.querySelector('canvas').getAttribute('aria-label'),
    summary: el.shadowRoot.getElementById('summary').textContent,
    about: el.shadowRoot.querySelector('.about').textContent,
  }));
  assert.equal(state.attribute, '2019');
  assert.equal(state.year, 2019);
  assert.equal(state.composition, 2019);
  assert.equal(state.label, "North Korea's trade with China");
  assert.match(state.summary, /^In 2019, North Korea's exports to China were \$216 million/);
  assert.match(state.about, /In 2019, North Korea's exports/);
  // One analysis for the selection: writing `year` back does not start another.
  await page.waitForTimeout(150);
  const c = await calls(page);
  assert.equal(c.setSelectedYear, 1);
  assert.equal((c.setOptions ?? 0) + (c.load ?? 0), 0, JSON.stringify(c));
  assert.equal(await readies(), readyBefore, 'no tradegap:ready for a selection');
  await (await page.$('#chart-en')).screenshot({ path: path.join(OUT, 'select-2019-1000.png') });

  // A click selects too: back to 2023, whose composition has products.
  const p = await yearPoint(page, 'chart-en', 2023);
  await page.mouse.click(p.x, p.y);
  await page.waitForFunction(() => document.querySelector('#chart-en').getAttribute('year') === '2023');
  const back = await page.$eval('#chart-en', (el) => el.analysis.composition);
  assert.equal(back.year, 2023);
  assert.equal(back.exports[0].code, '6704');
  assert.deepEqual((await page.evaluate(() => window.__selects)).at(-1), { id: 'chart-en', detail: { year: 2023 } });

  // Space on a year selects as well.
  await focusChart(page, 'chart-en');
  await press(page, 'chart-en', 'Home');
  await press(page, 'chart-en', ' ');
  assert.equal(await page.$eval('#chart-en', (el) => el.getAttribute('year')), '1999');
  assert.deepEqual(errors, []);
  await page.close();
});

test('view and compare attributes switch without fetching again; the box follows the view', async () => {
  const { page, errors } = await demo();
  let fetches = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('nk-china-trade.csv')) fetches++;
  });
  const next = () =>
    page.evaluate(
      () =>
        new Promise((resolve) =>
          document.querySelector('#chart-en').addEventListener('tradegap:ready', (e) => resolve(e.detail), { once: true }),
        ),
    );
  const height = () => page.$eval('#chart-en', (el) => el.shadowRoot.querySelector('canvas').getBoundingClientRect().height);
  const width = await page.$eval('#chart-en', (el) => el.getBoundingClientRect().width);
  const story = await height();
  assert.equal(story, Math.min(720, Math.max(640, width)), 'story: square, 640 to 720 px');
  assert.equal(await page.$eval('#chart-en', (el) => el.analysis.view), 'story');

  let ready = next();
  await page.$eval('#chart-en', (el) => el.setAttribute('view', 'balance'));
  let a = await ready;
  assert.equal(a.view, 'balance');
  await page.waitForTimeout(100);
  assert.ok(Math.abs((await height()) - width / 1.6) < 1, 'balance: 16:10');

  ready = next();
  await page.$eval('#chart-en', (el) => el.setAttribute('compare', '2013'));
  a = await ready;
  assert.equal(a.comparison.fromYear, 2013);
  assert.equal(a.comparison.label, 'Exports −90.0% since 2013');
  assert.ok(a.sentences.some((s) => s.includes('2013')));

  ready = next();
  await page.$eval('#chart-en', (el) => el.setAttribute('view', 'composition'));
  a = await ready;
  assert.equal(a.view, 'composition');
  // Only what the view shows takes the keyboard: the bars, no years.
  await focusChart(page, 'chart-en');
  assert.match(await press(page, 'chart-en', 'Home'), /^Wigs and false eyelashes/);
  await (await page.$('#chart-en')).screenshot({ path: path.join(OUT, 'composition-1000.png') });

  const failed = page.evaluate(
    () =>
      new Promise((resolve) =>
        document.querySelector('#chart-en').addEventListener('tradegap:error', (e) => resolve(e.detail), { once: true }),
      ),
  );
  await page.$eval('#chart-en', (el) => el.setAttribute('view', 'sideways'));
  const error = await failed;
  assert.match(error.message, /option "view": expected "balance", "composition", "story" or "partners", got "sideways"/);
  assert.equal(error.line, null);
  ready = next();
  await page.$eval('#chart-en', (el) => el.setAttribute('view', 'story'));
  a = await ready;
  assert.equal(a.view, 'story');
  assert.equal(fetches, 0, 'no new request for the data');
  assert.ok(errors.every((e) => !e.startsWith('pageerror')), errors.join('\n'));
  await page.close();
});

test('screen readers get a data table: the page\'s own, or one made from the figures', async () => {
  const { page } = await demo();
  const made = await page.$eval('#chart-en', (el) => {
    const t = el.shadowRoot.querySelector('table');
    return {
      caption: t.caption.textContent,
      head: [...t.tHead.rows[0].cells].map((c) => c.textContent),
      rows: t.tBodies[0].rows.length,
      y2023: [...[...t.tBodies[0].rows].find((r) => r.cells[0].textContent === '2023').cells].map((c) => c.textContent),
      hidden: t.parentElement.getBoundingClientRect().width <= 1 && getComputedStyle(t.parentElement).overflow === 'hidden',
    };
  });
  assert.equal(made.caption, "North Korea's trade with China (US dollars)");
  assert.deepEqual(made.head, ['Year', 'Exports', 'Imports', 'Balance']);
  assert.equal(made.rows, 17);
  assert.deepEqual(made.y2023, ['2023', '$290,000,000', '$2,030,000,000', '-$1,740,000,000']);
  assert.ok(made.hidden, 'visually hidden');
  const ko = await page.$eval('#chart-ko', (el) => {
    const t = el.shadowRoot.querySelector('table');
    return [t.tHead.rows[0].cells[1].textContent, t.tBodies[0].rows[0].cells[1].textContent];
  });
  assert.deepEqual(ko, ['수출', 'US$41,700,000']);
  await page.close();

  // With a table in the page, that table is the one kept, and none is made.
  const inline = await openPage(env.browser, `${env.url}/examples/inline.html`);
  await waitForEvent(inline.page, 'from-table', 'tradegap:ready');
  await waitForEvent(inline.page, 'from-script', 'tradegap:ready');
  assert.equal(await inline.page.$eval('#from-table', (el) => el.shadowRoot.querySelector('table')), null);
  assert.ok(await inline.page.$eval('#from-table table', (t) => t.assignedSlot !== null));
  assert.equal(await inline.page.$eval('#from-script', (el) => el.shadowRoot.querySelector('table').tBodies[0].rows.length), 2, '2017 and 2018');
  await inline.page.close();
});

test('under a strict Content-Security-Policy the tooltip and the keyboard work with no violation', async () => {
  const { page, errors } = await openPage(env.browser, `${env.url}/csp/index.html`);
  await page.evaluate(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.waitForFunction(() => document.querySelector('#csp-chart').analysis, null, { timeout: 15000 });
  await page.waitForTimeout(100);
  const p = await yearPoint(page, 'csp-chart', 2019);
  await page.mouse.move(p.x, p.y, { steps: 2 });
  await page.waitForTimeout(80);
  const tip = await tooltip(page, 'csp-chart');
  assert.deepEqual(tip.lines, Y2019);
  assert.ok(tip.shown && tip.inside && tip.rect.left > 0, JSON.stringify(tip));
  await focusChart(page, 'csp-chart');
  assert.match(await press(page, 'csp-chart', 'End'), /^2023: /);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await page.close();
});

for (const width of [360, 1000]) {
  test(`the story's taller box comes from CSS alone: no layout shift at ${width} px`, async () => {
    const page = await env.browser.newPage({ viewport: { width, height: 900 } });
    // Hold the script back so that the page paints with tradegap.css alone first.
    await page.route('**/tradegap.js', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
      window.__ready = new Set();
      document.addEventListener('tradegap:ready', (e) => window.__ready.add(e.target.id));
    });
    await page.goto(`${env.url}/index.html`, { waitUntil: 'commit' });
    // The box as tradegap.css alone makes it, before the element is defined.
    const before = await (
      await page.waitForFunction(() => {
        const el = document.querySelector('#chart-en');
        if (!el || document.readyState === 'loading' || getComputedStyle(el).paddingBottom === '0px') return null;
        return customElements.get('trade-gap') ? 'too late' : el.getBoundingClientRect().toJSON();
      })
    ).jsonValue();
    assert.notEqual(before, 'too late', 'measured before the element upgraded');
    await page.waitForFunction((n) => window.__ready.size === n, CHARTS.length, { timeout: 15000 });
    await page.waitForTimeout(500);
    const after = await page.$eval('#chart-en', (el) => ({
      box: el.getBoundingClientRect().toJSON(),
      canvas: el.shadowRoot.querySelector('canvas').getBoundingClientRect().height,
    }));
    assert.equal(await page.evaluate(() => window.__cls), 0);
    assert.equal(after.box.height, before.height);
    // Square but 640 to 720 px; on phones 9:20, 720 to 820 px.
    const expected = width <= 560 ? Math.min(820, Math.max(720, (before.width * 20) / 9)) : Math.min(720, Math.max(640, before.width));
    assert.ok(Math.abs(after.canvas - expected) < 1, `${after.canvas} px tall, expected ${expected}`);
    await page.close();
  });
}

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no violations on the demo page (${scheme})`, async () => {
    const { page, errors } = await demo({ colorScheme: scheme });
    assert.equal(await page.$eval('#chart-en', (el) => el.dataset.resolvedTheme), scheme);
    await page.addScriptTag({ path: AXE });
    const run = () =>
      page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
      });
    assert.deepEqual(await run(), []);
    // And while exploring: a tooltip shown, a target focused, a year selected.
    const p = await yearPoint(page, 'chart-en', 2019);
    await page.mouse.move(p.x, p.y, { steps: 2 });
    await focusChart(page, 'chart-ko');
    await press(page, 'chart-ko', 'End');
    await press(page, 'chart-ko', 'Enter');
    await page.waitForTimeout(100);
    assert.equal((await tooltip(page, 'chart-ko')).shown, true);
    assert.deepEqual(await run(), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

for (const width of [360, 1000]) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshot: the story at ${width} px, ${scheme}, with a tooltip`, async () => {
      const { page, errors } = await demo({ viewport: { width, height: 900 }, deviceScaleFactor: 2, colorScheme: scheme });
      await page.$eval('#chart-en', (el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(100);
      if (scheme === 'light') {
        // The mouse on a year near the right edge: the tooltip flips to stay in the box.
        const p = await yearPoint(page, 'chart-en', 2022, 0.25);
        await page.mouse.move(p.x, p.y, { steps: 2 });
      } else {
        // The keyboard on a bar of the composition: the tooltip sits under it.
        await focusChart(page, 'chart-en');
        await press(page, 'chart-en', 'End');
        await press(page, 'chart-en', 'ArrowRight');
        await press(page, 'chart-en', 'ArrowRight');
      }
      await page.waitForTimeout(150);
      const tip = await tooltip(page, 'chart-en');
      assert.ok(tip.shown && tip.inside, JSON.stringify(tip));
      const box = await page.$eval('#chart-en', (el) => el.getBoundingClientRect().toJSON());
      assert.ok(box.right <= width, 'no horizontal overflow');
      await (await page.$('#chart-en')).screenshot({ path: path.join(OUT, `story-${width}-${scheme}.png`) });
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
}
