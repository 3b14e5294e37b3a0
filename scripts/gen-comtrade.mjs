#!/usr/bin/env node
// A deterministic UN Comtrade-style CSV (current layout, annual goods, HS2 and TOTAL
// rows) for the big-file tests and benchmarks: node scripts/gen-comtrade.mjs [rows] [out]
// Same arguments, same bytes. Reporters report exports (X) and imports (M) with each
// partner; every reporter/partner/flow/year has a TOTAL row equal to its HS2 rows' sum.
import fs from 'node:fs';
import path from 'node:path';

const rows = Number(process.argv[2] || 1_000_000);
const out = process.argv[3] || 'tests/out/comtrade-1m.csv';

// Reporters and partners as (M49 code, ISO alpha-3).
const COUNTRIES = [
  [156, 'CHN'], [408, 'PRK'], [410, 'KOR'], [392, 'JPN'], [842, 'USA'], [276, 'DEU'], [643, 'RUS'],
  [704, 'VNM'], [764, 'THA'], [458, 'MYS'], [360, 'IDN'], [356, 'IND'], [76, 'BRA'], [124, 'CAN'],
  [484, 'MEX'], [36, 'AUS'], [528, 'NLD'], [380, 'ITA'], [250, 'FRA'], [826, 'GBR'], [702, 'SGP'],
  [344, 'HKG'], [496, 'MNG'], [608, 'PHL'], [756, 'CHE'],
];
const CHAPTERS = Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')).filter((c) => c !== '77');

let seed = 20261123;
const rand = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

fs.mkdirSync(path.dirname(out), { recursive: true });
const fd = fs.openSync(out, 'w');
let buf = 'typeCode,freqCode,refPeriodId,refYear,period,reporterCode,reporterISO,flowCode,partnerCode,partnerISO,cmdCode,cifvalue,fobvalue,primaryValue\n';
let written = 0;
const years = Array.from({ length: 25 }, (_, i) => 2000 + i);
outer: for (const year of years) {
  for (const [rc, ri] of COUNTRIES) {
    for (const [pc, pi] of COUNTRIES) {
      if (rc === pc) continue;
      for (const flow of ['X', 'M']) {
        let sum = 0;
        const lines = [];
        for (const ch of CHAPTERS) {
          const v = Math.round(rand() * rand() * 5e8);
          sum += v;
          lines.push(`C,A,${year}0101,${year},${year},${rc},${ri},${flow},${pc},${pi},${ch},${flow === 'M' ? v : ''},${flow === 'X' ? v : ''},${v}\n`);
        }
        lines.push(`C,A,${year}0101,${year},${year},${rc},${ri},${flow},${pc},${pi},TOTAL,${flow === 'M' ? sum : ''},${flow === 'X' ? sum : ''},${sum}\n`);
        for (const l of lines) {
          buf += l;
          if (++written >= rows) break outer;
        }
        if (buf.length > 1 << 20) {
          fs.writeSync(fd, buf);
          buf = '';
        }
      }
    }
  }
}
fs.writeSync(fd, buf);
fs.closeSync(fd);
console.log(`${out}: ${written} rows, ${fs.statSync(out).size} bytes`);
