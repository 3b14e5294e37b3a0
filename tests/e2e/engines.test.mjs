// The demo in Firefox ESR and in WebKit (Safari's engine), over WebDriver: it becomes
// ready, its canvas has a drawn chart, and bad data shows its error in the box.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { OUT, ROOT } from './browser.mjs';
import { newSession, startDriver, startXvfb } from './webdriver.mjs';

const ENGINES = {
  firefox: {
    async start() {
      const driver = await startDriver('geckodriver', (port) => ['--port', String(port)]);
      const session = await newSession(driver.base, {
        browserName: 'firefox',
        'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless'] },
      });
      return { session, stop: () => driver.stop() };
    },
  },
  webkit: {
    async start() {
      const x = await startXvfb(':99');
      const driver = await startDriver('WebKitWebDriver', (port) => [`--port=${port}`], { DISPLAY: x.display });
      const session = await newSession(driver.base, {
        'webkitgtk:browserOptions': {
          binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
          args: ['--automation'],
        },
      });
      return {
        session,
        stop: () => {
          driver.stop();
          x.stop();
        },
      };
    },
  },
};

// Counted in the page: pixels near the exports and imports colours on the canvas.
const COUNT_PIXELS = `
  const canvas = document.querySelector(arguments[0]).shadowRoot.querySelector('canvas');
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const want = [[0x21, 0x66, 0xac], [0xd6, 0x60, 0x4d]];
  const counts = [0, 0];
  for (let p = 0; p < data.length; p += 4) {
    want.forEach(([r, g, b], i) => {
      if (Math.abs(data[p] - r) < 10 && Math.abs(data[p + 1] - g) < 10 && Math.abs(data[p + 2] - b) < 10) counts[i]++;
    });
  }
  return counts;`;

let server;
before(async () => {
  server = await startServer({ root: ROOT, port: 0 });
});
after(async () => {
  await server?.close();
});

