// A copy of dist/ whose wasm keeps its function names, for reading CPU profiles (issue #9).
//
// Owns: running wasm-bindgen on the wasm cargo built for the last release build (before
// wasm-opt strips the names), and putting its output in place of dist's wasm and JS glue in a
// copy of dist/. The copy's index.html loses its integrity attributes (the files changed); it is
// for profiling only, never served to users. Never touches dist/ itself.
//
// Usage: node tools/bench/named_dist.mjs [out]   (default target/bench/dist-named)
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Builds the named copy. Returns `{ dir, sameBuild }`: `sameBuild` is true when wasm-bindgen
 * wrote the same JS glue as dist's, which happens only when both come from the same code (the
 * glue lists every import and export by name and hash); false means cargo's wasm was rebuilt
 * since dist/ and the profile may describe other code. Throws with a plain message when
 * wasm-bindgen or the cargo wasm is missing.
 */
export function namedDist({
  dist = path.join(repoRoot, 'dist'),
  wasm = path.join(repoRoot, 'target/wasm32-unknown-unknown/release/cto-workbench.wasm'),
  out = path.join(repoRoot, 'target/bench/dist-named'),
} = {}) {
  if (!existsSync(wasm)) throw new Error(`no cargo-built wasm at ${wasm}: build the app first`);
  const files = readdirSync(dist);
  const glue = files.find((f) => /^cto-workbench-[0-9a-f]+\.js$/.test(f));
  const bin = files.find((f) => /^cto-workbench-[0-9a-f]+_bg\.wasm$/.test(f));
  if (!glue || !bin) throw new Error(`dist/ holds no cto-workbench JS and wasm pair: ${files.join(', ')}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const tmp = path.join(out, '.wasm-bindgen');
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', 'cto-workbench', wasm], { stdio: 'pipe' });
  for (const f of files) {
    if (statSync(path.join(dist, f)).isFile()) copyFileSync(path.join(dist, f), path.join(out, f));
  }
  const sameBuild = readFileSync(path.join(tmp, 'cto-workbench.js'), 'utf8') === readFileSync(path.join(dist, glue), 'utf8');
  copyFileSync(path.join(tmp, 'cto-workbench.js'), path.join(out, glue));
  copyFileSync(path.join(tmp, 'cto-workbench_bg.wasm'), path.join(out, bin));
  rmSync(tmp, { recursive: true, force: true });
  for (const html of ['index.html', '404.html']) {
    const file = path.join(out, html);
    if (existsSync(file)) writeFileSync(file, readFileSync(file, 'utf8').replace(/\s+integrity="[^"]*"/g, ''));
  }
  return { dir: out, sameBuild };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { dir, sameBuild } = namedDist(process.argv[2] ? { out: path.resolve(process.argv[2]) } : {});
  console.log(`wrote ${dir}${sameBuild ? '' : " (cargo's wasm differs from dist's build: names may describe other code)"}`);
}
