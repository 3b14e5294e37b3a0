// Demo page only: logs what the widgets report, so that a reader of the console sees
// the analysis and any error with its line and column.
for (const el of document.querySelectorAll('trade-gap')) {
  el.addEventListener('tradegap:ready', (e) => console.info(`${el.id}: ready`, e.detail));
  el.addEventListener('tradegap:error', (e) => console.warn(`${el.id}: error`, e.detail));
}
