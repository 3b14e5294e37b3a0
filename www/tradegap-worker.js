// Reads a big data file off the page's main thread: fetches it in chunks into wasm
// memory (never one giant string), reports progress, parses it there, keeps only the
// focus country's flows, and sends them back as native CSV. Started by tradegap.js.
// The desk's module, not the page's: a big file is as often a UN Comtrade, BACI or WITS
// download as native CSV, and only the desk's module has those readers.
import init, { Loader } from './pkg/tradegap_desk.js';

const ready = init({ module_or_path: new URL('./pkg/tradegap_desk_bg.wasm', import.meta.url) });

function fail(e) {
  postMessage({
    type: 'error',
    message: String(e?.message ?? e),
    line: typeof e?.line === 'number' ? e.line : null,
    column: typeof e?.column === 'number' ? e.column : null,
  });
}

self.onmessage = async ({ data: { url, options, maxBytes, messages } }) => {
  try {
    await ready;
    let response;
    try {
      response = await fetch(url);
    } catch (e) {
      throw { message: messages.network.replace('{why}', e.message || 'network error') };
    }
    if (!response.ok) throw { message: messages.network.replace('{why}', `HTTP ${response.status}`) };
    const total = Number(response.headers.get('content-length')) || 0;
    const loader = new Loader(maxBytes);
    // Refused before a byte is read when the server says how big it is.
    if (total) loader.reserve(total);
    const reader = response.body.getReader();
    let bytes = 0;
    let last = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      try {
        loader.push(value);
      } catch (e) {
        reader.cancel();
        throw e;
      }
      bytes += value.length;
      const now = performance.now();
      if (now - last > 50) {
        last = now;
        postMessage({ type: 'progress', phase: 'read', bytes, total });
      }
    }
    postMessage({ type: 'progress', phase: 'parse', bytes, total });
    const t0 = performance.now();
    const result = loader.finish(options);
    loader.free();
    postMessage({ type: 'done', csv: result.csv, rows: result.rows, kept: result.kept, bytes, parseMs: performance.now() - t0 });
  } catch (e) {
    fail(e);
  }
};
