// Checks of the benchmark helpers (issues #9, #23): the statistics, the table, the dist/ sizes
// (first screen, each route's chunks) and the 100,000-point KPI file. A wrong median or an
// invalid bench file would make every figure in the report wrong while looking fine, so these
// run before the browser bench.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { e2eRequire } from './deps.mjs';
import { markdownTable, median, percentile, ms, bytes, chars } from '../../tools/bench/stats.mjs';
import { distSizes, firstLoadFiles, kindOf, parseSplitLoader, routeSizes, wasmSections } from '../../tools/bench/sizes.mjs';
import { benchAssessmentId, counterUuid, firstJsonBlock, kpiFile } from '../../tools/bench/kpi_file.mjs';
import { demangle } from '../../tools/bench/named_dist.mjs';

const repoRoot = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../..');

test('median and percentiles interpolate between closest ranks', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(percentile([0, 10], 95), 9.5);
  assert.equal(percentile([5, 1, 4, 2, 3], 100), 5);
  assert.equal(percentile([5, 1, 4, 2, 3], 0), 1);
  // 1..100: rank 0.95 * 99 = 94.05, between 95 and 96.
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.ok(Math.abs(percentile(hundred, 95) - 95.05) < 1e-9);
  assert.ok(Number.isNaN(median([])));
  const input = [3, 1, 2];
  median(input);
  assert.deepEqual(input, [3, 1, 2], 'the input is not sorted in place');
});

test('numbers are written in the units a reader expects', () => {
  assert.equal(ms(7.44), '7.4 ms');
  assert.equal(ms(1234.4), '1234 ms');
  assert.equal(ms(Infinity), 'n/a');
  assert.equal(bytes(812), '812 B');
  assert.equal(bytes(14.2 * 1024), '14.2 KB');
  assert.equal(bytes(3.7 * 1024 * 1024), '3.70 MB');
  assert.equal(chars(5_242_880), '5.24 M chars');
});

test('the table has one row per metric, a status per budget, and survives a pipe', () => {
  const table = markdownTable([
    { metric: 'Load | empty', value: '120 ms', budget: null, ok: null },
    { metric: 'Import', value: '977 ms', budget: '≤ 300 ms', ok: false },
    { metric: 'Save', value: '3 ms', budget: '≤ 8 ms', ok: true },
  ]).split('\n');
  assert.equal(table[0], '| metric | value | budget | status |');
  assert.equal(table.length, 5);
  assert.equal(table[2], '| Load \\| empty | 120 ms | — | — |');
  assert.equal(table[3], '| Import | 977 ms | ≤ 300 ms | FAIL |');
  assert.equal(table[4], '| Save | 3 ms | ≤ 8 ms | pass |');
});

test('first screen counts what index.html loads, not data: URLs, icons, the manifest nor other pages', () => {
  const html = `<link rel="icon" href="data:image/svg+xml,x" />
    <link rel="manifest" href="/manifest.webmanifest" />
    <link rel="stylesheet" href="/main-1.css" integrity="sha384-x"/>
    <script type="module" src="/boot-2.js" integrity="sha384-y"></script>
    <link rel="modulepreload" href="/pkg-9/app.js" />
    <link rel="preload" href="/pkg-9/app_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous" />
    <script src="https://elsewhere.example/x.js"></script>
    <a href="/elsewhere.html">x</a>`;
  assert.deepEqual(firstLoadFiles(html).sort(), ['boot-2.js', 'index.html', 'main-1.css', 'pkg-9/app.js', 'pkg-9/app_bg.wasm']);
  // With the files' texts: the modules the scripts import, on down, and the English texts.
  const texts = {
    'boot-2.js': `import init, { start } from '/pkg-9/app.js';
      const FILES = {"en":"/lang/en-5.json","zh":"/lang/zh-6.json"};
      const later = () => import('/pkg-9/lazy.js');`,
    'pkg-9/app.js': `import * as import1 from "./__wasm_split.js"\nimport * as import2 from "./__wasm_split.js"\nexport { x } from './re.js';`,
    'pkg-9/__wasm_split.js': `import { initSync } from "./app.js";\nconst u = new URL("./chunk_1.wasm", import.meta.url);`,
    'pkg-9/re.js': '',
  };
  const read = (name) => texts[name] ?? null;
  assert.deepEqual(firstLoadFiles(html, { read }).sort(), [
    'boot-2.js', 'index.html', 'lang/en-5.json', 'main-1.css', 'pkg-9/__wasm_split.js', 'pkg-9/app.js', 'pkg-9/app_bg.wasm', 'pkg-9/re.js',
  ]);
  // No language map in the boot script: the English file of the listing.
  const plain = { ...texts, 'boot-2.js': "import init from '/pkg-9/app.js';" };
  assert.ok(firstLoadFiles(html, { read: (n) => plain[n] ?? null, files: ['lang/en-7.json', 'lang/zh-8.json'] }).includes('lang/en-7.json'));
  assert.equal(kindOf('pkg-9/app_bg.wasm'), 'wasm');
  assert.equal(kindOf('404.html'), 'html');
  assert.equal(kindOf('lang/en-5.json'), 'json');
  assert.equal(kindOf('notes.txt'), 'other');
});

