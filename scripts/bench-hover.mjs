// Measures what a pointer move costs the chart in headless Chromium: setHover + redraw
// (the cached layout replayed with a new outline) against a redraw that lays out again.
// A benchmark for the note, not a test.
//
//   node scripts/bench-hover.mjs [pkg dir] [--width=640 --height=720 --dpr=2 --reps=400]
//
// The pkg dir (default www/pkg) holds wasm-bindgen's tradegap.js and tradegap_bg.wasm;
// `make build` writes it. The page is served from memory, so nothing else is needed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : fallback;
};
const pkg = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, 'www/pkg'));
const width = opt('width', 640);
const height = opt('height', 720);
const dpr = opt('dpr', 2);
const reps = opt('reps', 400);

const files = {
  '/pkg/tradegap.js': ['text/javascript', readFileSync(path.join(pkg, 'tradegap.js'))],
  '/pkg/tradegap_bg.wasm': ['application/wasm', readFileSync(path.join(pkg, 'tradegap_bg.wasm'))],
  '/seed.csv': ['text/csv', readFileSync(path.join(root, 'www/data/nk-china-trade.csv'))],
  '/': ['text/html', '<!doctype html><meta charset="utf-8"><body></body>'],
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ viewport: { width: width + 20, height: height + 20 } });
  await page.route('http://bench.local/**', (route) => {
    const f = files[new URL(route.request().url()).pathname];
    if (!f) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: f[0], body: f[1] });
  });
  await page.goto('http://bench.local/');
  const result = await page.evaluate(
    async ({ width, height, dpr, reps }) => {
      const { default: init, Chart } = await import('/pkg/tradegap.js');
      await init({ module_or_path: '/pkg/tradegap_bg.wasm' });
      const canvas = document.createElement('canvas');
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      document.body.append(canvas);
      const chart = new Chart(canvas);
      const text = await (await fetch('/seed.csv')).text();
      chart.load(text, { focus: 'PRK', partner: 'CHN', lang: 'en' });
      const theme = { font: 'system-ui, sans-serif' };
      chart.draw(width, height, dpr, theme);
      const targets = chart.focusTargets();
      const median = (xs) => {
        const s = [...xs].sort((a, b) => a - b);
        return s[Math.floor(s.length / 2)];
      };
      const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
      // Each sample forces the canvas to finish (a one-pixel read), so that the time
      // includes drawing, not only recording the commands.
      const flush = () => canvas.getContext('2d').getImageData(0, 0, 1, 1);
      const run = (step) => {
        const times = [];
        for (let i = 0; i < reps; i++) {
          const t0 = performance.now();
          step(i);
          flush();
          times.push(performance.now() - t0);
        }
        return { median: median(times), p95: p95(times) };
      };
      // Warm up both paths.
      for (let i = 0; i < 50; i++) {
        chart.setHover(targets[i % targets.length]);
        chart.redraw();
      }
      const hover = run((i) => {
        chart.setHover(targets[i % targets.length]);
        chart.redraw();
      });
      // The same, but laid out again each time in a new font (an equivalent name), so
      // that every text width is measured afresh.
      const fonts = ['system-ui, sans-serif', 'system-ui,sans-serif'];
      const relayout = run((i) => {
        chart.setHover(targets[i % targets.length]);
        chart.draw(width, height, dpr, { font: fonts[i % 2] });
      });
      // A resize: laid out again at another width, text widths already measured.
      const resize = run((i) => {
        chart.setHover(targets[i % targets.length]);
        chart.draw(width - (i % 2), height, dpr, theme);
      });
      // What a pointer move costs when nothing changes: hitAt and an unchanged hover.
      const still = run(() => {
        const t = chart.hitAt(width / 2, height / 3);
        if (chart.setHover(t)) chart.redraw();
      });
      return { hover, relayout, resize, still, targets: targets.length, primitives: chart.primitiveCount() };
    },
    { width, height, dpr, reps },
  );
  const ms = (x) => `${x.toFixed(3)} ms`;
  console.log(`story ${width}x${height} @${dpr}x, ${result.primitives} primitives, ${result.targets} targets, ${reps} samples each`);
  for (const [name, r] of [
    ['hover (cached layout)', result.hover],
    ['re-layout, cold measuring', result.relayout],
    ['re-layout on resize', result.resize],
    ['pointer move, same target', result.still],
  ]) {
    console.log(`${name.padEnd(28)} median ${ms(r.median)}  p95 ${ms(r.p95)}`);
  }
} finally {
  await browser.close();
}
