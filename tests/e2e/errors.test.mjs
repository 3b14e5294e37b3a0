// Issue 13's corpus of bad inputs in the element: each file of tests/data/errors,
// fetched by `src` as the bytes on disk, shows its exact message (line and column
// included) in the element's box, and tradegap:error carries the same line and column.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, start, waitForEvent } from './browser.mjs';

const DATA = new URL('../data/', import.meta.url);
const table = readFileSync(new URL('error-messages.tsv', DATA), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [name, format, ...rest] = l.split('\t');
    return { name, format, message: rest.join('\t') };
  });

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test('every bad file shows its message, with line and column, in the element\'s box', async () => {
  assert.ok(table.length >= 40, `${table.length} bad files`);
  const { page, errors } = await openPage(env.browser, `${env.url}/examples/inline.html`);
  await waitForEvent(page, 'from-table', 'tradegap:ready');
  // The files are served as they are on disk, bytes and all (invalid UTF-8 included).
  await page.route('**/bad-inputs/*', (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop());
    route.fulfill({
      status: 200,
      contentType: 'text/plain',
      body: readFileSync(new URL(`errors/${name}`, DATA)),
    });
  });
  const wrong = [];
  for (const [i, { name, format, message }] of table.entries()) {
    const id = `bad-${i}`;
    await page.evaluate(
      ([id, name, format]) => {
        document.querySelector('trade-gap.bad')?.remove();
        const el = document.createElement('trade-gap');
        el.id = id;
        el.className = 'bad';
        if (format !== 'auto') el.setAttribute('format', format);
        el.setAttribute('src', `/bad-inputs/${encodeURIComponent(name)}`);
        document.querySelector('main').prepend(el);
      },
      [id, name, format],
    );
    const detail = await waitForEvent(page, id, 'tradegap:error');
    const shown = await page.$eval(`#${id}`, (el) => {
      const box = el.shadowRoot?.querySelector('[data-kind="error"]') ?? el.querySelector('[data-kind="error"]');
      return box && !box.hidden ? box.querySelector('code')?.textContent : null;
    });
    const [, line, column] = message.match(/^line (\d+), column (\d+)/) ?? [];
    if (shown !== message || detail.message !== message) {
      wrong.push(`${name}:\n  expected ${JSON.stringify(message)}\n  shown    ${JSON.stringify(shown)}`);
    } else if (detail.line !== Number(line) || detail.column !== Number(column)) {
      wrong.push(`${name}: event says line ${detail.line}, column ${detail.column}`);
    }
  }
  assert.deepEqual(wrong, [], `\n${wrong.join('\n')}`);
  assert.deepEqual(errors, []);
  await page.close();
});
