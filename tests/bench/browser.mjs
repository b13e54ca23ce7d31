// Browser benchmarks for issues #9 and #23: load, answer change, import, save, a 100,000-point
// KPI chart, memory, sizes (the first screen's transfer, each route's wasm) and Lighthouse
// (desktop and mobile), measured in headless Debian Chromium on the built dist/.
//
// Owns: driving the app from outside and timing what a user waits for. It never changes the
// app: the only instruments are an init script (timers around localStorage.setItem and around
// timer callbacks, a MutationObserver noting when the page is ready) and the debugging protocol
// (heap size, garbage collection, CPU profile). Writes target/bench/browser.md (one table),
// target/bench/browser.json (every sample) and prints the table.
//
// Input: the generated workspace (`cargo run --release --bin gen_workspace --
// target/bench/workspace.json`, which also writes target/bench/heavy.json holding only the heavy
// assessment). BENCH_WORKSPACE / BENCH_HEAVY point elsewhere; BENCH_RUNS sets the load repeats;
// BENCH_PROFILE=0 skips the CPU profiles. BENCH_ONLY=loads measures the loads and the portfolio
// only (about a minute) and prints their rows; BENCH_ONLY=sizes measures the sizes and runs
// Lighthouse only (no workspace needed; a few minutes) and prints their rows and notes.
// The build measured is dist/, or E2E_DIST for everything (as in the browser tests); BENCH_DIST
// points the sizes and Lighthouse alone at another build, with BENCH_ONLY=sizes only.
//
// Usage: node tests/bench/browser.mjs   (or `make bench-browser`)
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance as nodePerf } from 'node:perf_hooks';
import { distDir, startApp, STORAGE_PREFIX, repoRoot } from '../e2e/support.mjs';
import { startServer } from '../e2e/server.mjs';
import { lighthouse } from './lighthouse.mjs';
import { bytes, chars, markdownTable, median, ms, percentile } from '../../tools/bench/stats.mjs';
import { distSizes } from '../../tools/bench/sizes.mjs';
import { kpiFile } from '../../tools/bench/kpi_file.mjs';
import { demangle, namedDist } from '../../tools/bench/named_dist.mjs';

const OUT_DIR = path.join(repoRoot, 'target/bench');
/** The build the sizes and Lighthouse measure; the app under test is always `distDir`. */
const DIST = path.resolve(process.env.BENCH_DIST ?? distDir);
const WORKSPACE = path.resolve(process.env.BENCH_WORKSPACE ?? path.join(OUT_DIR, 'workspace.json'));
const HEAVY = path.resolve(process.env.BENCH_HEAVY ?? path.join(OUT_DIR, 'heavy.json'));
const LOAD_RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ANSWER_CHANGES = 40;
const CROSS_TAB_CHANGES = 30;
const IMPORT_RUNS = 3;
const PORTFOLIO_RUNS = 3;
const PORTFOLIO_SWITCHES = 20;
const KPI_POINTS = 100_000;
/**
 * How often node checks the page for a result, in ms. The page notes its own times, so this
 * only sets how soon node notices; polling on every animation frame (Playwright's default)
 * would add work to the frames being measured.
 */
const POLL_MS = 50;
/** The issue's budgets. */
const BUDGET = {
  frameMs: 16,
  loadRatio: 1.5,
  importMs: 300,
  saveMs: 8,
  firstLoadGzip: 300 * 1024,
  storageShare: 0.5,
  lighthouse: {
    desktop: { performance: 95, accessibility: 100, 'best-practices': 100 },
    mobile: { performance: 90, accessibility: 100, 'best-practices': 100 },
  },
  mobileLcpMs: 2500,
};

/**
 * Runs in every page before the app (an init script). Records, on `window.__bench`:
 * - `marks`: when `.app-header` first appeared and when the page was ready (see `want`);
 * - `writes`: each localStorage.setItem call, its duration, size, and whether it ran inside the
 *   task of a user input event;
 * - `saves`: each timer callback that wrote to storage (the debounced autosave), its duration;
 * - `wasm`: the first module's exports (for its memory), from the boot script's
 *   `cto-workbench-started` event (tools/build.mjs).
 */
function benchInit(config) {
  const b = { marks: {}, writes: [], saves: [], storageEvents: [], input: { open: false, last: null } };
  window.__bench = b;
  const now = () => performance.now();
  addEventListener('cto-workbench-started', (e) => {
    b.wasm = e.detail?.wasm;
    b.marks.wasmStarted = now();
  });
  // Registered before the app's own listener, so it runs first: listeners on the window run
  // in the order they were added.
  addEventListener('storage', (e) => b.storageEvents.push({ key: e.key, t: now() }), true);
  // An input event's task is over when a message posted during it is delivered.
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    b.input.open = false;
  };
  for (const type of ['pointerdown', 'click', 'keydown', 'input', 'change']) {
    addEventListener(type, () => {
      b.input.open = true;
      b.input.last = now();
      channel.port2.postMessage(0);
    }, true);
  }
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const start = now();
    try {
      return setItem.call(this, key, value);
    } finally {
      b.writes.push({
        key: String(key),
        chars: String(value).length,
        start,
        ms: now() - start,
        inInput: b.input.open,
        sinceInput: b.input.last === null ? null : start - b.input.last,
      });
    }
  };
  const nativeSetTimeout = window.setTimeout.bind(window);
  window.setTimeout = function (fn, delay, ...args) {
    if (typeof fn !== 'function') return nativeSetTimeout(fn, delay, ...args);
    return nativeSetTimeout(function (...a) {
      const start = now();
      const before = b.writes.length;
      try {
        return fn.apply(this, a);
      } finally {
        if (b.writes.length > before) {
          b.saves.push({ start, ms: now() - start, delay, writes: b.writes.length - before });
        }
      }
    }, delay, ...args);
  };
  // What "ready" means depends on the page: the list of every stored assessment (or the
  // welcome when there is none), the results charts, a KPI chart, or an area's questions.
  // Counted from the records, not the index: when storage was full the index can name more.
  const route = location.pathname;
  let rows = 0;
  try {
    for (let i = 0; i < localStorage.length; i++) {
      if (localStorage.key(i).startsWith(`${config.prefix}assessment/`)) rows++;
    }
  } catch {
    // about:blank, where a new tab starts, may not use storage at all.
  }
  let want = null;
  if (route === '/') want = rows > 0 ? 'rows' : 'welcome';
  else if (route === '/portfolio') want = 'portfolio';
  else if (/\/results$/.test(route)) want = 'charts2';
  else if (/\/goals\/kpi\/[^/]+$/.test(route)) want = 'chart1';
  else if (/\/assessment\/[^/]+$/.test(route)) want = 'questions';
  // The portfolio shows levels first and raises flags once every list is read: noted apart.
  const flagsDone = () => {
    if (want !== 'portfolio') return true;
    if (b.marks.flags === undefined && document.querySelector('[data-testid=portfolio-grid][aria-busy=false]')) b.marks.flags = now();
    return b.marks.flags !== undefined;
  };
  const check = () => {
    if (b.marks.header === undefined && document.querySelector('.app-header')) b.marks.header = now();
    if (b.marks.ready !== undefined) return flagsDone();
    if (b.marks.header === undefined) return false;
    let ok = false;
    if (want === 'rows') ok = document.querySelectorAll('table.assessments tbody tr').length >= rows;
    else if (want === 'welcome') ok = !!document.querySelector('#import-file-welcome');
    // The grid's rows are built in one go: once one is there, every client's is.
    else if (want === 'portfolio') ok = document.querySelectorAll('[data-testid=portfolio-grid] tbody tr').length > 0;
    else if (want === 'charts2') ok = document.querySelectorAll('main .chart-svg svg').length >= 2;
    else if (want === 'chart1') ok = !!document.querySelector('main .chart-svg svg');
    else if (want === 'questions') ok = document.querySelectorAll('article.question').length > 0;
    else ok = true;
    if (ok) {
      b.marks.ready = now();
      b.marks.rows = rows;
      // The first module (a route page also fetches its route's modules after it).
      const wasms = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm'));
      const wasm = wasms.find((e) => e.name.endsWith('_bg.wasm')) ?? wasms[0];
      b.marks.wasmFetched = wasm?.responseEnd;
      return flagsDone();
    }
    return ok;
  };
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
}

