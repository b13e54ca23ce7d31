// Sizes of the built app (issues #9 and #23): every file in dist/ (its subfolders too), raw and
// gzip, what a first visit downloads before the first screen shows, and what each lazy route
// adds when it is opened.
//
// Owns: reading dist/ and compressing each file the way a static host would (node zlib, gzip
// level 9); reading the split loader (`pkg-*/__wasm_split.js`, written by wasm-split-cli) to
// know which shared chunks each route needs. Never writes anything. Plain node, no packages.
//
// Usage: node tools/bench/sizes.mjs [dist] [--all]   prints one line per file (the shared
// chunk_*.wasm as one summary line unless --all), the first-screen total with its files, and one
// line per route, largest first.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

/** What a file is, by its extension: wasm, js, css, html, json or other. */
export function kindOf(name) {
  const ext = path.extname(name).slice(1).toLowerCase();
  return ['wasm', 'js', 'css', 'html', 'json'].includes(ext) ? ext : 'other';
}

/** `spec` (a URL in a page or a module) as a path inside dist, or null when not ours. */
function resolveSpec(spec, from) {
  if (spec.startsWith('data:') || spec.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(spec)) return null;
  const clean = spec.split(/[?#]/)[0];
  if (clean.startsWith('/')) return path.posix.normalize(clean.slice(1));
  if (clean.startsWith('./') || clean.startsWith('../')) {
    const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), clean));
    return joined.startsWith('../') ? null : joined;
  }
  // A bare specifier ("lodash") would need an import map: none here.
  return null;
}

/** The modules a JS file imports statically (`import … from`, `import '…'`, `export … from`). */
export function staticImports(source) {
  const out = new Set();
  const re = /(?:^|[;\n}])\s*(?:import\s*(?:[\w$*{}\s,]+?\s*from\s*)?|export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*)["']([^"']+)["']/g;
  for (const m of source.matchAll(re)) out.add(m[1]);
  return [...out];
}

/**
 * The files a first visit fetches before the first screen (the welcome or the list) shows:
 * index.html; every same-origin `src` of its <script> tags and `href` of its stylesheet,
 * preload and modulepreload <link> tags (data: URLs cost nothing extra; the icon and the manifest
 * are not waited for): the stylesheet, the boot script, the JS glue and the first wasm module; when `read(name)` is given (the text of a file in dist, or null), every
 * module those scripts import statically, on down (the glue imports the split loader), and the
 * English texts the boot script fetches (`"en": "/lang/en-….json"` in it; else the one
 * `lang/en-*.json` of `files`).
 */
