// "Keep this workspace in a folder" (#20, item 6): every save also writes each assessment as its
// own file in the folder the user picked; a file changed in the folder is offered for import when
// the window regains focus; a failed write shows in the save indicator; the folder is remembered
// across a reload; where the browser has no folder picker the panel says so.
//
// How the test hands the app a folder: Chromium's origin private file system (OPFS) gives a
// directory handle without any dialog (`navigator.storage.getDirectory()`). An init script
// replaces `window.showDirectoryPicker`, the picker the app looks up when "Choose a folder…" is
// pressed, with one that returns an OPFS subfolder. The app has no test-only entry point: a page
// could do the same, and the app treats that handle like any picked folder. The files are read
// and written here through the same OPFS, independently of the app's Rust code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startApp, openPage, newAssessment, storedAssessments, waitSaved, axeViolations,
} from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const FOLDER = 'picked';

/** Makes "Choose a folder…" pick the OPFS subfolder `FOLDER`, with no dialog. */
async function useOpfsPicker(page) {
  await page.addInitScript((sub) => {
    window.showDirectoryPicker = async () => {
      const root = await navigator.storage.getDirectory();
      return root.getDirectoryHandle(sub, { create: true });
    };
  }, FOLDER);
}

/** The folder's files as { name: text }, and the names of everything at the OPFS root. */
async function folderFiles(page) {
  return page.evaluate(async (sub) => {
    const root = await navigator.storage.getDirectory();
    const rootNames = [];
    for await (const name of root.keys()) rootNames.push(name);
    const files = {};
    if (rootNames.includes(sub)) {
      const dir = await root.getDirectoryHandle(sub);
      for await (const handle of dir.values()) {
        // The browser's own swap files come and go while a file is written.
        if (handle.name.endsWith('.crswap')) continue;
        if (handle.kind !== 'file') {
          files[handle.name] = '(folder)';
          continue;
        }
        // A file the app replaces while it is read cannot be read (NotReadableError): read
        // again once the write is done.
        for (let attempt = 0; ; attempt++) {
          try {
            files[handle.name] = await (await handle.getFile()).text();
            break;
          } catch (e) {
            if (e.name !== 'NotReadableError' || attempt >= 20) throw e;
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      }
    }
    return { rootNames, files };
  }, FOLDER);
}

/** Writes `text` as file `name` in the folder, as another device's sync would. */
async function writeInFolder(page, name, text) {
  await page.evaluate(async ({ sub, name, text }) => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(sub);
    const stream = await (await dir.getFileHandle(name, { create: true })).createWritable();
    await stream.write(text);
    await stream.close();
  }, { sub: FOLDER, name, text });
}

/** Waits until every stored assessment has its file in the folder holding exactly it. */
async function waitFolderMatchesStorage(page) {
  let last = '';
  for (let i = 0; i < 100; i++) {
    const stored = await storedAssessments(page);
    const { files } = await folderFiles(page);
    const byId = {};
    for (const [name, text] of Object.entries(files)) {
      const file = JSON.parse(text);
      assert.equal(file.format, 'cto-workbench', name);
      assert.equal(file.kind, 'assessment', name);
      assert.equal(file.assessments.length, 1, name);
      byId[file.assessments[0].id] = { name, assessment: file.assessments[0] };
    }
    const matches = Object.keys(files).length === stored.length
      && stored.every((a) => byId[a.id] && JSON.stringify(byId[a.id].assessment) === JSON.stringify(a));
    if (matches) {
      for (const a of stored) assert.deepEqual(byId[a.id].assessment, a);
      return { stored, byId };
    }
    last = `${Object.keys(files).join(', ')} vs ${stored.map((a) => a.id).join(', ')}`;
    await page.waitForTimeout(100);
  }
  assert.fail(`the folder never matched the stored workspace: ${last}`);
}

async function answerFirstQuestion(page, id, level) {
  await page.goto(`${app.url}/a/${id}/assessment/strategy`);
  const q = page.locator('article.question').first();
  await q.getByRole('radio', { name: new RegExp(`^${level} · `) }).check();
  await waitSaved(page);
}

/** No console error, no request leaving the origin; closes the page. */
async function finish(s) {
  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
}

/** Two assessments, the folder chosen on the workspace page and written. */
async function setUp(s) {
  const { page } = s;
  await useOpfsPicker(page);
  await s.goto('/');
  const a = await newAssessment(page, 'Folder Co', 'seed');
  await s.goto('/');
  const b = await newAssessment(page, 'Second Client', 'series-a');
  await s.goto('/');
  const panel = page.getByTestId('folder-panel');
  await panel.getByRole('heading', { name: 'Keep this workspace in a folder' }).waitFor();
  await panel.getByRole('button', { name: 'Choose a folder…' }).click();
  await panel.getByTestId('folder-status').filter({ hasText: `Kept in the folder “${FOLDER}”: 2 assessment files` }).waitFor();
  return { a, b };
}

test('every save writes each assessment as its own file, and the folder is remembered after a reload', async () => {
  const s = await openPage(app);
  const { page } = s;
  const { a, b } = await setUp(s);
  assert.match(await page.getByTestId('folder-status').innerText(), /last written/);
  assert.deepEqual(await axeViolations(page), []);

  await answerFirstQuestion(page, a, 2);
  const { stored, byId } = await waitFolderMatchesStorage(page);
  const mine = stored.find((x) => x.id === a);
  assert.equal(Object.values(mine.answers)[0].current, 2, 'the answer is stored');
  assert.equal(Object.values(byId[a].assessment.answers)[0].current, 2, 'and written to the folder');
  // Named from the assessment's name and the start of its id.
  assert.equal(byId[a].name, `folder-co-${a.replaceAll('-', '').slice(0, 8)}.cto.json`);
  assert.equal(byId[b].name, `second-client-${b.replaceAll('-', '').slice(0, 8)}.cto.json`);
  // Nothing outside the chosen folder.
  assert.deepEqual((await folderFiles(page)).rootNames, [FOLDER]);

  // A reload finds the folder again (kept in IndexedDB): no need to choose it again.
  await s.goto('/');
  const panel = page.getByTestId('folder-panel');
  await panel.waitFor();
  const status = panel.getByTestId('folder-status');
  await status.waitFor({ timeout: 5000 }).catch(async () => assert.fail(await panel.innerText()));
  assert.match(await status.innerText(), new RegExp(`^Kept in the folder “${FOLDER}”: 2 assessment files, `));
  assert.equal(await panel.getByRole('button', { name: 'Choose a folder…' }).count(), 0);
  await waitFolderMatchesStorage(page);

  // When the browser wants permission again after a reload: one click, with the reason.
  await page.addInitScript(() => {
    FileSystemHandle.prototype.queryPermission = async () => 'prompt';
    FileSystemHandle.prototype.requestPermission = async () => 'granted';
  });
  await s.goto('/');
  const allow = panel.getByRole('button', { name: `Allow writing to “${FOLDER}”` });
  await allow.waitFor();
  assert.match(await panel.innerText(), /After a reload the browser asks once more before this page may write there/);
  assert.deepEqual(await axeViolations(page), []);
  await allow.click();
  await status.waitFor();
  await finish(s);
});

test('a file changed in the folder is offered for import on focus, and accepting it changes the stored answer', async () => {
  const s = await openPage(app);
  const { page } = s;
  const { a } = await setUp(s);
  await answerFirstQuestion(page, a, 1);
  const { byId } = await waitFolderMatchesStorage(page);

  // Another device changes the answer in the folder.
  const file = JSON.parse((await folderFiles(page)).files[byId[a].name]);
  const qid = Object.keys(file.assessments[0].answers)[0];
  file.assessments[0].answers[qid].current = 4;
  file.assessments[0].answers[qid].notes = 'Changed on the laptop.';
  await writeInFolder(page, byId[a].name, JSON.stringify(file, null, 2));

  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  const dialog = page.getByRole('dialog', { name: 'Already in this browser' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), new RegExp(`The folder “${FOLDER}” holds assessments that are already here`));
  await dialog.getByRole('radio', { name: /Replace/ }).check();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await dialog.waitFor({ state: 'detached' });
  await waitSaved(page);

  const stored = (await storedAssessments(page)).find((x) => x.id === a);
  assert.equal(stored.answers[qid].current, 4, 'the folder\'s answer is now stored');
  assert.equal(stored.answers[qid].notes, 'Changed on the laptop.');
  // Nothing is left to offer, and the file is not offered again on the next focus.
  await s.goto('/');
  await page.getByTestId('folder-status').waitFor();
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await page.waitForTimeout(500);
  assert.equal(await page.getByRole('dialog').count(), 0);
  assert.equal(await page.getByTestId('folder-changes').count(), 0);
  await finish(s);
});

test('a file changed in the folder is never written over before the user decides', async () => {
  const s = await openPage(app);
  const { page } = s;
  const { a } = await setUp(s);
  const { byId } = await waitFolderMatchesStorage(page);
  const name = byId[a].name;
  const theirs = JSON.parse((await folderFiles(page)).files[name]);
  theirs.assessments[0].name = 'Renamed on the laptop';
  const theirsText = JSON.stringify(theirs, null, 2);
  await writeInFolder(page, name, theirsText);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  const dialog = page.getByRole('dialog', { name: 'Already in this browser' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // An edit here is saved in the browser, but the changed file stays as the laptop wrote it.
  // (The page load offers the pending change once more: cancelled again.)
  await page.goto(`${app.url}/a/${a}/assessment/strategy`);
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.locator('article.question').first().getByRole('radio', { name: /^3 · / }).check();
  await waitSaved(page);
  await page.waitForTimeout(1500);
  assert.equal((await folderFiles(page)).files[name], theirsText);
  // A reload offers the pending change once more; cancelled again, it waits in the panel.
  await s.goto('/');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  const changes = page.getByTestId('folder-changes');
  await changes.waitFor();
  assert.match(await changes.innerText(), new RegExp(`${name.replace('.', '\\.')}.*holds Renamed on the laptop`));
  assert.deepEqual(await axeViolations(page), []);
  // On a phone the panel and its file names fit the width.
  await page.setViewportSize({ width: 360, height: 800 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll at 360 px');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Keeping this browser's version writes it over the file.
  await changes.getByRole('button', { name: `Keep this browser's version and write it over ${name}` }).click();
  await waitFolderMatchesStorage(page);
  await finish(s);
});

test('a changed file defaults to updating this browser\'s copy after review, not to a duplicate; a client copy of the same content is recognised as identical', async () => {
  const s = await openPage(app);
  const { page } = s;
  const { a } = await setUp(s);
  // A private note here (reviewer mode): the folder's file holds it, a client's copy would not.
  await page.goto(`${app.url}/a/${a}/assessment/strategy`);
  const q = page.locator('article.question').first();
  await q.getByRole('radio', { name: /^1 · / }).check();
  const toggle = page.getByLabel('Reviewer mode');
  if (!(await toggle.isVisible())) await page.getByText('Reviewing for a client?').click();
  await toggle.check();
  await page.getByTestId('review-banner').waitFor();
  await page.getByLabel('Reviewer', { exact: true }).fill('Marc Weber');
  await q.getByLabel('Private note (stays with you)').fill('PRIVATE ask about the fee');
  await q.getByLabel("Reviewer's comment").fill('Level 1 until it is written.');
  await waitSaved(page);
  await toggle.uncheck();
  const { byId } = await waitFolderMatchesStorage(page);
  const name = byId[a].name;
  const qid = Object.keys(byId[a].assessment.answers)[0];
  const file = JSON.parse((await folderFiles(page)).files[name]);
  assert.match(JSON.stringify(file), /PRIVATE ask about the fee/);

  // 1. The same content without the private note (as "Export for the client" writes it):
  //    nothing to decide, and the notice says so.
  const client = structuredClone(file);
  for (const r of client.assessments[0].reviews) {
    for (const x of Object.values(r.answers)) delete x.private_note;
  }
  delete client.content_sha256;
  await writeInFolder(page, name, JSON.stringify(client, null, 2));
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await page.getByText(`The folder's file ${name} holds nothing new: it is the same as here`).waitFor();
  assert.equal(await page.getByRole('dialog').count(), 0, 'no import dialog for an identical file');
  // Nothing was lost, so the app's own file is written again from here, private note and all.
  await waitFolderMatchesStorage(page);

  // 2. Really changed on another device: the dialog starts on "update mine after seeing what
  //    differs", which opens the merge; merged, the answer is updated and nothing is duplicated.
  const changed = structuredClone(file);
  changed.assessments[0].answers[qid].current = 3;
  changed.assessments[0].answers[qid].notes = 'Written up on the laptop.';
  delete changed.content_sha256;
  await writeInFolder(page, name, JSON.stringify(changed, null, 2));
  await s.goto('/');
  await page.getByTestId('folder-status').waitFor();
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  const dialog = page.getByRole('dialog', { name: 'Already in this browser' });
  await dialog.waitFor();
  assert.equal(await dialog.getByRole('radio', { name: /Update mine after seeing what differs/ }).isChecked(), true);
  assert.equal(await dialog.getByRole('radio', { name: /Keep both/ }).isChecked(), false);
  assert.equal(await dialog.getByRole('radio', { name: /Replace/ }).isChecked(), false);
  assert.deepEqual(await axeViolations(page), []);
  await dialog.getByRole('button', { name: 'Import' }).click();
  const merge = page.getByRole('dialog', { name: /Compare and merge “Folder Co/ });
  await merge.waitFor();
  const answers = merge.locator('fieldset', { has: page.getByText('Answers', { exact: true }) });
  await answers.getByLabel('Take theirs').check();
  await merge.getByRole('button', { name: 'Merge' }).click();
  await merge.waitFor({ state: 'detached' });
  await waitSaved(page);
  const all = await storedAssessments(page);
  assert.equal(all.length, 2, 'no duplicate');
  const stored = all.find((x) => x.id === a);
  assert.equal(stored.answers[qid].current, 3);
  assert.equal(stored.answers[qid].notes, 'Written up on the laptop.');
  assert.equal(stored.reviews[0].answers[qid].private_note, 'PRIVATE ask about the fee');
  await finish(s);
});

test('a failed write to the folder shows in the save indicator with the reason', async () => {
  const s = await openPage(app);
  const { page } = s;
  const { a } = await setUp(s);
  await waitFolderMatchesStorage(page);
  // From the next page load on, every write fails as on a full disk.
  await page.addInitScript(() => {
    FileSystemFileHandle.prototype.createWritable = async () => {
      throw new DOMException('No space left (test)', 'QuotaExceededError');
    };
  });
  await answerFirstQuestion(page, a, 2);
  const indicator = page.getByTestId('save-status');
  await indicator.filter({ hasText: 'Not written to the folder: the disk is full.' }).waitFor();
  assert.match(await indicator.getAttribute('class'), /not-saved/);
  await s.goto('/');
  await page.getByTestId('folder-error').filter({ hasText: 'The last write to the folder failed: the disk is full.' }).waitFor();
  await finish(s);
});

test('where the browser has no folder picker, the panel says so and points to export', async () => {
  const s = await openPage(app);
  const { page } = s;
  await page.addInitScript(() => {
    delete window.showDirectoryPicker;
    delete Window.prototype.showDirectoryPicker;
  });
  await s.goto('/');
  const note = page.getByTestId('folder-unsupported');
  await note.waitFor();
  assert.match(await note.innerText(), /^This browser cannot keep the workspace in a folder: .* Export stays the way to keep a copy/);
  assert.equal(await page.getByRole('button', { name: 'Choose a folder…' }).count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  await finish(s);
});