/** A fresh context (its own, empty localStorage) with the instruments installed. */
async function newContext(app) {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(benchInit, { prefix: STORAGE_PREFIX });
  const problems = [];
  context.on('page', (page) => watch(page, problems));
  return { context, problems };
}

function watch(page, problems) {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
}

/** Navigates and waits until the init script marked the page ready; returns its marks. */
async function loadAndMark(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.__bench?.marks.ready !== undefined, null, { timeout: 120_000, polling: POLL_MS });
  return page.evaluate(() => window.__bench.marks);
}

/**
 * Two warm-up loads, then `runs` measured loads of `url`, each in a new tab of `context` (as a
 * user opening the app: no earlier page to leave, no other tab of the app open): the ready time
 * and its parts. The last tab stays open, returned as `page`, for the memory figures.
 */
async function measureLoads(context, url, runs) {
  const samples = [];
  let page = null;
  for (let i = 0; i < runs + 2; i++) {
    await page?.close();
    page = await context.newPage();
    const marks = await loadAndMark(page, url);
    marks.settled = await settled(page);
    // Set after ready (the portfolio's flags): read once the page has settled.
    marks.flags = await page.evaluate(() => window.__bench.marks.flags);
    if (i >= 2) samples.push(marks);
  }
  return {
    page,
    settled: median(samples.map((s) => s.settled)),
    ready: median(samples.map((s) => s.ready)),
    header: median(samples.map((s) => s.header)),
    wasmFetched: median(samples.map((s) => s.wasmFetched)),
    wasmStarted: median(samples.map((s) => s.wasmStarted)),
    samples,
  };
}

/**
 * When the main thread last held up a frame after the page was ready: the app may go on, when
 * idle, with work it put off until the first screen was up. Watches animation frames for
 * `watchMs` (which leaves the thread idle between them, unlike a busy probe) and returns the end
 * of the last gap between two frames over 25 ms (one and a half frames at 60 Hz), from
 * navigation start; the ready time when there was none.
 */
function settled(page, watchMs = 1500) {
  return page.evaluate((watch) => new Promise((resolve) => {
    const start = performance.now();
    let last = start;
    let settledAt = window.__bench.marks.ready;
    const frame = (t) => {
      if (t - last > 25) settledAt = t;
      last = t;
      if (t - start < watch) requestAnimationFrame(frame);
      else resolve(settledAt);
    };
    requestAnimationFrame(frame);
  }), watchMs);
}

/** JS heap after a forced garbage collection, and the size of the wasm linear memory. */
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const wasm = await page.evaluate(() => window.__bench.wasm?.memory?.buffer.byteLength ?? null);
  return { jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasm };
}

/** How many autosaves the page has run so far. */
function saveCount(page) {
  return page.evaluate(() => window.__bench.saves.length);
}

/**
 * Waits for the autosave after `before` saves (it runs once the debounce is over), then for the
 * indicator to settle; returns the indicator's text.
 */
async function waitNextSave(page, before) {
  await page.waitForFunction((n) => window.__bench.saves.length > n, before, { timeout: 30_000, polling: POLL_MS });
  return waitSavedOrNot(page);
}

async function waitSavedOrNot(page) {
  const status = page.getByTestId('save-status');
  await status.filter({ hasText: /Saved|Not saved/ }).waitFor({ timeout: 120_000 });
  return (await status.textContent()).trim();
}

/**
 * Imports `file` through the header's Import file input on the list page and times it in the
 * page: from the input's change event to the "Imported" notice. Also returns the wall time from
 * setInputFiles, seen from node.
 */
