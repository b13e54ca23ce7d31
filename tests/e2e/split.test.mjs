// The split build (#23): the first screen loads the first module and one language's texts, every
// group of screens' code arrives once (prefetched when idle, or on the first visit to the route), the
// page paints its frame before the WebAssembly is ready, and a part of the app that cannot be
// loaded gives a plain message with Reload, never a blank page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, rm, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startApp, openPage, distDir, waitSaved } from './support.mjs';
import { startServer } from './server.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const pkgDirOf = async (dir) => (await readdir(dir)).find((f) => f.startsWith('pkg-'));

/** Every request of the page by path, in order (the service worker is blocked, so each is real). */
function recordRequests(page) {
  const paths = [];
  page.on('request', (req) => paths.push(new URL(req.url()).pathname));
  return paths;
}

async function openSection(page, name) {
  const label = name === 'Goals' ? 'Goals & KPIs' : name;
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: label, exact: true }).click();
  await page.waitForURL(new RegExp(`/${name.toLowerCase()}$`));
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  assert.equal(await page.getByTestId('panic-screen').count(), 0, `${name} opened without an error`);
}

test('a cold load fetches one language and the first module; every route then opens, each chunk fetched once', async () => {
  const s = await openPage(app, { serviceWorkers: 'block' });
  const { page } = s;
  const paths = recordRequests(page);
  await s.goto('/');
  await page.getByRole('button', { name: 'Open demo' }).waitFor();

  const pkg = await pkgDirOf(distDir);
  const lang = paths.filter((p) => p.startsWith('/lang/'));
  assert.equal(lang.length, 1, `one language file: ${lang}`);
  assert.match(lang[0], /^\/lang\/en-[0-9a-f]{16}\.json$/);
  assert.ok(paths.includes(`/${pkg}/cto_workbench_bg.wasm`), 'the first module');

  await page.getByRole('button', { name: 'Open demo' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  for (const name of ['Profile', 'Assessment', 'Results', 'Goals', 'Roadmap', 'Budget', 'Team', 'Risks',
    'Partners', 'Tools', 'Snapshots', 'Compare', 'Report', 'Overview']) {
    await openSection(page, name);
  }
  // The screens below a section: an area, a KPI, an initiative and a scorecard.
  await openSection(page, 'Assessment');
  await page.locator('main a[href*="/assessment/"]').first().click();
  await page.locator('article.question').first().waitFor();
  await openSection(page, 'Goals');
  await page.locator('main a[href*="/goals/kpi/"]').first().click();
  await page.waitForURL(/\/goals\/kpi\//);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await openSection(page, 'Roadmap');
  await page.locator('main a[href*="/roadmap/"]').first().click();
  await page.waitForURL(/\/roadmap\/[0-9a-f-]{36}/);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await openSection(page, 'Partners');
  await page.locator('main a[href*="/partners/"]').first().click();
  await page.waitForURL(/\/partners\/[0-9a-f-]{36}/);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  await page.waitForURL(/\/portfolio$/);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  assert.equal(await page.getByTestId('panic-screen').count(), 0);

  // Every route's own module was fetched, and no module twice.
  const files = await readdir(path.join(distDir, pkg));
  const routeModules = files.filter((f) => f.startsWith('split_'));
  assert.equal(routeModules.length, 5, `one module per group of screens: ${routeModules}`);
  for (const f of routeModules) {
    assert.ok(paths.includes(`/${pkg}/${f}`), `${f} was fetched`);
  }
  const wasm = paths.filter((p) => p.endsWith('.wasm'));
  const twice = wasm.filter((p, i) => wasm.indexOf(p) !== i);
  assert.deepEqual(twice, [], 'no module fetched twice');
  assert.deepEqual(paths.filter((p) => p.startsWith('/lang/')), lang, 'still one language file');

  // A deep link reloads into a lazy route.
  await page.getByRole('link', { name: 'All assessments' }).first().click();
  await page.locator('main a[href^="/a/"]').first().click();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  await openSection(page, 'Report');
  const beforeReload = paths.length;
  await page.reload();
  await page.getByText('Maturity index').first().waitFor();
  // Opened on the report, the page asks for the frame's and the report's groups beside the first
  // module (preloaded by the boot script), and the loader takes those responses: none twice.
  const reloaded = paths.slice(beforeReload).filter((p) => p.endsWith('.wasm'));
  assert.ok(reloaded.some((p) => p.includes('/split_track_screens')), 'the report group');
  assert.ok(reloaded.some((p) => p.includes('/split_assess_screens')), 'the frame group');
  assert.deepEqual(reloaded.filter((p, i) => reloaded.indexOf(p) !== i), [], 'no module fetched twice after the reload');
  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
});

test('Chinese is fetched only when chosen, and English is not fetched by a Chinese browser', async () => {
  const s = await openPage(app, { serviceWorkers: 'block', locale: 'zh-CN' });
  const { page } = s;
  const paths = recordRequests(page);
  await s.goto('/');
  await page.getByRole('button', { name: '打开示例' }).waitFor();
  const lang = paths.filter((p) => p.startsWith('/lang/'));
  assert.equal(lang.length, 1, `${lang}`);
  assert.match(lang[0], /^\/lang\/zh-/);
  // The time estimates count English words, which travel with the code: the same minutes with
  // only Chinese loaded as in English.
  const zhMinutes = (await page.locator('main').innerText()).match(/\d+(?= 分钟)/g);
  assert.ok(zhMinutes?.length >= 2, `minutes on the Chinese welcome: ${zhMinutes}`);
  // Switching fetches English once, then the page reads in English.
  await page.getByLabel('语言').selectOption('en');
  await page.getByRole('button', { name: 'Open demo' }).waitFor();
  const enMinutes = (await page.locator('main').innerText()).match(/\d+(?= min)/g);
  assert.deepEqual(zhMinutes, enMinutes, 'the same estimates in both languages');
  const after = paths.filter((p) => p.startsWith('/lang/'));
  assert.equal(after.length, 2);
  assert.match(after[1], /^\/lang\/en-/);
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('the page shows the app frame while the WebAssembly is still on its way, then the app alone', async () => {
  const s = await openPage(app, { serviceWorkers: 'block' });
  const { page } = s;
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/cto_workbench_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${app.url}/`, { waitUntil: 'commit' });
  const frame = page.locator('#boot-frame');
  await frame.waitFor();
  assert.match(await frame.innerText(), /CTO Workbench[\s\S]*Loading CTO Workbench/);
  assert.equal(await page.locator('.app-header').count(), 0, 'the app is not up yet');
  release();
  await page.locator('.app-header').waitFor();
  assert.equal(await page.locator('#boot-frame').count(), 0, 'the frame is gone once the app is up');
  await page.getByRole('button', { name: 'Open demo' }).waitFor();
  await s.close();
});

test('a route whose module is missing shows what happened and Reload, and Reload recovers', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cto-split-'));
  const server = await startServer(dir);
  try {
    await cp(distDir, dir, { recursive: true });
    const pkg = await pkgDirOf(dir);
    const report = (await readdir(path.join(dir, pkg))).find((f) => f.startsWith('split_track_screens'));
    assert.ok(report, 'snapshots, compare and the report have a module of their own');
    const file = path.join(dir, pkg, report);

    const s = await openPage({ ...app, url: server.url }, { serviceWorkers: 'block' });
    const { page } = s;
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Open demo' }).click();
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    await waitSaved(page);
    const id = page.url().match(/\/a\/([0-9a-f-]{36})/)[1];
    // A new deploy without the report's module (or a network that drops it).
    await rename(file, `${file}.gone`);
    // The idle prefetch or the visit to the report finds the module missing: either way the
    // page says so, with Reload, instead of going blank.
    await page.goto(`${server.url}/a/${id}/report`).catch(() => {});
    const screen = page.getByTestId('panic-screen');
    await screen.waitFor({ timeout: 20000 });
    assert.match(await screen.innerText(), /Part of CTO Workbench could not be loaded/);
    assert.match(await screen.innerText(), /Your work is saved/);
    const reload = screen.getByRole('link', { name: 'Reload the page' });
    assert.equal(await reload.count(), 1);

    // Once the module is back (the deploy fixed), Reload opens the report with the work kept.
    await rename(`${file}.gone`, file);
    await Promise.all([page.waitForEvent('load'), reload.click()]);
    await page.waitForURL(/\/report$/);
    await page.getByText('Maturity index').first().waitFor();
    assert.equal(await page.getByTestId('panic-screen').count(), 0);
    await s.close();
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
