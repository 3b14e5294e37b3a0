// <trade-gap>: the embeddable element. Thin by design: it finds the data, hands it
// to the Rust core, and forwards size, theme and input; every number and every word
// of the chart comes from the core. No data ever reaches innerHTML.
import init, { Chart } from './pkg/tradegap.js';

let wasmReady = null;
/** Loads and instantiates the wasm module once for every element on the page. */
export function loadWasm() {
  wasmReady ??= init({ module_or_path: new URL('./pkg/tradegap_bg.wasm', import.meta.url) });
  return wasmReady;
}

let deskReady = null;
let deskAttempts = 0;
/**
 * The desk's module, which also reads UN Comtrade, BACI, WITS and reported figures:
 * loaded only when a file needs one of those readers, which the page's module leaves out
 * to stay small. Resolves to its Chart class.
 */
function loadDeskChart() {
  // A URL, not a literal path: the bundler leaves the module to load at run time. After a
  // failure, another URL: browsers remember a module that failed to load under its URL.
  const glue = new URL('./pkg/tradegap_desk.js', import.meta.url);
  if (!deskReady && deskAttempts++) glue.search = `?attempt=${deskAttempts}`;
  deskReady ??= import(glue.href)
    .then(async (m) => {
      await m.default({ module_or_path: new URL('./pkg/tradegap_desk_bg.wasm', import.meta.url) });
      return m.Chart;
    })
    .catch((e) => {
      // A failed load (offline, a missing file) may succeed when a chart asks again.
      deskReady = null;
      throw e;
    });
  return deskReady;
}

const UI = {
  en: {
    loading: 'Loading chart…',
    reading: (bytes, total) => (total ? `Reading ${megabytes(bytes)} of ${megabytes(total)}…` : `Reading ${megabytes(bytes)}…`),
    parsing: (bytes) => `Reading the figures in ${megabytes(bytes)}…`,
    tooBig: (total, max) => `The file is ${megabytes(total)}, more than the limit of ${megabytes(max)} (max-bytes).`,
    skipped: (n, why) => `${n.toLocaleString('en')} row${n === 1 ? '' : 's'} left out: ${why}`,
    error: 'This chart could not be drawn.',
    network: (url, why) => `The data at ${url} could not be loaded (${why}).`,
    noReader: (format, why) => `This is a ${format} file, and the module that reads it (pkg/tradegap_desk.js) could not be loaded (${why}).`,
    noData: 'No data: give the element a src attribute, a <table> or a <script type="text/csv">.',
    about: (n) => (n === 1 ? 'Source and notes' : `Sources (${n}) and notes`),
    short: { about: (n) => (n === 1 ? 'Source' : `Sources (${n})`), png: 'PNG', svg: 'SVG', data: 'Data' },
    close: 'Close',
    png: 'Download PNG',
    svg: 'Download SVG',
    data: 'Get the data',
    conflicts: (n) => `${n} figure${n === 1 ? '' : 's'} left out: the sources disagree`,
    keys: 'Use the arrow keys to explore the years and the products, Home and End to jump, Enter to select a year, Escape to clear.',
    selected: (year) => `${year} selected.`,
    columns: ['Year', 'Exports', 'Imports', 'Balance'],
    unit: 'US dollars',
    missing: 'no data',
  },
  ko: {
    loading: '차트를 불러오는 중…',
    reading: (bytes, total) => (total ? `${megabytes(total)} 중 ${megabytes(bytes)} 읽는 중…` : `${megabytes(bytes)} 읽는 중…`),
    parsing: (bytes) => `${megabytes(bytes)}의 수치를 읽는 중…`,
    tooBig: (total, max) => `파일(${megabytes(total)})이 한도 ${megabytes(max)}(max-bytes)를 넘습니다.`,
    skipped: (n, why) => `${n.toLocaleString('ko')}행 제외: ${why}`,
    error: '차트를 그릴 수 없습니다.',
    network: (url, why) => `${url}의 데이터를 불러오지 못했습니다(${why}).`,
    noReader: (format, why) => `${format} 파일입니다. 이 형식을 읽는 모듈(pkg/tradegap_desk.js)을 불러오지 못했습니다(${why}).`,
    noData: '데이터가 없습니다. src 속성, <table> 또는 <script type="text/csv">를 넣어 주세요.',
    about: (n) => `출처(${n}건)와 참고`,
    short: { about: (n) => `출처(${n}건)`, png: 'PNG', svg: 'SVG', data: '데이터' },
    close: '닫기',
    png: 'PNG 내려받기',
    svg: 'SVG 내려받기',
    data: '데이터 받기',
    conflicts: (n) => `출처끼리 다른 수치 ${n}건은 제외`,
    keys: '화살표 키로 연도와 품목을 살펴보고, Home과 End로 처음과 끝으로 이동하고, Enter로 연도를 선택하고, Esc로 지웁니다.',
    selected: (year) => `${year}년 선택.`,
    columns: ['연도', '수출', '수입', '수지'],
    unit: '미국 달러',
    missing: '자료 없음',
  },
};

