// A static server over dist/ that compresses like a production static host (gzip, level 9, when
// the browser accepts it), for the Lighthouse run of the benchmarks (issue #9). The browser
// tests' server (tests/e2e/server.mjs) sends files uncompressed, which is right for tests but
// would make Lighthouse judge a transfer no real host sends.
//
// Owns: serving files read-only, SPA fallback to index.html, loopback only. Plain node.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Starts the server on a free port; resolves to `{ url, close() }`. */
export async function startGzipServer(root) {
  const cache = new Map();
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let file = path.join(root, decodeURIComponent(url.pathname));
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || info.isDirectory()) file = path.join(root, 'index.html');
      if (!cache.has(file)) {
        const body = await readFile(file);
        cache.set(file, { body, gzip: gzipSync(body, { level: 9 }) });
      }
      const { body, gzip } = cache.get(file);
      const zipped = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const headers = {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        vary: 'accept-encoding',
      };
      if (zipped) headers['content-encoding'] = 'gzip';
      res.writeHead(200, headers);
      res.end(zipped ? gzip : body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
