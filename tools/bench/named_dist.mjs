// A copy of dist/ whose wasm keeps its function names, for reading CPU profiles (issue #9).
//
// Owns: taking the modules of the last release build before wasm-opt stripped their names and
// putting them in place of dist's in a copy of dist/. tools/build.mjs leaves them in
// target/split/ (wasm-split-cli's output): `cto_workbench.wasm`, the first module before
// wasm-bindgen, and every `split___<route>_route_view_<n>.wasm` and `chunk_<n>.wasm` before
// wasm-opt; the name sections are still in them (Rust's mangled names, `_ZN13cto_workbench…E`:
// tests/bench/browser.mjs demangles them). This script runs wasm-bindgen on the first module
// with the build's own flags, and copies the route modules and chunks unchanged: all of them are the same build's modules before
// wasm-opt, so they link with each other as the optimised ones do. (cargo's own output,
// target/wasm-split/wasm32-unknown-unknown/release/cto_workbench.wasm, is the whole program
// before the split: it imports its loaders from `__wasm_split` and cannot run as it is.)
// The copy's pages lose their integrity attributes; it is for profiling only, never served to
// users. Never touches dist/ nor target/split/.
//
// Usage: node tools/bench/named_dist.mjs [out] [dist]   (default target/bench/dist-named, dist)
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NAME = 'cto_workbench';

function targetDir() {
  if (process.env.CARGO_TARGET_DIR) return path.resolve(repoRoot, process.env.CARGO_TARGET_DIR);
  return path.join(repoRoot, 'target');
}

/** Are two files byte for byte the same (false when either is missing)? */
function same(a, b) {
  if (!existsSync(a) || !existsSync(b)) return false;
  return readFileSync(a).equals(readFileSync(b));
}

/**
 * Builds the named copy. Returns `{ dir, sameBuild }`: `sameBuild` is true when wasm-bindgen
 * wrote the same JS glue as dist's, target/split/'s loader is dist's, and both hold the same
 * modules: the glue lists every import and export of the first module by name and hash and the
 * loader every route and chunk, so this happens only when both come from the same build; false
 * means target/split/ was rebuilt since dist/ and the profile may describe other code. Throws
 * with a plain message when wasm-bindgen or the split modules are missing.
 */
export function namedDist({
  dist = path.join(repoRoot, 'dist'),
  split = path.join(targetDir(), 'split'),
  out = path.join(repoRoot, 'target/bench/dist-named'),
} = {}) {
  const first = path.join(split, `${NAME}.wasm`);
  if (!existsSync(first)) throw new Error(`no wasm-split output at ${split} (${NAME}.wasm): build the app first (node tools/build.mjs)`);
  const pkg = readdirSync(dist).find((f) => /^pkg-[0-9a-f]+$/.test(f) && existsSync(path.join(dist, f, `${NAME}.js`)));
  if (!pkg) throw new Error(`${dist} holds no pkg-<hash>/ folder with ${NAME}.js: ${readdirSync(dist).join(', ')}`);
  const distPkg = path.join(dist, pkg);
  const modules = (dir) => readdirSync(dir).filter((f) => /^(split_.*|chunk_\d+)\.wasm$/.test(f)).sort();
  const splitModules = modules(split);
  const distModules = modules(distPkg);

  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.dirname(out), { recursive: true });
  cpSync(dist, out, { recursive: true });
  const outPkg = path.join(out, pkg);
  const tmp = path.join(out, '.wasm-bindgen');
  execFileSync('wasm-bindgen', [
    '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript', '--out-dir', tmp, '--out-name', NAME, first,
  ], { stdio: 'pipe' });
  const sameBuild = same(path.join(tmp, `${NAME}.js`), path.join(distPkg, `${NAME}.js`))
    && same(path.join(split, '__wasm_split.js'), path.join(distPkg, '__wasm_split.js'))
    && splitModules.join() === distModules.join();
  copyFileSync(path.join(tmp, `${NAME}.js`), path.join(outPkg, `${NAME}.js`));
  copyFileSync(path.join(tmp, `${NAME}_bg.wasm`), path.join(outPkg, `${NAME}_bg.wasm`));
  rmSync(tmp, { recursive: true, force: true });
  // The loader comes with the modules it loads.
  copyFileSync(path.join(split, '__wasm_split.js'), path.join(outPkg, '__wasm_split.js'));
  for (const f of distModules) rmSync(path.join(outPkg, f));
  for (const f of splitModules) copyFileSync(path.join(split, f), path.join(outPkg, f));
  for (const html of ['index.html', '404.html']) {
    const file = path.join(out, html);
    if (existsSync(file)) writeFileSync(file, readFileSync(file, 'utf8').replace(/\s+integrity="[^"]*"/g, ''));
  }
  return { dir: out, sameBuild };
}

/**
 * A Rust symbol in the legacy mangling (`_ZN13cto_workbench2ui1t17h0123456789abcdefE`), as the
 * named build's modules keep them, written as Rust does (`cto_workbench::ui::t::h0123…`); any
 * other name unchanged.
 */
export function demangle(symbol) {
  // V8 may show a wasm name with a leading `$`; LLVM may add a `.llvm.…` suffix after the `E`.
  const start = symbol.startsWith('$_ZN') ? 4 : symbol.startsWith('_ZN') ? 3 : -1;
  if (start < 0) return symbol;
  const parts = [];
  let p = start;
  while (symbol[p] !== 'E') {
    const len = /^\d+/.exec(symbol.slice(p));
    if (!len) return symbol;
    p += len[0].length;
    const n = Number(len[0]);
    if (p + n > symbol.length) return symbol;
    parts.push(symbol.slice(p, p + n));
    p += n;
  }
  const escapes = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };
  return parts.map((part) => part.replace(/^_\$/, '$')
    .replace(/\$([A-Z]{1,2}|u[0-9a-f]+)\$/g, (all, e) => (e.startsWith('u') ? String.fromCodePoint(parseInt(e.slice(1), 16)) : escapes[e] ?? all))
    .replace(/\.\./g, '::')).join('::') + symbol.slice(p + 1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options = {};
  if (process.argv[2]) options.out = path.resolve(process.argv[2]);
  if (process.argv[3]) options.dist = path.resolve(process.argv[3]);
  const { dir, sameBuild } = namedDist(options);
  console.log(`wrote ${dir}${sameBuild ? '' : " (target/split/ is not the build in dist/: names may describe other code)"}`);
}