async function importFile(page, file) {
  await page.evaluate(() => {
    const imp = (window.__imp = {});
    document.querySelector('#import-file').addEventListener('change', () => {
      imp.start = performance.now();
    }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const notice = document.querySelector('.notice-region')?.textContent ?? '';
      if (notice.includes('Imported')) {
        imp.done = performance.now();
        imp.text = notice.trim();
      } else if (/nothing was imported|could not be imported/i.test(document.body.textContent)) {
        imp.failed = document.body.innerText.slice(0, 2000);
      }
      if (imp.done !== undefined || imp.failed !== undefined) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const t0 = nodePerf.now();
  await page.locator('#import-file').setInputFiles(file);
  await page.waitForFunction(() => window.__imp.done !== undefined || window.__imp.failed !== undefined, null, { timeout: 120_000, polling: POLL_MS });
  const wall = nodePerf.now() - t0;
  const imp = await page.evaluate(() => window.__imp);
  if (imp.failed) throw new Error(`import of ${file} was refused:\n${imp.failed}`);
  return { ms: imp.done - imp.start, wall, text: imp.text };
}

/** Everything this app keeps in localStorage: keys, characters, and the free room left. */
async function storageUse(page) {
  return page.evaluate(async (prefix) => {
    let chars = 0;
    let keys = 0;
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (!k.startsWith(prefix)) continue;
      keys++;
      chars += k.length + (localStorage.getItem(k)?.length ?? 0);
    }
    // The room left, found by writing ever larger values under a key the app ignores.
    const probe = '__bench_probe';
    const fits = (n) => {
      try {
        localStorage.setItem(probe, 'x'.repeat(n));
        return true;
      } catch {
        return false;
      } finally {
        localStorage.removeItem(probe);
      }
    };
    let lo = 0;
    let hi = 64 * 1024 * 1024;
    while (hi - lo > 1024) {
      const mid = Math.floor((lo + hi) / 2);
      if (fits(mid)) lo = mid;
      else hi = mid;
    }
    return { keys, chars, free: lo + probe.length };
  }, STORAGE_PREFIX);
}

/**
 * One answer change in the page, timed in the page: `performance.now()` just before the radio's
 * click is dispatched, then every animation frame until the question shows the new level and
 * every chart on the page has new markup (`frame`); `sync` is how long the click's dispatch
 * itself took (the app's input handler). Even changes move a question one level and odd ones
 * put it back, so the area's place among the largest gaps stays the same.
 */
async function changeAnswer(page, i) {
  return page.evaluate(async (i) => {
    const cards = [...document.querySelectorAll('article.question')]
      .filter((c) => c.querySelector('fieldset.levels') && !c.querySelector('fieldset.levels').disabled);
    const card = cards[Math.floor(i / 2) % cards.length];
    const radios = [...card.querySelectorAll('fieldset.levels input[type=radio]')];
    const current = radios.findIndex((r) => r.checked);
    window.__orig ??= new Map();
    let next;
    if (i % 2 === 0) {
      window.__orig.set(card.id, current);
      next = current < 0 ? 2 : current < radios.length - 1 ? current + 1 : current - 1;
    } else {
      const orig = window.__orig.get(card.id);
      next = orig < 0 ? 1 : orig;
    }
    const charts = () => [...document.querySelectorAll('main .chart-svg')];
    const before = charts().map((c) => c.innerHTML);
    const status = card.querySelector('.question-status');
    const done = () => radios[next].checked
      && status.textContent.startsWith(`Answered: ${next} `)
      && charts().every((c, k) => c.innerHTML !== before[k]);
    const t0 = performance.now();
    radios[next].click();
    const sync = performance.now() - t0;
    const frame = new Promise((resolve) => {
      const tick = () => (done() ? resolve(performance.now() - t0) : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    });
    const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 5000));
    const f = await Promise.race([frame, timeout]);
    return { sync, frame: f, charts: before.length, question: card.id, level: next };
  }, i);
}

/**
 * Resolves in `page` (a second tab) once the results charts changed after a storage event for
 * `key`: from the event (seen by the init script's listener, which runs before the app's) to the
 * animation frame that shows new markup in every chart.
 */
function chartsUpdateInOtherTab(page, key) {
  return page.evaluate((key) => new Promise((resolve) => {
    const events = window.__bench.storageEvents;
    const from = events.length;
    const charts = () => [...document.querySelectorAll('main .chart-svg')];
    const before = charts().map((c) => c.innerHTML);
    const started = performance.now();
    // Added after the app's own listener, so it runs once the app has handled the event (and
    // its microtasks ran): the work of taking the save in, without the wait for a frame.
    let handled = null;
    const onStorage = (e) => {
      if (e.key !== key) return;
      removeEventListener('storage', onStorage);
      const current = charts();
      handled = { t: performance.now(), changed: current.length === before.length && current.every((c, k) => c.innerHTML !== before[k]) };
    };
    addEventListener('storage', onStorage);
    const tick = () => {
      const event = events.slice(from).find((e) => e.key === key);
      const now = charts();
      const changed = now.map((c, k) => c.innerHTML !== before[k]);
      if (event && now.length === before.length && changed.every(Boolean)) {
        resolve({
          ms: performance.now() - event.t,
          handledMs: handled?.changed ? handled.t - event.t : null,
          charts: before.length,
        });
      } else if (performance.now() - started > 5000) {
        resolve({ ms: null, charts: before.length, changed, event: !!event });
      } else {
        requestAnimationFrame(tick);
      }
    };
    requestAnimationFrame(tick);
  }), key);
}

/** A profile frame's function, demangled, its Rust hash dropped, kept short enough for a table. */
function frameName(f) {
  const name = demangle(f.functionName || '(anonymous)')
    .replace(/::h[0-9a-f]{16}(\.[\w.]+)?$/, '')
    .replace(/\[[0-9a-f]{16}\]/g, '');
  const file = f.url && !f.url.endsWith('.wasm') ? ` (${path.basename(f.url)})` : '';
  const full = `${name}${file}`;
  return full.length > 140 ? `${full.slice(0, 137)}…` : full;
}

/**
 * Self time and inclusive time per function over several CPU profiles (Profiler.stop results),
 * idle excluded: `{ busy, self: [...top], inclusive: [...top app functions] }` in ms.
 */
function summariseProfiles(profiles, top = 12) {
  const self = new Map();
  const inclusive = new Map();
  let busy = 0;
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    for (let i = 0; i < profile.samples.length; i++) {
      const dt = (profile.timeDeltas[i] ?? 0) / 1000;
      const node = byId.get(profile.samples[i]);
      const name = frameName(node.callFrame);
      if (name.startsWith('(idle)') || name.startsWith('(program)')) continue;
      busy += dt;
      self.set(name, (self.get(name) ?? 0) + dt);
      const seen = new Set();
      for (let id = node.id; id !== undefined; id = parent.get(id)) {
        const n = frameName(byId.get(id).callFrame);
        if (!seen.has(n)) {
          seen.add(n);
          inclusive.set(n, (inclusive.get(n) ?? 0) + dt);
        }
      }
    }
  }
  const rank = (map, keep) => [...map.entries()].filter(([n]) => keep(n)).sort((a, b) => b[1] - a[1])
    .slice(0, top).map(([name, t]) => ({ name, ms: t, share: busy ? t / busy : 0 }));
  return {
    busy,
    self: rank(self, () => true),
    inclusive: rank(inclusive, (n) => n.startsWith('cto_workbench::') || n.startsWith('<cto_workbench::')),
  };
}

/**
 * Profiles, in a copy of dist/ whose wasm keeps its function names, what the answer-change bench
 * measures: each of `count` changes alone (click to updated frame), and the autosaves they
 * cause. The copy is served on its own origin, so the workspace is imported there first.
 */