/** A wasm-split-cli loader in the shape of the real one (three chunks, two routes). */
const LOADER = `import { initSync } from "./cto_workbench.js";
function makeLoad(fetcher, deps) { return () => Promise.all(deps.map((d) => d())); }
/* __report_route_view_1, __tools_route_view_1 */
const __chunk_21 = makeLoad(() => {
    const src = fetch(new URL("./chunk_21.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
const __chunk_22 = makeLoad(() => {
    const src = fetch(new URL("./chunk_22.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_21]);
const __chunk_23 = makeLoad(() => {
    const src = fetch(new URL("./chunk_23.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
export const __wasm_split_load___report_route_view_1 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split___report_route_view_1.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_22, __chunk_23]));
export const __wasm_split_load___self_assessment_route_view_1 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split___self_assessment_route_view_1.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_21]));
`;

test('the split loader gives each route its module and the chunks it waits for', () => {
  const { modules, routes } = parseSplitLoader(LOADER);
  assert.equal(modules.size, 5);
  assert.deepEqual(modules.get('__chunk_22'), { file: 'chunk_22.wasm', deps: ['__chunk_21'], exported: false });
  assert.deepEqual(modules.get('__wasm_split_load___report_route_view_1').deps, ['__chunk_22', '__chunk_23']);
  assert.deepEqual(routes.map((r) => [r.route, r.file]), [
    ['report', 'split___report_route_view_1.wasm'],
    ['self_assessment', 'split___self_assessment_route_view_1.wasm'],
  ]);
});

test('a route opened cold costs its module and every chunk it needs, transitively, each once', () => {
  const gzip = {
    'chunk_21.wasm': 100, 'chunk_22.wasm': 20, 'chunk_23.wasm': 3, 'split___report_route_view_1.wasm': 4000, 'split___self_assessment_route_view_1.wasm': 50000,
  };
  const sizes = routeSizes(LOADER, (f) => (f in gzip ? { raw: 2 * gzip[f], gzip: gzip[f] } : null));
  assert.deepEqual(sizes.map((r) => r.route), ['self_assessment', 'report'], 'largest first');
  const report = sizes.find((r) => r.route === 'report');
  assert.equal(report.gzip, 4000 + 20 + 100 + 3);
  assert.equal(report.raw, 2 * report.gzip);
  assert.equal(report.chunks, 3);
  assert.equal(report.chunkGzip, 123);
  assert.deepEqual(report.own, { raw: 8000, gzip: 4000 });
  assert.deepEqual(report.missing, []);
  const missing = routeSizes(LOADER, (f) => (f === 'chunk_21.wasm' ? null : { raw: 1, gzip: 1 }));
  assert.deepEqual(missing.find((r) => r.route === 'self_assessment').missing, ['chunk_21.wasm']);
});

