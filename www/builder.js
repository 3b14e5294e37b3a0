// The chart builder: data in (file, drop or paste), choices filled from the data, the
// real <trade-gap> as a preview at two widths, and the embed codes out. Every figure
// and every reading of the data comes from the Rust core (inspect, toNativeCsv, the
// element); this file only wires the form. Nothing is sent anywhere: the data stays in
// this page and in its localStorage. Text enters the DOM only as textContent.
import { saveBlob } from './tradegap.js';
// The desk's module: the page's one plus inspect(), toNativeCsv() and checkClaims(),
// which readers' pages never load (make build writes both).
import initDesk, * as wasm from './pkg/tradegap_desk.js';

const STORE = 'tradegap-builder';
const INLINE_LIMIT = 200 * 1024; // larger data goes into a file of its own (src)
const EXAMPLE = 'data/nk-china-trade.csv';
const $ = (id) => document.getElementById(id);

const UI = {
  en: {
    title: 'Trade chart builder',
    lede: 'Load trade figures, choose what to show, copy the code into your article. Nothing you load leaves this browser: no upload, no account.',
    startOver: 'Start over',
    hData: 'Your data',
    dropHint: 'Drop a file here, or',
    chooseFile: 'Choose a file',
    fileKinds: 'A download from UN Comtrade, CEPII BACI or WITS, or your own table (CSV or JSON).',
    pasteLabel: 'Or paste the figures (CSV, JSON, or cells copied from a spreadsheet)',
    pasteHint: 'Columns: year, exporter, importer, value; optional product_code, product, unit, source, note. Countries as three-letter codes (PRK, CHN).',
    useExample: "Try it with example data: North Korea's trade with China",
    showInText: 'Show it in the pasted text',
    hChoices: 'What the chart shows',
    focus: 'Country',
    partner: 'Trading with',
    swap: 'Swap the two countries',
    view: 'Chart',
    viewAuto: 'Automatic',
    viewBalance: 'Balance, year by year',
    viewComposition: 'What the trade is made of',
    viewStory: 'Balance and what it is made of',
    viewPartners: 'Largest partners',
    year: 'Year described',
    latest: 'Latest',
    compare: 'Compare with',
    none: 'No comparison',
    lang: 'Chart language',
    theme: 'Colours',
    themeAuto: "Follow the reader's setting",
    themeLight: 'Light',
    themeDark: 'Dark',
    chartTitle: 'Title (empty: written from the data)',
    note: 'Note under the chart',
    source: 'Credit line (empty: the sources in the data)',
    prefer: 'Where sources disagree, use (source names, first wins)',
    rollup: 'Product detail',
    rollupNone: 'As in the data',
    rollupHs4: 'HS headings (4 digits)',
    rollupHs2: 'HS chapters (2 digits)',
    groups: 'Product groups (e.g. Textiles=50-63; Plastics=39)',
    hPreview: 'Preview',
    width: 'Article column width (px)',
    downloadPng: 'Download PNG',
    downloadSvg: 'Download SVG',
    downloadSocial: 'PNG for social media (1200×675)',
    phone: 'Phone, 360 px',
    column: 'Article column',
    columnWidth: (w) => `Article column, ${w} px`,
    previewEmpty: 'The chart appears here once the data is in.',
    hEmbed: 'Put it in your article',
    filesUrl: "Where the chart's files are (tradegap.min.js, tradegap.css, pkg/…)",
    filesHint: "Ask your web team once: they must be on your article's site (or allowed to it by CORS). The builder's own address works while you try it out.",
    dataUrl: 'Address of the data file, if you host it (optional)',
    dataInline: 'Empty: the data goes inside the code.',
    dataTooBig: (kb) => `The data is ${kb} KB, too much to paste into an article: download the data file, put it on your site and give its address here.`,
    dataHosted: 'The code loads the data from this address: download the data file and put it there.',
    downloadData: 'Download the data file (CSV)',
    embedElement: 'Code for your article (paste it into an HTML block of your CMS)',
    embedIframe: 'Or as an iframe (for a CMS that strips scripts)',
    copy: 'Copy',
    copied: 'Copied.',
    copyFailed: 'Select the text and copy it with Ctrl+C.',
    hArticle: "Check the article's figures",
    articleLabel: 'Paste your draft: each figure about this trade is checked against the data',
    claimsSoon: 'The figure check is not in this build (make build writes it into pkg/tradegap_desk.js).',
    claimsNone: 'No figures about this trade found in the text.',
    claimsCount: (n, bad) => `${n} figure${n === 1 ? '' : 's'} checked${bad ? `, ${bad} to look at` : ''}.`,
    verdict: { match: 'matches the data', differs: 'differs from the data', unverifiable: 'not in the data' },
    foot: 'tradegap builder: the figures are read and drawn in this page, by the same code that draws the chart in your article.',
    demoLink: 'See the chart in a demo article',
    read: (fmt, rows, name) => `${name ? `${name}: ` : ''}read as ${fmt}, ${rows.toLocaleString('en')} row${rows === 1 ? '' : 's'}.`,
    pasted: 'Cells from a spreadsheet (tab-separated).',
    countries: (n, y0, y1) => `${n} countr${n === 1 ? 'y' : 'ies'}, ${y0 === y1 ? y0 : `${y0}–${y1}`}.`,
    products: 'With products.',
    skipped: (n) => `${n.toLocaleString('en')} row${n === 1 ? '' : 's'} left out (not flows between two countries)`,
    skippedRow: (rows, reason, line) => `${rows.toLocaleString('en')} × ${reason} (first on line ${line})`,
    errorAt: (line, col) => `Line ${line}${col ? `, column ${col}` : ''}:`,
    notUtf8: 'The file is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in Excel) and load it again.',
    tooBigToKeep: 'The data is too big to keep for the next visit; the settings are kept.',
    formats: { native: 'the native CSV', json: 'JSON', comtrade: 'a UN Comtrade download', 'comtrade-legacy': 'a UN Comtrade (legacy) download', baci: 'a CEPII BACI file', wits: 'a WITS download', reported: 'figures as reported' },
    conflict: (c) => `${c.year}, ${c.exporter}→${c.importer}${c.product ? ` ${c.product}` : ''}: ${c.values.map((v) => `${v.source} ${v.value.toLocaleString('en')}`).join(' / ')}`,
    iframeTitle: (t) => t,
  },
  ko: {
    title: '무역 차트 만들기',
    lede: '무역 수치를 불러오고, 보여줄 내용을 고르고, 코드를 복사해 기사에 넣으세요. 불러온 자료는 이 브라우저 밖으로 나가지 않습니다. 업로드도 계정도 없습니다.',
    startOver: '처음부터',
    hData: '자료',
    dropHint: '파일을 여기에 끌어다 놓거나',
    chooseFile: '파일 고르기',
    fileKinds: 'UN Comtrade, CEPII BACI, WITS에서 내려받은 파일이나 직접 만든 표(CSV, JSON).',
    pasteLabel: '또는 수치를 붙여넣기(CSV, JSON, 스프레드시트에서 복사한 셀)',
    pasteHint: '열: year, exporter, importer, value. 선택: product_code, product, unit, source, note. 나라는 세 글자 코드(PRK, CHN).',
    useExample: '예시 자료로 해보기: 북한의 대중국 무역',
    showInText: '붙여넣은 글에서 보기',
    hChoices: '차트에 보여줄 내용',
    focus: '나라',
    partner: '상대국',
    swap: '두 나라 바꾸기',
    view: '차트',
    viewAuto: '자동',
    viewBalance: '연도별 수지',
    viewComposition: '품목 구성',
    viewStory: '수지와 품목 구성',
    viewPartners: '주요 상대국',
    year: '설명할 연도',
    latest: '최근',
    compare: '비교할 연도',
    none: '비교 안 함',
    lang: '차트 언어',
    theme: '색',
    themeAuto: '독자 설정을 따름',
    themeLight: '밝게',
    themeDark: '어둡게',
    chartTitle: '제목(비우면 자료로 만듦)',
    note: '차트 아래 주석',
    source: '출처 표기(비우면 자료의 출처)',
    prefer: '출처끼리 다를 때 쓸 출처(쉼표로, 앞이 우선)',
    rollup: '품목 단위',
    rollupNone: '자료 그대로',
    rollupHs4: 'HS 4단위',
    rollupHs2: 'HS 2단위(류)',
    groups: '품목 묶음(예: 섬유=50-63; 플라스틱=39)',
    hPreview: '미리보기',
    width: '기사 본문 폭(px)',
    downloadPng: 'PNG 내려받기',
    downloadSvg: 'SVG 내려받기',
    downloadSocial: 'SNS용 PNG(1200×675)',
    phone: '휴대전화, 360px',
    column: '기사 본문',
    columnWidth: (w) => `기사 본문, ${w}px`,
    previewEmpty: '자료를 넣으면 여기에 차트가 나타납니다.',
    hEmbed: '기사에 넣기',
    filesUrl: '차트 파일 위치(tradegap.min.js, tradegap.css, pkg/…)',
    filesHint: '웹 담당자에게 한 번 물어보세요. 기사가 실리는 사이트에 있어야 합니다(또는 CORS로 허용). 시험 삼아 쓸 때는 이 페이지의 주소로 됩니다.',
    dataUrl: '자료 파일을 올려 둔 주소(선택)',
    dataInline: '비우면 자료가 코드 안에 들어갑니다.',
    dataTooBig: (kb) => `자료가 ${kb}KB로 기사에 넣기에는 큽니다. 자료 파일을 내려받아 사이트에 올리고 그 주소를 여기에 넣으세요.`,
    dataHosted: '코드가 이 주소에서 자료를 불러옵니다. 자료 파일을 내려받아 그곳에 올리세요.',
    downloadData: '자료 파일(CSV) 내려받기',
    embedElement: '기사에 넣을 코드(CMS의 HTML 블록에 붙여넣기)',
    embedIframe: '또는 iframe(스크립트를 지우는 CMS용)',
    copy: '복사',
    copied: '복사했습니다.',
    copyFailed: '글을 선택하고 Ctrl+C로 복사하세요.',
    hArticle: '기사 수치 확인',
    articleLabel: '기사 초안을 붙여넣으세요. 이 무역에 관한 수치를 자료와 맞춰 봅니다',
    claimsSoon: '이 빌드에는 수치 확인 기능이 없습니다(make build가 pkg/tradegap_desk.js에 넣습니다).',
    claimsNone: '글에서 이 무역에 관한 수치를 찾지 못했습니다.',
    claimsCount: (n, bad) => `수치 ${n}건 확인${bad ? `, ${bad}건 살펴볼 것` : ''}.`,
    verdict: { match: '자료와 일치', differs: '자료와 다름', unverifiable: '자료에 없음' },
    foot: 'tradegap 차트 만들기: 수치는 기사 속 차트를 그리는 것과 같은 코드로 이 페이지 안에서 읽고 그립니다.',
    demoLink: '예시 기사에서 차트 보기',
    read: (fmt, rows, name) => `${name ? `${name}: ` : ''}${fmt}(으)로 ${rows.toLocaleString('ko')}행을 읽었습니다.`,
    pasted: '스프레드시트에서 복사한 셀(탭으로 구분).',
    countries: (n, y0, y1) => `나라 ${n}곳, ${y0 === y1 ? y0 : `${y0}–${y1}`}년.`,
    products: '품목 포함.',
    skipped: (n) => `${n.toLocaleString('ko')}행 제외(두 나라 사이의 흐름이 아님)`,
    skippedRow: (rows, reason, line) => `${rows.toLocaleString('ko')}행: ${reason} (처음 ${line}행)`,
    errorAt: (line, col) => `${line}행${col ? ` ${col}열` : ''}:`,
    notUtf8: '파일이 UTF-8 글이 아닙니다. UTF-8(Excel의 CSV UTF-8)로 저장해 다시 불러오세요.',
    tooBigToKeep: '자료가 커서 다음 방문을 위해 저장하지 못했습니다. 설정은 저장했습니다.',
    formats: { native: '기본 CSV', json: 'JSON', comtrade: 'UN Comtrade 파일', 'comtrade-legacy': 'UN Comtrade(구형) 파일', baci: 'CEPII BACI 파일', wits: 'WITS 파일', reported: '보도 수치' },
    conflict: (c) => `${c.year}년 ${c.exporter}→${c.importer}${c.product ? ` ${c.product}` : ''}: ${c.values.map((v) => `${v.source} ${v.value.toLocaleString('ko')}`).join(' / ')}`,
    iframeTitle: (t) => t,
  },
};

