// Issue 13: a WITS download of product rows without a Total row draws a chart (it
// used to be empty), its totals are the products' sum, and the element says so in the
// analysis (derivedTotals, derivedNote) and in the sources panel.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addInlineChart, countColours, openPage, OUT, start, waitForEvent } from './browser.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test('products without a total row: the total of the products listed, said in the panel', async () => {
  const wits = readFileSync(new URL('../data/formats/wits.csv', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => !l.split(',').includes('Total'))
    .join('\n');
  const { page, errors } = await openPage(env.browser, `${env.url}/examples/inline.html`, { viewport: { width: 800, height: 900 } });
  await addInlineChart(page, { id: 'derived', attributes: { focus: 'PRK', partner: 'CHN', view: 'balance' }, csv: wits });
  const a = await waitForEvent(page, 'derived', 'tradegap:ready');
  assert.ok(a.years.length > 0, 'years are listed');
  assert.ok(a.sentences.length > 0, 'sentences are written');
  assert.deepEqual(a.derivedTotals.find((d) => d.year === 2023 && d.flow === 'exports'), { year: 2023, flow: 'exports' });
  assert.match(a.derivedNote, /no total in the data; the total of the products listed\.$/);
  // The sources panel says it, in the page's text.
  const panel = await page.$eval('#derived', (el) => {
    el.shadowRoot.querySelector('.actions button').click();
    return el.shadowRoot.querySelector('.about').textContent;
  });
  assert.ok(panel.includes(a.derivedNote), panel);
  await page.$eval('#derived', (el) => el.shadowRoot.querySelector('.actions button').click());
  await page.waitForTimeout(100);
  const px = await countColours(page, '#derived', ['#2166ac']);
  assert.ok(px.counts[0] > 100, `bars drawn (${px.counts[0]} px)`);
  await (await page.$('#derived')).screenshot({ path: path.join(OUT, 'derived-totals.png') });
  assert.deepEqual(errors, []);
  await page.close();
});
