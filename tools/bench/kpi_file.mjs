// The "KPI chart with 100,000 points" bench file (issue #9): one assessment, one KPI holding
// `count` measurements, everything else as small as a valid file allows.
//
// Owns: building that file from the minimal valid example in docs/format.md (the first ```json
// block, which the format's own tests keep valid). Deterministic: the same count gives the same
// bytes. Plain node, no packages.
//
// Usage: node tools/bench/kpi_file.mjs OUT.json [count]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The id the bench assessment gets: one per count, so files of different sizes import side by
 * side, and never the id of the example they are built from.
 */
export function benchAssessmentId(count) {
  return `0b7e3c52-4f1a-4d8e-9a36-${count.toString(16).padStart(12, '0')}`;
}

/** The first ```json block of `markdown`, parsed. */
export function firstJsonBlock(markdown) {
  const m = markdown.match(/```json\r?\n([\s\S]*?)\r?\n```/);
  if (!m) throw new Error('docs/format.md has no ```json example');
  return JSON.parse(m[1]);
}

/** A version-4 UUID made from a counter: unique per `n`, the same on every run. */
export function counterUuid(n, prefix = 'a1') {
  const hex = n.toString(16).padStart(12, '0');
  return `${prefix}${'0'.repeat(6)}-0000-4000-8000-${hex}`;
}

/**
 * The example file with its KPI holding `count` daily measurements ending on 2026-11-20: a
 * slow downward trend with deterministic noise, values kept to one decimal.
 * Returns `{ file, assessmentId, kpiId }`.
 */
export function kpiFile(count, formatMd = readFileSync(path.join(repoRoot, 'docs/format.md'), 'utf8')) {
  const file = firstJsonBlock(formatMd);
  // The fingerprint is optional; leaving it out keeps the "file was changed" warning away.
  delete file.content_sha256;
  const a = file.assessments[0];
  a.id = benchAssessmentId(count);
  a.name = `Bench: one KPI with ${count.toLocaleString('en')} measurements`;
  const kpi = a.kpis[0];
  const end = Date.UTC(2026, 10, 20);
  const day = 86_400_000;
  let seed = 12345;
  const noise = () => {
    // A tiny linear congruential generator: deterministic noise without a package.
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648 - 0.5;
  };
  kpi.measurements = Array.from({ length: count }, (_, i) => {
    const date = new Date(end - (count - 1 - i) * day).toISOString().slice(0, 10);
    const value = Math.max(1, 120 - (100 * i) / count + 20 * noise());
    return { id: counterUuid(i + 1), date, value: Math.round(value * 10) / 10 };
  });
  return { file, assessmentId: a.id, kpiId: kpi.id };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node tools/bench/kpi_file.mjs OUT.json [count]');
    process.exit(2);
  }
  const { file } = kpiFile(Number(process.argv[3] ?? 100_000));
  writeFileSync(out, JSON.stringify(file));
  console.log(`wrote ${out}`);
}
