// Hostile and broken files (issue #8): each is refused with a dialog naming the problem, the
// browser's storage stays byte-identical, and nothing is printed as a page error. The files come
// from tests/fixtures/hostile/ where they are small; the large ones are made here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  startApp, openPage, storageSnapshot, storedAssessments, newAssessment, waitSaved, repoRoot,
} from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const hostile = (name) => readFile(path.join(repoRoot, 'tests/fixtures/hostile', name));
const fixture = async (name) => readFile(path.join(repoRoot, 'tests/fixtures', name), 'utf8');

async function importBytes(page, name, buffer) {
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer });
}

/** Each case: a file name, its bytes, and what the dialog must say. */
async function cases() {
  const v6 = await fixture('v6.json');
  const withStakeholders = JSON.parse(v6);
  withStakeholders.assessments[0].stakeholders = new Array(1_000_000).fill(0);
  return [
    ['empty.json', await hostile('empty.json'), /This file is empty/],
    ['truncated.json', await hostile('truncated.json'), /not valid JSON \(line \d+, column \d+: the file ends too early/],
    ['utf16le-bom.json', await hostile('utf16le-bom.json'), /This file was saved as UTF-16; save it as UTF-8/],
    ['latin1.json', await hostile('latin1.json'), /This file is not UTF-8 text: the byte at offset 344 \(line 12\)/],
    ['null.json', await hostile('null.json'), /This is not a CTO Workbench file: it holds only the word null/],
    ['version-future.json', await hostile('version-future.json'), /made by a newer version of CTO Workbench \(file schema version 99999/],
    ['deep-nesting.json', await hostile('deep-nesting.json'), /This file is nested too deeply/],
    ['too-big.json', Buffer.alloc(25 * 1024 * 1024, 0x20), /This file is 25 MB, over the limit of 20 MB/],
    ['package.json', await hostile('other-app-package.json'), /This is not a CTO Workbench file: it has no "format": "cto-workbench" field/],
    ['settings.json', await hostile('other-app-vscode-settings.json'), /This is not a CTO Workbench file: it contains a comment at line 2/],
    ['proto-key.json', await hostile('proto-key.json'), /__proto__: is not a field this format knows/],
    ['duplicate-key.json', await hostile('duplicate-key.json'), /assessments\[0\]\.profile\.stage: is written twice in the same object/],
    ['million.json', Buffer.from(JSON.stringify(withStakeholders)), /assessments\[0\]\.stakeholders: holds 1000000 items; the limit is 10000/],
  ];
}

test('hostile and broken files are refused with a message naming the problem; storage is untouched', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Keep Me Safe Ltd');
  const before = await storageSnapshot(page);
  assert.equal(Object.keys(before).length > 0, true, 'the assessment is stored');

  for (const [name, buffer, expected] of await cases()) {
    await importBytes(page, name, buffer);
    const dialog = page.getByRole('alertdialog', { name: `Could not import ${name}` });
    await dialog.waitFor();
    const text = await dialog.innerText();
    assert.match(text, expected, name);
    assert.match(text, /Nothing in your workspace was changed/, name);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.deepEqual(await storageSnapshot(page), before, `storage changed after ${name}`);
  }

  // A __proto__ key must not have reached any object prototype in the page either.
  assert.equal(await page.evaluate(() => ({}).isAdmin), undefined);
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('a file saved with a UTF-8 byte-order mark imports', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Already Here Inc');
  await importBytes(page, 'with-bom.json', await hostile('ok-utf8-bom.json'));
  await page.getByText('Imported 2 assessments from with-bom.json. The file was in format version 1 and has been updated.').waitFor();
  await waitSaved(page);
  const companies = (await storedAssessments(page)).map((a) => a.profile.company_name).sort();
  assert.deepEqual(companies, ['Already Here Inc', 'Northwind Health Ltd', '深圳云帆科技有限公司'].sort());
  assert.deepEqual(s.problems, []);
  await s.close();
});
