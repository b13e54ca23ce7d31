// Lighthouse for the benchmarks (issue #9): desktop preset, Debian's Chromium, headless, against
// dist/ served locally with gzip like a static host. Nothing leaves the machine.
//
// Owns: running the lighthouse CLI from tests/e2e/node_modules a few times and keeping the
// median score per category; saying in plain words why when it cannot run.
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
 * Runs Lighthouse `runs` times on the app's first page and returns
 * `{ scores: { performance, accessibility, 'best-practices' } (0-100, median of the runs),
 *    runs: [...per run], audits: [failing audits of the last run], error }`.
 * `error` is a sentence when Lighthouse could not run; the scores are then null.
 */
export async function lighthouse({ dist, outDir, runs = 3, chromePath = '/usr/bin/chromium' }) {
  const bin = path.join(e2eDir, 'node_modules/.bin/lighthouse');
  if (!existsSync(bin)) {
    return { scores: null, error: 'lighthouse is not installed: run `npm ci` in tests/e2e' };
  }
  if (!existsSync(chromePath)) {
    return { scores: null, error: `no Chromium at ${chromePath}` };
  }
  const server = await startGzipServer(dist);
  const results = [];
  let last = null;
  try {
    for (let i = 0; i < runs; i++) {
      const out = path.join(outDir, `lighthouse-${i + 1}.json`);
      try {
        await run(bin, [
          `${server.url}/`,
          '--preset=desktop',
          `--only-categories=${CATEGORIES.join(',')}`,
          '--output=json',
          `--output-path=${out}`,
          '--quiet',
          `--chrome-flags=${CHROME_FLAGS}`,
        ], { env: { ...process.env, CHROME_PATH: chromePath }, timeout: 180_000, maxBuffer: 64 << 20 });
      } catch (e) {
        const why = String(e.stderr || e.message).trim().split('\n').slice(-3).join(' ');
        return { scores: null, error: `lighthouse failed: ${why}` };
      }
      last = JSON.parse(await readFile(out, 'utf8'));
      if (last.runtimeError) {
        return { scores: null, error: `lighthouse: ${last.runtimeError.code} ${last.runtimeError.message}` };
      }
      results.push(Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(last.categories[c].score * 100)])));
    }
  } finally {
    await server.close();
  }
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(results.map((r) => r[c]))]));
  const audits = Object.entries(last.audits)
    .filter(([, a]) => a.score !== null && a.score < 1 && !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode))
    .map(([id, a]) => `${id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  const metrics = Object.fromEntries(
    ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index', 'interactive']
      .map((id) => [id, last.audits[id]?.displayValue ?? 'n/a']),
  );
  return { scores, runs: results, audits, metrics, version: last.lighthouseVersion, error: null };
}
