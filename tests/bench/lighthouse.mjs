// Lighthouse for the benchmarks (issues #9, #23): the desktop preset and the mobile default,
// Debian's Chromium, headless, against dist/ served locally with gzip like a static host.
// Nothing leaves the machine.
//
// Owns: running the lighthouse CLI from tests/e2e/node_modules a few times per form factor and
// keeping the median score per category and the median LCP; saying in plain words why when it
// cannot run.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { e2eDir } from './deps.mjs';
import { startGzipServer } from '../../tools/bench/serve_gzip.mjs';
import { median } from '../../tools/bench/stats.mjs';

const run = promisify(execFile);

/** The categories the issue budgets, as Lighthouse names them. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
].join(' ');

/**
 * The two ways Lighthouse is run: its desktop preset, and its default, a mid-range phone on a
 * slow 4G link (simulated throttling: the page loads at full speed and Lighthouse computes the
 * times such a phone and link would give).
 */
export const FORM_FACTORS = {
  desktop: ['--preset=desktop'],
  mobile: [],
};

/** One run of the CLI; resolves to its JSON report, or throws with a sentence. */
async function runOnce(bin, url, flags, out, chromePath) {
  try {
    await run(bin, [
      url,
      ...flags,
      `--only-categories=${CATEGORIES.join(',')}`,
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
      `--chrome-flags=${CHROME_FLAGS}`,
    ], { env: { ...process.env, CHROME_PATH: chromePath }, timeout: 180_000, maxBuffer: 64 << 20 });
  } catch (e) {
    const why = String(e.stderr || e.message).trim().split('\n').slice(-3).join(' ');
    throw new Error(`lighthouse failed: ${why}`);
  }
  const report = JSON.parse(await readFile(out, 'utf8'));
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.code} ${report.runtimeError.message}`);
  return report;
}

/** The median run's figures of one form factor, from its reports. */
function summarise(reports) {
  const runs = reports.map((r) => ({
    ...Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(r.categories[c].score * 100)])),
    lcpMs: r.audits['largest-contentful-paint']?.numericValue ?? null,
  }));
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r[c]))]));
  // The run whose performance score is the median one, for its metrics and audits.
  const order = runs.map((r, i) => [r.performance, i]).sort((a, b) => a[0] - b[0]);
  const mid = reports[order[Math.floor((order.length - 1) / 2)][1]];
  const audits = Object.entries(mid.audits)
    .filter(([, a]) => a.score !== null && a.score < 1 && !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode))
    .map(([id, a]) => `${id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  const metrics = Object.fromEntries(
    ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index', 'interactive']
      .map((id) => [id, mid.audits[id]?.displayValue ?? 'n/a']),
  );
  const lcp = runs.map((r) => r.lcpMs).filter((x) => x !== null);
  return { scores, lcpMs: lcp.length ? median(lcp) : null, runs, audits, metrics, error: null };
}

/**
 * Runs Lighthouse `runs` times per form factor (desktop preset, then the mobile default) on the
 * app's first page, served with gzip from `dist`. Returns
 * `{ version, error, desktop: {...}, mobile: {...} }`, each form factor as
 * `{ scores: { performance, accessibility, 'best-practices' } (0-100, median of the runs),
 *    lcpMs (median largest contentful paint, ms), runs: [...per run], audits: [below full marks,
 *    median run], metrics: {...displayed, median run}, error }`.
 * `error` is a sentence when Lighthouse could not run (then the scores are null); the reports
 * are kept as `lighthouse-<form>-<n>.json` in `outDir`.
 */
export async function lighthouse({ dist, outDir, runs = 3, chromePath = '/usr/bin/chromium', forms = Object.keys(FORM_FACTORS), log = () => {} }) {
  const failed = (error) => ({ version: null, error, ...Object.fromEntries(forms.map((f) => [f, { scores: null, error }])) });
  const bin = path.join(e2eDir, 'node_modules/.bin/lighthouse');
  if (!existsSync(bin)) return failed('lighthouse is not installed: run `npm ci` in tests/e2e');
  if (!existsSync(chromePath)) return failed(`no Chromium at ${chromePath}`);
  const server = await startGzipServer(dist);
  const out = { version: null, error: null };
  try {
    for (const form of forms) {
      const reports = [];
      try {
        for (let i = 0; i < runs; i++) {
          log(`lighthouse ${form} ${i + 1}/${runs}`);
          reports.push(await runOnce(bin, `${server.url}/`, FORM_FACTORS[form], path.join(outDir, `lighthouse-${form}-${i + 1}.json`), chromePath));
        }
        out[form] = summarise(reports);
        out.version = reports[0].lighthouseVersion;
      } catch (e) {
        out[form] = { scores: null, error: e.message };
      }
    }
  } finally {
    await server.close();
  }
  return out;
}
