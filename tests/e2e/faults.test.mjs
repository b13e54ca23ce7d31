// Never lose work (issue #8): storage faults injected into a real Chromium. Each test asserts what
// the user sees and that stored data equals the last state the app said it had saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  startApp, openPage, storageSnapshot, storedAssessments, waitSaved, newAssessment, STORAGE_PREFIX,
  axeViolations, decodeStored, unpackStored,
} from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const banner = (page) => page.getByTestId('storage-banner');

/** Makes localStorage.setItem throw QuotaExceededError while sessionStorage says so. */
async function injectQuotaSwitch(context) {
  await context.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function setItem(k, v) {
      if (this === window.localStorage && sessionStorage.getItem('fail-quota') === '1') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return real.call(this, k, v);
    };
  });
}

const companyOf = async (page) => (await storedAssessments(page))[0]?.profile.company_name;

test('a full quota (injected) shows a lasting banner, keeps the work in memory and exportable, and clears after the next save', async () => {
  const s = await openPage(app);
  await injectQuotaSwitch(s.context);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Saved Co');
  const acknowledged = await storageSnapshot(page);

  await page.evaluate(() => sessionStorage.setItem('fail-quota', '1'));
  await page.getByLabel('Company name').fill('Unsaved Co');
  await banner(page).waitFor();
  assert.match(await banner(page).innerText(), /not being saved/);
  assert.match(await banner(page).innerText(), /storage for this site is full/);
  assert.match(await page.getByTestId('save-status').innerText(), /Not saved/);
  assert.deepEqual(await storageSnapshot(page), acknowledged, 'storage keeps the last saved state');
  // The banner lasts across navigation and further edits.
  await page.getByRole('link', { name: 'Goals & KPIs' }).click();
  await banner(page).waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Unsaved Co');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner(page).getByRole('button', { name: 'Export everything now' }).click(),
  ]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.assessments[0].profile.company_name, 'Unsaved Co', 'memory is exportable');

  await page.evaluate(() => sessionStorage.removeItem('fail-quota'));
  await banner(page).getByRole('button', { name: 'Try saving again' }).click();
  await waitSaved(page);
  assert.equal(await banner(page).count(), 0, 'the banner clears after a successful save');
  assert.equal(await companyOf(page), 'Unsaved Co');
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('a really full localStorage: the banner shows, nothing stored changes, and saving resumes once there is room', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Before Full');
  // Fill the origin's real quota with filler until the browser refuses.
  const filled = await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let n = 0;
    while (chunk.length > 16) {
      try {
        localStorage.setItem(`filler-${n}`, chunk);
        n += 1;
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
    return n;
  });
  assert.ok(filled > 2, `filled ${filled} keys`);
  const acknowledged = await storageSnapshot(page);
  await page.getByLabel('Company name').fill('A much longer company name that no longer fits '.repeat(20));
  await banner(page).waitFor();
  assert.deepEqual(await storageSnapshot(page), acknowledged);
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) localStorage.removeItem(k);
  });
  await page.getByLabel('Company name').fill('After Room');
  await waitSaved(page);
  assert.equal(await banner(page).count(), 0);
  assert.equal(await companyOf(page), 'After Room');
  await s.close();
});

test('storage blocked: the app runs in memory with a banner saying so', async () => {
  const s = await openPage(app);
  await s.context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
    });
  });
  await s.goto('/');
  const { page } = s;
  await banner(page).waitFor();
  assert.match(await banner(page).innerText(), /not keeping your work/);
  await page.getByRole('button', { name: 'New assessment' }).first().click();
  await page.getByLabel('Company name').fill('Private Window Co');
  await page.getByRole('heading', { level: 1, name: 'Private Window Co' }).waitFor();
  assert.match(await page.getByTestId('save-status').innerText(), /blocks storage/);
  await s.close();
});