export function firstLoadFiles(indexHtml, { read = null, files = [] } = {}) {
  const first = new Set(['index.html']);
  const scripts = [];
  for (const m of indexHtml.matchAll(/<(link|script)\b[^>]*>/gi)) {
    const tag = m[0];
    const url = tag.match(/\s(?:href|src)=["']([^"']+)["']/i)?.[1];
    if (!url) continue;
    // A <link> loads before the first screen only as a stylesheet or a preload; an icon or the
    // manifest is fetched when the browser wants it, the screen does not wait for it.
    const rel = tag.match(/\srel=["']([^"']*)["']/i)?.[1].toLowerCase().split(/\s+/) ?? [];
    if (m[1].toLowerCase() === 'link' && !rel.some((r) => ['stylesheet', 'preload', 'modulepreload'].includes(r))) continue;
    const name = resolveSpec(url, 'index.html');
    if (name === null) continue;
    first.add(name);
    if (kindOf(name) === 'js') scripts.push(name);
  }
  if (!read) return [...first];
  let english = null;
  for (let i = 0; i < scripts.length; i++) {
    const source = read(scripts[i]);
    if (source === null) continue;
    english ??= source.match(/["']en["']\s*:\s*["']([^"']+\.json)["']/)?.[1] ?? null;
    for (const spec of staticImports(source)) {
      const name = resolveSpec(spec, scripts[i]);
      if (name === null || first.has(name)) continue;
      first.add(name);
      scripts.push(name);
    }
  }
  const texts = english ? resolveSpec(english, 'index.html') : files.find((f) => /^lang\/en-[^/]*\.json$/.test(f));
  if (texts) first.add(texts);
  return [...first];
}

/**
 * The modules a wasm-split-cli loader (`__wasm_split.js`) knows: one entry per `const NAME =
 * makeLoad(...)` (a shared chunk) or `export const NAME = wrapAsyncCb(makeLoad(...))` (a split
 * point), with the wasm file it fetches (relative to the loader) and the modules it waits for.
 * Returns `{ modules: Map(name → { file, deps, exported }), routes: [{ route, loader, file }] }`;
 * a route is named after its module file: `split___report_route_view_123.wasm` → `report`.
 */
export function parseSplitLoader(text) {
  const modules = new Map();
  const heads = [...text.matchAll(/^(export\s+)?const\s+([\w$]+)\s*=\s*(?:wrapAsyncCb\(\s*)?makeLoad\(/gm)];
  for (let i = 0; i < heads.length; i++) {
    const body = text.slice(heads[i].index, i + 1 < heads.length ? heads[i + 1].index : text.length);
    const file = body.match(/new\s+URL\(\s*["']\.\/([^"']+\.wasm)["']/)?.[1] ?? null;
    // makeLoad(fetcher, [deps]): the last bracketed list closing the call.
    const list = [...body.matchAll(/,\s*\[([^\]]*)\]\s*\)/g)].at(-1)?.[1] ?? '';
    const deps = list.split(',').map((d) => d.trim()).filter(Boolean);
    modules.set(heads[i][2], { file, deps, exported: !!heads[i][1] });
  }
  const routes = [...modules.entries()]
    .filter(([, m]) => m.exported && m.file)
    .map(([loader, m]) => ({
      route: m.file.replace(/^split_+/, '').replace(/\.wasm$/, '').replace(/_\d+$/, '').replace(/_route_view$/, ''),
      loader,
      file: m.file,
    }));
  return { modules, routes };
}

/**
 * What opening each route fetches when no other route was opened before ("cold"): its own
 * module and every shared chunk it needs, transitively. `sizeOf(file)` gives `{ raw, gzip }` of
 * a file named as in the loader (or null when missing). Returns one entry per route, largest
 * gzip first: `{ route, file, own: { raw, gzip }, chunks, chunkGzip, raw, gzip, missing }`.
 */
export function routeSizes(loaderText, sizeOf) {
  const { modules, routes } = parseSplitLoader(loaderText);
  return routes.map(({ route, loader, file }) => {
    const seen = new Set();
    const stack = [loader];
    while (stack.length) {
      const name = stack.pop();
      if (seen.has(name)) continue;
      seen.add(name);
      for (const d of modules.get(name)?.deps ?? []) stack.push(d);
    }
    const missing = [];
    const size = (name) => {
      const f = modules.get(name)?.file;
      const s = f ? sizeOf(f) : null;
      if (!s) missing.push(f ?? name);
      return s ?? { raw: 0, gzip: 0 };
    };
    const own = size(loader);
    const chunks = [...seen].filter((n) => n !== loader).map(size);
    const chunkRaw = chunks.reduce((a, s) => a + s.raw, 0);
    const chunkGzip = chunks.reduce((a, s) => a + s.gzip, 0);
    return {
      route, file, own, chunks: chunks.length, chunkGzip, raw: own.raw + chunkRaw, gzip: own.gzip + chunkGzip, missing,
    };
  }).sort((a, b) => b.gzip - a.gzip || a.route.localeCompare(b.route));
}

/** Every file under `dir`, as paths relative to it with `/`, sorted. */
function listFiles(dir, prefix = '') {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return listFiles(dir, rel);
    return e.isFile() ? [rel] : [];
  }).sort();
}

const sum = (files, key) => files.reduce((s, f) => s + f[key], 0);

/**
 * Every file in `dist` (subfolders too) as `{ name, kind, raw, gzip, firstLoad }` (name relative
 * to dist with `/`, sizes in bytes, gzip at level 9), plus:
 * - `firstLoad`: `{ raw, gzip, files }`, the first screen's transfer and its files;
 * - `missing`: first-screen files index.html names that are not there;
 * - `routes`: each lazy route's cold size (see routeSizes), largest first; empty without a
 *   split loader;
 * - `wasm`: `{ raw, gzip, count }` over every wasm file.
 */
export function distSizes(dist) {
  const names = listFiles(dist);
  const read = (name) => (names.includes(name) ? readFileSync(path.join(dist, name), 'utf8') : null);
  const first = new Set(firstLoadFiles(readFileSync(path.join(dist, 'index.html'), 'utf8'), { read, files: names }));
  const files = names.map((name) => {
    const body = readFileSync(path.join(dist, name));
    return {
      name,
      kind: kindOf(name),
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      firstLoad: first.has(name),
    };
  });
  const byName = new Map(files.map((f) => [f.name, f]));
  const missing = [...first].filter((f) => !byName.has(f));
  const loaded = files.filter((f) => f.firstLoad);
  const routes = files
    .filter((f) => path.posix.basename(f.name) === '__wasm_split.js')
    .flatMap((loader) => routeSizes(read(loader.name), (file) => byName.get(path.posix.join(path.posix.dirname(loader.name), file)) ?? null))
    .sort((a, b) => b.gzip - a.gzip);
  const wasm = files.filter((f) => f.kind === 'wasm');
  return {
    files,
    missing,
    firstLoad: { raw: sum(loaded, 'raw'), gzip: sum(loaded, 'gzip'), files: loaded.map((f) => f.name) },
    routes,
    wasm: { raw: sum(wasm, 'raw'), gzip: sum(wasm, 'gzip'), count: wasm.length },
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
  const args = process.argv.slice(2);
  const all = args.includes('--all');
  const dist = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
  const { files, firstLoad, missing, routes, wasm } = distSizes(dist);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const line = (name, raw, gzip, note = '') => console.log(`${name.padEnd(72)} ${String(raw).padStart(9)} ${String(gzip).padStart(9)}${note}`);
  line('file', 'raw', 'gzip -9');
  const chunks = files.filter((f) => /(^|\/)chunk_\d+\.wasm$/.test(f.name));
  for (const f of files) {
    if (!all && chunks.includes(f)) continue;
    line(f.name, f.raw, f.gzip, f.firstLoad ? '  first screen' : '');
  }
  if (!all && chunks.length) {
    line(`(${chunks.length} shared chunk_*.wasm; --all lists them)`, sum(chunks, 'raw'), sum(chunks, 'gzip'));
  }
  console.log('');
  console.log(`first screen: ${firstLoad.gzip} gzip (${kb(firstLoad.gzip)}), ${firstLoad.raw} raw, ${firstLoad.files.length} files:`);
  for (const name of firstLoad.files) {
    const f = files.find((x) => x.name === name);
    console.log(`  ${name.padEnd(70)} ${String(f.gzip).padStart(9)} gzip`);
  }
  if (missing.length) console.log(`  missing: ${missing.join(', ')}`);
  console.log(`all wasm: ${wasm.count} files, ${wasm.gzip} gzip (${kb(wasm.gzip)}), ${wasm.raw} raw`);
  if (routes.length) {
    console.log('');
    console.log('routes, cold (own module + every shared chunk it needs; nothing else loaded), largest first:');
    console.log(`  ${'route'.padEnd(18)} ${'gzip'.padStart(9)} ${'raw'.padStart(9)} ${'own gzip'.padStart(9)} ${'chunks'.padStart(6)} ${'chunk gzip'.padStart(10)}`);
    for (const r of routes) {
      console.log(`  ${r.route.padEnd(18)} ${String(r.gzip).padStart(9)} ${String(r.raw).padStart(9)} ${String(r.own.gzip).padStart(9)} ${String(r.chunks).padStart(6)} ${String(r.chunkGzip).padStart(10)}${r.missing.length ? `  missing: ${r.missing.join(', ')}` : ''}`);
    }
  }
}