async function profileWithNames(browser, { heavyId, area, count = 10 }) {
  let named;
  try {
    named = namedDist({ dist: distDir });
  } catch (e) {
    return { error: `no named build: ${e.message}` };
  }
  const server = await startServer(named.dir);
  const { context } = await newContext({ browser, url: server.url });
  try {
    const page = await context.newPage();
    await loadAndMark(page, `${server.url}/`);
    const importCdp = await context.newCDPSession(page);
    await importCdp.send('Profiler.enable');
    await importCdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await importCdp.send('Profiler.start');
    await importFile(page, WORKSPACE);
    const imported = (await importCdp.send('Profiler.stop')).profile;
    await importCdp.detach();
    await writeFile(path.join(OUT_DIR, 'import.cpuprofile'), JSON.stringify(imported));
    await waitSavedOrNot(page);
    // A load of the list with the stored workspace, in a new tab as the load bench does.
    await page.goto('about:blank');
    const fresh = await context.newPage();
    const loadCdp = await context.newCDPSession(fresh);
    await loadCdp.send('Profiler.enable');
    await loadCdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await loadCdp.send('Profiler.start');
    await loadAndMark(fresh, `${server.url}/`);
    // On to the end of the work the app puts off until the list is shown.
    await settled(fresh);
    const load = (await loadCdp.send('Profiler.stop')).profile;
    await loadCdp.detach();
    await fresh.close();
    await writeFile(path.join(OUT_DIR, 'load.cpuprofile'), JSON.stringify(load));
    await loadAndMark(page, `${server.url}/a/${heavyId}/assessment/${area}`);
    // A second tab on the results page takes in each save through the storage event.
    const other = await context.newPage();
    await loadAndMark(other, `${server.url}/a/${heavyId}/results`);
    await settled(other);
    const otherCdp = await context.newCDPSession(other);
    await otherCdp.send('Profiler.enable');
    await otherCdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const changes = [];
    const saves = [];
    const takenIn = [];
    for (let i = 0; i < count; i++) {
      const before = await saveCount(page);
      const seen = await other.evaluate(() => window.__bench.storageEvents.length);
      await cdp.send('Profiler.start');
      await changeAnswer(page, 2000 + i);
      changes.push((await cdp.send('Profiler.stop')).profile);
      await otherCdp.send('Profiler.start');
      await cdp.send('Profiler.start');
      await waitNextSave(page, before);
      saves.push((await cdp.send('Profiler.stop')).profile);
      await other.waitForFunction((n) => window.__bench.storageEvents.length > n, seen, { timeout: 30_000, polling: POLL_MS });
      await other.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      takenIn.push((await otherCdp.send('Profiler.stop')).profile);
    }
    await otherCdp.detach();
    await other.close();
    await cdp.detach();
    await writeFile(path.join(OUT_DIR, 'other-tab.cpuprofile'), JSON.stringify(takenIn.at(-1)));
    await writeFile(path.join(OUT_DIR, 'answer-change.cpuprofile'), JSON.stringify(changes.at(-1)));
    await writeFile(path.join(OUT_DIR, 'save.cpuprofile'), JSON.stringify(saves.at(-1)));
    return {
      count,
      sameBuild: named.sameBuild,
      load: summariseProfiles([load]),
      import: summariseProfiles([imported]),
      change: summariseProfiles(changes),
      save: summariseProfiles(saves),
      otherTab: summariseProfiles(takenIn),
    };
  } finally {
    await context.close();
    await server.close();
  }
}

function fmtPair(a, b) {
  return `${ms(a)} / ${ms(b)}`;
}

/** Sizes and Lighthouse, on `DIST`: the last part of the full run, and BENCH_ONLY=sizes. */
async function sizesAndLighthouse(results, log) {
  log(`sizes of ${DIST.startsWith(`${repoRoot}${path.sep}`) ? path.relative(repoRoot, DIST) : DIST}`);
  results.sizes = distSizes(DIST);
  log('lighthouse (3 runs desktop, 3 runs mobile)');
  results.lighthouse = await lighthouse({ dist: DIST, outDir: OUT_DIR, log });
}