test('corrupt and future-version stored data open the recovery screen; the raw values are kept, backed up, downloadable, and never overwritten', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Healthy Co');
  const good = await storedAssessments(page);
  const corruptKey = `${STORAGE_PREFIX}assessment/00000000-0000-4000-8000-00000000c0de`;
  const futureKey = `${STORAGE_PREFIX}assessment/00000000-0000-4000-8000-0000000f0f0f`;
  const corrupt = '{"format":"cto-workbench","schema_version":6,"assessment":{"id":"00000000-0000-4000-8000-00000000c0de","na';
  const future = JSON.stringify({
    format: 'cto-workbench', schema_version: 999, revision: 3,
    assessment: { id: '00000000-0000-4000-8000-0000000f0f0f', name: 'From the future', hologram: true },
  });
  await page.evaluate(([k1, v1, k2, v2]) => {
    localStorage.setItem(k1, v1);
    localStorage.setItem(k2, v2);
  }, [corruptKey, corrupt, futureKey, future]);
  await page.reload();
  const screen = page.getByTestId('recovery-screen');
  await screen.waitFor();
  const text = await screen.innerText();
  assert.match(text, /could not be opened/);
  assert.match(text, /newer version/i, text);
  assert.equal(await screen.getByRole('button', { name: 'Download this data' }).count(), 2);
  assert.deepEqual(await axeViolations(page), []);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    screen.getByRole('button', { name: 'Download this data' }).first().click(),
  ]);
  const got = await readFile(await download.path(), 'utf8');
  assert.ok(got === corrupt || got === future, 'the download is the raw stored value, byte for byte');
  await screen.getByRole('button', { name: 'Continue with the rest' }).click();

  // The healthy assessment still works and saves; the unreadable records stay as they were.
  await page.getByLabel('Company name').fill('Healthy Co, edited');
  await waitSaved(page);
  const snap = await storageSnapshot(page);
  assert.equal(snap[corruptKey], corrupt);
  assert.equal(snap[futureKey], future);
  const backups = Object.entries(snap).filter(([k]) => k.startsWith(`${STORAGE_PREFIX}backup/`));
  assert.deepEqual(backups.map(([, v]) => v).sort(), [corrupt, future].sort(), 'a backup copy of each');
  assert.equal((await storedAssessments(page)).length, 1);
  assert.equal(good.length, 1);
  // A second load finds the same backups and makes no more copies.
  await page.reload();
  await page.getByTestId('recovery-screen').waitFor();
  const again = Object.keys(await storageSnapshot(page)).filter((k) => k.includes('/backup/'));
  assert.equal(again.length, 2);
  // Setting both aside removes the originals only; the copies stay and the screen stops coming.
  const recovery = page.getByTestId('recovery-screen');
  await recovery.getByRole('button', { name: 'Set it aside' }).first().click();
  await recovery.getByRole('button', { name: 'Set it aside' }).first().click();
  await recovery.waitFor({ state: 'detached' });
  const after = await storageSnapshot(page);
  assert.equal(after[corruptKey], undefined);
  assert.equal(after[futureKey], undefined);
  assert.deepEqual(
    Object.entries(after).filter(([k]) => k.includes('/backup/')).map(([, v]) => v).sort(),
    [corrupt, future].sort(),
  );
  await page.goto(`${app.url}/`);
  await page.getByRole('link', { name: 'Healthy Co, edited' }).waitFor();
  assert.equal(await page.getByTestId('recovery-screen').count(), 0);
  await s.close();
});

test('a list stored apart that no longer reads is found after start-up: recovery screen with its path, nothing stored changes', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'Open demo' }).click();
  await page.getByRole('heading', { name: /Harbourline/ }).waitFor();
  await waitSaved(page);
  await page.goto(`${app.url}/`);
  await newAssessment(page, 'Healthy Co');
  await waitSaved(page);
  const demo = (await storedAssessments(page)).find((a) => a.name.includes('Harbourline') || a.profile.company_name.includes('Harbourline'));
  assert.ok(demo, 'the demo is stored');
  const snap = await storageSnapshot(page);
  const partKey = Object.keys(snap).find((k) => k.startsWith(`${STORAGE_PREFIX}part/${demo.id}/kpis/`));
  assert.ok(partKey, 'the demo\'s KPIs are stored apart');
  // Damaged by hand: one measurement's value is no longer a number. Plain JSON is a valid
  // stored form, so only reading the list finds the problem.
  const kpis = JSON.parse(unpackStored(snap[partKey]));
  const k = kpis.findIndex((x) => x.measurements.length > 2);
  kpis[k].measurements[2].value = 'lots';
  const damaged = JSON.stringify(kpis);
  const recordKey = `${STORAGE_PREFIX}assessment/${demo.id}`;
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [partKey, damaged]);
  await page.goto(`${app.url}/`);
  const screen = page.getByTestId('recovery-screen');
  await screen.waitFor();
  const text = await screen.innerText();
  assert.match(text, /could not be opened/);
  assert.ok(text.includes(`kpis[${k}].measurements[2].value`), text);
  await screen.getByRole('button', { name: 'Continue with the rest' }).click();
  // The damaged assessment is not offered for editing; the healthy one saves as before.
  await page.getByRole('link', { name: 'Healthy Co' }).waitFor();
  assert.equal(await page.getByRole('link', { name: /Harbourline/ }).count(), 0);
  const healthy = (await storedAssessments(page)).find((a) => a.id !== demo.id);
  await page.goto(`${app.url}/a/${healthy.id}/profile`);
  await page.getByLabel('Company name').fill('Healthy Co, edited');
  await waitSaved(page);
  const after = await storageSnapshot(page);
  assert.equal(after[partKey], damaged, 'the damaged part is kept as it was');
  assert.equal(after[recordKey], snap[recordKey], 'its record is never rewritten');
  assert.ok(Object.entries(after).some(([key, v]) => key.startsWith(`${STORAGE_PREFIX}backup/`) && v === snap[recordKey]), 'the record is copied aside');
  await s.close();
});

