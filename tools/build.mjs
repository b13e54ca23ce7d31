// The release build: Rust -> one WebAssembly module per route -> a static site in dist/.
//
// Owns: every file in the built site. Trunk cannot split a module, so this script runs the
// pipeline itself (plain node, no packages; the tools come from `make setup-build`):
//   1. cargo rustc --release --lib --crate-type cdylib for wasm32, with the linker's relocations
//      kept (wasm-split rebuilds the call graph from them);
//   2. wasm-split-cli: the first module, one `split_*.wasm` per lazy route, shared `chunk_*.wasm`
//      and the loader `__wasm_split.js`;
//   3. wasm-bindgen --target web on the first module only (chunks import its functions, table
//      and memory by their linker names, hence --keep-lld-exports);
//   4. wasm-opt -Oz on every module (chunks have no target-features section, so the features
//      are passed explicitly);
//   5. the page: the module folder is named after a hash of its contents (`pkg-<hash>/`), so a
//      new build never reuses an old chunk's address; CSS and the boot script get hashed names
//      too; index.html gets them with integrity hashes, then the CSP check (tools/csp.mjs),
//      404.html (deep links on a plain static host) and the service worker (tools/sw.mjs).
//   6. the texts of each language as its own file (`lang/<code>-<hash>.json`), written by
//      the `texts_bundle` binary, so the browser loads only the language in use.
//
// Usage: node tools/build.mjs [--dist DIR]     (default dist/)
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseSplitLoader } from './bench/sizes.mjs';
import { problemsOf } from './csp.mjs';
import { writeWorker } from './sw.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NAME = 'cto_workbench';
const FEATURES = [
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
];

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function step(what) {
  console.log(`build: ${what}`);
}

