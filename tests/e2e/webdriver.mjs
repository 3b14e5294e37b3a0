// A minimal W3C WebDriver client over HTTP, for the engines playwright-core cannot
// drive here: Firefox ESR (geckodriver) and WebKitGTK (WebKitWebDriver under Xvfb).
import { spawn } from 'node:child_process';
import net from 'node:net';

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts a driver process and waits until its /status says ready. */
export async function startDriver(command, args, env = {}) {
  const port = await freePort();
  const child = spawn(command, args(port), { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${command} exited: ${stderr}`);
    try {
      const r = await fetch(`${base}/status`);
      if ((await r.json()).value?.ready) return { base, stop: () => child.kill() };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill();
  throw new Error(`${command} did not become ready: ${stderr}`);
}

/** Starts an X server for browsers that need a display; returns its stop function. */
export async function startXvfb(display = ':99') {
  const child = spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  await sleep(500);
  if (child.exitCode !== null) {
    // Another test run may already own the display; use it.
    return { display, stop: () => {} };
  }
  return { display, stop: () => child.kill() };
}

async function call(method, url, body) {
  const r = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json();
  if (!r.ok || json.value?.error) throw new Error(`${method} ${url}: ${JSON.stringify(json.value)}`);
  return json.value;
}

/** A browser session with the few commands the tests need. */
export async function newSession(base, capabilities) {
  const { sessionId } = await call('POST', `${base}/session`, { capabilities: { alwaysMatch: capabilities } });
  const s = `${base}/session/${sessionId}`;
  return {
    go: (url) => call('POST', `${s}/url`, { url }),
    run: (script, ...args) => call('POST', `${s}/execute/sync`, { script, args }),
    screenshot: async () => Buffer.from(await call('GET', `${s}/screenshot`), 'base64'),
    setWindow: (width, height) => call('POST', `${s}/window/rect`, { width, height }),
    close: () => call('DELETE', s).catch(() => {}),
    /** Types `text` into the element at `selector`: for a file input, a file's path (an upload). */
    async type(selector, text) {
      const found = await call('POST', `${s}/element`, { using: 'css selector', value: selector });
      const id = Object.values(found)[0];
      return call('POST', `${s}/element/${id}/value`, { text });
    },
    /** Runs `script` until it returns something other than null or false. */
    async until(script, timeoutMs = 20000, ...args) {
      const end = Date.now() + timeoutMs;
      let last = null;
      while (Date.now() < end) {
        last = await call('POST', `${s}/execute/sync`, { script, args });
        if (last !== null && last !== false) return last;
        await sleep(150);
      }
      throw new Error(`timed out waiting for: ${script}`);
    },
  };
}
