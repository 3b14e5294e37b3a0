// checkClaims() in Chromium: the wasm the page loads checks an article's figures,
// and its UTF-16 offsets pick out each figure of the JavaScript string.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, start } from './browser.mjs';

let env;
let page;
let errors;

before(async () => {
  env = await start();
  ({ page, errors } = await openPage(env.browser, `${env.url}/`));
  await page.evaluate(async () => {
    const glue = await import('/pkg/tradegap_desk.js');
    await glue.default();
    window.__glue = glue;
    window.__data = await (await fetch('/data/nk-china-trade.csv')).text();
  });
});

after(async () => {
  await env?.close();
});

const article = (name) => readFile(new URL(`../data/articles/${name}`, import.meta.url), 'utf8');

/** Runs checkClaims in the page; returns its result or the error's message. */
function check(text, options) {
  return page.evaluate(
    ([text, options]) => {
      try {
        const r = window.__glue.checkClaims(text, window.__data, options);
        // Each claim's offsets index the JavaScript string.
        return { ok: r, slices: r.claims.map((c) => text.slice(c.start, c.end)) };
      } catch (e) {
        return { error: e.message };
      }
    },
    [text, options],
  );
}

test('checkClaims checks an English and a Korean article in the browser', async () => {
  for (const [name, count, differ] of [['en-deficit.txt', 28, 4], ['ko-deficit.txt', 22, 4]]) {
    const { ok, slices, error } = await check(await article(name), { focus: 'PRK', partner: 'CHN', asOf: 2024 });
    assert.equal(error, undefined, error);
    assert.equal(ok.claims.length, count, name);
    assert.equal(ok.claims.filter((c) => c.verdict === 'differs').length, differ, name);
    assert.deepEqual(slices, ok.claims.map((c) => c.text), `${name}: start/end index the string`);
    for (const c of ok.claims) {
      assert.deepEqual(
        Object.keys(c).sort(),
        ['computed', 'end', 'endChar', 'flow', 'inferred', 'kind', 'note', 'product', 'start', 'startChar',
          'stated', 'statedHigh', 'text', 'verdict', 'year'],
      );
    }
  }
  const { ok } = await check(await article('en-deficit.txt'), { asOf: '2024' });
  const share = ok.claims.find((c) => c.text === '57.5%');
  assert.equal(share.verdict, 'differs');
  assert.equal(share.note, 'the data gives 57.6% ($167 million of $290 million exports, 2023)');
  assert.equal(share.stated, 0.575);
  assert.deepEqual(share.inferred, ['year']);
  assert.deepEqual(errors, []);
});

test('checkClaims counts UTF-16 units: an emoji before a figure moves it by two', async () => {
  const text = '😀 북한 😀 In 2023 exports were $290 million.';
  const { ok } = await check(text, {});
  assert.equal(ok.claims.length, 1);
  const [c] = ok.claims;
  assert.equal(text.slice(c.start, c.end), '$290 million');
  assert.equal(c.start - c.startChar, 2);
  assert.equal(c.verdict, 'match');
  assert.equal((await check('', {})).ok.claims.length, 0);
});

test('checkClaims refuses a bad asOf and unknown options by name', async () => {
  const bad = await check('Exports were $290 million.', { asOf: 'last year' });
  assert.match(bad.error, /option "asOf": expected a year/);
  const unknown = await check('Exports were $290 million.', { asof: 2024 });
  assert.match(unknown.error, /asof/);
  // The data's own errors name the line, as analyze()'s do.
  const data = await page.evaluate(() => {
    try {
      window.__glue.checkClaims('$1', 'year,exporter,importer,value\n2023,PRK,CHN,12x\n', {});
      return null;
    } catch (e) {
      return e.message;
    }
  });
  assert.match(data, /line 2/);
});