function run(cmd, args, env = {}) {
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

function runAsync(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}`))));
    child.on('error', reject);
  });
}

function hashOf(...buffers) {
  const h = createHash('sha256');
  for (const b of buffers) h.update(b);
  return h.digest('hex').slice(0, 16);
}

function integrity(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

function targetDir() {
  if (process.env.CARGO_TARGET_DIR) return path.resolve(root, process.env.CARGO_TARGET_DIR);
  return path.join(root, 'target');
}

async function main() {
  const dist = path.resolve(root, arg('--dist', 'dist'));
  const work = path.join(targetDir(), 'split');
  const started = Date.now();

  // BUILD_REUSE_WASM=1 rewrites the page around the modules of the last build (for work on the
  // page, the boot script or the service worker); never used by make.
  if (!process.env.BUILD_REUSE_WASM || !existsSync(path.join(work, 'pkg'))) await buildModules(work);
  else step('reusing the modules of the last build');

  step(`writing ${path.relative(root, dist) || dist}`);
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });

  // The module folder, named after everything in it.
  const pkgFiles = readdirSync(path.join(work, 'pkg')).sort();
  const pkgHash = hashOf(...pkgFiles.flatMap((f) => [f, readFileSync(path.join(work, 'pkg', f))]));
  const pkgDir = `pkg-${pkgHash}`;
  mkdirSync(path.join(dist, pkgDir));
  for (const f of pkgFiles) copyFileSync(path.join(work, 'pkg', f), path.join(dist, pkgDir, f));

  // Each language's texts, one file each.
  step('texts per language');
  const langDir = path.join(dist, 'lang');
  mkdirSync(langDir);
  const bundles = JSON.parse(
    execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'texts_bundle'], {
      cwd: root, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'],
    }).toString('utf8'),
  );
  const langFiles = {};
  for (const [code, texts] of Object.entries(bundles)) {
    const bytes = Buffer.from(JSON.stringify(texts), 'utf8');
    const name = `${code}-${hashOf(bytes)}.json`;
    writeFileSync(path.join(langDir, name), bytes);
    langFiles[code] = `/lang/${name}`;
  }

  const css = readFileSync(path.join(root, 'style/main.css'));
  const cssName = `main-${hashOf(css)}.css`;
  writeFileSync(path.join(dist, cssName), css);

  for (const f of ['manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png']) {
    copyFileSync(path.join(root, 'assets', f), path.join(dist, f));
  }

  // The boot script: starts the wasm and the fetch of the language's texts at the same time,
  // then hands the texts to the app.
  const boot = Buffer.from(bootSource(pkgDir, langFiles, groupFiles(path.join(work, 'pkg'))), 'utf8');
  const bootName = `boot-${hashOf(boot)}.js`;
  writeFileSync(path.join(dist, bootName), boot);

  const template = readFileSync(path.join(root, 'index.html'), 'utf8');
  const head = [
    `<link rel="stylesheet" href="/${cssName}" integrity="${integrity(css)}" />`,
    `<script type="module" src="/${bootName}" integrity="${integrity(boot)}"></script>`,
    `<link rel="modulepreload" href="/${pkgDir}/${NAME}.js" />`,
    `<link rel="modulepreload" href="/${pkgDir}/__wasm_split.js" />`,
    `<link rel="preload" href="/${pkgDir}/${NAME}_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous" />`,
  ].join('\n    ');
  if (!template.includes('<!-- build:head -->')) {
    throw new Error('index.html has no <!-- build:head --> marker for the built files');
  }
  const html = template.replace('<!-- build:head -->', head);
  const problems = problemsOf(html);
  if (problems.length) {
    throw new Error(`index.html breaks the Content-Security-Policy:\n  ${problems.join('\n  ')}`);
  }
  writeFileSync(path.join(dist, 'index.html'), html);
  // A static host that knows nothing of our routes serves 404.html for unknown paths; making it
  // the app itself lets every section's URL survive a reload.
  writeFileSync(path.join(dist, '404.html'), html);

  const { version, files } = writeWorker(dist);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`build: ${files.length} files in ${path.relative(root, dist) || dist}, ${pkgFiles.filter((f) => f.endsWith(".wasm")).length} wasm modules, service worker cache ${version}, ${seconds} s`);
}

/** Steps 1-4: the split, optimised modules in `work/pkg`. */
async function buildModules(work) {
  step('cargo rustc (wasm32, release, relocations kept)');
  run('cargo', [
    'rustc', '--release', '--lib', '--crate-type', 'cdylib', '--target', 'wasm32-unknown-unknown',
  ], {
    // A target-dir of its own: these flags differ from the lint's, and sharing one folder would
    // rebuild every dependency each time the two alternate.
    CARGO_TARGET_DIR: path.join(targetDir(), 'wasm-split'),
    RUSTFLAGS: '-Clink-args=--emit-relocs',
  });
  const input = path.join(targetDir(), 'wasm-split/wasm32-unknown-unknown/release', `${NAME}.wasm`);

  step('wasm-split-cli');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, 'pkg'), { recursive: true });
  run('wasm-split-cli', [input, work, '--target', 'web', '--out-name', NAME]);

  step('wasm-bindgen (first module)');
  run('wasm-bindgen', [
    '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
    '--out-dir', path.join(work, 'pkg'), '--out-name', NAME, path.join(work, `${NAME}.wasm`),
  ]);
  for (const f of readdirSync(work)) {
    if ((f.endsWith('.wasm') || f.endsWith('.js')) && f !== `${NAME}.wasm`) {
      copyFileSync(path.join(work, f), path.join(work, 'pkg', f));
    }
  }

  step('wasm-opt -Oz (every module, two at a time)');
  const modules = readdirSync(path.join(work, 'pkg')).filter((f) => f.endsWith('.wasm'));
  // The first module is the largest: start it first so the small chunks fill the other core.
  modules.sort((a, b) => statSync(path.join(work, 'pkg', b)).size - statSync(path.join(work, 'pkg', a)).size);
  const queue = [...modules];
  const workers = Array.from({ length: Math.max(1, Math.min(2, os.cpus().length)) }, async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      const file = path.join(work, 'pkg', f);
      await runAsync('wasm-opt', ['-Oz', ...FEATURES, file, '-o', `${file}.opt`]);
      renameSync(`${file}.opt`, file);
    }
  });
  await Promise.all(workers);

}

/** Each group of screens (`assess_screens`, …) and the module files opening it fetches. */
export function groupFiles(pkg) {
  const { modules, routes } = parseSplitLoader(readFileSync(path.join(pkg, '__wasm_split.js'), 'utf8'));
  const out = {};
  for (const { route, loader } of routes) {
    const files = new Set();
    const walk = (name) => {
      const m = modules.get(name);
      if (!m || (m.file && files.has(m.file))) return;
      if (m.file) files.add(m.file);
      m.deps.forEach(walk);
    };
    walk(loader);
    out[route] = [...files].sort();
  }
  return out;
}

/** The page's only script: no inline code, so the strict policy needs no 'unsafe-inline'. */
export function bootSource(pkgDir, langFiles, groups = {}) {
  return `// Generated by tools/build.mjs: do not edit.
// The texts' fetch starts before the app's modules are even imported (a dynamic import, not a
// static one, which would wait for the whole module graph), so both arrive together.
const FILES = ${JSON.stringify(langFiles)};
// The language the app will show: the one chosen before, else the browser's (as the app decides).
function pick(tag) {
  const primary = String(tag || '').split(/[-_]/)[0].toLowerCase();
  return FILES[primary] ? primary : null;
}
function language() {
  try {
    const chosen = pick(localStorage.getItem('cto-workbench/prefs/lang'));
    if (chosen) return chosen;
  } catch (_) { /* storage blocked: fall through */ }
  for (const tag of [...(navigator.languages || []), navigator.language]) {
    const found = pick(tag);
    if (found) return found;
  }
  return 'en';
}
// A page opened on a screen (a reload, a link) needs that screen's group of modules too: ask for
// them now, beside the first module, instead of after it. The sections are the app's routes
// (ui/shell/app.rs) and their groups (ui/shell/routes.rs).
const GROUPS = ${JSON.stringify(groups)};
function groupsFor(p) {
  const parts = p.split('/').filter(Boolean);
  if (parts.length === 1 && parts[0] === 'portfolio') return ['portfolio_screens'];
  if (parts.length < 2 || parts[0] !== 'a') return [];
  const more = {
    goals: 'plan_screens', roadmap: 'plan_screens', budget: 'plan_screens', team: 'plan_screens',
    risks: 'plan_screens', partners: 'choose_screens', tools: 'choose_screens',
    snapshots: 'track_screens', compare: 'track_screens', report: 'track_screens',
  }[parts[2] || ''];
  return more ? ['assess_screens', more] : ['assess_screens'];
}
for (const file of new Set(groupsFor(location.pathname).flatMap((g) => GROUPS[g] || []))) {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = '/${pkgDir}/' + file;
  document.head.appendChild(link);
}
const lang = language();
const texts = fetch(FILES[lang]).then((r) => (r.ok ? r.text() : Promise.reject(new Error(r.status))));
texts.catch(() => {});
const { default: init, start } = await import('/${pkgDir}/${NAME}.js');
const wasm = await init({ module_or_path: '/${pkgDir}/${NAME}_bg.wasm' });
let loaded = null;
try { loaded = await texts; } catch (_) { /* start() says plainly that it cannot start */ }
start(lang, loaded, JSON.stringify(FILES));
// For the benchmarks (tests/bench/browser.mjs): when the app started, and its memory.
dispatchEvent(new CustomEvent('cto-workbench-started', { detail: { wasm } }));
`;
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`build: ${e.message}`);
    process.exit(1);
  });
}