test('dist sizes give raw and gzip -9 bytes per file, subfolders too, the first screen and the routes', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-sizes-'));
  try {
    const css = 'body { color: red; }\n'.repeat(200);
    const pkg = path.join(dir, 'pkg-1');
    mkdirSync(pkg);
    mkdirSync(path.join(dir, 'lang'));
    writeFileSync(path.join(dir, 'index.html'),
      '<link rel="stylesheet" href="/a.css"><script type="module" src="/boot.js"></script><script src="/gone.js"></script>'
        + '<link rel="preload" href="/pkg-1/cto_workbench_bg.wasm" as="fetch">');
    writeFileSync(path.join(dir, 'a.css'), css);
    writeFileSync(path.join(dir, 'boot.js'), "import init from '/pkg-1/cto_workbench.js';\nconst FILES = {\"en\":\"/lang/en-1.json\",\"zh\":\"/lang/zh-1.json\"};");
    writeFileSync(path.join(dir, '404.html'), 'not loaded first');
    writeFileSync(path.join(dir, 'lang/en-1.json'), '{"a":"b"}');
    writeFileSync(path.join(dir, 'lang/zh-1.json'), '{"a":"c"}');
    writeFileSync(path.join(pkg, 'cto_workbench.js'), 'import * as i from "./__wasm_split.js"');
    writeFileSync(path.join(pkg, 'cto_workbench_bg.wasm'), Buffer.alloc(1000, 1));
    writeFileSync(path.join(pkg, '__wasm_split.js'), LOADER);
    for (const f of ['chunk_21.wasm', 'chunk_22.wasm', 'chunk_23.wasm', 'split___report_route_view_1.wasm', 'split___self_assessment_route_view_1.wasm']) {
      writeFileSync(path.join(pkg, f), Buffer.alloc(100, 7));
    }
    const { files, firstLoad, missing, routes, wasm } = distSizes(dir);
    const a = files.find((f) => f.name === 'a.css');
    assert.equal(a.raw, css.length);
    assert.equal(a.gzip, gzipSync(css, { level: 9 }).length);
    assert.ok(a.gzip < a.raw / 10, 'repetitive CSS compresses');
    assert.equal(files.find((f) => f.name === '404.html').firstLoad, false);
    assert.equal(files.find((f) => f.name === 'lang/zh-1.json').firstLoad, false);
    assert.deepEqual(firstLoad.files, ['a.css', 'boot.js', 'index.html', 'lang/en-1.json', 'pkg-1/__wasm_split.js', 'pkg-1/cto_workbench.js', 'pkg-1/cto_workbench_bg.wasm']);
    const loaded = files.filter((f) => firstLoad.files.includes(f.name));
    assert.equal(firstLoad.raw, loaded.reduce((s, f) => s + f.raw, 0));
    assert.equal(firstLoad.gzip, loaded.reduce((s, f) => s + f.gzip, 0));
    assert.deepEqual(missing, ['gone.js']);
    const one = files.find((f) => f.name === 'pkg-1/chunk_21.wasm').gzip;
    assert.deepEqual(routes.map((r) => [r.route, r.chunks]), [['report', 3], ['self_assessment', 1]]);
    assert.equal(routes[0].gzip, 4 * one);
    assert.deepEqual(wasm, {
      count: 6, raw: 1500, gzip: files.filter((f) => f.kind === 'wasm').reduce((s, f) => s + f.gzip, 0),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('profile names are demangled as Rust writes them', () => {
  assert.equal(demangle('_ZN13cto_workbench2ui4i18n1t17h679052e5f0a12fb2E'), 'cto_workbench::ui::i18n::t::h679052e5f0a12fb2');
  assert.equal(demangle('$_ZN13cto_workbench2ui4i18n1t17h679052e5f0a12fb2E.llvm.42'), 'cto_workbench::ui::i18n::t::h679052e5f0a12fb2.llvm.42');
  assert.equal(
    demangle('_ZN107_$LT$reactive_graph..signal..rw..RwSignal$LT$T$C$S$GT$$u20$as$u20$reactive_graph..traits..ReadUntracked$GT$18try_read_untracked17hfcc3f2f4374f64e6E'),
    '<reactive_graph::signal::rw::RwSignal<T,S> as reactive_graph::traits::ReadUntracked>::try_read_untracked::hfcc3f2f4374f64e6',
  );
  assert.equal(demangle('wasm-function[12]'), 'wasm-function[12]');
  assert.equal(demangle('_ZN3fo'), '_ZN3fo', 'a cut-off symbol stays as it is');
});

test('wasm sections are read from the binary header', () => {
  const name = Buffer.from('name');
  const wasm = Buffer.concat([
    Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
    // A custom section "name" of 4 + 1 + 3 bytes, then a code section of 130 bytes (LEB128).
    Buffer.from([0x00, 0x08, 0x04]), name, Buffer.from([1, 2, 3]),
    Buffer.from([0x0a, 0x82, 0x01]), Buffer.alloc(130),
  ]);
  assert.deepEqual(wasmSections(wasm), { 'custom:name': 8, code: 130 });
});

test('the KPI bench file holds 100,000 dated measurements and is a valid file', () => {
  const { file, assessmentId, kpiId } = kpiFile(100_000);
  const example = firstJsonBlock(readFileSync(path.join(repoRoot, 'docs/format.md'), 'utf8'));
  const a = file.assessments[0];
  assert.equal(assessmentId, benchAssessmentId(100_000));
  assert.notEqual(a.id, example.assessments[0].id);
  assert.equal(file.content_sha256, undefined, 'no fingerprint, so no "file was changed" warning');
  const kpi = a.kpis.find((k) => k.id === kpiId);
  assert.equal(kpi.measurements.length, 100_000);
  assert.equal(new Set(kpi.measurements.map((m) => m.id)).size, 100_000);
  assert.equal(kpi.measurements.at(-1).date, '2026-11-20');
  for (let i = 1; i < kpi.measurements.length; i++) {
    assert.ok(kpi.measurements[i - 1].date < kpi.measurements[i].date, `dates rise at ${i}`);
  }
  assert.match(counterUuid(255), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-0000000000ff$/);
  const { default: Ajv2020 } = e2eRequire('ajv/dist/2020.js');
  const addFormats = e2eRequire('ajv-formats');
  const ajv = new Ajv2020({ allErrors: true });
  (addFormats.default ?? addFormats)(ajv);
  const schema = JSON.parse(readFileSync(path.join(repoRoot, 'docs/schema.json'), 'utf8'));
  const valid = ajv.validate(schema, file);
  assert.ok(valid, JSON.stringify(ajv.errors?.slice(0, 3)));
});

test('the KPI bench file is the same on every run', () => {
  assert.equal(JSON.stringify(kpiFile(1_000).file), JSON.stringify(kpiFile(1_000).file));
  assert.notEqual(kpiFile(1_000).assessmentId, kpiFile(100_000).assessmentId);
});
