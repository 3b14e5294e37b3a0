// Issue 10 in Chromium: "Download SVG" saves the chart the canvas draws as an SVG that
// the core writes: the title, the record's annotation and the footer as text, the
// sentences as its description, nothing active, in the element's colours and font.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openPage, OUT, start, waitForEvent } from './browser.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Clicks the button labelled `label` in the element's actions; returns the download. */
async function download(page, id, label) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.$eval(`#${id}`, (el, label) => {
      const button = [...el.shadowRoot.querySelectorAll('.actions button')].find((b) =>
        b.textContent.includes(label),
      );
      button.click();
    }, label),
  ]);
  return file;
}

test('"Download SVG" saves the drawn chart as a safe SVG with its title and record', async () => {
  const { page, errors } = await openPage(env.browser, `${env.url}/index.html`, { deviceScaleFactor: 1 });
  const analysis = await waitForEvent(page, 'chart-en', 'tradegap:ready');
  const labels = await page.$eval('#chart-en', (el) =>
    [...el.shadowRoot.querySelectorAll('.actions button .long')].map((s) => s.textContent),
  );
  assert.deepEqual(labels.slice(1, 3), ['Download PNG', 'Download SVG'], 'beside "Download PNG"');
  const file = await download(page, 'chart-en', 'Download SVG');
  assert.equal(file.suggestedFilename(), 'north-korea-s-trade-with-china.svg');
  const svg = await readFile(await file.path(), 'utf8');

  assert.match(svg, /<title id="tradegap-title">North Korea's trade with China<\/title>/);
  assert.match(svg, />Largest deficit since 2019<\/text>/);
  assert.ok(svg.includes(`<desc id="tradegap-desc">${analysis.sentences.join(' ').replaceAll('&', '&amp;')}</desc>`));
  assert.doesNotMatch(svg, /<script|\son\w+=|href=|url\(/i);

  // The browser reads it as SVG, at the canvas's size in CSS pixels, with the
  // element's font and colours, and draws it: exports' blue is in the picture.
  const canvas = await page.$eval('#chart-en', (el) => {
    const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
    return { w: r.width, h: r.height, font: getComputedStyle(el).fontFamily };
  });
  const read = await page.evaluate(async (text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.naturalWidth, img.naturalHeight];
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === 0x21 && data[i + 1] === 0x66 && data[i + 2] === 0xac) blue++;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      name: root.localName,
      role: root.getAttribute('role'),
      viewBox: root.getAttribute('viewBox'),
      font: root.getAttribute('font-family'),
      texts: doc.querySelectorAll('text').length,
      size: [img.naturalWidth, img.naturalHeight],
      blue,
    };
  }, svg);
  assert.equal(read.error, null);
  assert.equal(read.name, 'svg');
  assert.equal(read.role, 'img');
  assert.equal(read.viewBox, `0 0 ${canvas.w} ${canvas.h}`);
  assert.equal(read.font, canvas.font);
  assert.ok(read.texts > 20, `${read.texts} texts`);
  assert.deepEqual(read.size, [canvas.w, canvas.h]);
  assert.ok(read.blue > 500, `${read.blue} pixels of the exports' blue`);

  // To look at: the downloaded SVG as the browser draws it.
  const shot = await env.browser.newPage({ viewport: { width: Math.ceil(canvas.w), height: Math.ceil(canvas.h) } });
  await shot.setContent(`<body style="margin:0">${svg.replace(/^<\?xml[^>]*>\s*/, '')}</body>`);
  await shot.screenshot({ path: path.join(OUT, 'download-svg.png') });
  await shot.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test('in Korean and dark, the SVG carries the Korean words and the dark colours', async () => {
  const { page, errors } = await openPage(env.browser, `${env.url}/index.html`, { colorScheme: 'dark' });
  await waitForEvent(page, 'chart-ko', 'tradegap:ready');
  await page.$eval('#chart-ko', (el) => el.setAttribute('theme', 'dark'));
  await page.waitForTimeout(200);
  const svg = await page.$eval('#chart-ko', (el) => el.svgText());
  assert.match(svg, /<svg [^>]*lang="ko"/);
  assert.match(svg, /<title id="tradegap-title">북한의 대중국 무역<\/title>/);
  assert.match(svg, /<rect width="[\d.]+" height="[\d.]+" fill="#121212"\/>/);
  assert.match(svg, /fill="#6baed6"/);
  assert.deepEqual(errors, []);
  await page.close();
});
