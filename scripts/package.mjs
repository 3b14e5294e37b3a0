#!/usr/bin/env node
// The npm package: copies the element, its CSS, the worker, the wasm and its glue, the
// types, the HS labels, the README and the licences into one folder, writes its
// package.json (version, description and licence from Cargo.toml: one place to change
// them) and packs it with `npm pack`.
//
//   node scripts/package.mjs [outDir]     default dist/: dist/package/ and dist/tradegap-<version>.tgz
//
// Needs `make build` first (www/pkg/). The layout inside the package is www/'s, so
// that the element finds ./pkg/tradegap_bg.wasm, ./tradegap-worker.js and
// ./data/hs.csv next to itself (import.meta.url), from a CDN as from node_modules.
// Tests import it: `const { tgz } = await buildPackage({ outDir })`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Files of the package: where each comes from in the repository, and its name inside. */
const FILES = [
  ['www/tradegap.js', 'tradegap.js'],
  ['www/tradegap.min.js', 'tradegap.min.js'],
  ['www/tradegap.d.ts', 'tradegap.d.ts'],
  ['www/tradegap.css', 'tradegap.css'],
  ['www/tradegap-worker.js', 'tradegap-worker.js'],
  ['www/pkg/tradegap.js', 'pkg/tradegap.js'],
  ['www/pkg/tradegap.d.ts', 'pkg/tradegap.d.ts'],
  ['www/pkg/tradegap_bg.wasm', 'pkg/tradegap_bg.wasm'],
  ['www/pkg/tradegap_desk.js', 'pkg/tradegap_desk.js'],
  ['www/pkg/tradegap_desk.d.ts', 'pkg/tradegap_desk.d.ts'],
  ['www/pkg/tradegap_desk_bg.wasm', 'pkg/tradegap_desk_bg.wasm'],
  ['www/data/hs.csv', 'data/hs.csv'],
  ['README.md', 'README.md'],
  ['LICENSE-MIT', 'LICENSE-MIT'],
  ['LICENSE-APACHE', 'LICENSE-APACHE'],
];

/** `key = "value"` lines of Cargo.toml's [package] table. */
export function cargoPackage(text = readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8')) {
  const out = {};
  let inPackage = false;
  for (const line of text.split(/\r?\n/)) {
    const table = /^\s*\[([^\]]+)\]/.exec(line);
    if (table) inPackage = table[1].trim() === 'package';
    const kv = inPackage && /^\s*([\w-]+)\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(line);
    if (kv) out[kv[1]] = kv[2];
  }
  if (!out.name || !out.version) throw new Error('Cargo.toml: no [package] name and version');
  return out;
}

/** The package's package.json. */
export function manifest(cargo = cargoPackage()) {
  // npm always takes package.json and the README; LICENSE-MIT and LICENSE-APACHE it must be told.
  const files = FILES.map(([, to]) => to).filter((f) => f !== 'README.md');
  return {
    name: cargo.name,
    version: cargo.version,
    description: cargo.description,
    license: cargo.license,
    keywords: ['trade', 'balance', 'chart', 'custom-element', 'web-component', 'webassembly', 'journalism'],
    type: 'module',
    // The element: importing it defines <trade-gap>.
    main: './tradegap.js',
    types: './tradegap.d.ts',
    exports: {
      '.': { types: './tradegap.d.ts', default: './tradegap.js' },
      // The same element and glue in one minified module, for pages that load it by URL.
      './min': { types: './tradegap.d.ts', default: './tradegap.min.js' },
      // init() and analyze() without the element: pages, workers, Node (give init the bytes).
      './core': { types: './pkg/tradegap.d.ts', default: './pkg/tradegap.js' },
      // The same with the claim check (checkClaims): for desks and servers, not for pages.
      './desk': { types: './pkg/tradegap_desk.d.ts', default: './pkg/tradegap_desk.js' },
      './tradegap.css': './tradegap.css',
      './worker': './tradegap-worker.js',
      './tradegap_bg.wasm': './pkg/tradegap_bg.wasm',
      './data/hs.csv': './data/hs.csv',
      './package.json': './package.json',
    },
    files,
    // Only the element's module does something when imported (customElements.define),
    // and the stylesheet when a bundler imports it; the glue can be shaken.
    sideEffects: ['./tradegap.js', './tradegap.min.js', './tradegap.css'],
  };
}

/**
 * Fills `outDir/package/` and packs it; returns `{ dir, tgz, manifest }`.
 * `npm pack` prints the file list and sizes unless `quiet`.
 */
export function buildPackage({ outDir = path.join(ROOT, 'dist'), quiet = false } = {}) {
  for (const [from] of FILES) {
    if (!existsSync(path.join(ROOT, from))) {
      throw new Error(`package: ${from} is missing${from.startsWith('www/pkg/') ? ' (run make build first)' : ''}`);
    }
  }
  const dir = path.join(outDir, 'package');
  rmSync(dir, { recursive: true, force: true });
  for (const [from, to] of FILES) {
    mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    copyFileSync(path.join(ROOT, from), path.join(dir, to));
  }
  const m = manifest();
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(m, null, 2)}\n`);
  const tgz = path.join(outDir, `${m.name}-${m.version}.tgz`);
  rmSync(tgz, { force: true });
  execFileSync('npm', ['pack', '--pack-destination', outDir, ...(quiet ? ['--silent'] : [])], {
    cwd: dir,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
  if (!existsSync(tgz)) throw new Error(`package: npm pack wrote no ${tgz}`);
  return { dir, tgz, manifest: m };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  try {
    const { tgz } = buildPackage({ outDir: path.resolve(process.argv[2] ?? path.join(ROOT, 'dist')) });
    console.log(`package: ${path.relative(process.cwd(), tgz)}`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
