// Types for the <trade-gap> element (tradegap.js), kept by hand beside it: when the
// element gains an attribute, a method or an event, this file says so too.
// tests/types/example.ts checks them with `tsc --noEmit` (make test-types).
//
// Importing the module defines the element; these declarations add it to
// `HTMLElementTagNameMap` (so `document.querySelector('trade-gap')` is a
// TradeGapElement) and its events to `GlobalEventHandlersEventMap` (the events bubble,
// so any element, the document and the window can listen with typed `detail`s).

import type { Analysis, AnalyzeOptions, InitOutput } from './pkg/tradegap.js';

// The analysis and the options are generated from the Rust types (tsify) into the
// glue's .d.ts; the element hands out the same objects.
export type {
  Analysis,
  AnalyzeOptions,
  BalanceRecord,
  Change,
  Changes,
  Comparison,
  Composition,
  Conflict,
  Flow,
  FlowChange,
  Mirror,
  Partner,
  Product,
  ReFlow,
  Skipped,
  Source,
  SourceValue,
  Year,
} from './pkg/tradegap.js';

type View = NonNullable<AnalyzeOptions['view']>;
type MirrorSide = NonNullable<AnalyzeOptions['mirror']>;

/** The attributes and the values each takes (every attribute is text in HTML). */
export interface TradeGapAttributes {
  /** URL of the data (CSV or JSON); without it, the child `<script type="text/csv">` or `<table>`. */
  src: string;
  /** ISO 3166 alpha-3 code: whose balance. Default: the first row's exporter. */
  focus: string;
  /** ISO 3166 alpha-3 code: against whom. Default: the first row's importer. */
  partner: string;
  /** Default: `story` when the data has products, else `balance`. */
  view: View;
  /** The selected year; the element writes it back when a reader selects a year. */
  year: `${number}`;
  /** A year to compare the selected year with. */
  compare: `${number}`;
  /** `en` (default) or `ko`; any tag starting `ko` is Korean. */
  lang: 'en' | 'ko' | (string & {});
  /** Replaces the generated title. */
  title: string;
  /** A credit line that replaces the list of sources in the footer. */
  source: string;
  /** A note under the chart. */
  note: string;
  /** `auto` (default): the page's `dark` class or `data-theme="dark"` on `<html>`, else the system. */
  theme: 'auto' | 'light' | 'dark';
  /** The box's width:height, e.g. `4:3`, `4/3` or `1.5`. */
  aspect: string;
  /** How many products, or partners, before "Other" (default 5). */
  top: `${number}`;
  /** Default `auto`: detected from the header. */
  format: NonNullable<AnalyzeOptions['format']>;
  /** Comma-separated source names, in order: where sources disagree, the first named wins. */
  'prefer-source': string;
  /** Where both sides report a flow, whose figure the balance uses (default `importer`). */
  mirror: MirrorSide;
  /** Named product groups: `Textiles=50-63; Plastics=39`. */
  groups: string;
  /** Add HS6 products up to chapters (`hs2`) or headings (`hs4`). */
  rollup: 'hs2' | 'hs4' | 'none';
  /** The largest file `src` may load, in bytes (default 100000000). */
  'max-bytes': `${number}`;
}

/** `tradegap:error`: what went wrong, and where in the data when it is the data. */
export interface TradeGapErrorDetail {
  /** In words, with the position: `line 7, column 4 (value): "12,3x" is not a number`. */
  message: string;
  /** The line in the data (1-based), or null for a network or a setup error. */
  line: number | null;
  column: number | null;
}

/** `tradegap:select`: a reader selected a year (click, tap or keyboard). */
export interface TradeGapSelectDetail {
  year: number;
}

/**
 * `tradegap:progress`: a big file (over 4 MB) being read by the worker. `total` is the
 * file's size in bytes from its Content-Length, or 0 when the server does not say.
 */
export type TradeGapProgressDetail =
  | { phase: 'read' | 'parse'; bytes: number; total: number }
  | {
      phase: 'done';
      bytes: number;
      total: number;
      /** The rows read. */
      rows: number;
      /** The flows kept: the focus country's. */
      kept: number;
    };

/** The element's events, all of which bubble. */
export interface TradeGapEventMap {
  /** The data are drawn; the detail is the analysis, also on the element's `analysis`. */
  'tradegap:ready': CustomEvent<Analysis>;
  /** A reader selected a year; `year` and `analysis` already follow. No `tradegap:ready` follows. */
  'tradegap:select': CustomEvent<TradeGapSelectDetail>;
  /** The chart could not be drawn; the box shows the same message. */
  'tradegap:error': CustomEvent<TradeGapErrorDetail>;
  /** A big file's reading, from the worker. */
  'tradegap:progress': CustomEvent<TradeGapProgressDetail>;
}

/** `<trade-gap>`. */
export interface TradeGapElement extends HTMLElement {
  /** The analysis drawn: set before `tradegap:ready` fires; null before data and after an error. */
  readonly analysis: Analysis | null;

  /** Sets an attribute; the element's own attributes take only the values they accept. */
  setAttribute<K extends string>(
    name: K,
    value: K extends keyof TradeGapAttributes ? TradeGapAttributes[K] : string,
  ): void;

  /** The chart with its title and footer as a PNG at twice the on-screen size; null before data. */
  pngBlob(): Promise<Blob | null>;
  /** Saves `pngBlob()` as a file named after the title (the "Download PNG" button). */
  downloadPng(): Promise<void>;
  /** The chart as drawn, with its title and footer, as an SVG document (text stays text;
   *  no script, no external reference); empty before the first drawing. */
  svgText(): string;
  /** Saves `svgText()` as a file named after the title (the "Download SVG" button). */
  downloadSvg(): void;
  /** The figures drawn as CSV, one row per year, unrounded, with their sources; empty before data. */
  dataCsv(): string;
  /** Saves `dataCsv()` as a file (the "Get the data" button). */
  downloadData(): void;
  /** The year under a point of the canvas, in CSS pixels from its top left; null if none. */
  yearAt(x: number, y: number): number | null;
  /** Reads the theme again (the element does this itself when the page's theme changes). */
  themeChanged(): void;
  /** Redraws at the next animation frame, if the size, pixel ratio or theme changed. */
  schedule(): void;
}

/** The element's class, defined as `trade-gap` when the module is imported. */
export declare const TradeGap: {
  prototype: TradeGapElement;
  new (): TradeGapElement;
  readonly observedAttributes: string[];
};

/**
 * Loads and instantiates the wasm (`./pkg/tradegap_bg.wasm`, next to this module) once
 * for every element on the page.
 */
export declare function loadWasm(): Promise<InitOutput>;

/** Offers a blob to the reader as a download named `name` (the element's own downloads use it). */
export declare function saveBlob(blob: Blob, name: string): void;

declare global {
  interface HTMLElementTagNameMap {
    'trade-gap': TradeGapElement;
  }
  // The events bubble: typed wherever they are heard (elements, document, window).
  interface GlobalEventHandlersEventMap {
    'tradegap:ready': TradeGapEventMap['tradegap:ready'];
    'tradegap:select': TradeGapEventMap['tradegap:select'];
    'tradegap:error': TradeGapEventMap['tradegap:error'];
    'tradegap:progress': TradeGapEventMap['tradegap:progress'];
  }
}
