// Offline (#10): after one visit the app opens and works with the network off, deep links
// included; a new build is offered with "Reload" and replaces the old cache cleanly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startApp, openPage, storedAssessments, waitSaved, repoRoot, distDir } from './support.mjs';
import { startServer } from './server.mjs';
import { writeWorker } from '../../tools/sw.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** Waits until a service worker controls the page and returns its cache names. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  return page.evaluate(() => caches.keys());
}

test('after one visit the app opens, works and keeps work with the network off', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page, context } = s;
  const cachesOnline = await controlled(page);
  const sw = await readFile(path.join(distDir, 'sw.js'), 'utf8');
  const version = sw.match(/const CACHE = '([^']+)'/)[1];
  assert.deepEqual(cachesOnline, [version], 'one cache, named after this build');

  await context.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: 'Open demo' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  const id = page.url().match(/\/a\/([0-9a-f-]{36})/)[1];
  await page.getByRole('link', { name: 'All assessments' }).click();
  await page.getByRole('button', { name: 'New assessment' }).first().click();
  await page.getByLabel('Company name').fill('Offline Ltd');
  await waitSaved(page);
  const names = (await storedAssessments(page)).map((a) => a.profile.company_name);
  assert.ok(names.includes('Offline Ltd'), `saved offline: ${names}`);

  // A deep link typed or reloaded while offline still opens (every route is the one page).
  await page.goto(`${app.url}/a/${id}/results`);
  await page.getByRole('heading', { name: 'Results' }).first().waitFor();
  assert.match(await page.locator('main').innerText(), /Maturity index/);
  assert.deepEqual(s.offOrigin, []);
  await context.setOffline(false);
  await s.close();
});

test('a new build is offered with Reload, then serves the new files and drops the old cache', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cto-offline-'));
  const server = await startServer(dir);
  try {
    await cp(distDir, dir, { recursive: true });
    const first = writeWorker(dir).version;
    const s = await openPage({ ...app, url: server.url });
    const { page } = s;
    await page.goto(server.url + '/');
    await page.locator('.app-header').waitFor();
    assert.deepEqual(await controlled(page), [`cto-workbench-${first}`]);
    assert.equal(await page.getByTestId('update-banner').count(), 0, 'no banner without an update');

    // A new build: one changed file means a new worker with a new cache.
    const manifest = path.join(dir, 'manifest.webmanifest');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('"CTO Workbench"', '"CTO Workbench (new)"'));
    const second = writeWorker(dir).version;
    assert.notEqual(second, first);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const banner = page.getByTestId('update-banner');
    await banner.waitFor({ timeout: 20000 });
    assert.match(await banner.innerText(), /A new version of CTO Workbench is ready/);
    await Promise.all([
      page.waitForEvent('load'),
      banner.getByRole('button', { name: 'Reload' }).click(),
    ]);
    await page.locator('.app-header').waitFor();
    await page.waitForFunction(
      (want) => caches.keys().then((k) => k.length === 1 && k[0] === want),
      `cto-workbench-${second}`,
      { timeout: 20000 },
    );
    const served = await page.evaluate(() => fetch('/manifest.webmanifest').then((r) => r.text()));
    assert.match(served, /CTO Workbench \(new\)/);
    assert.equal(await page.getByTestId('update-banner').count(), 0);
    assert.deepEqual(s.problems, []);
    await s.close();
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
