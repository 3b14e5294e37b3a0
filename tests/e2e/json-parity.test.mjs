// One Serialize, two doors: the CLI's --json and JSON.stringify(analyze(text, options))
// from the wasm must be the same object for every test file and a spread of options.
// The wasm runs in Node here (the same www/pkg build the page loads), the CLI natively.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'target/release/tradegap');
let analyze;
let labels;

before(async () => {
  execFileSync('cargo', ['build', '--quiet', '--release', '--bin', 'tradegap'], { cwd: ROOT, stdio: 'inherit' });
  const glue = await import(path.join(ROOT, 'www/pkg/tradegap.js'));
  await glue.default({ module_or_path: await readFile(path.join(ROOT, 'www/pkg/tradegap_bg.wasm')) });
  analyze = glue.analyze;
  // The CLI has the HS names built in; the page passes the same table as `labels`.
  labels = await readFile(path.join(ROOT, 'www/data/hs.csv'), 'utf8');
});

/** The same options for both doors: a JS object and the CLI's flags. */
const OPTION_SETS = [
  {},
  { lang: 'ko' },
  { view: 'balance', top: 3 },
  { lang: 'ko', rollup: 'hs2', mirror: 'exporter', title: 'A "quoted" <title> & 북한' },
];

function flags(options) {
  return Object.entries(options).flatMap(([k, v]) => [`--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, String(v)]);
}

function cli(file, options) {
  try {
    return { ok: JSON.parse(execFileSync(CLI, [file, '--json', ...flags(options)], { encoding: 'utf8' })) };
  } catch (e) {
    return { error: String(e.stderr) };
  }
}

function wasm(text, options) {
  try {
    return { ok: JSON.parse(JSON.stringify(analyze(text, { ...options, labels }))) };
  } catch (e) {
    return { error: e.message };
  }
}

test('the CLI --json and the wasm analyze() give the same object for every test file', async () => {
  const files = [];
  for (const dir of ['tests/data/formats', 'tests/data/golden']) {
    for (const f of (await readdir(path.join(ROOT, dir))).sort()) files.push(path.join(ROOT, dir, f));
  }
  files.push(path.join(ROOT, 'www/data/nk-china-trade.csv'));
  let compared = 0;
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    for (const options of OPTION_SETS) {
      const a = cli(file, options);
      const b = wasm(text, options);
      const what = `${path.relative(ROOT, file)} ${JSON.stringify(options)}`;
      if (a.error || b.error) {
        // Both refuse, with the same message (the CLI adds "tradegap: FILE: ").
        assert.ok(a.error && b.error, `${what}: only one side failed: ${a.error ?? b.error}`);
        assert.ok(a.error.includes(b.error), `${what}: ${a.error} vs ${b.error}`);
        continue;
      }
      assert.deepStrictEqual(a.ok, b.ok, what);
      compared += 1;
    }
  }
  console.log(`compared ${compared} of ${files.length * OPTION_SETS.length}`);
  // Most pairs analyse; a file that cannot (no focus in it) still had to fail alike.
  assert.ok(compared >= files.length * OPTION_SETS.length - 4, `compared ${compared}`);
});
