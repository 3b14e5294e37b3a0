// Demo page only: a switch for the page's own dark theme (the charts follow it), and
// a console line for each chart's analysis or error, with its line and column.
const toggle = document.querySelector('#dark-toggle');
toggle?.addEventListener('click', () => {
  const dark = document.documentElement.classList.toggle('dark');
  toggle.setAttribute('aria-pressed', String(dark));
});
for (const el of document.querySelectorAll('trade-gap')) {
  el.addEventListener('tradegap:ready', (e) => console.info(`${el.id}: ready`, e.detail));
  el.addEventListener('tradegap:error', (e) => console.warn(`${el.id}: error`, e.detail));
}