test('edits typed just before a reload or a tab close are saved', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page, context } = s;
  const id = await newAssessment(page, 'Closing Co');
  await page.getByLabel('Vision').fill('typed, then reload at once');
  await page.reload();
  await page.getByLabel('Vision').waitFor();
  assert.equal(await page.getByLabel('Vision').inputValue(), 'typed, then reload at once');
  await page.getByLabel('Vision').fill('typed, then the tab closes at once');
  await page.close({ runBeforeUnload: true });
  const next = await context.newPage();
  await next.goto(`${app.url}/a/${id}/profile`);
  await next.getByLabel('Vision').waitFor();
  assert.equal(await next.getByLabel('Vision').inputValue(), 'typed, then the tab closes at once');
  await s.close();
});

test('a renderer crash after the save loses nothing', async () => {
  // The service worker runs in the page's process and dies with it; headless Chromium then
  // sometimes never commits the next navigation in that context (seen in about one run in three).
  // This test is about stored data, so it runs without the worker; offline.test.mjs covers it.
  const s = await openPage(app, { serviceWorkers: 'block' });
  await s.goto('/');
  const { page, context } = s;
  const id = await newAssessment(page, 'Crash Co');
  await page.getByLabel('Vision').fill('saved before the crash');
  await waitSaved(page);
  const acknowledged = await storageSnapshot(page);
  await page.goto('chrome://crash').catch(() => {});
  const next = await context.newPage();
  await next.goto(`${app.url}/a/${id}/profile`);
  await next.getByLabel('Vision').waitFor();
  assert.equal(await next.getByLabel('Vision').inputValue(), 'saved before the crash');
  assert.deepEqual(await storageSnapshot(next), acknowledged);
  await s.close();
});

test('a panic shows an error screen with the data as a download and a reload link', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Panic Co');
  await page.goto(`${app.url}/debug/panic`);
  const screen = page.getByTestId('panic-screen');
  await screen.waitFor();
  assert.match(await screen.innerText(), /Something went wrong/);
  assert.equal(await screen.getByRole('link', { name: 'Reload the page' }).count(), 1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    screen.getByRole('link', { name: 'Download my data' }).click(),
  ]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.format, 'cto-workbench');
  assert.deepEqual(file.assessments.map((a) => a.profile.company_name), ['Panic Co']);
  const reload = await screen.getByRole('link', { name: 'Reload the page' }).getAttribute('href');
  assert.equal(reload, page.url(), 'reload opens the same address again');
  await page.goto(`${app.url}/`);
  await page.getByRole('link', { name: 'Panic Co' }).waitFor();
  await s.close();
});

/** Types into the Vision box the way a keystroke does, in one round trip. */
async function typeVision(page, text, { flush = false } = {}) {
  await page.evaluate(([t, f]) => {
    const box = document.querySelector('#vision');
    box.value = t;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    // pagehide makes the app save at once instead of after its short pause.
    if (f) window.dispatchEvent(new Event('pagehide'));
  }, [text, flush]);
}

test('two tabs on one assessment: saves are taken in live, and a clash asks instead of overwriting', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const a = s.page;
  const id = await newAssessment(a, 'Two Tabs Co');
  const b = await s.context.newPage();
  await b.goto(`${app.url}/a/${id}/profile`);
  await b.getByLabel('Vision').waitFor();

  // 1. B saves; A, with nothing unsaved, shows B's text without a reload.
  await b.getByLabel('Vision').fill('from tab B');
  await waitSaved(b);
  await a.waitForFunction(() => document.querySelector('#vision')?.value === 'from tab B');

  // 2. A edits and, before A's autosave pause is over, B saves another edit: A must ask.
  await typeVision(a, 'from tab A, unsaved');
  await typeVision(b, 'from tab B again', { flush: true });
  const dialog = a.getByTestId('tab-conflict');
  await dialog.waitFor();
  await a.waitForTimeout(800);
  assert.equal((await storedAssessments(a))[0].profile.vision, 'from tab B again', 'A did not overwrite');
  assert.match(await a.getByTestId('save-status').innerText(), /Not saved/);
  assert.match(await dialog.innerText(), /changed in another tab/);

  // 3. A keeps its own version on purpose: it is saved, and B takes it in.
  await dialog.getByRole('button', { name: "Keep this tab's version" }).click();
  await waitSaved(a);
  assert.equal((await storedAssessments(a))[0].profile.vision, 'from tab A, unsaved');
  await b.waitForFunction(() => document.querySelector('#vision')?.value === 'from tab A, unsaved');
  const stored = decodeStored((await storageSnapshot(a))[`${STORAGE_PREFIX}assessment/${id}`]);
  assert.ok(stored.revision >= 4, `revision counts saves (${stored.revision})`);

  // 4. Another clash, settled the other way: B's version is loaded and Undo brings A's back.
  await typeVision(a, 'A, second try');
  await typeVision(b, 'B wins this time', { flush: true });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: "Use the other tab's version" }).click();
  await a.waitForFunction(() => document.querySelector('#vision')?.value === 'B wins this time');
  await waitSaved(a);
  assert.equal((await storedAssessments(a))[0].profile.vision, 'B wins this time');
  await a.getByRole('button', { name: '↶ Undo' }).click();
  await a.waitForFunction(() => document.querySelector('#vision')?.value === 'A, second try');
  await waitSaved(a);
  assert.equal((await storedAssessments(a))[0].profile.vision, 'A, second try');
  await s.close();
});