// The settings kept between visits, by element id; each is an option of the chart.
const FIELDS = ['focus', 'partner', 'view', 'year', 'compare', 'lang', 'theme', 'title', 'note', 'source',
  'prefer-source', 'rollup', 'groups', 'width', 'data-url', 'files-url', 'article'];

const state = {
  ui: 'en',
  text: '', // the data as the editor gave it
  name: '', // its file name, if any
  info: null, // inspect()'s summary
  native: '', // the data as native CSV, for this focus and partner: what the embed carries
  nativeFor: '',
  analysis: null,
};

// ---------- words ----------

function t(key, ...args) {
  const v = UI[state.ui][key] ?? UI.en[key];
  return typeof v === 'function' ? v(...args) : v;
}

function applyUi() {
  document.documentElement.lang = state.ui;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  document.title = `${t('title')} — tradegap`;
  $('files-url').placeholder = new URL('.', location.href).href;
  const other = state.ui === 'en' ? 'ko' : 'en';
  const toggle = $('ui-lang');
  toggle.textContent = other === 'ko' ? '한국어' : 'English';
  toggle.lang = other;
  $('column-caption').textContent = t('columnWidth', widthValue());
  if (state.info) {
    fillCountries();
    showStatus();
  }
  updateDataUrlHint();
}

