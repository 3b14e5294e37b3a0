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

const UI = {
  en: {
    loading: 'Loading chart…',
    error: 'This chart could not be drawn.',
    network: (url, why) => `The data at ${url} could not be loaded (${why}).`,
    noData: 'No data: give the element a src attribute, a <table> or a <script type="text/csv">.',
    about: (n) => (n === 1 ? 'Source and notes' : `Sources (${n}) and notes`),
    close: 'Close',
    png: 'Download PNG',
    data: 'Get the data',
    conflicts: (n) => `${n} figure${n === 1 ? '' : 's'} left out: the sources disagree`,
  },
  ko: {
    loading: '차트를 불러오는 중…',
    error: '차트를 그릴 수 없습니다.',
    network: (url, why) => `${url}의 데이터를 불러오지 못했습니다(${why}).`,
    noData: '데이터가 없습니다. src 속성, <table> 또는 <script type="text/csv">를 넣어 주세요.',
    about: (n) => `출처(${n}건)와 참고`,
    close: '닫기',
    png: 'PNG 내려받기',
    data: '데이터 받기',
    conflicts: (n) => `출처끼리 다른 수치 ${n}건은 제외`,
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
@media (max-width: 560px) {
  :host { aspect-ratio: var(--tradegap-aspect, var(--tradegap-aspect-narrow, 1 / 1)); }
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
  color-scheme: dark;
}
:host([hidden]) { display: none; }
.plot { position: absolute; inset: 0 0 2.25rem 0; }
canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; }
canvas:focus-visible { outline: 2px solid var(--tradegap-exports); outline-offset: 2px; }
.status { position: absolute; inset: 0; margin: 0; padding: 1rem; display: flex; flex-direction: column;
  gap: 0.4rem; align-items: center; justify-content: center; text-align: center; font-size: 0.95rem;
  color: var(--tradegap-muted); background: var(--tradegap-background); }
.status[hidden] { display: none; }
.status[data-kind="error"] { color: var(--tradegap-text); border: 1px solid var(--tradegap-imports); }
.status code { font-size: 0.85rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.actions { position: absolute; left: 0; right: 0; bottom: 0; height: 2.25rem; display: flex; gap: 0.25rem;
  align-items: center; padding: 0 8px; overflow: hidden; white-space: nowrap; font-size: 0.8rem; }
.actions[hidden] { display: none; }
.warning { color: var(--tradegap-imports); overflow: hidden; text-overflow: ellipsis; min-width: 0; }
.warning:empty { display: none; }
.spacer { flex: 1; }
button { font: inherit; color: var(--tradegap-muted); background: none; border: 1px solid transparent;
  border-radius: 4px; padding: 0.3rem 0.45rem; cursor: pointer; min-height: 2rem; }
button:hover { color: var(--tradegap-text); border-color: var(--tradegap-grid); }
button:focus-visible { outline: 2px solid var(--tradegap-exports); outline-offset: 1px; }
.about { position: absolute; inset: 0; overflow: auto; margin: 0; padding: 0.75rem 1rem;
  background: var(--tradegap-background); color: var(--tradegap-text); font-size: 0.85rem; line-height: 1.45;
  border: 1px solid var(--tradegap-grid); }
.about[hidden] { display: none; }
.about p { margin: 0 0 0.6rem; }
.about ul { margin: 0.25rem 0 0.6rem; padding-left: 1.1rem; }
.about h2 { font-size: 0.9rem; margin: 0.6rem 0 0.25rem; }
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

/** A CSV field, quoted when it must be. */
function csvField(v) {
  const s = v == null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
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

const THEME_KEYS = ['exports', 'imports', 'balance', 'text', 'muted', 'grid', 'axis', 'background'];
const OPTION_ATTRIBUTES = ['focus', 'partner', 'year', 'lang', 'title', 'source', 'note', 'top', 'view'];

export class TradeGap extends HTMLElement {
  static observedAttributes = ['src', 'aspect', 'theme', ...OPTION_ATTRIBUTES];

  #chart = null;
  #text = null; // the data as loaded, so that option changes do not fetch again
  #loadedFrom = null;
  #frame = 0;
  #generation = 0;
  #drawn = { w: 0, h: 0, dpr: 0, theme: '' };
  analysis = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet()];

    this.plot = el('div', 'plot');
    this.canvas = el('canvas');
    this.canvas.setAttribute('role', 'img');
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
    this.dataButton = el('button');
    for (const b of [this.aboutButton, this.pngButton, this.dataButton]) b.type = 'button';
    this.aboutButton.setAttribute('aria-expanded', 'false');
    this.aboutButton.addEventListener('click', () => this.#toggleAbout());
    this.pngButton.addEventListener('click', () => this.downloadPng());
    this.dataButton.addEventListener('click', () => this.downloadData());
    this.actions.append(this.warning, el('span', 'spacer'), this.aboutButton, this.pngButton, this.dataButton);

    // The sentences and the fallback table stay in the accessibility tree, out of sight.
    this.summary = el('p', 'sr-only');
    this.summary.id = 'summary';
    const fallback = el('div', 'sr-only');
    fallback.append(document.createElement('slot'));

    // An empty title stops the host's `title` attribute from showing as a tooltip everywhere.
    for (const part of [this.plot, this.actions]) part.title = '';
    root.append(this.plot, this.actions, this.summary, fallback);
    this.resizeObserver = new ResizeObserver(() => this.schedule());
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
    this.#update();
  }

  disconnectedCallback() {
    instances.delete(this);
    this.resizeObserver.disconnect();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
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
    for (const key of ['focus', 'partner', 'title', 'note', 'source', 'view']) {
      const v = this.getAttribute(key);
      if (v) o[key] = v;
    }
    for (const key of ['year', 'top']) {
      const v = this.getAttribute(key);
      if (v) o[key] = Number(v);
    }
    return o;
  }

  /** Loads data if where it comes from changed, then analyses and draws. */
  async #update() {
    const generation = ++this.#generation;
    try {
      const origin = this.getAttribute('src') || 'inline';
      if (this.#text === null || this.#loadedFrom !== origin) {
        this.#showStatus('loading', this.#ui.loading);
        const [text] = await Promise.all([this.#readData(), loadWasm()]);
        if (generation !== this.#generation) return;
        this.#chart ??= new Chart(this.canvas);
        this.#text = text;
        this.#loadedFrom = origin;
        this.#ready(this.#chart.load(text, this.#options()));
      } else {
        await loadWasm();
        if (generation !== this.#generation) return;
        this.#ready(this.#chart.setOptions(this.#options()));
      }
    } catch (e) {
      if (generation === this.#generation) this.#fail(e);
    }
  }

  async #readData() {
    const src = this.getAttribute('src');
    if (src) {
      let response;
      try {
        response = await fetch(src);
      } catch (e) {
        throw { message: this.#ui.network(src, e.message || 'network error'), line: null, column: null };
      }
      if (!response.ok) {
        throw { message: this.#ui.network(src, `HTTP ${response.status}`), line: null, column: null };
      }
      return response.text();
    }
    const script = this.querySelector('script[type="text/csv"], script[type="application/json"]');
    if (script) return script.textContent;
    const table = this.querySelector('table');
    if (table) return tableToCsv(table);
    throw { message: this.#ui.noData, line: null, column: null };
  }

  #ready(analysis) {
    this.analysis = analysis;
    this.status.hidden = true;
    this.status.replaceChildren();
    const sentences = analysis.sentences.join(' ');
    this.canvas.setAttribute('aria-label', analysis.title);
    this.canvas.setAttribute('aria-describedby', 'summary');
    this.summary.textContent = sentences;
    this.#renderActions(analysis);
    this.#renderAbout(analysis);
    this.#drawn = { w: 0, h: 0, dpr: 0, theme: '' };
    this.#draw();
    this.dispatchEvent(new CustomEvent('tradegap:ready', { detail: analysis, bubbles: true }));
  }

  #renderActions(analysis) {
    const ui = this.#ui;
    this.actions.hidden = false;
    this.aboutButton.textContent = ui.about(analysis.sources.length);
    this.pngButton.textContent = ui.png;
    this.dataButton.textContent = ui.data;
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
    const close = el('button', null, ui.close);
    close.type = 'button';
    close.addEventListener('click', () => this.#toggleAbout(false));
    parts.push(close);
    this.about.replaceChildren(...parts);
  }

  #toggleAbout(open = this.about.hidden) {
    this.about.hidden = !open;
    this.aboutButton.setAttribute('aria-expanded', String(open));
    if (open) this.about.querySelector('button')?.focus();
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
    this.canvas.removeAttribute('aria-label');
    this.summary.textContent = '';
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

  /** Coalesces redraws to one per frame. */
  schedule() {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#draw();
    });
  }

  #draw() {
    if (!this.#chart || !this.analysis) return;
    const w = this.plot.clientWidth;
    const h = this.plot.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    if (!w || !h) return;
    const theme = this.#theme();
    const key = JSON.stringify(theme);
    const d = this.#drawn;
    if (w === d.w && h === d.h && dpr === d.dpr && key === d.theme) return;
    this.#drawn = { w, h, dpr, theme: key };
    try {
      this.#chart.draw(w, h, dpr, theme);
    } catch (e) {
      this.#fail(e);
    }
  }

  #theme() {
    const cs = getComputedStyle(this);
    const theme = {};
    for (const key of THEME_KEYS) theme[key] = cs.getPropertyValue(`--tradegap-${key}`).trim();
    theme.font = cs.fontFamily;
    return theme;
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
    // toBlob copies the bitmap at once, so drawing back at the screen's ratio straight
    // after shows no flicker.
    this.#chart.draw(w, h, 2, this.#theme());
    const blob = new Promise((resolve) => this.canvas.toBlob(resolve, 'image/png'));
    this.#drawn = { w: 0, h: 0, dpr: 0, theme: '' };
    this.#draw();
    return blob;
  }

  async downloadPng() {
    const blob = await this.pngBlob();
    if (blob) save(blob, this.#fileName('png'));
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
    save(new Blob([this.dataCsv()], { type: 'text/csv;charset=utf-8' }), this.#fileName('csv'));
  }

  /** The year under a point of the canvas, in CSS pixels. */
  yearAt(x, y) {
    return this.#chart?.yearAt(x, y) ?? null;
  }
}

function save(blob, name) {
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
