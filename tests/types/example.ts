// How a TypeScript user writes against the package: the element with typed attributes
// and events, and the core's analyze(). `tsc --noEmit` must pass; each `@ts-expect-error`
// line is a wrong use that the types must reject (tsc fails if one is accepted).
import 'tradegap';
import { TradeGap } from 'tradegap';
import type { Analysis, AnalyzeOptions, TradeGapElement, TradeGapErrorDetail } from 'tradegap';
import init, { analyze } from 'tradegap/core';

// The tag name gives the element's type, and the event name its detail's.
document.querySelector('trade-gap')!.addEventListener('tradegap:ready', (e) => e.detail.years);

const chart: TradeGapElement = document.createElement('trade-gap');
chart.setAttribute('src', '/data/nk-china-trade.csv');
chart.setAttribute('focus', 'PRK');
chart.setAttribute('view', 'story');
chart.setAttribute('year', '2023');
chart.setAttribute('max-bytes', '5e7');
chart.setAttribute('data-anything', 'any text'); // not the element's own attribute: any string
// @ts-expect-error: not a view the element draws
chart.setAttribute('view', 'pie');
// @ts-expect-error: a year is a number written as text
chart.setAttribute('year', 'last');

chart.addEventListener('tradegap:ready', (e) => {
  const latest = e.detail.years.at(-1);
  // A year without one direction has no balance: null, not 0.
  const balance: number | null = latest?.balance ?? null;
  const share: string | undefined = e.detail.composition.exports[0]?.displayShare;
  console.log(e.detail.title, balance, share, e.detail.record?.since);
  // @ts-expect-error: balance may be null
  const sure: number = latest!.balance;
  // @ts-expect-error: the ready event's detail is the analysis, which has no `rows`
  console.log(e.detail.rows, sure);
});
chart.addEventListener('tradegap:select', (e) => console.log(e.detail.year.toFixed(0)));
chart.addEventListener('tradegap:progress', (e) => {
  if (e.detail.phase === 'done') console.log(e.detail.rows, e.detail.kept);
  // @ts-expect-error: only the last progress event says how many rows were read
  else console.log(e.detail.rows);
});
// The events bubble: a page can listen once for every chart in it.
document.addEventListener('tradegap:error', (e) => {
  const { message, line, column }: TradeGapErrorDetail = e.detail;
  console.log(line === null ? message : `${message} (${line}:${column})`);
});
document.body.append(chart);

const drawn: Analysis | null = chart.analysis;
// @ts-expect-error: the element's analysis is read-only
chart.analysis = null;
console.log(drawn?.sentences.join(' '), chart.yearAt(10, 10), chart.dataCsv().length, chart instanceof TradeGap);
const png: Blob | null = await chart.pngBlob();
const svg: string = chart.svgText();
console.log(png?.size, svg.length);

// The core without the element: in a page, a worker or Node.
await init();
const options: AnalyzeOptions = { focus: 'PRK', partner: 'CHN', lang: 'ko', preferSource: ['KOTRA'] };
const csv = 'year,exporter,importer,value\n2023,PRK,CHN,290000000\n2023,CHN,PRK,2030000000\n';
const analysis = analyze(csv, options); // an Analysis: the glue's types come from the Rust ones
const y2023 = analysis.years.find((y) => y.year === 2023);
console.log(y2023?.exports, y2023?.imports, y2023?.balance, analysis.sentences[0]);
// @ts-expect-error: mirror is "importer" or "exporter"
const wrong: AnalyzeOptions = { mirror: 'both' };
// @ts-expect-error: not a view the core lays out
analyze(csv, { view: 'pie' });
// @ts-expect-error: a figure is a number (or null), never text
const shown: string = analysis.years[0].exports;
// @ts-expect-error: an option the core does not have
analyze(csv, { colour: 'red' });
console.log(wrong, shown);
