// <trade-gap>: the embeddable element. Thin by design: it finds the data, hands it
// to the Rust core, and forwards size and theme; every number and every word of the
// chart comes from the core. No data ever reaches innerHTML.
import init, { Chart } from './pkg/tradegap.js';

let wasmReady = null;
/** Loads and instantiates the wasm module once for every element on the page. */
function loadWasm() {
  wasmReady ??= init({ module_or_path: new URL('./pkg/tradegap_bg.wasm', import.meta.url) });
  return wasmReady;
}

const UI = {
  en: {
    loading: 'Loading chart…',
    error: 'This chart could not be drawn.',
    network: (url, why) => `The data at ${url} could not be loaded (${why}).`,
    noData: 'No data: give the element a src attribute, a <table> or a <script type="text/csv">.',
    sources: (n) => (n === 1 ? 'Source' : `All ${n} sources`),
  },
  ko: {
    loading: '차트를 불러오는 중…',
    error: '차트를 그릴 수 없습니다.',
    network: (url, why) => `${url}의 데이터를 불러오지 못했습니다(${why}).`,
    noData: '데이터가 없습니다. src 속성, <table> 또는 <script type="text/csv">를 넣어 주세요.',
    sources: (n) => `출처 ${n}건`,
  },
};

// Colours are custom properties so that a site can restyle the chart from its own CSS.
const STYLE = `
:host {
  display: block;
  --tradegap-exports: #2166ac;
  --tradegap-imports: #d6604d;
  --tradegap-balance: #1a1a1a;
  --tradegap-text: #1a1a1a;
  --tradegap-muted: #595959;
  --tradegap-grid: #e3e3e3;
  --tradegap-axis: #8c8c8c;
  --tradegap-background: #ffffff;
  --tradegap-font: inherit;
  font-family: var(--tradegap-font);
  color: var(--tradegap-text);
  background: var(--tradegap-background);
}
:host([hidden]) { display: none; }
@media (prefers-color-scheme: dark) {
  :host {
    --tradegap-exports: #6baed6;
    --tradegap-imports: #f4a582;
    --tradegap-balance: #f0f0f0;
    --tradegap-text: #f0f0f0;
    --tradegap-muted: #b3b3b3;
    --tradegap-grid: #333333;
    --tradegap-axis: #8c8c8c;
    --tradegap-background: #121212;
  }
}
.plot { position: relative; width: 100%; aspect-ratio: var(--tradegap-aspect, 16 / 10); min-height: 300px; }
canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; }
.status { position: absolute; inset: 0; margin: 0; padding: 1rem; display: flex; align-items: center;
  justify-content: center; text-align: center; font-size: 0.95rem; color: var(--tradegap-muted); }
.status[hidden] { display: none; }
.status[data-kind="error"] { color: var(--tradegap-text); border: 1px solid var(--tradegap-imports);
  flex-direction: column; gap: 0.4rem; }
.status strong { display: block; }
.status code { font-size: 0.85rem; white-space: pre-wrap; word-break: break-word; }
.summary { margin: 0.25rem 0 0; padding: 0 12px; font-size: 0.9rem; line-height: 1.45; }
footer { font-size: 0.75rem; color: var(--tradegap-muted); margin-top: 0.4rem; padding: 0 12px 8px; }
footer p { margin: 0; }
footer ul { margin: 0.25rem 0 0; padding-left: 1.1rem; }
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

/** A child <table> as native CSV: header row first, cells quoted where needed. */
function tableToCsv(table) {
  const quote = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [...table.rows]
    .map((row) => [...row.cells].map((c) => quote(c.textContent.trim())).join(','))
    .join('\n');
}

const THEME_KEYS = ['exports', 'imports', 'balance', 'text', 'muted', 'grid', 'axis', 'background'];

class TradeGap extends HTMLElement {
  static observedAttributes = ['src', 'focus', 'partner', 'year', 'lang', 'title', 'note', 'top'];

  #chart = null;
  #text = null; // the data as loaded, so that option changes do not fetch again
  #loadedFrom = null;
  #frame = 0;
  #generation = 0;
  #size = { w: 0, h: 0, dpr: 0 };
  analysis = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet()];
    this.plot = el('div', 'plot');
    this.canvas = el('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('part', 'canvas');
    this.status = el('p', 'status');
    this.status.setAttribute('role', 'status');
    this.plot.append(this.canvas, this.status);
    this.summary = el('p', 'summary');
    this.summary.setAttribute('part', 'summary');
    this.footer = el('footer');
    this.footer.setAttribute('part', 'footer');
    const fallback = el('div', 'sr-only');
    fallback.append(document.createElement('slot'));
    // An empty title stops the host's `title` attribute from showing as a tooltip everywhere.
    for (const part of [this.plot, this.summary, this.footer]) part.title = '';
    root.append(this.plot, this.summary, this.footer, fallback);
    this.resizeObserver = new ResizeObserver(() => this.#schedule());
  }

  get #ui() {
    return UI[this.#lang] ?? UI.en;
  }

  get #lang() {
    return (this.getAttribute('lang') || 'en').toLowerCase().startsWith('ko') ? 'ko' : 'en';
  }

  connectedCallback() {
    this.resizeObserver.observe(this.plot);
    this.#update();
  }

  disconnectedCallback() {
    this.resizeObserver.disconnect();
    cancelAnimationFrame(this.#frame);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected) this.#update();
  }

  #options() {
    const o = { lang: this.#lang };
    for (const key of ['focus', 'partner', 'title', 'note']) {
      const v = this.getAttribute(key);
      if (v) o[key] = v;
    }
    for (const key of ['year', 'top']) {
      const v = this.getAttribute(key);
      if (v) o[key] = Number(v);
    }
    return o;
  }

  /** Loads data if its origin changed, then analyses and draws. */
  async #update() {
    const generation = ++this.#generation;
    try {
      const source = this.getAttribute('src') || 'inline';
      if (this.#text === null || this.#loadedFrom !== source) {
        this.#showStatus('loading', this.#ui.loading);
        const [text] = await Promise.all([this.#readData(), loadWasm()]);
        if (generation !== this.#generation) return;
        this.#chart ??= new Chart(this.canvas);
        this.#text = text;
        this.#loadedFrom = source;
        this.#ready(this.#chart.load(text, this.#options()));
      } else {
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
    this.canvas.setAttribute('aria-label', `${analysis.title}. ${sentences}`);
    this.summary.textContent = sentences;
    this.#renderFooter(analysis);
    this.#size = { w: 0, h: 0, dpr: 0 };
    this.#draw();
    this.dispatchEvent(new CustomEvent('tradegap:ready', { detail: analysis, bubbles: true }));
  }

  #renderFooter(analysis) {
    const parts = [];
    const note = this.getAttribute('note');
    if (note) parts.push(el('p', null, note));
    const sources = analysis.sources;
    if (sources.length) {
      const details = el('details');
      details.append(el('summary', null, this.#ui.sources(sources.length)));
      const list = el('ul');
      for (const s of sources) list.append(el('li', null, `${s.name}: ${s.years.join(', ')}`));
      details.append(list);
      parts.push(details);
    }
    this.footer.replaceChildren(...parts);
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
    this.footer.replaceChildren();
    this.#showStatus('error', this.#ui.error, detail.message);
    this.dispatchEvent(new CustomEvent('tradegap:error', { detail, bubbles: true }));
  }

  #showStatus(kind, headline, detail) {
    this.status.hidden = false;
    this.status.dataset.kind = kind;
    const parts = [el('strong', null, headline)];
    if (detail) parts.push(el('code', null, detail));
    this.status.replaceChildren(...parts);
    if (kind === 'error') this.status.setAttribute('role', 'alert');
    else this.status.setAttribute('role', 'status');
  }

  /** Coalesces redraws to one per frame. */
  #schedule() {
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
    if (w === this.#size.w && h === this.#size.h && dpr === this.#size.dpr) return;
    this.#size = { w, h, dpr };
    try {
      this.#chart.draw(w, h, dpr, this.#theme());
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

  /** The year under a point of the canvas, in CSS pixels. */
  yearAt(x, y) {
    return this.#chart?.yearAt(x, y) ?? null;
  }
}

if (!customElements.get('trade-gap')) customElements.define('trade-gap', TradeGap);

export { TradeGap, loadWasm };