for (const [name, engine] of Object.entries(ENGINES)) {
  describe(name, () => {
    let browser;
    before(async () => {
      browser = await engine.start();
      await browser.session.setWindow(1100, 900).catch(() => {});
    });
    after(async () => {
      await browser?.session.close();
      browser?.stop();
    });

    test('the demo becomes ready with the story figures and draws its chart', async () => {
      const s = browser.session;
      await s.go(`${server.url.replace(/\/$/, '')}/index.html`);
      const year = await s.until("return document.querySelector('#chart-en')?.analysis?.year ?? null");
      assert.equal(year, 2023);
      const balance = await s.run(
        "return document.querySelector('#chart-en').analysis.years.find((y) => y.year === 2023).balance",
      );
      assert.ok(Math.abs(balance + 1.74e9) < 1);
      const counts = await s.until(
        `const c = (function () { ${COUNT_PIXELS} }).apply(null, arguments); return c[0] > 1000 && c[1] > 3000 ? c : null;`,
        10000,
        '#chart-en',
      );
      assert.ok(counts[0] > 1000 && counts[1] > 3000, JSON.stringify(counts));
      await s.run("document.querySelector('#chart-en').scrollIntoView()");
      await writeFile(path.join(OUT, `engine-${name}.png`), await s.screenshot());
    });

    test('the keyboard, the pointer and a selection work, with words from the core', async () => {
      const s = browser.session;
      await s.go(`${server.url.replace(/\/$/, '')}/index.html`);
      await s.until("return document.querySelector('#chart-en')?.analysis ? true : null");
      // Synthetic events: WebDriver's own input differs between the two drivers.
      const keys = await s.run(`
        const el = document.querySelector('#chart-en');
        const canvas = el.shadowRoot.querySelector('canvas');
        canvas.focus();
        const said = (k) => {
          canvas.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
          return el.shadowRoot.querySelector('[aria-live]').textContent;
        };
        return { tabIndex: canvas.tabIndex, home: said('Home'), end: said('End'), left: said('ArrowLeft'), enter: said('Enter'),
          year: el.getAttribute('year'), selected: el.analysis.year };`);
      assert.equal(keys.tabIndex, 0);
      assert.match(keys.home, /^1999: deficit \$286 million/);
      assert.match(keys.end, /^2023: deficit \$1\.74 billion, largest since 2019/);
      assert.match(keys.left, /^2022: /);
      assert.match(keys.enter, /^2022 selected\./);
      assert.equal(keys.year, '2022');
      assert.equal(keys.selected, 2022);
      const tip = await s.until(
        "const t = document.querySelector('#chart-en').shadowRoot.querySelector('[role=tooltip]'); return t.hidden ? null : t.firstChild.textContent;",
      );
      assert.equal(tip, '2022');
      const hover = await s.run(`
        const el = document.querySelector('#chart-en');
        const canvas = el.shadowRoot.querySelector('canvas');
        canvas.blur();
        el.scrollIntoView();
        const r = canvas.getBoundingClientRect();
        let x = 0;
        while (x < r.width && el.yearAt(x, r.height * 0.3) !== 2019) x++;
        canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + x + 5, clientY: r.top + r.height * 0.3, pointerType: 'mouse', bubbles: true }));
        return x < r.width;`);
      assert.ok(hover, 'a column for 2019');
      const lines = await s.until(
        "const t = document.querySelector('#chart-en').shadowRoot.querySelector('[role=tooltip]'); return !t.hidden && t.firstChild.textContent === '2019' ? [...t.children].map((c) => c.textContent) : null;",
      );
      assert.equal(lines[3], 'Deficit: $2.37 billion, largest on record');
      const inside = await s.run(`
        const el = document.querySelector('#chart-en');
        const t = el.shadowRoot.querySelector('[role=tooltip]').getBoundingClientRect();
        const b = el.getBoundingClientRect();
        return t.left >= b.left && t.right <= b.right && t.top >= b.top && t.bottom <= b.bottom;`);
      assert.ok(inside, 'the tooltip stays inside the box');
      await writeFile(path.join(OUT, `engine-${name}-tooltip.png`), await s.screenshot());
    });

    test('bad data shows its error inside the box', async () => {
      const s = browser.session;
      await s.run(`
        const el = document.createElement('trade-gap');
        el.id = 'bad';
        const script = document.createElement('script');
        script.type = 'text/csv';
        script.textContent = 'year,exporter,importer,value\\n2022,PRK,CHN,134400000\\n2023,PRK,CHN,"12,3x"\\n';
        el.append(script);
        document.querySelector('article').prepend(el);
        el.scrollIntoView();`);
      const shown = await s.until(
        "const t = document.querySelector('#bad')?.shadowRoot.querySelector('.status')?.textContent || ''; return t.includes('line') ? t : null;",
      );
      assert.match(shown, /line 3, column 4 \(value\): "12,3x" is not a number/);
      const visible = await s.run(
        "const r = document.querySelector('#bad').shadowRoot.querySelector('.status').getBoundingClientRect(); return r.width > 100 && r.height > 100;",
      );
      assert.ok(visible);
    });

    test("a UN Comtrade download loads the desk's module and draws China's figures", async () => {
      const s = browser.session;
      await s.go(`${server.url.replace(/\/$/, '')}/examples/formats.html`);
      const exports = await s.until(
        "return document.querySelector('#comtrade')?.analysis?.years.find((y) => y.year === 2023)?.exports ?? null",
      );
      assert.equal(exports, 291890000);
      const loaded = await s.run(
        "return performance.getEntriesByType('resource').map((r) => r.name.split('/').pop()).filter((n) => n.endsWith('.wasm'))",
      );
      assert.deepEqual([...loaded].sort(), ['tradegap_bg.wasm', 'tradegap_desk_bg.wasm']);
      await s.run("document.querySelector('#comtrade').scrollIntoView()");
      const counts = await s.until(
        `const c = (function () { ${COUNT_PIXELS} }).apply(null, arguments); return c[0] > 300 && c[1] > 300 ? c : null;`,
        10000,
        '#comtrade',
      );
      assert.ok(counts[0] > 300 && counts[1] > 300, JSON.stringify(counts));
    });

    test("values past the exact fast path are read by the engine's parseFloat as Rust reads them", async () => {
      const s = browser.session;
      await s.run(`
        const el = document.createElement('trade-gap');
        el.id = 'digits';
        el.setAttribute('focus', 'PRK');
        el.setAttribute('partner', 'CHN');
        const script = document.createElement('script');
        script.type = 'text/csv';
        script.textContent = 'year,exporter,importer,value\\n2023,PRK,CHN,123456.78901234567890123456\\n2023,CHN,PRK,2.9000000000000000000000001e8\\n';
        el.append(script);
        document.body.prepend(el);`);
      const year = await s.until("return document.querySelector('#digits')?.analysis?.years[0] ?? null");
      // The doubles Rust's own parser gives for these texts (27 and 26 significant digits).
      assert.equal(year.exports, 123456.78901234567);
      assert.equal(year.imports, 290000000);
    });
  });
}
