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
  });
}
