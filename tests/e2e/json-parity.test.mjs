// One Serialize, two doors: the CLI's --json and JSON.stringify(analyze(text, options))
// from the wasm must be the same object for every test file and a spread of options.
// The wasm runs in Node here (the www/pkg builds pages load), the CLI natively. The
// desk's module reads every format, as the CLI does; the page's reads native CSV and JSON
// alike and refuses a download format with the name of the reader it lacks.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'target/release/tradegap');
let analyze;
let analyzeInPage;
let labels;

async function glue(name) {
  const m = await import(path.join(ROOT, `www/pkg/${name}.js`));
  await m.default({ module_or_path: await readFile(path.join(ROOT, `www/pkg/${name}_bg.wasm`)) });
  return m.analyze;
}

before(async () => {
  execFileSync('cargo', ['build', '--quiet', '--release', '--bin', 'tradegap'], { cwd: ROOT, stdio: 'inherit' });
  analyze = await glue('tradegap_desk');
  analyzeInPage = await glue('tradegap');
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

function wasm(text, options, run = analyze) {
  try {
    return { ok: JSON.parse(JSON.stringify(run(text, { ...options, labels }))) };
  } catch (e) {
    return { error: e.message, missingReader: e.missingReader };
  }
}

test('the CLI --json and the wasm analyze() give the same object for every test file', async () => {
  const files = [];
  for (const dir of ['tests/data/formats', 'tests/data/golden']) {
    for (const f of (await readdir(path.join(ROOT, dir))).sort()) files.push(path.join(ROOT, dir, f));
  }
  files.push(path.join(ROOT, 'www/data/nk-china-trade.csv'));
  let compared = 0;
  let downloads = 0;
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    for (const options of OPTION_SETS) {
      const a = cli(file, options);
      const b = wasm(text, options);
      const what = `${path.relative(ROOT, file)} ${JSON.stringify(options)}`;
      const page = wasm(text, options, analyzeInPage);
      if (page.missingReader) {
        // tests/data/formats holds the downloads; golden/ and www/data the native files.
        assert.ok(file.includes('/tests/data/formats/'), `${what}: the page's module refused a native file`);
        assert.match(page.error, /^line 1, column 1: this is a .+ file, and this build reads only the native CSV and JSON/);
        downloads += 1;
      } else {
        assert.deepStrictEqual(page, b, `${what}: the page's module and the desk's differ`);
      }
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
  console.log(`compared ${compared} of ${files.length * OPTION_SETS.length}; ${downloads} left to the desk's readers`);
  assert.ok(downloads > 0, 'the test files include downloads');
  // Most pairs analyse; a file that cannot (no focus in it) still had to fail alike.
  assert.ok(compared >= files.length * OPTION_SETS.length - 4, `compared ${compared}`);
});
