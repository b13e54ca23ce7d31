// Languages (#10): the switch, what it changes (UI texts, framework content, dates, <html lang>),
// that it is remembered and not mistaken for work, and that a Chinese browser starts in Chinese.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, storageSnapshot, axeViolations, waitSaved, STORAGE_PREFIX } from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const PREF = 'cto-workbench/prefs/lang';
const hasHan = (s) => /[\u4e00-\u9fff]/.test(s);

async function openDemo(page) {
  await page.getByRole('button', { name: 'Open demo' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
}

test('switching to Chinese translates the interface and the framework, is remembered, and switches back', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await openDemo(page);
  const demoUrl = page.url().replace(/\/a\/([0-9a-f-]{36}).*$/, '/a/$1');
  // The demo's first save is debounced: compare against storage once it holds the demo, or a slow
  // machine snapshots an empty store and counts the demo's own save as the language switch's.
  await waitSaved(page);
  await page.waitForFunction((k) => (localStorage.getItem(k) ?? '[]') !== '[]', `${STORAGE_PREFIX}index`);
  const before = await storageSnapshot(page);

  await page.getByLabel('Language').selectOption('zh-Hans');
  await page.getByRole('link', { name: '全部评估' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), PREF), 'zh-Hans');
  // The choice is a preference, not work: no assessment record was touched by it.
  const after = await storageSnapshot(page);
  assert.deepEqual(after, before, 'switching language wrote nothing under the data prefix');

  // Framework content: an area page shows the Chinese area name and questions.
  await page.goto(`${demoUrl}/assessment/business-goals`);
  await page.getByRole('heading', { level: 2, name: '业务目标' }).waitFor();
  const question = await page.locator('article.question').first().innerText();
  assert.ok(hasHan(question), `question shown in Chinese: ${question.slice(0, 80)}`);
  assert.deepEqual(await axeViolations(page), []);

  // Results and the list: Chinese headings and a Chinese date.
  await page.goto(`${demoUrl}/results`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const main = await page.locator('main').innerText();
  assert.ok(hasHan(main), 'results page in Chinese');
  assert.deepEqual(await axeViolations(page), []);
  await page.goto(`${app.url}/`);
  await page.getByRole('link', { name: '全部评估' }).waitFor();
  const list = await page.locator('main').innerText();
  assert.match(list, /\d{4}年\d{1,2}月\d{1,2}日/, 'dates written the Chinese way');
  assert.deepEqual(await axeViolations(page), []);

  // Remembered across a reload.
  await page.reload();
  await page.getByRole('link', { name: '全部评估' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans');

  // And back.
  await page.getByLabel('语言').selectOption('en');
  await page.getByRole('link', { name: 'All assessments' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), PREF), 'en');
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('a browser set to Chinese starts in Chinese; the English choice wins once made', async () => {
  const s = await openPage(app, { locale: 'zh-CN' });
  await s.goto('/');
  const { page } = s;
  await page.getByRole('link', { name: '全部评估' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans');
  const welcome = await page.locator('main').innerText();
  assert.ok(hasHan(welcome), 'welcome screen in Chinese');
  assert.deepEqual(await axeViolations(page), []);
  // Nothing is stored just by opening the app in a Chinese browser.
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), PREF), null);
  assert.deepEqual(
    Object.keys(await storageSnapshot(page)).filter((k) => k.startsWith(STORAGE_PREFIX)),
    [],
  );
  await page.getByLabel('语言').selectOption('en');
  await page.getByRole('link', { name: 'All assessments' }).waitFor();
  await page.reload();
  await page.getByRole('link', { name: 'All assessments' }).waitFor();
  assert.deepEqual(s.problems, []);
  await s.close();
});