test('undo and redo: 50 steps with buttons and keys, typing folds into one step, and a deleted assessment comes back', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  const id = await newAssessment(page, 'Undo Co');
  await page.getByLabel('Team size (people)').fill('1');
  await waitSaved(page);
  // 55 separate steps: each team size typed into the box, then leaving it.
  for (let i = 2; i <= 56; i += 1) {
    await page.getByLabel('Stage').selectOption(i % 2 ? 'seed' : 'series-a');
    await page.getByLabel('Team size (people)').fill(String(i));
  }
  await waitSaved(page);
  const teamSize = async () => (await storedAssessments(page))[0].profile.team_size;
  assert.equal(await teamSize(), 56);
  await page.evaluate(() => document.activeElement?.blur());
  // 100 undos = 50 team sizes back (each size and each stage change is its own step).
  for (let i = 0; i < 100; i += 1) await page.keyboard.press('Control+z');
  await waitSaved(page);
  assert.equal(await teamSize(), 6);
  assert.equal(await page.getByLabel('Team size (people)').inputValue(), '6');
  await page.getByRole('button', { name: '↷ Redo' }).click();
  await page.keyboard.press('Control+Shift+z');
  await waitSaved(page);
  assert.equal(await teamSize(), 7);
  await page.getByRole('button', { name: '↶ Undo' }).click();
  await page.getByRole('button', { name: '↶ Undo' }).click();
  await waitSaved(page);
  assert.equal(await teamSize(), 6);

  // Typing in one box is one step.
  await page.getByLabel('Vision').pressSequentially('One sentence.', { delay: 20 });
  await waitSaved(page);
  await page.getByRole('button', { name: '↶ Undo' }).click();
  await waitSaved(page);
  assert.equal((await storedAssessments(page))[0].profile.vision, '');

  // Delete, dismiss the notice, and restore from the session's list.
  await page.goto(`${app.url}/`);
  await page.getByRole('button', { name: /Delete/ }).first().click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await page.getByRole('heading', { name: 'Deleted in this session' }).waitFor();
  await waitSaved(page);
  assert.equal((await storedAssessments(page)).length, 0);
  await page.getByRole('button', { name: 'Restore “Undo Co”' }).click();
  await waitSaved(page);
  const back = await storedAssessments(page);
  assert.equal(back.length, 1);
  assert.equal(back[0].id, id);
  assert.equal(back[0].profile.team_size, 6);
  assert.match(await page.getByTestId('storage-used').innerText(), /Saved data uses \d+ thousand characters/);
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('export reminder after a week of edits without an export; exporting records the time', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  const id = await newAssessment(page, 'Forgetful Co');
  assert.match(await page.getByTestId('export-status').innerText(), /Not exported yet/);
  const meta = `${STORAGE_PREFIX}meta`;
  const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000).toISOString();
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [
    meta, JSON.stringify({ exported_at: {}, unexported_since: { [id]: eightDaysAgo } }),
  ]);
  await page.reload();
  const reminder = page.locator('.export-reminder');
  await reminder.waitFor();
  assert.match(await reminder.innerText(), /8 days and have never exported/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    reminder.getByRole('button', { name: 'Export now' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /forgetful-co/);
  await reminder.waitFor({ state: 'detached' });
  assert.match(await page.getByTestId('export-status').innerText(), /Last exported/);
  await waitSaved(page);
  const log = JSON.parse((await storageSnapshot(page))[meta]);
  assert.ok(log.exported_at[id], 'the export time is stored');
  assert.equal(log.unexported_since[id], undefined);
  await s.close();
});
