// The chart builder in Firefox ESR and WebKit, over WebDriver: a Comtrade file uploaded
// through the file picker (the driver types its path, as a person picks it), and cells
// pasted from a spreadsheet; both end in a drawn preview and an embed code.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { OUT, ROOT } from './browser.mjs';
import { newSession, startDriver, startXvfb } from './webdriver.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const COMTRADE = path.join(here, '..', 'data', 'formats', 'comtrade-china.csv');

const ENGINES = {
  firefox: async () => {
    const driver = await startDriver('geckodriver', (port) => ['--port', String(port)]);
    const session = await newSession(driver.base, {
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless'] },
    });
    return { session, stop: () => driver.stop() };
  },
  webkit: async () => {
    const x = await startXvfb(':98');
    const driver = await startDriver('WebKitWebDriver', (port) => [`--port=${port}`], { DISPLAY: x.display });
    const session = await newSession(driver.base, {
      'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] },
    });
    return {
      session,
      stop: () => {
        driver.stop();
        x.stop();
      },
    };
  },
};

const PREVIEW = "const el = document.getElementById('preview'); return el && el.analysis ? { focus: el.analysis.focus, partner: el.analysis.partner, years: el.analysis.years.length, code: document.getElementById('embed-element').value.length } : null;";

let server;
before(async () => {
  server = await startServer({ root: ROOT, port: 0, csp: true });
});
after(async () => {
  await server?.close();
});

for (const [name, launch] of Object.entries(ENGINES)) {
  describe(`builder in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
      await browser.session.setWindow(1280, 900).catch(() => {});
    });
    after(async () => {
      await browser?.session.close();
      browser?.stop();
    });

    test('a Comtrade file through the file picker draws the preview', async () => {
      const s = browser.session;
      await s.go(`${server.url}builder.html`);
      await s.until("return document.documentElement.dataset.ready === 'true'");
      await s.run("localStorage.clear()");
      await s.type('#data-file', COMTRADE);
      const status = await s.until("const t = document.getElementById('data-status').textContent; return t.includes('read as') ? t : null;");
      assert.match(status, /comtrade-china\.csv: read as a UN Comtrade download, 14 rows/);
      const a = await s.until(PREVIEW);
      assert.equal(a.years, 2);
      assert.ok(a.code > 500, 'an embed code');
      await writeFile(path.join(OUT, `builder-${name}-upload.png`), await s.screenshot());
    });

    test('cells pasted from a spreadsheet draw the preview', async () => {
      const s = browser.session;
      await s.run(`
        const t = document.getElementById('data-text');
        t.value = 'year\\texporter\\timporter\\tvalue\\tsource\\n2022\\tPRK\\tCHN\\t134,400,000\\tChina customs\\n2022\\tCHN\\tPRK\\t893,600,000\\tChina customs\\n2023\\tPRK\\tCHN\\t291,890,000\\tChina customs\\n2023\\tCHN\\tPRK\\t2,031,690,000\\tChina customs\\n';
        t.dispatchEvent(new Event('input', { bubbles: true }));`);
      const status = await s.until("const t = document.getElementById('data-status').textContent; return t.includes('tab-separated') ? t : null;");
      assert.match(status, /read as the native CSV, 4 rows\. Cells from a spreadsheet \(tab-separated\)\./);
      const a = await s.until(PREVIEW);
      assert.deepEqual([a.focus, a.partner, a.years], ['PRK', 'CHN', 2]);
      const balance = await s.run("return document.getElementById('preview').analysis.years[1].balance");
      assert.equal(balance, 291890000 - 2031690000);
    });
  });
}
