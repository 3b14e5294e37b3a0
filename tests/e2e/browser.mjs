// Shared set-up for the end-to-end tests: the project's static server and the
// system Chromium driven by playwright-core (never a downloaded browser).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.join(here, '..', '..', 'www');
export const OUT = path.join(here, '..', 'out');
mkdirSync(OUT, { recursive: true });

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Starts the server and the browser; returns them with a `close()` for both. */
export async function start() {
  const server = await startServer({ root: ROOT, port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    url: server.url.replace(/\/$/, ''),
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens a page that records every error and every tradegap event from the start,
 * so that no event fired before the test listens is lost.
 */
export async function openPage(browser, url, options = {}) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, ...options });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['tradegap:ready', 'tradegap:error']) {
      document.addEventListener(type, (e) => window.__events.push({ type, id: e.target.id, detail: e.detail }));
    }
  });
  await page.goto(url);
  return { page, errors };
}

/** Waits until the element with `id` has fired `type`; returns the event's detail. */
export async function waitForEvent(page, id, type) {
  const handle = await page.waitForFunction(
    ([id, type]) => window.__events.find((e) => e.id === id && e.type === type),
    [id, type],
    { timeout: 15000 },
  );
  return (await handle.jsonValue()).detail;
}

/**
 * Counts canvas pixels near each given colour (hex), to tell a drawn chart from a
 * blank or background-only canvas.
 */
export async function countColours(page, selector, colours) {
  return page.evaluate(
    ([selector, colours]) => {
      const canvas = document.querySelector(selector).shadowRoot.querySelector('canvas');
      const ctx = canvas.getContext('2d');
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const rgb = colours.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
      const counts = colours.map(() => 0);
      for (let p = 0; p < data.length; p += 4) {
        rgb.forEach(([r, g, b], i) => {
          if (Math.abs(data[p] - r) < 8 && Math.abs(data[p + 1] - g) < 8 && Math.abs(data[p + 2] - b) < 8) counts[i]++;
        });
      }
      return { width: canvas.width, height: canvas.height, counts };
    },
    [selector, colours],
  );
}

/**
 * Counts, in the page, the workers started and terminated from now on
 * (`window.__workers`). Run it with `page.evaluate(countWorkers)`.
 */
export function countWorkers() {
  window.__workers = { started: 0, terminated: 0 };
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      window.__workers.started++;
    }
    terminate() {
      window.__workers.terminated++;
      super.terminate();
    }
  };
}

/**
 * Puts a new `<trade-gap>` with inline CSV (a `<script type="text/csv">` child) first in
 * `parent`: `attributes` is `{ name: value }`.
 */
export function addInlineChart(page, { id, attributes, csv, parent = 'main' }) {
  return page.evaluate(
    ([id, attributes, csv, parent]) => {
      const el = document.createElement('trade-gap');
      el.id = id;
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      const script = document.createElement('script');
      script.type = 'text/csv';
      script.textContent = csv;
      el.append(script);
      document.querySelector(parent).prepend(el);
    },
    [id, attributes, csv, parent],
  );
}
