// The iframe embed: one <trade-gap> built from the page's query string, filling the
// frame's width, and the frame's height posted to the parent page, whose
// embed-loader.js resizes the iframe. Query values become attributes, never markup.
import './tradegap.js';

const ATTRIBUTES = ['src', 'focus', 'partner', 'view', 'compare', 'year', 'lang', 'title', 'source', 'note', 'theme', 'aspect', 'top',
  'format', 'prefer-source', 'mirror', 'groups', 'rollup'];
const params = new URLSearchParams(location.search);
const chart = document.createElement('trade-gap');
for (const name of ATTRIBUTES) {
  const value = params.get(name);
  if (value !== null) chart.setAttribute(name, value);
}
// Inline data (the builder's iframe code) rides in the fragment, which the browser
// never sends to a server: `#csv=…`. It becomes the text of a script, never markup.
const inline = new URLSearchParams(location.hash.slice(1)).get('csv');
if (inline && !chart.hasAttribute('src')) {
  const script = document.createElement('script');
  script.type = 'text/csv';
  script.textContent = inline;
  chart.append(script);
}
if (params.get('lang')) document.documentElement.lang = params.get('lang');
document.body.append(chart);

// The id lets a parent with several embeds of the same page tell them apart.
const id = params.get('id') || '';
let last = 0;
function postHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: 'tradegap:height', id, height }, '*');
}
new ResizeObserver(postHeight).observe(document.documentElement);
postHeight();