// ---------- data in ----------

function setData(text, name, { reveal = false } = {}) {
  state.text = text;
  state.name = name || '';
  state.nativeFor = '';
  readData({ fresh: true });
  // A file is in: show the next step (the choices, with the preview under them).
  if (reveal && state.info) $('step-choices').scrollIntoView({ block: 'start' });
}

/** Reads the data: its summary, the choices it allows, then the preview. */
function readData({ fresh } = {}) {
  hideError();
  state.info = null;
  if (!state.text.trim()) {
    clearOutputs();
    $('data-status').textContent = '';
    return;
  }
  try {
    state.info = wasm.inspect(state.text, 'auto');
  } catch (e) {
    showError(e);
    clearOutputs();
    return;
  }
  if (fresh) {
    // A new file starts from its own countries and years.
    for (const id of ['focus', 'partner', 'year', 'compare', 'prefer-source', 'groups', 'rollup']) $(id).value = '';
  }
  fillCountries();
  showStatus();
  $('choices').disabled = false;
  update();
}

function showStatus() {
  const info = state.info;
  const lines = [];
  const fmt = t('formats')[info.format] ?? info.format;
  lines.push(t('read', fmt, info.rowsRead, state.name));
  if (info.delimiter === '\t') lines.push(t('pasted'));
  if (info.years.length) lines.push(t('countries', info.countries.length, info.years[0], info.years.at(-1)));
  if (info.hasProducts) lines.push(t('products'));
  $('data-status').textContent = lines.join(' ');
  const skipped = info.skipped.reduce((n, s) => n + s.rows, 0);
  $('skipped-box').hidden = skipped === 0;
  $('skipped-summary').textContent = t('skipped', skipped);
  $('skipped-list').replaceChildren(...info.skipped.map((s) => li(t('skippedRow', s.rows, s.reason, s.line))));
  // Choices that only some data has.
  $('products-box').hidden = !info.hasProducts;
  $('prefer-box').hidden = info.conflicts.length === 0;
  $('source-names').replaceChildren(...info.sources.map((s) => Object.assign(document.createElement('option'), { value: s })));
  $('conflict-list').replaceChildren(...info.conflicts.slice(0, 20).map((c) => li(t('conflict', c))));
}

