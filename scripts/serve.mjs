// A small static file server for the demo and browser tests (no dependencies).
//
//   node scripts/serve.mjs [root]        root: argument, $ROOT, or "www"
//   PORT=8080 (0 picks a free port)      HOST=127.0.0.1
//   CSP=1  sends a strict Content-Security-Policy on every response; without it,
//          only paths under /csp/ get it (so one server can test both).
//   CORS=1 lets any origin read every file, as a CDN does (Access-Control-Allow-Origin: *).
//
// Tests import it:  const { url, close } = await startServer({ root: "www", port: 0 });

import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
/** The demo folder, whatever the working directory. */
export const DEFAULT_ROOT = path.join(here, "..", "www");

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".csv": "text/csv; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".ico": "image/x-icon",
};

export function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** Maps a URL path to a file under root, or null if it would leave root. */
function resolvePath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.split(/[\\/]/).includes("..")) return null;
  const file = path.resolve(root, "." + path.posix.normalize("/" + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

/**
 * Starts serving `root`. Resolves to `{ url, port, close }` once listening;
 * `url` ends with "/", `close()` resolves when the server has stopped.
 */
export function startServer({ root = DEFAULT_ROOT, port = 8080, host = "127.0.0.1", csp = false, cors = false } = {}) {
  const base = path.resolve(root);
  const server = createServer(async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
        ...headers,
      });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      return send(405, "method not allowed\n", { Allow: "GET, HEAD" });
    }
    const urlPath = new URL(req.url ?? "/", "http://localhost").pathname;
    const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
    if (cors) headers["Access-Control-Allow-Origin"] = "*";
    if (csp || urlPath === "/csp" || urlPath.startsWith("/csp/")) {
      // `csp` may be a policy of its own (a test's); true is the strict one above.
      headers["Content-Security-Policy"] = typeof csp === "string" ? csp : CSP;
    }
    let file = resolvePath(base, urlPath);
    if (file === null) return send(403, "forbidden\n", headers);
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!urlPath.endsWith("/")) {
          return send(301, "", { ...headers, Location: urlPath + "/" });
        }
        file = path.join(file, "index.html");
        info = await stat(file);
      }
      if (!info.isFile()) return send(404, "not found\n", headers);
      res.writeHead(200, {
        ...headers,
        "Content-Type": contentType(file),
        "Content-Length": info.size,
      });
      if (req.method === "HEAD") return res.end();
      createReadStream(file)
        .on("error", () => res.destroy())
        .pipe(res);
    } catch {
      send(404, "not found\n", headers);
    }
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const addr = server.address();
      const shown = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
      resolve({
        url: `http://${shown}:${addr.port}/`,
        port: addr.port,
        server,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections?.();
          }),
      });
    });
  });
}

const isMain =
  process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;

if (isMain) {
  const root = process.argv[2] ?? process.env.ROOT ?? DEFAULT_ROOT;
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? "127.0.0.1";
  const csp = process.env.CSP === "1";
  const cors = process.env.CORS === "1";
  try {
    const { url, close } = await startServer({ root, port, host, csp, cors });
    console.log(`serving ${path.resolve(root)} at ${url}${csp ? " (strict CSP)" : ""}`);
    const stop = () => close().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  } catch (err) {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  }
}