async function main() {
  const started = nodePerf.now();
  const log = (text) => console.error(`[bench ${((nodePerf.now() - started) / 1000).toFixed(0)}s] ${text}`);
  if (process.env.BENCH_ONLY === 'sizes') {
    await mkdir(OUT_DIR, { recursive: true });
    const results = {};
    await sizesAndLighthouse(results, log);
    const rowsOut = [];
    const add = (metric, value, budget = null, ok = null) => rowsOut.push({ metric, value, budget, ok });
    sizeRows(results, add);
    lighthouseRows(results.lighthouse, add);
    console.log(`${markdownTable(rowsOut)}\n\nNotes:\n${[...sizeNotes(results), ...lighthouseNotes(results.lighthouse)].join('\n')}`);
    return;
  }
  if (path.resolve(distDir) !== DIST) {
    console.error(`BENCH_DIST (${DIST}) is not the build the browser parts load (${distDir}): use E2E_DIST for a whole run, BENCH_DIST with BENCH_ONLY=sizes.`);
    process.exit(2);
  }
  for (const [file, what] of [[WORKSPACE, 'workspace'], [HEAVY, 'heavy assessment']]) {
    if (!existsSync(file)) {
      console.error(`No ${what} file at ${file}. Generate it first:\n  cargo run --release --bin gen_workspace -- target/bench/workspace.json`);
      process.exit(2);
    }
  }
  await mkdir(OUT_DIR, { recursive: true });
  const workspace = JSON.parse(await readFile(WORKSPACE, 'utf8'));
  const heavy = JSON.parse(await readFile(HEAVY, 'utf8')).assessments[0];
  const rows = workspace.assessments.length;
  if (!workspace.assessments.some((a) => a.id === heavy.id)) {
    throw new Error('the heavy assessment is not in the workspace file');
  }
  const results = { workspaceFile: WORKSPACE, assessments: rows, heavyId: heavy.id, loadavgStart: os.loadavg()[0] };

  const app = await startApp();
  try {
    results.chromium = app.browser.version();

    // 1 and 6, empty workspace.
    log('loads with an empty workspace');
    {
      const { context, problems } = await newContext(app);
      const loads = await measureLoads(context, `${app.url}/`, LOAD_RUNS);
      results.memoryEmpty = await memory(loads.page);
      results.loadEmpty = { ...loads, page: undefined };
      results.problemsEmpty = problems;
      await context.close();
    }

    // 3: imports into fresh browsers; the first one stays for everything that needs the data.
    log(`import of the large file (${bytes((await readFile(WORKSPACE)).length)}), ${IMPORT_RUNS} times`);
    const { context, problems } = await newContext(app);
    const page = await context.newPage();
    results.imports = [];
    for (let i = 0; i < IMPORT_RUNS; i++) {
      let ctx = context;
      let p = page;
      if (i > 0) {
        ctx = (await newContext(app)).context;
        p = await ctx.newPage();
      }
      await loadAndMark(p, `${app.url}/`);
      results.imports.push(await importFile(p, WORKSPACE));
      const saved = await waitSavedOrNot(p);
      if (i === 0) results.importSaveStatus = saved;
      if (i > 0) await ctx.close();
    }
    results.storage = await storageUse(page);

    // 1 and 6, large workspace: the list and the heavy assessment's results.
    log('loads with the large workspace');
    await page.goto('about:blank');
    for (const [key, memKey, url] of [
      ['loadLarge', 'memoryLarge', `${app.url}/`],
      ['loadHeavyResults', 'memoryHeavyResults', `${app.url}/a/${heavy.id}/results`],
      ['loadPortfolio', 'memoryPortfolio', `${app.url}/portfolio`],
    ]) {
      const loads = await measureLoads(context, url, LOAD_RUNS);
      results[memKey] = await memory(loads.page);
      await loads.page.close();
      results[key] = { ...loads, page: undefined };
    }
    log('the portfolio opened from the list, and its switch between views');
    results.portfolio = await portfolioInApp(page, app.url);
    if (process.env.BENCH_ONLY === 'loads') {
      results.problemsLarge = problems;
      await context.close();
      const rowsOut = [];
      loadRows(results, (metric, value, budget = null, ok = null) => rowsOut.push({ metric, value, budget, ok }));
      console.log(markdownTable(rowsOut));
      if (problems.length) console.log(`Console or page errors seen: ${[...new Set(problems)].slice(0, 5).join(' | ')}`);
      return;
    }
    await loadAndMark(page, `${app.url}/a/${heavy.id}/results`);

    // 2: the area with the largest priority gap, so every change moves both results charts.
    const areaHref = await page.locator('ol.gap-list li a').first().getAttribute('href');
    const area = areaHref.split('/').pop();
    log(`answer changes on the heavy assessment's area page (${area})`);
    await loadAndMark(page, `${app.url}/a/${heavy.id}/assessment/${area}`);
    await page.evaluate(() => {
      window.__bench.writes.length = 0;
      window.__bench.saves.length = 0;
    });
    const changes = [];
    const saveStatus = new Set();
    for (let i = 0; i < ANSWER_CHANGES; i++) {
      const before = await saveCount(page);
      changes.push(await changeAnswer(page, i));
      // Waiting for the save keeps every change alone, as a user's clicks are.
      saveStatus.add(await waitNextSave(page, before));
    }
    results.answerSaveStatus = [...saveStatus];
    results.area = area;
    results.answerChanges = changes;
    // 4: the saves those changes caused.
    const recorded = await page.evaluate(() => ({ writes: window.__bench.writes, saves: window.__bench.saves }));
    results.writes = recorded.writes;
    results.saves = recorded.saves;

    // 2, charts: the results page open in a second tab takes each saved change in.
    log('answer changes seen by the results page in a second tab');
    const other = await context.newPage();
    await loadAndMark(other, `${app.url}/a/${heavy.id}/results`);
    results.otherTabVisible = await other.evaluate(() => document.visibilityState);
    const crossTab = [];
    for (let i = 0; i < CROSS_TAB_CHANGES; i++) {
      const before = await saveCount(page);
      const seen = chartsUpdateInOtherTab(other, `${STORAGE_PREFIX}assessment/${heavy.id}`);
      await changeAnswer(page, ANSWER_CHANGES + i);
      crossTab.push(await seen);
      await waitNextSave(page, before);
    }
    results.crossTab = crossTab;
    await other.close();

    results.problemsLarge = problems;
    await context.close();

    // Profiles say where the time goes in the figures over budget; BENCH_PROFILE=0 skips them.
    if (process.env.BENCH_PROFILE !== '0') {
      log('profiling a load, answer changes and saves in a build that keeps function names');
      results.profile = await profileWithNames(app.browser, { heavyId: heavy.id, area });
    }

    // 5: KPI charts with 1,000 and 100,000 points.
    log('KPI chart with 100,000 points');
    results.kpi = await kpiBench(app);
  } finally {
    await app.close();
  }

  // 7 and 8.
  await sizesAndLighthouse(results, log);
  results.seconds = (nodePerf.now() - started) / 1000;
  results.loadavgEnd = os.loadavg()[0];

  const md = report(results);
  await writeFile(path.join(OUT_DIR, 'browser.md'), md);
  await writeFile(path.join(OUT_DIR, 'browser.json'), JSON.stringify(results, null, 1));
  console.log(md);
}

/** Imports a 1,000-point and a 100,000-point KPI file and times each KPI page's chart. */
async function kpiBench(app) {
  const { context, problems } = await newContext(app);
  const page = await context.newPage();
  await loadAndMark(page, `${app.url}/`);
  const out = {};
  for (const count of [1_000, KPI_POINTS]) {
    const { file, assessmentId, kpiId } = kpiFile(count);
    const name = path.join(OUT_DIR, `kpi-${count}.json`);
    await writeFile(name, JSON.stringify(file));
    await page.goto(`${app.url}/`);
    await page.locator('.app-header').waitFor();
    const imported = await importFile(page, name);
    const saved = await waitSavedOrNot(page);
    // Opened the way a click on the KPI's name opens it: the router takes the link in the page.
    const render = await page.evaluate(async (href) => {
      const a = document.createElement('a');
      a.href = href;
      document.body.append(a);
      const t0 = performance.now();
      a.click();
      a.remove();
      return new Promise((resolve) => {
        const tick = () => {
          const svg = document.querySelector('main .chart-svg svg');
          if (svg) {
            resolve({
              ms: performance.now() - t0,
              svgBytes: new Blob([svg.outerHTML]).size,
              width: svg.getAttribute('width'),
              rows: document.querySelectorAll('main table tbody tr').length,
            });
          } else {
            requestAnimationFrame(tick);
          }
        };
        requestAnimationFrame(tick);
      });
    }, `/a/${assessmentId}/goals/kpi/${kpiId}`);
    out[count] = { import: imported, saved, ...render, fileBytes: JSON.stringify(file).length };
  }
  out.problems = problems;
  await context.close();
  return out;
}