function li(text) {
  const e = document.createElement('li');
  e.textContent = text;
  return e;
}

function option(value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

/** The countries in the data, by name in the editor's language, most flows first. */
function fillCountries() {
  const info = state.info;
  const name = (c) => `${state.ui === 'ko' ? c.ko : c.en} (${c.code})`;
  const byName = [...info.countries].sort((a, b) => name(a).localeCompare(name(b), state.ui));
  for (const id of ['focus', 'partner']) {
    const select = $(id);
    const keep = select.value || (id === 'focus' ? info.focusGuess : info.partnerGuess) || '';
    select.replaceChildren(...byName.map((c) => option(c.code, name(c))));
    select.value = keep;
    if (select.value !== keep && byName[0]) select.value = byName[0].code;
  }
}

/** Shows a parse error with its line and column, and the line itself with the cell marked. */
function showError(e) {
  const box = $('data-error');
  box.hidden = false;
  const line = typeof e?.line === 'number' ? e.line : null;
  const column = typeof e?.column === 'number' ? e.column : null;
  const message = String(e?.message ?? e);
  $('error-message').textContent = message;
  const pre = $('error-line');
  pre.replaceChildren();
  if (line) {
    const text = state.text.split(/\r?\n/)[line - 1] ?? '';
    const head = document.createElement('span');
    head.className = 'where';
    head.textContent = t('errorAt', line, column);
    pre.append(head, '\n');
    const [before, cell, after] = splitAtCell(text, column, state.text);
    const mark = document.createElement('mark');
    mark.textContent = cell || ' ';
    pre.append(before, mark, after);
  }
  $('error-goto').hidden = !(line && $('data-text').value === state.text);
  $('error-goto').onclick = () => selectLine($('data-text'), line);
  $('data-status').textContent = '';
}

/** A line cut around its `column`-th cell (CSV or TSV; for JSON, the character). */
function splitAtCell(line, column, whole) {
  if (!column) return [line, '', ''];
  if (/^\s*[[{]/.test(whole)) {
    const i = Math.max(0, column - 1);
    return [line.slice(0, i), line.slice(i, i + 1), line.slice(i + 1)];
  }
  const sep = line.includes('\t') && !line.includes(',') ? '\t' : ',';
  let start = 0;
  let field = 1;
  let quoted = false;
  for (let i = 0; i <= line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    if ((ch === sep && !quoted) || i === line.length) {
      if (field === column) return [line.slice(0, start), line.slice(start, i), line.slice(i)];
      field++;
      start = i + 1;
    }
  }
  return [line, '', ''];
}

function selectLine(area, line) {
  const lines = area.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  area.focus();
  area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
}

function hideError() {
  $('data-error').hidden = true;
}

async function readFile(file) {
  if (!file) return;
  const buffer = await file.arrayBuffer();
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    state.text = '';
    clearOutputs();
    showError({ message: t('notUtf8') });
    return;
  }
  $('data-text').value = '';
  setData(text, file.name, { reveal: true });
}

// ---------- options, preview ----------

function widthValue() {
  const w = Number($('width').value);
  return Number.isFinite(w) && w >= 280 ? Math.min(w, 1600) : 720;
}

/** The chart's attributes from the form, empty ones left out. */
function attributes() {
  const a = {};
  for (const id of ['focus', 'partner', 'view', 'year', 'compare', 'lang', 'theme', 'title', 'note', 'source',
    'prefer-source', 'rollup', 'groups']) {
    const v = $(id).value.trim();
    if (v && !(id === 'theme' && v === 'auto')) a[id] = v;
    // "Automatic" is written out: the story needs view="story" in the markup for its
    // taller box from the first paint (tradegap.css).
    if (id === 'view' && !v && state.info) a.view = state.info.hasProducts ? 'story' : 'balance';
  }
  return a;
}

/** Redraws the previews and writes the codes: called on every change. */
function update() {
  save();
  if (!state.info) return;
  const a = attributes();
  const key = `${a.focus}|${a.partner}`;
  $('option-error').hidden = true;
  if (state.nativeFor !== key) {
    try {
      state.native = wasm.toNativeCsv(state.text, { focus: a.focus || null, partner: a.partner || null });
      state.nativeFor = key;
    } catch (e) {
      showError(e);
      clearOutputs();
      return;
    }
    buildPreviews();
  }
  for (const el of previews()) setAttributes(el, a);
  $('column-box').style.width = `${widthValue()}px`;
  $('column-caption').textContent = t('columnWidth', widthValue());
  $('previews').dataset.theme = a.theme || 'auto';
  writeEmbeds();
}

function previews() {
  return [...document.querySelectorAll('#previews trade-gap')];
}

function setAttributes(el, a) {
  for (const name of ['focus', 'partner', 'view', 'year', 'compare', 'lang', 'theme', 'title', 'note', 'source',
    'prefer-source', 'rollup', 'groups']) {
    if (a[name]) {
      if (el.getAttribute(name) !== a[name]) el.setAttribute(name, a[name]);
    } else if (el.hasAttribute(name)) el.removeAttribute(name);
  }
}

/** A fresh pair of elements with the native CSV inline: exactly what the embed holds. */
function buildPreviews() {
  const make = (id) => {
    const el = document.createElement('trade-gap');
    el.id = id;
    const script = document.createElement('script');
    script.type = 'text/csv';
    script.textContent = state.native;
    el.append(script);
    el.addEventListener('tradegap:ready', (e) => onReady(el, e.detail));
    el.addEventListener('tradegap:select', (e) => {
      if (el.id === 'preview') selectYear(e.detail.year);
    });
    el.addEventListener('tradegap:error', (e) => previewError(el, e.detail));
    return el;
  };
  const phone = make('preview-phone');
  // The phone's own box, whatever this page's width: square, the story 9:20 (tradegap.css).
  phone.style.setProperty('--tradegap-aspect', '1 / 1');
  phone.style.setProperty('--tradegap-story-height', 'clamp(720px, 100% * 20 / 9, 820px)');
  setAttributes(phone, attributes());
  const wide = make('preview');
  setAttributes(wide, attributes());
  $('phone-box').replaceChildren(phone);
  $('column-box').replaceChildren(wide);
  $('previews').hidden = false;
  $('preview-empty').hidden = true;
}

function onReady(el, analysis) {
  if (el.id !== 'preview') return;
  state.analysis = analysis;
  $('option-error').hidden = true;
  fillYears(analysis);
  for (const id of ['download-png', 'download-social', 'copy-element', 'copy-iframe', 'download-data']) $(id).disabled = false;
  // The SVG button once the element can draw one (issue 10).
  const svg = typeof el.downloadSvg === 'function';
  $('download-svg').hidden = !svg;
  $('download-svg').disabled = !svg;
  writeEmbeds();
  checkArticle();
}

function previewError(el, detail) {
  if (el.id !== 'preview') return;
  state.analysis = null;
  // Option errors name the option; data errors were shown above already.
  if (detail.line == null) {
    $('option-error').hidden = false;
    $('option-error').textContent = detail.message;
  }
}

/** The years with data for this focus and partner, for `year` and `compare`. */
function fillYears(analysis) {
  const years = analysis.years.filter((y) => y.exports != null || y.imports != null).map((y) => String(y.year));
  for (const [id, first] of [['year', t('latest')], ['compare', t('none')]]) {
    const select = $(id);
    const keep = select.value;
    const now = [...select.options].map((o) => o.value).join();
    const want = ['', ...years].join();
    if (now !== want) {
      select.replaceChildren(option('', first), ...years.map((y) => option(y, y)));
      select.value = years.includes(keep) ? keep : '';
    }
    select.options[0].textContent = first;
  }
}

function selectYear(year) {
  $('year').value = String(year);
  for (const el of previews()) if (el.getAttribute('year') !== String(year)) el.setAttribute('year', String(year));
  writeEmbeds();
  save();
}

function clearOutputs() {
  state.native = '';
  state.nativeFor = '';
  state.analysis = null;
  $('phone-box').replaceChildren();
  $('column-box').replaceChildren();
  $('previews').hidden = true;
  $('preview-empty').hidden = false;
  $('choices').disabled = true;
  $('embed-element').value = '';
  $('embed-iframe').value = '';
  $('skipped-box').hidden = true;
  for (const id of ['download-png', 'download-svg', 'download-social', 'copy-element', 'copy-iframe', 'download-data']) $(id).disabled = true;
  $('claims').replaceChildren();
  $('article-marked').replaceChildren();
}

// ---------- out: the codes ----------

/** The folder of the chart's files, ending in "/". */
function filesBase() {
  const given = $('files-url').value.trim();
  const base = given || new URL('.', location.href).href;
  return base.endsWith('/') ? base : `${base}/`;
}

const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Whether the data must live in a file of its own: too big, or text a script cannot hold. */
function needsFile() {
  return new Blob([state.native]).size > INLINE_LIMIT || /<\/script|<!--/i.test(state.native);
}

function dataFileName() {
  const a = attributes();
  return `tradegap-${(a.focus || 'data').toLowerCase()}-${(a.partner || 'all').toLowerCase()}.csv`;
}

/** The `src` for the codes: the address given, or (data too big) the file to host; else none. */
function dataSrc() {
  const url = $('data-url').value.trim();
  if (url) return url;
  return needsFile() ? dataFileName() : '';
}

function updateDataUrlHint() {
  const hint = $('data-url-hint');
  if (!state.native) {
    hint.textContent = t('dataInline');
    return;
  }
  if ($('data-url').value.trim()) hint.textContent = t('dataHosted');
  else if (needsFile()) hint.textContent = t('dataTooBig', Math.round(new Blob([state.native]).size / 1024));
  else hint.textContent = t('dataInline');
}

function writeEmbeds() {
  updateDataUrlHint();
  if (!state.native) return;
  const base = filesBase();
  const a = attributes();
  const src = dataSrc();
  const attrs = Object.entries(src ? { src, ...a } : a)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  const lines = [
    `<link rel="stylesheet" href="${escapeAttr(`${base}tradegap.css`)}">`,
    // The element and the wasm glue in one minified module (make build), as pages load it.
    `<script type="module" src="${escapeAttr(`${base}tradegap.min.js`)}"></script>`,
    // The wasm downloads with the page instead of after the script (README, "Embed it").
    `<link rel="preload" href="${escapeAttr(`${base}pkg/tradegap_bg.wasm`)}" as="fetch" type="application/wasm" crossorigin>`,
  ];
  if (src) lines.push(`<trade-gap${attrs}></trade-gap>`);
  else lines.push(`<trade-gap${attrs}>`, '<script type="text/csv">', state.native.trimEnd(), '</script>', '</trade-gap>');
  $('embed-element').value = `${lines.join('\n')}\n`;

  // The iframe page takes the options in its query and inline data in the fragment,
  // which browsers never send to a server.
  const query = new URLSearchParams(src ? { src, ...a } : a);
  let url = `${base}embed.html?${query}`;
  if (!src) url += `#${new URLSearchParams({ csv: state.native })}`;
  const title = state.analysis?.title || a.title || 'tradegap chart';
  const height = Math.ceil($('preview')?.getBoundingClientRect().height || 500);
  $('embed-iframe').value = [
    `<iframe src="${escapeAttr(url)}" title="${escapeAttr(title)}" width="100%" height="${height}" frameborder="0"></iframe>`,
    `<script src="${escapeAttr(`${base}embed-loader.js`)}" defer></script>`,
    '',
  ].join('\n');
}

async function copy(id, button) {
  const area = $(id);
  const said = button.nextElementSibling;
  try {
    await navigator.clipboard.writeText(area.value);
    said.textContent = t('copied');
  } catch {
    area.focus();
    area.select();
    said.textContent = t('copyFailed');
  }
  setTimeout(() => {
    said.textContent = '';
  }, 4000);
}

/** The chart at social-card size: 600 × 337.5 CSS pixels drawn at twice that, 1200 × 675. */
async function socialPng() {
  const el = $('preview');
  if (!el || !state.native) return null;
  const canvas = document.createElement('canvas');
  const chart = new wasm.Chart(canvas);
  const a = attributes();
  const options = { lang: a.lang || 'en' };
  for (const [k, v] of Object.entries(a)) {
    if (['focus', 'partner', 'title', 'note', 'source', 'rollup', 'groups'].includes(k)) options[k] = v;
    if (['year', 'compare'].includes(k)) options[k] = Number(v);
  }
  if (a['prefer-source']) options.preferSource = a['prefer-source'].split(',').map((s) => s.trim()).filter(Boolean);
  chart.load(state.native, options);
  // A 16:9 card is too short for the story's two parts: the balance alone.
  const view = a.view && a.view !== 'story' ? a.view : 'balance';
  chart.setView(view);
  const cs = getComputedStyle(el);
  const theme = { font: cs.fontFamily };
  for (const k of ['exports', 'imports', 'balance', 'text', 'muted', 'grid', 'axis', 'background', 'highlight']) {
    const v = cs.getPropertyValue(`--tradegap-${k}`).trim();
    if (v) theme[k] = v;
  }
  chart.draw(600, 337.5, 2, theme);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  chart.free?.();
  return blob;
}

// ---------- the article check (issue 9) ----------

/**
 * Checks the draft's figures with the core's `checkClaims(article, data, options)`
 * when this build has it: a list with each verdict, and the text with its figures marked.
 */
function checkArticle() {
  const text = $('article').value;
  const list = $('claims');
  const marked = $('article-marked');
  const status = $('claims-status');
  list.replaceChildren();
  marked.replaceChildren();
  if (!text.trim() || !state.native) {
    status.textContent = '';
    return;
  }
  if (typeof wasm.checkClaims !== 'function') {
    status.textContent = t('claimsSoon');
    return;
  }
  const a = attributes();
  let result;
  try {
    result = wasm.checkClaims(text, state.native, { focus: a.focus || null, partner: a.partner || null, lang: a.lang || 'en' });
  } catch (e) {
    status.textContent = String(e?.message ?? e);
    return;
  }
  const claims = result?.claims ?? [];
  const bad = claims.filter((c) => c.verdict !== 'match').length;
  status.textContent = claims.length ? t('claimsCount', claims.length, bad) : t('claimsNone');
  marked.lang = a.lang || 'en';
  let at = 0;
  for (const [i, c] of claims.entries()) {
    const item = document.createElement('li');
    item.dataset.verdict = c.verdict;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'claim';
    const head = document.createElement('span');
    head.className = 'verdict';
    head.textContent = t('verdict')[c.verdict] ?? c.verdict;
    const stated = document.createElement('q');
    stated.textContent = c.text;
    button.append(head, ' ', stated);
    if (c.year != null) button.dataset.year = String(c.year);
    button.addEventListener('click', () => {
      if (c.year != null) selectYear(c.year);
      document.getElementById(`mark-${i}`)?.scrollIntoView({ block: 'nearest' });
    });
    item.append(button);
    // What the data gives, in the core's words (figures rounded once, in the chart's language).
    if (c.note) {
      const detail = document.createElement('p');
      detail.textContent = c.note;
      item.append(detail);
    }
    list.append(item);
    // The text with this figure marked.
    if (typeof c.start === 'number' && typeof c.end === 'number' && c.start >= at) {
      marked.append(text.slice(at, c.start));
      const m = document.createElement('mark');
      m.id = `mark-${i}`;
      m.dataset.verdict = c.verdict;
      m.textContent = text.slice(c.start, c.end);
      m.title = head.textContent;
      marked.append(m);
      at = c.end;
    }
  }
  marked.append(text.slice(at));
}

// ---------- state ----------

function save() {
  const settings = {};
  for (const id of FIELDS) settings[id] = $(id).value;
  const kept = { ui: state.ui, name: state.name, settings, text: state.text };
  try {
    localStorage.setItem(STORE, JSON.stringify(kept));
  } catch {
    try {
      localStorage.setItem(STORE, JSON.stringify({ ...kept, text: '' }));
      $('data-status').textContent = t('tooBigToKeep');
    } catch {
      /* storage is off: nothing is kept */
    }
  }
}

function restore() {
  let kept = null;
  try {
    kept = JSON.parse(localStorage.getItem(STORE) || 'null');
  } catch {
    kept = null;
  }
  if (kept?.ui === 'ko' || (!kept && navigator.language?.startsWith('ko'))) state.ui = 'ko';
  $('lang').value = state.ui;
  if (!kept) return;
  for (const id of FIELDS) {
    const v = kept.settings?.[id];
    if (typeof v !== 'string') continue;
    const field = $(id);
    // Selects get their options from the data: add the kept value for now.
    if (field.tagName === 'SELECT' && v && ![...field.options].some((o) => o.value === v)) field.append(option(v, v));
    field.value = v;
  }
  state.name = kept.name || '';
  state.text = kept.text || '';
  if (state.text && !state.name) $('data-text').value = state.text;
}

function startOver() {
  try {
    localStorage.removeItem(STORE);
  } catch {
    /* nothing kept */
  }
  for (const id of FIELDS) {
    const field = $(id);
    if (field.tagName === 'SELECT') {
      if (['focus', 'partner'].includes(id)) field.replaceChildren();
      field.value = field.options[0]?.value ?? '';
    } else field.value = id === 'width' ? '720' : '';
  }
  $('lang').value = state.ui;
  $('data-text').value = '';
  $('data-file').value = '';
  $('data-status').textContent = '';
  state.text = '';
  state.name = '';
  state.info = null;
  hideError();
  clearOutputs();
  applyUi();
  $('data-file').focus();
}

// ---------- wiring ----------

function wire() {
  $('data-file').addEventListener('change', (e) => readFile(e.target.files[0]));
  const drop = document.body;
  drop.addEventListener('dragover', (e) => {
    if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
    e.preventDefault();
    $('drop').classList.add('over');
  });
  drop.addEventListener('dragleave', (e) => {
    if (e.target === $('drop') || !e.relatedTarget) $('drop').classList.remove('over');
  });
  drop.addEventListener('drop', (e) => {
    const file = e.dataTransfer?.files?.[0];
    $('drop').classList.remove('over');
    if (!file) return;
    e.preventDefault();
    readFile(file);
  });
  let pasteTimer = 0;
  $('data-text').addEventListener('input', () => {
    clearTimeout(pasteTimer);
    pasteTimer = setTimeout(() => {
      $('data-file').value = '';
      setData($('data-text').value, '');
    }, 250);
  });
  $('use-example').addEventListener('click', async () => {
    const r = await fetch(EXAMPLE);
    if (r.ok) {
      $('data-text').value = '';
      setData(await r.text(), 'nk-china-trade.csv', { reveal: true });
    }
  });
  // Another pair has other years: the year and the comparison start again from the latest.
  for (const id of ['focus', 'partner']) {
    $(id).addEventListener('change', () => {
      $('year').value = '';
      $('compare').value = '';
    });
  }
  for (const id of ['focus', 'partner', 'view', 'year', 'compare', 'lang', 'theme', 'rollup']) $(id).addEventListener('change', update);
  for (const id of ['title', 'note', 'source', 'prefer-source', 'groups', 'width', 'data-url', 'files-url']) $(id).addEventListener('input', update);
  $('swap').addEventListener('click', () => {
    const [f, p] = [$('focus').value, $('partner').value];
    $('focus').value = p;
    $('partner').value = f;
    update();
  });
  $('copy-element').addEventListener('click', (e) => copy('embed-element', e.currentTarget));
  $('copy-iframe').addEventListener('click', (e) => copy('embed-iframe', e.currentTarget));
  $('download-png').addEventListener('click', () => $('preview')?.downloadPng());
  $('download-svg').addEventListener('click', () => $('preview')?.downloadSvg?.());
  $('download-social').addEventListener('click', async () => {
    const blob = await socialPng();
    if (blob) saveBlob(blob, dataFileName().replace(/\.csv$/, '-1200x675.png'));
  });
  $('download-data').addEventListener('click', () => {
    saveBlob(new Blob([state.native], { type: 'text/csv;charset=utf-8' }), dataFileName());
  });
  let articleTimer = 0;
  $('article').addEventListener('input', () => {
    clearTimeout(articleTimer);
    articleTimer = setTimeout(() => {
      save();
      checkArticle();
    }, 300);
  });
  $('ui-lang').addEventListener('click', () => {
    state.ui = state.ui === 'en' ? 'ko' : 'en';
    applyUi();
    save();
  });
  $('start-over').addEventListener('click', startOver);
}

async function main() {
  wire();
  restore();
  applyUi();
  clearOutputs();
  await initDesk({ module_or_path: new URL('./pkg/tradegap_desk_bg.wasm', import.meta.url) });
  if (state.text) readData();
  else $('data-status').textContent = '';
  document.documentElement.dataset.ready = 'true';
}

main();
