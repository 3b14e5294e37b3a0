#!/usr/bin/env node
// Writes www/data/hs.csv (code,label): every HS chapter (2 digits) and heading
// (4 digits) from the complete nomenclature, plus the few subheadings (6 digits)
// that the North Korea stories name. Descriptions are UN Comtrade's short ones,
// from the open datasets/harmonized-system package (ODC-PDDL-1.0, public domain).
//
// Usage: node scripts/hs-labels.mjs [harmonized-system.csv] [hs-codes-dprk-china-products.csv] [out]
// Defaults read ../shared/data and write www/data/hs.csv. Same input, same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [
  full = path.join(root, '../shared/data/hs/harmonized-system.csv'),
  stories = path.join(root, '../shared/data/hs-codes-dprk-china-products.csv'),
  out = path.join(root, 'www/data/hs.csv'),
] = process.argv.slice(2);

// RFC 4180 records: quoted fields may hold commas, quotes and newlines.
function* records(text) {
  let field = '', row = [], quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.length > 1 || row[0] !== '') yield row;
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); yield row; }
}

function table(file) {
  const [header, ...rows] = [...records(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const labels = new Map();
for (const r of table(full)) {
  if (r.level === '2' || r.level === '4') labels.set(r.hscode, r.description);
}
for (const r of table(stories)) {
  if (!labels.has(r.hs_code)) labels.set(r.hs_code, r.description);
}
const quote = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const codes = [...labels.keys()].sort();
const text = 'code,label\n' + codes.map((c) => `${c},${quote(labels.get(c).trim())}\n`).join('');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, text);
const levels = (n) => codes.filter((c) => c.length === n).length;
console.log(`${path.relative(root, out)}: ${levels(2)} chapters, ${levels(4)} headings, ${levels(6)} subheadings, ${text.length} bytes`);
