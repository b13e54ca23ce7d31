// Sizes of the built app (issue #9): every file in dist/, raw and gzip, and what a first visit
// downloads.
//
// Owns: reading dist/ and compressing each file the way a static host would (node zlib, gzip
// level 9). Never writes anything. Plain node, no packages.
//
// Usage: node tools/bench/sizes.mjs [dist]   prints one line per file and the first-load total.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

/** What a file is, by its extension: wasm, js, css, html or other. */
export function kindOf(name) {
  const ext = path.extname(name).slice(1).toLowerCase();
  return ['wasm', 'js', 'css', 'html'].includes(ext) ? ext : 'other';
}

/**
 * The files index.html makes the browser fetch on a first visit: index.html itself and every
 * same-origin `href`/`src` of its <link> and <script> tags (data: URLs cost nothing extra).
 * The wasm is fetched by the boot script, but Trunk also preloads it from index.html.
 */
export function firstLoadFiles(indexHtml) {
  const files = new Set(['index.html']);
  for (const m of indexHtml.matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)=["']([^"']+)["']/gi)) {
    const url = m[1];
    if (url.startsWith('data:') || /^[a-z]+:\/\//i.test(url)) continue;
    files.add(url.replace(/^\//, ''));
  }
  return [...files];
}

/**
 * Every file in `dist` as `{ name, kind, raw, gzip, firstLoad }` (sizes in bytes, gzip at level
 * 9), plus the first-load totals.
 */
export function distSizes(dist) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const first = new Set(firstLoadFiles(html));
  const files = readdirSync(dist)
    .filter((name) => statSync(path.join(dist, name)).isFile())
    .sort()
    .map((name) => {
      const body = readFileSync(path.join(dist, name));
      return {
        name,
        kind: kindOf(name),
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
        firstLoad: first.has(name),
      };
    });
  const missing = [...first].filter((f) => !files.some((x) => x.name === f));
  const loaded = files.filter((f) => f.firstLoad);
  return {
    files,
    missing,
    firstLoad: {
      raw: loaded.reduce((s, f) => s + f.raw, 0),
      gzip: loaded.reduce((s, f) => s + f.gzip, 0),
    },
  };
}

/**
 * The sizes of a wasm module's sections (code, data, custom sections by name), read from its
 * binary header: tells whether size comes from code or from embedded data.
 */
export function wasmSections(buffer) {
  const names = {
    0: 'custom', 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global',
    7: 'export', 8: 'start', 9: 'elem', 10: 'code', 11: 'data', 12: 'datacount',
  };
  let p = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = buffer[p++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (!(byte & 0x80)) return result;
    }
  };
  const out = {};
  while (p < buffer.length) {
    const id = buffer[p++];
    const size = leb();
    let name = names[id] ?? `section ${id}`;
    if (id === 0) {
      const start = p;
      const len = leb();
      name = `custom:${buffer.subarray(p, p + len).toString('utf8')}`;
      p = start;
    }
    out[name] = (out[name] ?? 0) + size;
    p += size;
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = path.resolve(process.argv[2] ?? 'dist');
  const { files, firstLoad, missing } = distSizes(dist);
  for (const f of files) {
    console.log(`${f.name.padEnd(48)} ${String(f.raw).padStart(9)} ${String(f.gzip).padStart(9)}${f.firstLoad ? '  first load' : ''}`);
  }
  console.log(`first load: ${firstLoad.raw} raw, ${firstLoad.gzip} gzip${missing.length ? `; missing: ${missing.join(', ')}` : ''}`);
}
