// Turns divan's benchmark output (the tree tables `cargo bench` prints) into one markdown table
// with the date, the machine and the compiler, for target/bench/native.md and the README.
//
// Owns only the conversion: it runs nothing but `rustc --version`, and keeps divan's figures
// and units exactly as printed (no rounding, no conversion).
//
// Usage: node tools/bench/native_table.mjs DIVAN_OUTPUT.txt [OUT.md]
//   (reads stdin when the input is "-"; prints the table, and also writes it to OUT.md if given)

import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { pathToFileURL } from 'node:url';

// One level of divan's tree is three characters: "├─ ", "╰─ " or "│  " (or three spaces).
const LEVEL = 3;

/**
 * The benchmarks in divan's output, in order: `{ name, fastest, slowest, median, mean, samples,
 * iters }`, where `name` joins the tree path with " / " (e.g. "charts / kpi_full / 100000").
 */
export function parseDivan(text) {
  const rows = [];
  let columns = null;
  let stack = [];
  for (const raw of text.split(/\r?\n/)) {
    // eslint-disable-next-line no-control-regex
    const line = raw.replace(/\x1b\[[0-9;]*m/g, '');
    const cells = line.split('│');
    if (cells.length < 2) continue;
    if (/\bfastest\b/.test(cells[0]) && !/^[├╰│ ]/.test(line)) {
      // A table header: "<group>   fastest │ slowest │ median │ mean │ samples │ iters".
      const [group, first] = cells[0].trim().split(/\s{2,}|\s+(?=fastest)/);
      columns = [first, ...cells.slice(1).map((c) => c.trim())];
      stack = [group];
      continue;
    }
    if (!columns || !/^[├╰│ ]/.test(line)) continue;
    const prefix = line.match(/^(?:[├╰]─ |│  | {3})+/);
    if (!prefix) continue;
    const depth = prefix[0].length / LEVEL;
    const rest = line.slice(prefix[0].length);
    // The name is separated from the first figure by two or more spaces.
    const m = rest.split('│')[0].match(/^(\S+)(?:\s{2,}(.*\S))?\s*$/);
    if (!m) continue;
    stack = stack.slice(0, depth);
    stack[depth] = m[1];
    const figures = [m[2] ?? '', ...rest.split('│').slice(1).map((c) => c.trim())];
    if (!figures[0]) continue; // a parent of parameterised benchmarks: no figures of its own
    const row = { name: stack.join(' / ') };
    columns.forEach((c, i) => {
      row[c] = figures[i] ?? '';
    });
    rows.push(row);
  }
  return rows;
}

/** `svg-bytes NAME BYTES` lines (printed by benches/charts.rs): `[{ name, bytes }]`. */
export function parseSvgSizes(text) {
  return [...text.matchAll(/^svg-bytes (\S+) (\d+)$/gm)].map((m) => ({ name: m[1], bytes: Number(m[2]) }));
}

function rustc() {
  try {
    return execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'rustc (version unknown)';
  }
}

/** The markdown document: a heading line with when and where, then the table. */
export function markdown(rows, sizes = [], now = new Date()) {
  const cpus = os.cpus();
  const machine = `${cpus[0]?.model?.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.arch()}`;
  const lines = [
    `Native benchmarks (divan), ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${machine}. Compiler: ${rustc()}, release profile (opt-level "z", LTO), as shipped.`,
    'Inputs: the heavy assessment and the 50-assessment workspace of `domain::demo::large` (seed 1).',
    '',
    '| Benchmark | Median | Mean | Fastest | Slowest | Samples |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.median} | ${r.mean} | ${r.fastest} | ${r.slowest} | ${r.samples} |`),
  ];
  if (sizes.length > 0) {
    lines.push(
      '',
      'SVG size of each chart as benchmarked (bytes; KPI charts at 1,000 and 100,000 measurements):',
      '',
      '| Chart | Bytes |',
      '|---|---:|',
      ...sizes.map((s) => `| ${s.name} | ${s.bytes.toLocaleString('en')} |`),
    );
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [input, out] = process.argv.slice(2);
  if (!input) {
    console.error('usage: node tools/bench/native_table.mjs DIVAN_OUTPUT.txt [OUT.md]');
    process.exit(2);
  }
  const text = readFileSync(input === '-' ? 0 : input, 'utf8');
  const rows = parseDivan(text);
  if (rows.length === 0) {
    console.error(`no divan results found in ${input}`);
    process.exit(1);
  }
  const md = markdown(rows, parseSvgSizes(text));
  if (out) writeFileSync(out, md);
  process.stdout.write(md);
}
