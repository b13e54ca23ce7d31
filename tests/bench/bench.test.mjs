// Checks of the benchmark helpers (issue #9): the statistics, the table, the dist/ sizes and the
// 100,000-point KPI file. A wrong median or an invalid bench file would make every figure in
// the report wrong while looking fine, so these run before the browser bench.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { e2eRequire } from './deps.mjs';
import { markdownTable, median, percentile, ms, bytes, chars } from '../../tools/bench/stats.mjs';
import { distSizes, firstLoadFiles, kindOf, wasmSections } from '../../tools/bench/sizes.mjs';
import { benchAssessmentId, counterUuid, firstJsonBlock, kpiFile } from '../../tools/bench/kpi_file.mjs';

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

test('first load counts what index.html links, not data: URLs nor other pages', () => {
  const html = `<link rel="icon" href="data:image/svg+xml,x" />
    <link rel="stylesheet" href="/main-1.css" integrity="sha384-x"/>
    <script type="module" src="/boot-2.js"></script>
    <link rel="modulepreload" href="/app-3.js"><link rel="preload" href="/app-3_bg.wasm" as="fetch">
    <a href="/elsewhere.html">x</a>`;
  assert.deepEqual(firstLoadFiles(html).sort(), ['app-3.js', 'app-3_bg.wasm', 'boot-2.js', 'index.html', 'main-1.css']);
  assert.equal(kindOf('app-3_bg.wasm'), 'wasm');
  assert.equal(kindOf('404.html'), 'html');
  assert.equal(kindOf('notes.txt'), 'other');
});

test('dist sizes give raw and gzip -9 bytes per file and the first-load total', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-sizes-'));
  try {
    const css = 'body { color: red; }\n'.repeat(200);
    writeFileSync(path.join(dir, 'index.html'), '<link rel="stylesheet" href="/a.css"><script src="/gone.js"></script>');
    writeFileSync(path.join(dir, 'a.css'), css);
    writeFileSync(path.join(dir, '404.html'), 'not loaded first');
    const { files, firstLoad, missing } = distSizes(dir);
    const a = files.find((f) => f.name === 'a.css');
    assert.equal(a.raw, css.length);
    assert.equal(a.gzip, gzipSync(css, { level: 9 }).length);
    assert.ok(a.gzip < a.raw / 10, 'repetitive CSS compresses');
    assert.equal(files.find((f) => f.name === '404.html').firstLoad, false);
    const html = files.find((f) => f.name === 'index.html');
    assert.equal(firstLoad.raw, a.raw + html.raw);
    assert.equal(firstLoad.gzip, a.gzip + html.gzip);
    assert.deepEqual(missing, ['gone.js']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