/** The markdown report: machine, one table, and the notes a reader needs to trust it. */
/**
 * The portfolio as a consultant reaches it: from the list page, a click on its link until the
 * grid shows every client (`PORTFOLIO_RUNS` times), then the switch between the self-assessed and
 * reviewed views, from the click to the frame that shows the grid rebuilt (`PORTFOLIO_SWITCHES`).
 */
async function portfolioInApp(page, origin) {
  const opens = [];
  for (let i = 0; i < PORTFOLIO_RUNS; i++) {
    await loadAndMark(page, `${origin}/`);
    opens.push(await page.evaluate(() => new Promise((resolve) => {
      const link = [...document.querySelectorAll('main a')].find((a) => a.getAttribute('href') === '/portfolio');
      const t0 = performance.now();
      link.click();
      const tick = () => {
        const rows = document.querySelectorAll('[data-testid=portfolio-grid] tbody tr').length;
        if (rows > 0) resolve({ ms: performance.now() - t0, rows });
        else if (performance.now() - t0 > 30_000) resolve({ ms: null, rows });
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })));
  }
  const switches = [];
  for (let i = 0; i < PORTFOLIO_SWITCHES; i++) {
    switches.push(await page.evaluate((i) => new Promise((resolve) => {
      const radios = [...document.querySelectorAll('input[name=portfolio-view]')];
      const grid = document.querySelector('[data-testid=portfolio-grid] tbody');
      // Rebuilt in place (the same rows, new texts), so the markup is what changes.
      const before = grid.innerHTML;
      const t0 = performance.now();
      radios[(i + 1) % 2].click();
      const sync = performance.now() - t0;
      const tick = () => {
        if (grid.innerHTML !== before) resolve({ ms: performance.now() - t0, sync });
        else if (performance.now() - t0 > 5000) resolve({ ms: null, sync });
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }), i));
  }
  return { opens, switches };
}

/** The rows of the loads and the portfolio, shared by the full report and BENCH_ONLY=loads. */
function loadRows(r, add) {
  const emptyReady = r.loadEmpty.ready;
  add(`Load, empty workspace: navigation → header and welcome (median of ${LOAD_RUNS})`,
    `${ms(emptyReady)} (wasm downloaded at ${ms(r.loadEmpty.wasmFetched)})`, 'reference');
  add(`Load, ${r.loadLarge.samples.at(-1).rows} assessments in storage: navigation → header and the list (median of ${LOAD_RUNS})`,
    `${ms(r.loadLarge.ready)} (${(r.loadLarge.ready / emptyReady).toFixed(2)}× empty)`,
    `≤ ${BUDGET.loadRatio}× empty (${ms(BUDGET.loadRatio * emptyReady)})`, r.loadLarge.ready <= BUDGET.loadRatio * emptyReady);
  add(`Load, heavy assessment's results page: navigation → both charts (median of ${LOAD_RUNS})`,
    `${ms(r.loadHeavyResults.ready)} (${(r.loadHeavyResults.ready / emptyReady).toFixed(2)}× empty)`,
    `≤ ${BUDGET.loadRatio}× empty`, r.loadHeavyResults.ready <= BUDGET.loadRatio * emptyReady);
  const clients = r.portfolio.opens.at(-1).rows;
  add(`Load, portfolio of the ${r.loadPortfolio.samples.at(-1).rows} assessments (${clients} clients, every list read): navigation → the grid (median of ${LOAD_RUNS})`,
    `${ms(r.loadPortfolio.ready)} (${(r.loadPortfolio.ready / emptyReady).toFixed(2)}× empty)`,
    `≤ ${BUDGET.loadRatio}× empty`, r.loadPortfolio.ready <= BUDGET.loadRatio * emptyReady);
  const flagged = r.loadPortfolio.samples.map((m) => m.flags ?? Infinity);
  add('  same portfolio loads: navigation → every flag raised (the lists read in idle slices after the grid shows), median / max',
    fmtPair(median(flagged), Math.max(...flagged)), 'no budget', null);
  const opens = r.portfolio.opens.map((o) => o.ms ?? Infinity);
  add(`  portfolio opened from the list (click → grid shown, the lists already read by the list's deferred checks or not), median / max of ${opens.length}`,
    fmtPair(median(opens), Math.max(...opens)), 'no budget', null);
  const switches = r.portfolio.switches.map((o) => o.ms ?? Infinity);
  add(`  portfolio switch between self-assessed and reviewed levels: click → grid rebuilt on screen (next frame), median / p95 of ${switches.length}`,
    fmtPair(median(switches), percentile(switches, 95)), 'no budget', null);
  const emptySettled = r.loadEmpty.settled;
  for (const [what, load] of [['empty workspace', r.loadEmpty], ['50 assessments, the list', r.loadLarge], ['heavy results page', r.loadHeavyResults], ['portfolio', r.loadPortfolio]]) {
    if (load.settled === undefined) continue;
    add(`  same loads, ${what}: navigation → main thread settled (last frame held up over 25 ms, watched 1.5 s after ready)`,
      `${ms(load.settled)}${load === r.loadEmpty ? '' : ` (${(load.settled / emptySettled).toFixed(2)}× empty)`}`, 'no budget', null);
  }
}

/**
 * The size rows (issue #23): the first screen's files by kind, its transfer against the budget,
 * the largest route opened cold, and every wasm file.
 */
function sizeRows(r, add) {
  const first = r.sizes.files.filter((f) => f.firstLoad);
  for (const kind of ['html', 'css', 'js', 'wasm', 'json']) {
    const files = first.filter((f) => f.kind === kind);
    if (!files.length) continue;
    const raw = files.reduce((a, f) => a + f.raw, 0);
    const gz = files.reduce((a, f) => a + f.gzip, 0);
    add(`Size, first screen: ${kind} (${files.map((f) => f.name).join(', ')})`, `${bytes(raw)} raw, ${bytes(gz)} gzip`, null, null);
  }
  const missing = r.sizes.missing.length ? `; MISSING from dist: ${r.sizes.missing.join(', ')}` : '';
  add('First screen transfer (gzip): index.html, CSS, boot and glue JS, split loader, first wasm, English texts (gzip -9)',
    `${bytes(r.sizes.firstLoad.gzip)} gzip (${bytes(r.sizes.firstLoad.raw)} raw, ${r.sizes.firstLoad.files.length} files${missing})`,
    `≤ ${bytes(BUDGET.firstLoadGzip)} gzip`, r.sizes.firstLoad.gzip <= BUDGET.firstLoadGzip && !r.sizes.missing.length);
  const largest = r.sizes.routes[0];
  if (largest) {
    add(`Largest route (cold, gzip): its module and the ${largest.chunks} shared chunks it needs, no other route opened before (every route in the notes)`,
      `${largest.route}: ${bytes(largest.gzip)} gzip (own module ${bytes(largest.own.gzip)}, chunks ${bytes(largest.chunkGzip)}; ${bytes(largest.raw)} raw)`, 'reported', null);
  } else {
    add('Largest route (cold, gzip)', 'no split loader (__wasm_split.js) in the build', 'reported', null);
  }
  add(`Size: all wasm (${r.sizes.wasm.count} modules: first module, routes, shared chunks)`,
    `${bytes(r.sizes.wasm.gzip)} gzip (${bytes(r.sizes.wasm.raw)} raw)`, 'no budget', null);
}

/** Per route, largest first: the cold size and its parts, for the notes. */
function sizeNotes(r) {
  if (!r.sizes.routes.length) return [];
  return [
    '- Route sizes, cold (what opening the route first fetches: its own module plus every shared chunk it needs, read from pkg-*/__wasm_split.js; gzip -9), largest first:',
    ...r.sizes.routes.map((x) => `  - ${x.route}: ${bytes(x.gzip)} (own ${bytes(x.own.gzip)} + ${x.chunks} chunks ${bytes(x.chunkGzip)})${x.missing.length ? `; MISSING: ${x.missing.join(', ')}` : ''}`),
  ];
}

/** Lighthouse rows: desktop and mobile, each category against its budget, and mobile LCP. */
function lighthouseRows(lh, add) {
  for (const form of ['mobile', 'desktop']) {
    const f = lh[form];
    const how = form === 'mobile' ? 'mobile (default: simulated slow 4G, 4× CPU slowdown)' : 'desktop preset';
    for (const [cat, min] of Object.entries(BUDGET.lighthouse[form])) {
      if (f?.scores) {
        add(`Lighthouse ${lh.version} ${how}, ${cat} (median of ${f.runs.length}; served gzip)`,
          `${f.scores[cat]} (runs: ${f.runs.map((x) => x[cat]).join(', ')})`, `≥ ${min}`, f.scores[cat] >= min);
      } else {
        add(`Lighthouse ${how}, ${cat}`, `not measured: ${f?.error ?? lh.error}`, `≥ ${min}`, null);
      }
    }
    if (form === 'mobile') {
      if (f?.scores && f.lcpMs !== null) {
        add(`Lighthouse ${lh.version} ${how}, largest contentful paint (median of ${f.runs.length})`,
          `${(f.lcpMs / 1000).toFixed(2)} s (runs: ${f.runs.map((x) => (x.lcpMs === null ? 'n/a' : (x.lcpMs / 1000).toFixed(2))).join(', ')} s)`,
          `≤ ${(BUDGET.mobileLcpMs / 1000).toFixed(1)} s`, f.lcpMs <= BUDGET.mobileLcpMs);
      } else {
        add(`Lighthouse ${how}, largest contentful paint`, `not measured: ${f?.error ?? lh.error}`, `≤ ${(BUDGET.mobileLcpMs / 1000).toFixed(1)} s`, null);
      }
    }
  }
}

function lighthouseNotes(lh) {
  const lines = ['- Lighthouse runs on the first page (empty workspace) served with gzip, 3 times with its desktop preset and 3 times with its mobile default (a mid-range phone on slow 4G, simulated: the page loads at full speed and Lighthouse computes the throttled times); its reports are in target/bench/lighthouse-{desktop,mobile}-*.json.'];
  for (const form of ['mobile', 'desktop']) {
    const f = lh[form];
    if (!f?.scores) continue;
    if (f.audits.length) lines.push(`- Lighthouse ${form} audits below full marks (median run): ${f.audits.join('; ')}.`);
    lines.push(`- Lighthouse ${form} metrics (median run): ${Object.entries(f.metrics).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  }
  return lines;
}

function report(r) {
  const rowsOut = [];
  const add = (metric, value, budget = null, ok = null) => rowsOut.push({ metric, value, budget, ok });
  loadRows(r, add);

  const frames = r.answerChanges.map((c) => c.frame ?? Infinity);
  const sync = r.answerChanges.map((c) => c.sync);
  add(`Answer change → page updated, next frame: heavy area page “${r.area}” (it shows no chart), median / p95 of ${frames.length}`,
    fmtPair(median(frames), percentile(frames, 95)), `p95 ≤ ${BUDGET.frameMs} ms`, percentile(frames, 95) <= BUDGET.frameMs);
  add('  same changes: the click\'s input handler alone (synchronous part), median / p95',
    fmtPair(median(sync), percentile(sync, 95)), 'no budget', null);
  const cross = r.crossTab.map((c) => c.ms ?? Infinity);
  const handled = r.crossTab.map((c) => c.handledMs ?? Infinity);
  add(`Answer change → radar and gaps charts updated, results page in a second tab: storage event → both charts changed in the DOM (the event's task, done before the next frame is drawn), median / p95 of ${handled.length}`,
    fmtPair(median(handled), percentile(handled, 95)), `p95 ≤ ${BUDGET.frameMs} ms`, percentile(handled, 95) <= BUDGET.frameMs);
  add('  same changes: storage event → the next animation frame showing them (adds the wait for that frame, up to 16.7 ms: the event comes at any point of a frame)',
    fmtPair(median(cross), percentile(cross, 95)), 'no budget', null);

  const imports = r.imports.map((i) => i.ms);
  add(`Import of the large file (${r.assessments} assessments): file chosen → “Imported” notice (median of ${imports.length})`,
    `${ms(median(imports))} (runs: ${imports.map((x) => Math.round(x)).join(', ')} ms)`, `≤ ${BUDGET.importMs} ms`, median(imports) <= BUDGET.importMs);

  const saveWrites = r.saves.map((s) => r.writes.filter((w) => w.start >= s.start && w.start <= s.start + s.ms));
  const inSetItem = saveWrites.map((ws) => ws.reduce((a, w) => a + w.ms, 0));
  const saveTask = r.saves.map((s) => s.ms);
  const writesPerSave = saveWrites.map((ws) => ws.length);
  const charsPerSave = saveWrites.map((ws) => ws.reduce((a, w) => a + w.chars, 0));
  add(`One save: time inside localStorage.setItem, median / max of ${r.saves.length} saves (${median(writesPerSave)} key(s), ${chars(median(charsPerSave))} each)`,
    fmtPair(median(inSetItem), Math.max(...inSetItem)), `≤ ${BUDGET.saveMs} ms`, Math.max(...inSetItem) <= BUDGET.saveMs);
  add('One save: the whole autosave task (plan, serialise, write), median / max',
    fmtPair(median(saveTask), Math.max(...saveTask)), `≤ ${BUDGET.saveMs} ms`, Math.max(...saveTask) <= BUDGET.saveMs);
  const inInput = r.writes.filter((w) => w.inInput).length;
  const since = r.writes.map((w) => w.sinceInput).filter((x) => x !== null);
  add('Save off the input path (writes inside an input event\'s task; earliest write after the input)',
    `${inInput} of ${r.writes.length}; earliest ${ms(Math.min(...since))} after the click`, 'none inside, after the debounce', inInput === 0);
  const quota = r.storage.chars + r.storage.free;
  const stored = r.loadLarge.samples.at(-1).rows;
  add(`localStorage used by the ${r.assessments}-assessment workspace (room left found by filling it)`,
    `${chars(r.storage.chars)}, ${stored} of ${r.assessments} assessments stored; ${chars(r.storage.free)} left ` +
      `(${((100 * r.storage.chars) / quota).toFixed(0)}% of ${chars(quota)}); after import: “${r.importSaveStatus}”`,
    `all stored, with room to spare: ≤ ${BUDGET.storageShare * 100}% of the quota`, stored === r.assessments && r.storage.chars <= BUDGET.storageShare * quota);

  const k1 = r.kpi[1000];
  const k = r.kpi[KPI_POINTS];
  add(`KPI with ${KPI_POINTS.toLocaleString('en')} measurements: import (file ${bytes(k.fileBytes)}) / open its page → chart drawn (1,000 points: ${fmtPair(k1.import.ms, k1.ms)})`,
    `${fmtPair(k.import.ms, k.ms)}; the page also lists ${k.rows.toLocaleString('en')} table rows; saved: “${k.saved}”`, 'no budget', null);
  add(`KPI chart SVG size, ${KPI_POINTS.toLocaleString('en')} points vs 1,000 points (plot ${k.width} px wide)`,
    `${bytes(k.svgBytes)} vs ${bytes(k1.svgBytes)} (${(k.svgBytes / k1.svgBytes).toFixed(2)}×)`, 'bounded by width: ≤ 1.5× the 1,000-point chart', k.svgBytes <= 1.5 * k1.svgBytes);

  const mem = (m) => `JS heap ${bytes(m.jsHeapUsed)}, wasm memory ${m.wasm === null ? 'n/a' : bytes(m.wasm)}`;
  add('Memory after load, empty workspace', mem(r.memoryEmpty), 'no budget', null);
  add(`Memory after load, ${r.loadLarge.samples.at(-1).rows} assessments (list)`, mem(r.memoryLarge), 'no budget', null);
  add('Memory after load, heavy assessment results', mem(r.memoryHeavyResults), 'no budget', null);

  sizeRows(r, add);
  lighthouseRows(r.lighthouse, add);

  const cpu = os.cpus();
  const lines = [
    `# Browser benchmarks`,
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu[0]?.model ?? 'unknown CPU'} ` +
      `(${cpu.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB), headless Chromium ${r.chromium}, node ${process.version}; ` +
      `workspace ${path.relative(repoRoot, r.workspaceFile)} (${r.assessments} assessments); ${Math.round(r.seconds)} s in all; ` +
      `load average ${r.loadavgStart.toFixed(1)} at the start, ${r.loadavgEnd.toFixed(1)} at the end (above ${cpu.length} means other work shared the CPU).`,
    '',
    markdownTable(rowsOut),
    '',
    'Notes:',
    '- Times are taken in the page with performance.now(); loads from navigation start (the page\'s time origin) in a new tab each, after two warm-up loads; the app mounts in one go once the wasm is instantiated, so header and content appear together.',
    '- A page other than the list (results, area, portfolio) also fetches its route\'s wasm module and the shared chunks it needs (see the route sizes below) before it shows: its load includes them, from the local server (no network delay).',
    '- The area page has answers but no chart, and no page shows both: the “next frame” rows wait for a requestAnimationFrame callback in which the change is visible, so they include the wait for the next frame (up to 16.7 ms at 60 Hz).',
    '- The second-tab row starts at the storage event the autosave causes (after its 400 ms debounce) and includes reading the stored assessment.',
    '- localStorage is counted in characters, as Chromium\'s quota is (about 5.2 M characters, 10 MiB as UTF-16, per site); the room left is found by writing ever larger values.',
    '- Import starts at the file input\'s change event; Playwright handing the file to the page is not counted.',
    '- Save figures come from wrapping Storage.prototype.setItem and timer callbacks in an init script; no app code was changed to measure.',
    ...sizeNotes(r),
    ...lighthouseNotes(r.lighthouse),
  ];
  if (r.profile?.error) lines.push(`- No CPU profile: ${r.profile.error}.`);
  if (r.profile?.change) {
    const p = r.profile;
    lines.push(`- CPU profiles (Profiler, 0.1 ms sampling) of the first import of the workspace, one load of the list (until the main thread settled), ${p.count} answer changes and the autosaves they caused, in a copy of dist/ whose wasm modules keep their names ` +
      `(target/split/'s modules before wasm-opt; ${p.sameBuild ? 'same build as dist/: identical JS glue and split loader' : 'WARNING: target/split/ is not the build in dist/, names may describe other code'}). Last of each in target/bench/*.cpuprofile.`);
    for (const [label, prof, n] of [['import of the workspace', p.import, 1], ['one load of the list', p.load, 1], ['answer change', p.change, p.count], ['autosave', p.save, p.count], ['second tab taking in that save (results page)', p.otherTab, p.count]]) {
      lines.push(`  - ${label}: ${ms(prof.busy / n)} of script each${n > 1 ? ' (mean)' : ''}. Self time, largest first:`);
      for (const f of prof.self) lines.push(`    - ${ms(f.ms / n)} (${(100 * f.share).toFixed(0)}%) ${f.name}`);
      lines.push('    App functions by inclusive time:');
      for (const f of prof.inclusive) lines.push(`    - ${ms(f.ms / n)} (${(100 * f.share).toFixed(0)}%) ${f.name}`);
    }
  }
  const problems = [...r.problemsEmpty, ...r.problemsLarge, ...r.kpi.problems];
  if (problems.length) lines.push(`- Console or page errors seen: ${[...new Set(problems)].slice(0, 5).join(' | ')}`);
  if (r.otherTabVisible !== 'visible') lines.push(`- The second tab reported visibility “${r.otherTabVisible}”.`);
  return `${lines.join('\n')}\n`;
}

await main();