// Colours and sizes are custom properties so that a site can restyle the chart from
// its own CSS. The host's box is fixed by its aspect ratio and never by its content,
// so nothing that loads later can shift the page (see tradegap.css for before load).
const STYLE = `
:host {
  --tradegap-exports: #2166ac;
  --tradegap-imports: #d6604d;
  --tradegap-balance: #1a1a1a;
  --tradegap-text: #1a1a1a;
  --tradegap-muted: #595959;
  --tradegap-grid: #e3e3e3;
  --tradegap-axis: #8c8c8c;
  --tradegap-background: #ffffff;
  --tradegap-highlight: #f1f1f1;
  --tradegap-focus: var(--tradegap-text);
  display: block;
  position: relative;
  box-sizing: content-box;
  aspect-ratio: var(--tradegap-aspect, 16 / 10);
  padding: 0 0 2.25rem;
  font-family: var(--tradegap-font);
  color: var(--tradegap-text);
  background: var(--tradegap-background);
  color-scheme: light;
}
/* The story stacks the balance chart over the year's composition: a taller box, square
   but 640 to 720 px high (on phones 9:20, 720 to 820 px), unless an aspect is given. Its
   height is bottom padding, a share of the width, so that the box still comes from CSS
   alone (tradegap.css has the same rules) and nothing shifts when the chart loads. */
:host([view="story" i]:not([aspect])) {
  aspect-ratio: auto;
  height: 0;
  padding-bottom: calc(var(--tradegap-story-height, clamp(640px, 100%, 720px)) + 2.25rem);
}
@media (max-width: 560px) {
  :host { aspect-ratio: var(--tradegap-aspect, var(--tradegap-aspect-narrow, 1 / 1)); }
  :host([view="story" i]:not([aspect])) {
    padding-bottom: calc(var(--tradegap-story-height, clamp(720px, 100% * 20 / 9, 820px)) + 2.25rem);
  }
}
:host([data-resolved-theme="dark"]) {
  --tradegap-exports: #6baed6;
  --tradegap-imports: #f4a582;
  --tradegap-balance: #f0f0f0;
  --tradegap-text: #f0f0f0;
  --tradegap-muted: #b3b3b3;
  --tradegap-grid: #333333;
  --tradegap-axis: #8c8c8c;
  --tradegap-background: #121212;
  --tradegap-highlight: #232323;
  color-scheme: dark;
}
:host([hidden]) { display: none; }
.plot { position: absolute; inset: 0 0 2.25rem 0; }
canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; touch-action: manipulation; }
canvas:focus { outline: none; }
/* The chart has the keyboard but no target yet; once it has one, the core rings that. */
canvas:focus-visible:not([data-target]) { outline: 2px solid var(--tradegap-focus); outline-offset: -2px; }
.status { position: absolute; inset: 0; margin: 0; padding: 1rem; display: flex; flex-direction: column;
  gap: 0.4rem; align-items: center; justify-content: center; text-align: center; font-size: 0.95rem;
  color: var(--tradegap-muted); background: var(--tradegap-background); }
.status[hidden] { display: none; }
.status[data-kind="error"] { color: var(--tradegap-text); border: 1px solid var(--tradegap-imports); }
.status progress { width: min(20rem, 80%); }
.status code { font-size: 0.85rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.actions { position: absolute; left: 0; right: 0; bottom: 0; height: 2.25rem; display: flex; gap: 0.25rem;
  align-items: center; padding: 0 8px; overflow: hidden; white-space: nowrap; font-size: 0.8rem; }
.actions[hidden] { display: none; }
/* Short labels where the long ones would not fit (English needs about 530 px). */
.actions { container-type: inline-size; }
.short { display: none; }
@container (max-width: 540px) {
  .actions .long { display: none; }
  .actions .short { display: inline; }
}
.warning { color: var(--tradegap-imports); overflow: hidden; text-overflow: ellipsis; min-width: 0; }
.warning:empty { display: none; }
.spacer { flex: 1; }
button { font: inherit; color: var(--tradegap-muted); background: none; border: 1px solid transparent;
  border-radius: 4px; padding: 0.3rem 0.45rem; cursor: pointer; min-height: 2rem; }
.actions button { flex: 0 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
button:hover { color: var(--tradegap-text); border-color: var(--tradegap-grid); }
button:focus-visible { outline: 2px solid var(--tradegap-focus); outline-offset: 1px; }
.about { position: absolute; inset: 0; overflow: auto; margin: 0; padding: 0.75rem 1rem;
  background: var(--tradegap-background); color: var(--tradegap-text); font-size: 0.85rem; line-height: 1.45;
  border: 1px solid var(--tradegap-grid); }
.about[hidden] { display: none; }
.about p { margin: 0 0 0.6rem; }
.about ul { margin: 0.25rem 0 0.6rem; padding-left: 1.1rem; }
.about h2 { font-size: 0.9rem; margin: 0.6rem 0 0.25rem; }
.tooltip { position: absolute; left: 0; top: 0; z-index: 1; box-sizing: border-box;
  max-width: min(19rem, calc(100% - 8px)); padding: 0.4rem 0.6rem; pointer-events: none;
  font-size: 0.8rem; line-height: 1.4; color: var(--tradegap-text); background: var(--tradegap-background);
  border: 1px solid var(--tradegap-axis); border-radius: 4px; box-shadow: 0 2px 10px rgb(0 0 0 / 0.2);
  overflow-wrap: anywhere; }
.tooltip[hidden] { display: none; }
.tooltip > div { display: block; }
.tooltip > div:first-child { font-weight: 600; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;

let sheet = null;
/** One constructable stylesheet shared by every instance: no inline style, so strict CSP holds. */
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
}

/** Builds an element with a class and text: the only way text enters the DOM. */
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

/** Whether some product in the analysis is shown by its bare code, for want of a name. */
function needsLabels(a) {
  const rows = [...(a.composition?.exports ?? []), ...(a.composition?.imports ?? [])];
  return rows.some((r) => !r.other && r.label === r.code);
}

/** A CSV field, quoted when it must be. */
function csvField(v) {
  const s = v == null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The text of a file as the command line reads it: UTF-8, or, when it is not valid
 * UTF-8, Windows-1252 (spreadsheets on Windows save CSV so); never U+FFFD in place of
 * a byte, so that a bad byte shows in the error message as the CLI shows it.
 */
function decodeText(buffer) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

/** A child <table> as native CSV: header row first. */
function tableToCsv(table) {
  return [...table.rows].map((row) => [...row.cells].map((c) => csvField(c.textContent.trim())).join(',')).join('\n');
}

/** "4:3", "4/3" or "1.5" as a CSS aspect-ratio; null when it is not one. */
function parseAspect(value) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:[:/]\s*(\d+(?:\.\d+)?))?\s*$/.exec(value || '');
  if (!m) return null;
  const w = Number(m[1]);
  const h = m[2] ? Number(m[2]) : 1;
  return w > 0 && h > 0 ? `${w} / ${h}` : null;
}

/** Whether the page asks for dark: a site toggle on <html>, else the system. */
function pageWantsDark() {
  const html = document.documentElement;
  const site = html.getAttribute('data-theme') || html.dataset.colorScheme;
  if (site === 'dark' || html.classList.contains('dark')) return true;
  if (site === 'light' || html.classList.contains('light')) return false;
  return matchMedia('(prefers-color-scheme: dark)').matches;
}

// Every instance listens to the same page-wide theme signals.
const instances = new Set();
let watchingTheme = false;
function watchTheme() {
  if (watchingTheme) return;
  watchingTheme = true;
  const update = () => instances.forEach((i) => i.themeChanged());
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', update);
  new MutationObserver(update).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['class', 'data-theme', 'data-color-scheme'],
  });
}

let dprQuery = null;
/** Redraws every instance when the device pixel ratio changes (zoom, moving screens). */
function watchPixelRatio() {
  dprQuery?.removeEventListener('change', watchPixelRatio);
  dprQuery = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
  dprQuery.addEventListener('change', watchPixelRatio, { once: true });
  instances.forEach((i) => i.schedule());
}

const THEME_KEYS = ['exports', 'imports', 'balance', 'text', 'muted', 'grid', 'axis', 'background', 'highlight', 'focus'];
const OPTION_ATTRIBUTES = [
  'focus', 'partner', 'year', 'lang', 'title', 'source', 'note', 'top', 'view', 'compare',
  'format', 'prefer-source', 'mirror', 'groups', 'rollup', 'max-bytes',
];

// Files above this size are read by a worker, off the page's main thread.
const WORKER_BYTES = 4e6;
const DEFAULT_MAX_BYTES = 100e6;

let hsLabels = null;
/** The HS chapter and heading names (www/data/hs.csv), fetched once, only when needed. */
function loadHsLabels() {
  hsLabels ??= fetch(new URL('./data/hs.csv', import.meta.url)).then((r) => (r.ok ? r.text() : ''), () => '');
  return hsLabels;
}

/**
 * The worker that reads big files, from this module's own folder. Browsers start a
 * worker only from the page's origin: when this module comes from elsewhere (a CDN),
 * a same-origin blob starts it by importing the real script (which CORS allows, as it
 * did this module), so the worker still finds its wasm next to itself.
 */
function startWorker() {
  const url = new URL('./tradegap-worker.js', import.meta.url);
  if (url.origin === location.origin) return { worker: new Worker(url, { type: 'module' }), shim: null };
  const shim = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' }));
  return { worker: new Worker(shim, { type: 'module' }), shim };
}

/** "12.3 MB" */
const megabytes = (n) => `${(n / 1e6).toFixed(1)} MB`;

/** Whether two targets from the core (`{kind, year}` or `{kind, flow, index}`) are one. */
function sameTarget(a, b) {
  if (!a || !b || a.kind !== b.kind) return false;
  return a.kind === 'year' ? a.year === b.year : a.flow === b.flow && a.index === b.index;
}

/** The keyboard's groups: the years, the exports' bars, the imports' bars. */
const groupOf = (t) => (t.kind === 'year' ? 'year' : t.flow);

export class TradeGap extends HTMLElement {
  static observedAttributes = ['src', 'aspect', 'theme', ...OPTION_ATTRIBUTES];

  #chart = null;
  #Core = Chart; // the page module's Chart, or the desk's once a file needed its readers
  #text = null; // the data as loaded, so that option changes do not fetch again
  #loadedFrom = null;
  #frame = 0;
  #generation = 0;
  #drawn = { w: 0, h: 0, dpr: 0, theme: '' };
  // Interaction, all of it applied once per frame in #tick: hover and focus only
  // repaint the cached layout (setHover/setFocus + redraw), they never re-analyse.
  #pointer = null; // the mouse's last position on the canvas, waiting for the next frame
  #pointerType = 'mouse';
  #focused = null; // the keyboard's target
  #tip = null; // { target, at: {x, y, touch} | null }: what the tooltip shows, and where
  #tipKey = null; // the target whose words the tooltip holds
  #needsRedraw = false;
  #reflecting = false; // set while the element writes its own `year` attribute
  #onDocumentPointer = (e) => {
    if (!e.composedPath().includes(this)) this.#dismiss();
  };
  #onDocumentKey = (e) => {
    if (e.key === 'Escape' && this.#tip) this.#dismiss();
  };
  analysis = null;
  #labels = null; // HS names, once a file has needed them
  #viaWorker = false;
  #keptFor = ''; // the focus and partner whose flows a worker kept from a big file
  #worker = null; // the worker reading a big file, while it reads
  #parsed = false; // whether the core holds #text as parsed data

  constructor() {
    super();
    // Manual slotting: only the fallback table is kept (for screen readers); other
    // fallback content, such as a "needs JavaScript" note and its link, is not rendered.
    const root = this.attachShadow({ mode: 'open', slotAssignment: 'manual' });
    root.adoptedStyleSheets = [styleSheet()];

    this.plot = el('div', 'plot');
    this.canvas = el('canvas');
    this.canvas.setAttribute('part', 'canvas');
    this.status = el('div', 'status');
    this.about = el('section', 'about');
    this.about.hidden = true;
    this.about.setAttribute('part', 'about');
    this.plot.append(this.canvas, this.status, this.about);

    this.actions = el('div', 'actions');
    this.actions.setAttribute('part', 'actions');
    // Shown once labelled: buttons that gain their text later would shift their row.
    this.actions.hidden = true;
    this.warning = el('span', 'warning');
    this.warning.setAttribute('role', 'note');
    this.aboutButton = el('button');
    this.pngButton = el('button');
    this.svgButton = el('button');
    this.dataButton = el('button');
    for (const b of [this.aboutButton, this.pngButton, this.svgButton, this.dataButton]) b.type = 'button';
    this.aboutButton.setAttribute('aria-expanded', 'false');
    this.aboutButton.addEventListener('click', () => this.#toggleAbout());
    this.pngButton.addEventListener('click', () => this.downloadPng());
    this.svgButton.addEventListener('click', () => this.downloadSvg());
    this.dataButton.addEventListener('click', () => this.downloadData());
    this.actions.append(this.warning, el('span', 'spacer'), this.aboutButton, this.pngButton, this.svgButton, this.dataButton);

    // Exact values near the pointer or the keyboard's target; words from the core.
    this.tooltip = el('div', 'tooltip');
    this.tooltip.setAttribute('role', 'tooltip');
    this.tooltip.setAttribute('part', 'tooltip');
    this.tooltip.hidden = true;

    // The sentences, the keys and the data table stay in the accessibility tree, out of
    // sight; the live region speaks the keyboard's target as it moves.
    this.summary = el('p', 'sr-only');
    this.summary.id = 'summary';
    this.keys = el('p', 'sr-only');
    this.keys.id = 'keys';
    this.live = el('div', 'sr-only');
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('aria-atomic', 'true');
    this.tableBox = el('div', 'sr-only');
    this.fallbackSlot = document.createElement('slot');
    this.tableBox.append(this.fallbackSlot);

    // An empty title stops the host's `title` attribute from showing as a tooltip everywhere.
    for (const part of [this.plot, this.actions, this.tooltip]) part.title = '';
    root.append(this.plot, this.actions, this.tooltip, this.summary, this.keys, this.live, this.tableBox);
    this.resizeObserver = new ResizeObserver(() => this.schedule());

    const c = this.canvas;
    c.addEventListener('pointerdown', (e) => {
      this.#pointerType = e.pointerType || 'mouse';
    });
    c.addEventListener('pointermove', (e) => {
      // Touch and pen moves scroll the page; they show words on a tap (click) instead.
      if (e.pointerType !== 'mouse') return;
      this.#pointerType = 'mouse';
      this.#pointer = this.#point(e);
      this.schedule();
    });
    c.addEventListener('pointerleave', (e) => {
      // A finger "leaves" as soon as it lifts: the tapped tooltip stays until a tap outside.
      if (e.pointerType !== 'mouse') return;
      this.#pointer = null;
      this.#hover(null);
    });
    c.addEventListener('click', (e) => this.#click(e));
    c.addEventListener('keydown', (e) => this.#key(e));
    c.addEventListener('blur', () => this.#focus(null));
  }

  get #lang() {
    return (this.getAttribute('lang') || 'en').toLowerCase().startsWith('ko') ? 'ko' : 'en';
  }

  get #ui() {
    return UI[this.#lang];
  }

  connectedCallback() {
    instances.add(this);
    watchTheme();
    if (!dprQuery) watchPixelRatio();
    this.#applyAspect();
    this.#applyTheme();
    this.resizeObserver.observe(this.plot);
    document.addEventListener('pointerdown', this.#onDocumentPointer, true);
    document.addEventListener('keydown', this.#onDocumentKey);
    this.#update();
  }

  disconnectedCallback() {
    instances.delete(this);
    this.resizeObserver.disconnect();
    document.removeEventListener('pointerdown', this.#onDocumentPointer, true);
    document.removeEventListener('keydown', this.#onDocumentKey);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    // A read for a page it is no longer on; connecting again starts another.
    this.#stopWorker();
    // A load still under way is for a page the element has left.
    this.#generation++;
    // The core's copy of the data, its analysis and its scene are freed now, not when
    // the garbage collector gets to the handle; connecting again parses the text anew.
    this.#chart?.free();
    this.#chart = null;
    this.#parsed = false;
  }

  #stopWorker() {
    this.#worker?.terminate();
    this.#worker = null;
  }

  /** What a worker keeps from a big file: the focus's flows, products only with the partner. */
  #keepKey() {
    return `${this.getAttribute('focus') || ''}|${this.getAttribute('partner') || ''}`;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    // A selection writes `year` after it has analysed: nothing more to do.
    if (name === 'year' && this.#reflecting) return;
    if (name === 'aspect') this.#applyAspect();
    else if (name === 'theme') this.themeChanged();
    else this.#update();
  }

  #applyAspect() {
    const aspect = parseAspect(this.getAttribute('aspect'));
    // CSSOM, not a style attribute in markup: allowed under a strict style-src.
    if (aspect) this.style.setProperty('--tradegap-aspect', aspect);
    else this.style.removeProperty('--tradegap-aspect');
  }

  #applyTheme() {
    const theme = (this.getAttribute('theme') || 'auto').toLowerCase();
    const dark = theme === 'dark' || (theme !== 'light' && pageWantsDark());
    this.dataset.resolvedTheme = dark ? 'dark' : 'light';
  }

  /** Called when the page's or the element's theme may have changed. */
  themeChanged() {
    this.#applyTheme();
    this.schedule();
  }

  #options() {
    const o = { lang: this.#lang };
    for (const key of ['focus', 'partner', 'title', 'note', 'source', 'view', 'format', 'mirror', 'groups', 'rollup']) {
      const v = this.getAttribute(key);
      if (v) o[key] = v;
    }
    const prefer = this.getAttribute('prefer-source');
    if (prefer) o.preferSource = prefer.split(',').map((s) => s.trim()).filter(Boolean);
    if (this.#labels) o.labels = this.#labels;
    for (const key of ['year', 'top', 'compare']) {
      const v = this.getAttribute(key);
      if (v) o[key] = Number(v);
    }
    return o;
  }

  /** Loads data if where it comes from changed, then analyses and draws. */
  async #update() {
    const generation = ++this.#generation;
    this.#slotFallback();
    // Whatever a worker is still reading is for an earlier load.
    this.#stopWorker();
    try {
      // A big file is read for one focus and partner; another means reading it again.
      const origin = `${this.getAttribute('src') || 'inline'}|${this.getAttribute('format') || ''}`;
      const fresh = this.#text === null || this.#loadedFrom !== origin;
      if (fresh || (this.#viaWorker && this.#keptFor !== this.#keepKey())) {
        this.#showStatus('loading', this.#ui.loading);
        const [text] = await Promise.all([this.#readData(generation), loadWasm()]);
        if (generation !== this.#generation) return;
        this.#chart ??= new this.#Core(this.canvas);
        this.#text = text;
        this.#loadedFrom = origin;
        this.#parsed = false;
        let analysis = await this.#analyse();
        if (generation !== this.#generation) return;
        // Products without names get the HS table's, fetched only now that they are needed.
        if (!this.#labels && needsLabels(analysis)) {
          this.#labels = await loadHsLabels();
          if (generation !== this.#generation) return;
          if (this.#labels) analysis = this.#chart.setOptions(this.#options());
        }
        this.#ready(analysis);
      } else {
        await loadWasm();
        if (generation !== this.#generation) return;
        // Back on a page after leaving one: the core's handle was freed.
        this.#chart ??= new this.#Core(this.canvas);
        const analysis = await this.#analyse();
        if (generation !== this.#generation) return;
        this.#ready(analysis);
      }
    } catch (e) {
      if (generation === this.#generation) this.#fail(e);
    }
  }

  /**
   * Analyses the text with the current options; parses it first unless the core already
   * holds it (a load that failed, on an option or on the data, is parsed again). A file
   * in a download format moves the chart to the desk's module, which has its reader.
   */
  async #analyse() {
    if (this.#parsed) return this.#chart.setOptions(this.#options());
    let analysis;
    try {
      analysis = this.#chart.load(this.#text, this.#options());
    } catch (e) {
      // Only the page module's chart lacks readers: decided by the chart in hand, since a
      // newer load may still hold one made before the desk's module arrived.
      if (!e?.missingReader || !(this.#chart instanceof Chart)) throw e;
      const generation = this.#generation;
      let DeskChart;
      try {
        DeskChart = await loadDeskChart();
      } catch (why) {
        throw { message: this.#ui.noReader(e.missingReader, why?.message || String(why)), line: null, column: null };
      }
      // Superseded meanwhile (another src, or the element left the page): the newer load
      // moves its own chart over; disconnecting already freed this one.
      if (generation !== this.#generation) return null;
      this.#Core = DeskChart;
      this.#chart.free();
      // Null in between: a constructor that throws must not leave the freed handle here,
      // for disconnecting to free again.
      this.#chart = null;
      this.#chart = new this.#Core(this.canvas);
      analysis = this.#chart.load(this.#text, this.#options());
    }
    this.#parsed = true;
    return analysis;
  }

  /**
   * Reads a big file in a worker (tradegap-worker.js), showing how far it has got;
   * resolves to the focus country's flows as native CSV.
   */
  #readInWorker(url, maxBytes, generation) {
    const ui = this.#ui;
    const keep = this.#keepKey();
    const { worker, shim } = startWorker();
    this.#worker = worker;
    const stop = () => {
      worker.terminate();
      if (shim) URL.revokeObjectURL(shim);
      if (this.#worker === worker) this.#worker = null;
    };
    const bar = el('progress');
    const words = el('span', null, ui.loading);
    this.status.hidden = false;
    this.status.dataset.kind = 'loading';
    this.status.replaceChildren(words, bar);
    const progress = (detail) => this.dispatchEvent(new CustomEvent('tradegap:progress', { detail, bubbles: true }));
    return new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => {
        if (generation !== this.#generation) {
          stop();
          return;
        }
        if (data.type === 'progress') {
          if (data.total) {
            bar.max = data.total;
            bar.value = data.bytes;
          } else bar.removeAttribute('value');
          words.textContent = data.phase === 'parse' ? ui.parsing(data.bytes) : ui.reading(data.bytes, data.total);
          if (data.phase === 'parse') bar.removeAttribute('value');
          progress({ phase: data.phase, bytes: data.bytes, total: data.total });
          return;
        }
        stop();
        if (data.type === 'done') {
          this.#viaWorker = true;
          this.#keptFor = keep;
          progress({ phase: 'done', bytes: data.bytes, total: data.bytes, rows: data.rows, kept: data.kept });
          resolve(data.csv);
        } else reject({ message: data.message, line: data.line, column: data.column });
      };
      worker.onerror = (e) => {
        stop();
        reject({ message: e.message || 'the worker failed', line: null, column: null });
      };
      const options = this.#options();
      delete options.labels;
      worker.postMessage({
        url,
        maxBytes,
        options,
        messages: { network: ui.network(url, '{why}') },
      });
    });
  }

  /** Slots the child <table> (the no-JavaScript fallback) into the hidden box, alone. */
  #slotFallback() {
    const slot = this.fallbackSlot;
    if (typeof slot.assign !== 'function' || this.shadowRoot.slotAssignment !== 'manual') return;
    let node = this.querySelector('table');
    while (node && node.parentElement !== this) node = node.parentElement;
    if (node) slot.assign(node);
    else slot.assign();
  }

  async #readData(generation) {
    const src = this.getAttribute('src');
    this.#viaWorker = false;
    if (src) {
      const max = Number(this.getAttribute('max-bytes')) || DEFAULT_MAX_BYTES;
      let response;
      try {
        response = await fetch(src);
      } catch (e) {
        throw { message: this.#ui.network(src, e.message || 'network error'), line: null, column: null };
      }
      if (!response.ok) {
        throw { message: this.#ui.network(src, `HTTP ${response.status}`), line: null, column: null };
      }
      const total = Number(response.headers.get('content-length')) || 0;
      // Refused before it is read, when the server says how big it is.
      if (total > max) {
        response.body?.cancel();
        throw { message: this.#ui.tooBig(total, max), line: null, column: null };
      }
      if (total > WORKER_BYTES && typeof Worker === 'function') {
        response.body?.cancel();
        return this.#readInWorker(new URL(src, document.baseURI).href, max, generation);
      }
      const text = decodeText(await response.arrayBuffer());
      if (text.length > max) throw { message: this.#ui.tooBig(text.length, max), line: null, column: null };
      return text;
    }
    const script = this.querySelector('script[type="text/csv"], script[type="application/json"]');
    if (script) return script.textContent;
    const table = this.querySelector('table');
    if (table) return tableToCsv(table);
    throw { message: this.#ui.noData, line: null, column: null };
  }

  /** A new analysis from new data or new options: words, panels, a fresh drawing. */
  #ready(analysis) {
    // What the pointer and the keyboard pointed at may not exist any more.
    this.#chart.setHover(null);
    this.#chart.setFocus(null);
    this.#focused = null;
    this.canvas.removeAttribute('data-target');
    this.#pointer = null;
    this.#tip = null;
    this.#apply(analysis);
    this.status.hidden = true;
    this.status.replaceChildren();
    this.#drawn = { w: 0, h: 0, dpr: 0, theme: '' };
    this.#draw();
    this.#renderTip();
    this.dispatchEvent(new CustomEvent('tradegap:ready', { detail: analysis, bubbles: true }));
  }

  /** Everything in words that follows the analysis: name, sentences, table, panels. */
  #apply(analysis) {
    this.analysis = analysis;
    this.#tipKey = null;
    // One tab stop, named by the title and described by the sentences and the keys.
    this.canvas.setAttribute('role', 'img');
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('aria-label', analysis.title);
    this.canvas.setAttribute('aria-describedby', 'summary keys');
    this.summary.textContent = analysis.sentences.join(' ');
    this.keys.textContent = this.#ui.keys;
    // The words are in the analysis's language, whatever the page around says.
    for (const part of [this.plot, this.actions, this.tooltip, this.summary, this.keys, this.live, this.tableBox]) {
      part.lang = analysis.lang;
    }
    this.#renderTable(analysis);
    this.#renderActions(analysis);
    this.#renderAbout(analysis);
  }

  /**
   * The figures as a table for screen readers, when the page gave none: one row per
   * year with data, the unrounded dollars in the reader's locale.
   */
  #renderTable(analysis) {
    this.generatedTable?.remove();
    this.generatedTable = null;
    if (this.querySelector('table')) return;
    const ui = this.#ui;
    const dollars = new Intl.NumberFormat(analysis.lang === 'ko' ? 'ko-KR' : 'en-US', {
      style: 'currency',
      currency: 'USD',
      maximumFractionDigits: 0,
    });
    const cell = (tag, text, scope) => {
      const c = el(tag, null, text);
      if (scope) c.scope = scope;
      return c;
    };
    const table = el('table');
    table.append(el('caption', null, `${analysis.title} (${ui.unit})`));
    const head = el('thead');
    const hr = el('tr');
    for (const name of ui.columns) hr.append(cell('th', name, 'col'));
    head.append(hr);
    const body = el('tbody');
    for (const y of analysis.years) {
      const tr = el('tr');
      tr.append(cell('th', String(y.year), 'row'));
      for (const v of [y.exports, y.imports, y.balance]) tr.append(cell('td', v == null ? ui.missing : dollars.format(v)));
      body.append(tr);
    }
    table.append(head, body);
    this.generatedTable = table;
    this.tableBox.append(table);
  }

  #renderActions(analysis) {
    const ui = this.#ui;
    this.actions.hidden = false;
    const n = analysis.sources.length;
    const label = (button, long, short) => button.replaceChildren(el('span', 'long', long), el('span', 'short', short));
    label(this.aboutButton, ui.about(n), ui.short.about(n));
    label(this.pngButton, ui.png, ui.short.png);
    label(this.svgButton, ui.svg, ui.short.svg);
    label(this.dataButton, ui.data, ui.short.data);
    const conflicts = analysis.conflicts?.length ?? 0;
    this.warning.textContent = conflicts ? ui.conflicts(conflicts) : '';
  }

  #renderAbout(analysis) {
    const ui = this.#ui;
    const parts = [el('p', null, analysis.sentences.join(' '))];
    const note = this.getAttribute('note');
    if (note) parts.push(el('p', null, note));
    const list = el('ul');
    for (const s of analysis.sources) list.append(el('li', null, `${s.years.join(', ')}: ${s.name}`));
    parts.push(el('h2', null, ui.about(analysis.sources.length)), list);
    for (const c of analysis.conflicts ?? []) {
      const values = c.values.map((v) => `${v.source}: ${v.value}`).join('; ');
      parts.push(el('p', null, `${c.year} ${c.exporter}→${c.importer} ${c.product ?? ''}: ${values}`));
    }
    for (const note of [analysis.reportingNote, analysis.partnersNote, analysis.derivedNote]) if (note) parts.push(el('p', null, note));
    for (const s of analysis.skipped ?? []) parts.push(el('p', null, ui.skipped(s.rows, s.reason)));
    const close = el('button', null, ui.close);
    close.type = 'button';
    close.addEventListener('click', () => this.#toggleAbout(false));
    parts.push(close);
    this.about.replaceChildren(...parts);
  }

  #toggleAbout(open = this.about.hidden) {
    this.about.hidden = !open;
    this.aboutButton.setAttribute('aria-expanded', String(open));
    if (open) {
      this.#dismiss();
      this.about.querySelector('button')?.focus();
    }
  }

  #fail(e) {
    this.analysis = null;
    const detail = {
      message: String(e?.message ?? e),
      line: typeof e?.line === 'number' ? e.line : null,
      column: typeof e?.column === 'number' ? e.column : null,
    };
    const ctx = this.canvas.getContext('2d');
    ctx?.clearRect(0, 0, this.canvas.width, this.canvas.height);
    // Nothing to name or to explore: the status says what went wrong.
    for (const name of ['role', 'tabindex', 'aria-label', 'aria-describedby']) this.canvas.removeAttribute(name);
    this.summary.textContent = '';
    this.live.textContent = '';
    this.generatedTable?.remove();
    this.generatedTable = null;
    this.#tip = null;
    this.#renderTip();
    this.actions.hidden = true;
    this.about.hidden = true;
    this.#showStatus('error', this.#ui.error, detail.message);
    this.dispatchEvent(new CustomEvent('tradegap:error', { detail, bubbles: true }));
  }

  #showStatus(kind, headline, detail) {
    this.status.hidden = false;
    this.status.dataset.kind = kind;
    this.status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    const parts = [el('strong', null, headline)];
    if (detail) parts.push(el('code', null, detail));
    this.status.replaceChildren(...parts);
  }

  /** Coalesces redraws, pointer moves and tooltip placement to one pass per frame. */
  schedule() {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#tick();
    });
  }

  #tick() {
    if (this.#pointer && this.#chart && this.analysis) {
      const { x, y } = this.#pointer;
      this.#pointer = null;
      const target = this.#chart.hitAt(x, y);
      if (this.#chart.setHover(target)) this.#needsRedraw = true;
      this.#tip = target ? { target, at: { x, y, touch: false } } : this.#focusTip();
    }
    const drew = this.#draw();
    if (this.#needsRedraw && !drew && this.#chart && this.analysis) {
      try {
        this.#chart.redraw();
      } catch (e) {
        this.#fail(e);
      }
    }
    this.#needsRedraw = false;
    this.#renderTip();
  }

  /** Lays out and draws when the size, pixel ratio or theme changed; true if it drew. */
  #draw() {
    if (!this.#chart || !this.analysis) return false;
    const w = this.plot.clientWidth;
    const h = this.plot.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    if (!w || !h) return false;
    const theme = this.#theme();
    const key = JSON.stringify(theme);
    const d = this.#drawn;
    if (w === d.w && h === d.h && dpr === d.dpr && key === d.theme) return false;
    this.#drawn = { w, h, dpr, theme: key };
    try {
      this.#chart.draw(w, h, dpr, theme);
    } catch (e) {
      this.#fail(e);
      return false;
    }
    return true;
  }

  #theme() {
    const cs = getComputedStyle(this);
    const theme = {};
    for (const key of THEME_KEYS) {
      const v = cs.getPropertyValue(`--tradegap-${key}`).trim();
      if (v) theme[key] = v;
    }
    theme.font = cs.fontFamily;
    return theme;
  }

  /** A pointer event's position on the canvas, in CSS pixels. */
  #point(e) {
    const r = this.canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  /** The tooltip for the keyboard's target, when the canvas has the focus. */
  #focusTip() {
    return this.#focused ? { target: this.#focused, at: null } : null;
  }

  #hover(target) {
    if (!this.#chart || !this.analysis) return;
    if (this.#chart.setHover(target)) this.#needsRedraw = true;
    this.#tip = this.#focusTip();
    this.schedule();
  }

  /** Hides the tooltip and the hover (a tap outside, Escape); the focus ring stays. */
  #dismiss() {
    this.#pointer = null;
    this.#tip = null;
    if (this.#chart && this.analysis && this.#chart.setHover(null)) this.#needsRedraw = true;
    this.schedule();
  }

  /** A click or a tap: a tap shows the target's tooltip; either selects a year. */
  #click(e) {
    if (!this.#chart || !this.analysis) return;
    const at = this.#point(e);
    const target = this.#chart.hitAt(at.x, at.y);
    if (this.#pointerType !== 'mouse') {
      if (this.#chart.setHover(target)) this.#needsRedraw = true;
      this.#tip = target ? { target, at: { ...at, touch: true } } : null;
    }
    if (target?.kind === 'year') this.#select(target.year);
    this.schedule();
  }

  /** The keyboard: arrows move through the core's targets, Home/End jump within the
   * years (or the bars of one flow), Enter or Space selects a year, Escape clears. */
  #key(e) {
    if (!this.#chart || !this.analysis || e.altKey || e.ctrlKey || e.metaKey) return;
    const targets = this.#chart.focusTargets();
    const i = targets.findIndex((t) => sameTarget(t, this.#focused));
    const start = () => Math.max(0, targets.findIndex((t) => t.kind === 'year' && t.year === this.analysis.year));
    const group = i < 0 ? 'year' : groupOf(targets[i]);
    const inGroup = targets.map((t, j) => (groupOf(t) === group ? j : -1)).filter((j) => j >= 0);
    let next = null;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = i < 0 ? start() : Math.min(i + 1, targets.length - 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = i < 0 ? start() : Math.max(i - 1, 0);
        break;
      case 'Home':
        next = inGroup[0] ?? 0;
        break;
      case 'End':
        next = inGroup.at(-1) ?? targets.length - 1;
        break;
      case 'Enter':
      case ' ':
        if (this.#focused?.kind !== 'year') return;
        e.preventDefault();
        this.#select(this.#focused.year);
        this.schedule();
        return;
      case 'Escape':
        if (!this.#focused && !this.#tip) return;
        e.preventDefault();
        this.#focus(null);
        this.#dismiss();
        return;
      default:
        return;
    }
    e.preventDefault();
    if (targets[next]) this.#focus(targets[next]);
  }

  /** Moves the keyboard's target: ring, tooltip and the live region follow. */
  #focus(target) {
    if (!this.#chart || !this.analysis) return;
    if (!target && !this.#focused) return;
    this.#focused = target;
    this.canvas.toggleAttribute('data-target', Boolean(target));
    if (this.#chart.setFocus(target)) this.#needsRedraw = true;
    if (target) {
      if (this.#chart.setHover(null)) this.#needsRedraw = true;
      this.#tip = { target, at: null };
      const words = this.#chart.describe(target);
      if (words) this.live.textContent = words.announce;
    } else if (this.#tip && !this.#tip.at) {
      this.#tip = null;
    }
    this.schedule();
  }

  /** Selects a year: the core re-analyses once, the words follow, `year` reflects it. */
  #select(year) {
    if (this.analysis?.year === year && this.getAttribute('year') === String(year)) return;
    let analysis;
    try {
      analysis = this.#chart.setSelectedYear(year);
    } catch (e) {
      this.#fail(e);
      return;
    }
    if (!analysis) return;
    this.#apply(analysis);
    this.#reflecting = true;
    try {
      this.setAttribute('year', String(year));
    } finally {
      this.#reflecting = false;
    }
    this.#needsRedraw = true;
    this.live.textContent = `${this.#ui.selected(year)} ${analysis.sentences.join(' ')}`;
    this.dispatchEvent(new CustomEvent('tradegap:select', { detail: { year }, bubbles: true }));
  }

  /** Shows the tooltip's words at the pointer or beside the target, inside the box. */
  #renderTip() {
    const tip = this.#tip;
    const box = this.tooltip;
    if (!tip || !this.#chart || !this.analysis) {
      box.hidden = true;
      return;
    }
    const key = JSON.stringify(tip.target);
    if (key !== this.#tipKey) {
      const words = this.#chart.describe(tip.target);
      if (!words) {
        this.#tip = null;
        box.hidden = true;
        return;
      }
      box.replaceChildren(...words.lines.map((line) => el('div', null, line)));
      this.#tipKey = key;
    }
    const anchor = tip.at ? { x: tip.at.x, y: tip.at.y, w: 0, h: 0 } : this.#chart.targetRect(tip.target);
    if (!anchor) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    const W = this.clientWidth;
    const H = this.clientHeight;
    const tw = box.offsetWidth;
    const th = box.offsetHeight;
    const gap = 12;
    const fits = (x, y) => x >= 4 && y >= 4 && x + tw <= W - 4 && y + th <= H - 4;
    let spots;
    if (tip.at?.touch) {
      // Above the finger first: the finger hides what is below it.
      spots = [
        [anchor.x - tw / 2, anchor.y - gap * 2 - th],
        [anchor.x - tw / 2, anchor.y + gap * 2],
      ];
    } else if (tip.at) {
      spots = [
        [anchor.x + gap, anchor.y + gap],
        [anchor.x - gap - tw, anchor.y + gap],
        [anchor.x + gap, anchor.y - gap - th],
        [anchor.x - gap - tw, anchor.y - gap - th],
      ];
    } else if (anchor.w < anchor.h) {
      // A year's column: beside it, level with its top.
      spots = [
        [anchor.x + anchor.w + 6, anchor.y],
        [anchor.x - 6 - tw, anchor.y],
      ];
    } else {
      // A product's bar: under it, else over it.
      spots = [
        [anchor.x, anchor.y + anchor.h + 6],
        [anchor.x, anchor.y - 6 - th],
      ];
    }
    let [x, y] = spots.find(([x, y]) => fits(x, y)) ?? spots[0];
    x = Math.max(4, Math.min(x, W - tw - 4));
    y = Math.max(4, Math.min(y, H - th - 4));
    // CSSOM, not a style attribute: allowed under a strict style-src.
    box.style.left = `${Math.round(x)}px`;
    box.style.top = `${Math.round(y)}px`;
  }

  /** The file name for downloads: the title in plain characters. */
  #fileName(ext) {
    const base = (this.analysis?.title || 'tradegap').normalize('NFKD').replace(/[^\w가-힣]+/g, '-');
    return `${base.replace(/^-+|-+$/g, '').toLowerCase() || 'tradegap'}.${ext}`;
  }

  /** The chart with its title and footer as a PNG at twice the on-screen size. */
  async pngBlob() {
    if (!this.#chart) return null;
    const w = this.plot.clientWidth;
    const h = this.plot.clientHeight;
    // Without the hover and the focus ring; toBlob copies the bitmap at once, so
    // drawing back at the screen's ratio straight after shows no flicker.
    this.#chart.setHover(null);
    this.#chart.setFocus(null);
    this.#chart.draw(w, h, 2, this.#theme());
    const blob = new Promise((resolve) => this.canvas.toBlob(resolve, 'image/png'));
    this.#chart.setFocus(this.#focused);
    this.#tip = this.#focusTip();
    this.#drawn = { w: 0, h: 0, dpr: 0, theme: '' };
    this.#draw();
    this.#renderTip();
    return blob;
  }

  async downloadPng() {
    const blob = await this.pngBlob();
    if (blob) saveBlob(blob, this.#fileName('png'));
  }

  /** The chart as drawn, with its title and footer, as an SVG document written by the
   *  core (text stays text; no hover or focus ring); '' before the first drawing. */
  svgText() {
    return this.#chart?.svg(this.#theme()) ?? '';
  }

  downloadSvg() {
    const text = this.svgText();
    if (text) saveBlob(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), this.#fileName('svg'));
  }

  /** The figures drawn, one row per year, unrounded, with their sources. */
  dataCsv() {
    const a = this.analysis;
    if (!a) return '';
    const sourcesOf = new Map();
    for (const s of a.sources) for (const y of s.years) sourcesOf.set(y, [...(sourcesOf.get(y) ?? []), s.name]);
    const header = ['year', 'focus', 'partner', 'exports_usd', 'imports_usd', 'balance_usd', 'source'];
    const rows = a.years.map((y) =>
      [y.year, a.focus, a.partner, y.exports, y.imports, y.balance, (sourcesOf.get(y.year) ?? []).join('; ')]
        .map(csvField)
        .join(','),
    );
    return `${header.join(',')}\n${rows.join('\n')}\n`;
  }

  downloadData() {
    saveBlob(new Blob([this.dataCsv()], { type: 'text/csv;charset=utf-8' }), this.#fileName('csv'));
  }

  /** The year under a point of the canvas, in CSS pixels. */
  yearAt(x, y) {
    return this.#chart?.yearAt(x, y) ?? null;
  }
}

/** Offers a blob to the reader as a download named `name`. */
export function saveBlob(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

if (!customElements.get('trade-gap')) customElements.define('trade-gap', TradeGap);
