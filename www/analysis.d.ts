// The analysis object that `analyze()` returns and `<trade-gap>` hands out (its
// `analysis` property and the `tradegap:ready` event's detail), and the options object
// `analyze()` takes, written by hand to match what src/web.rs builds and reads today.
// When the wasm glue's own .d.ts (www/pkg/tradegap.d.ts, generated from the Rust types)
// declares `Analysis` and `AnalyzeOptions`, this file goes and tradegap.d.ts imports
// them from './pkg/tradegap.js' instead.
//
// Money is in US dollars, unrounded; a figure the data lack is `null`, never 0.
// Countries are ISO 3166 alpha-3 codes ("PRK").

/** The options of `analyze(text, options)` (and what the element builds from its attributes). */
export interface AnalyzeOptions {
  /** Whose balance; default: the first flow's exporter. */
  focus?: string;
  /** Against whom; default: the first flow's importer. */
  partner?: string;
  /** `auto` (default) detects the format from the header; `csv` is the same as `native`. */
  format?: 'auto' | 'native' | 'csv' | 'json' | 'comtrade' | 'comtrade-legacy' | 'baci' | 'wits' | 'reported';
  /** The selected year (a whole number). */
  year?: number;
  /** A year to compare the selected year with (a whole number). */
  compare?: number;
  /** How many products or partners before "Other" (1 to 50; default 5). */
  top?: number;
  /** The language of the sentences and labels; a tag starting `ko` is Korean, anything else English. */
  lang?: 'en' | 'ko' | (string & {});
  /** Country names instead of the built-in ones, by code: `{ PRK: "DPRK" }`. */
  names?: Record<string, string>;
  /** Where sources disagree, the first one named here wins; a string is split on commas. */
  preferSource?: string[] | string;
  /** Replaces the generated title. */
  title?: string;
  /** A note under the chart. */
  note?: string;
  /** A credit line that replaces the list of sources in the footer. */
  source?: string;
  view?: View;
  /** For the balance, where both sides report a flow: the importer's CIF or the exporter's FOB figure. */
  mirror?: MirrorSide;
  /** Adds HS6 products up to headings (`hs4`) or chapters (`hs2`); `none` keeps them. */
  rollup?: 'hs2' | 'hs4' | 'hs6' | 'none' | (string & {});
  /** Named product groups: `"Textiles=50-63; Plastics=39"`, or `{ Textiles: "50-63" }`, or `{ Textiles: ["50-55", "61-63"] }`. */
  groups?: string | Record<string, string | string[]>;
  /** Product names by code: the text of a `code,label` CSV (www/data/hs.csv), or `{ "6704": "Wigs" }`. */
  labels?: string | Record<string, string>;
}

export type View = 'balance' | 'composition' | 'story' | 'partners';
export type MirrorSide = 'importer' | 'exporter';
export type Flow = 'exports' | 'imports';

/** What `analyze()` returns. */
export interface Analysis {
  /** The view drawn: the `view` option, else the data's default. */
  view: View;
  /** The focus country's code, and its name in `lang`. */
  focus: string;
  focusName: string;
  partner: string;
  partnerName: string;
  lang: 'en' | 'ko';
  title: string;
  /** The selected year. */
  year: number;
  /** One entry per year with data, sorted by year; a year without data is absent (a gap). */
  years: YearFigures[];
  /** The selected year's balance when it is a record, else null. */
  record: BalanceRecord | null;
  /** What the selected year's trade is made of. */
  composition: Composition;
  /** Years that have product rows. */
  productYears: number[];
  /** The selected year against the `compare` year, when one was given. */
  comparison: Comparison | null;
  /** The narrative in `lang`. */
  sentences: string[];
  sources: SourceUse[];
  /** Figures that two sources disagree about: left out, listed here. */
  conflicts: Conflict[];
  /** Flows that both sides report, with the gap between their figures. */
  mirror: MirrorFigure[];
  mirrorSide: MirrorSide;
  /** The countries whose reports the figures are. */
  reporters: string[];
  /** True when every figure is one country's report of the trade: nothing to compare it with. */
  oneSided: boolean;
  /** A sentence about who reported the figures, when that needs saying. */
  reportingNote: string | null;
  /** The focus country's largest partners in the selected year. */
  partners: PartnerShare[];
  /** What the partners' shares divide by: the data's World row, or the partners in the data added up. */
  partnersBasis: 'world' | 'partners' | null;
  partnersTotal: number | null;
  /** True when the data have only one partner and no World figure for the focus. */
  singlePartner: boolean;
  partnersNote: string | null;
  /** Re-exports and re-imports: listed, never in the balance. */
  reFlows: ReFlow[];
  /** Rows that are not flows between two countries: counted, never silently dropped. */
  skipped: Skipped[];
}

export interface YearFigures {
  year: number;
  /** Focus to partner. */
  exports: number | null;
  /** Partner to focus. */
  imports: number | null;
  /** Exports minus imports; negative is a deficit. Null unless both are known. */
  balance: number | null;
  /** Exports plus imports. */
  total: number | null;
  /** The change from the previous year with data. */
  change: { exports: Change | null; imports: Change | null; balance: Change | null };
}

export interface Change {
  fromYear: number;
  absolute: number;
  /** `absolute` over the magnitude of the earlier figure (−0.9 is −90%); null when that was 0. */
  relative: number | null;
}

export interface BalanceRecord {
  year: number;
  kind: 'deficit' | 'surplus';
  /** The latest earlier year with a larger one, and its balance; null: the largest on record. */
  since: number | null;
  sinceBalance: number | null;
  /** The first year of data, for "on record since". */
  firstYear: number;
  /** The chart's words for it, e.g. "Largest deficit since 2019". */
  label: string | null;
}

export interface Composition {
  year: number;
  /** The top products and an "Other" row; empty when the year has no product rows. */
  exports: ProductShare[];
  imports: ProductShare[];
}

export interface ProductShare {
  /** An HS code (`6704`), chapter (`72`) or range of chapters (`50-63`); empty for "Other". */
  code: string;
  label: string;
  value: number;
  /** A fraction of the flow's total. */
  share: number;
  /** The share as shown, e.g. "57.6%" (the shown shares add up to 100%). */
  displayShare: string;
  /** Whether this is the "Other" row. */
  other: boolean;
}

export interface Comparison {
  fromYear: number;
  toYear: number;
  exports: ComparedFlow | null;
  imports: ComparedFlow | null;
  /** The flow the chart marks: the one that fell furthest, or, when neither fell, the one that changed most. */
  headline: Flow | null;
  label: string | null;
}

export interface ComparedFlow {
  from: number | null;
  to: number | null;
  absolute: number;
  relative: number | null;
}

export interface SourceUse {
  name: string;
  years: number[];
}

export interface Conflict {
  year: number;
  exporter: string;
  importer: string;
  /** The product code, or null for the year's total. */
  product: string | null;
  values: { source: string; value: number }[];
}

export interface MirrorFigure {
  year: number;
  exporter: string;
  importer: string;
  exporterValue: number;
  importerValue: number;
  gap: number | null;
}

export interface PartnerShare {
  partner: string;
  exports: number | null;
  imports: number | null;
  total: number;
  share: number;
}

export interface ReFlow {
  year: number;
  exporter: string;
  importer: string;
  kind: 're-export' | 're-import';
  value: number | null;
  rows: number;
}

export interface Skipped {
  reason: string;
  rows: number;
  /** The first such row's line. */
  line: number;
}
