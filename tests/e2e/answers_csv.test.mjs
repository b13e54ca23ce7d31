// Answers from a spreadsheet (#21 item 5): the Assessment page's template lists every question;
// a sheet with three mistakes is refused whole with all three named (row, column, what was
// expected) and nothing changes; a good sheet (semicolons, a byte-order mark, a question by its
// title, a level by its name, a quoted note) is summed up, applied on Apply, stored, and taken
// back by one Undo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  startApp, openPage, newAssessment, storedAssessments, waitSaved, axeViolations,
} from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const ACCESS = 'security.access-control';
const CHECKS = 'security.independent-checks';
const CHECKS_TITLE = 'How often is your security checked by someone other than the people who built the system?';
const STRATEGY = 'strategy.written-strategy';

async function importCsv(page, name, text) {
  await page.locator('#answers-csv-file').setInputFiles({
    name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8'),
  });
}

test('a sheet with three mistakes is refused with all three; a good one is summed up, applied, stored and undone in one step', async () => {
  const s = await openPage(app);
  const { page } = s;
  await s.goto('/');
  const id = await newAssessment(page, 'Sheet Co', 'seed');
  // One answer already here, so the sheet changes it.
  await page.goto(`${app.url}/a/${id}/assessment/strategy`);
  await page.locator('article.question').first().getByRole('radio', { name: /^1 · / }).check();
  await waitSaved(page);
  const before = (await storedAssessments(page)).find((a) => a.id === id);
  assert.equal(before.answers[STRATEGY].current, 1);

  await page.goto(`${app.url}/a/${id}/assessment`);
  const section = page.getByRole('region', { name: 'Answers from a spreadsheet' });
  await section.waitFor();

  // The template: a header, then every question with the answers as they are.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Download the template (CSV)' }).click(),
  ]);
  const template = await readFile(await download.path(), 'utf8');
  const lines = template.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0], 'area,question,question text,level,target,note');
  assert.equal(lines.length, 87, 'a row per question');
  assert.ok(lines.includes(`strategy,${STRATEGY},"How far is your technology strategy written down, agreed and kept up to date?",1,,`), lines.slice(0, 15).join('\n'));

  // 1. Three mistakes: all named at once, nothing changed.
  await importCsv(page, 'bad.csv', [
    'area,question,level,note',
    `security,${ACCESS},5,`,
    `Securty,${CHECKS},2,`,
    'security,Do you have SSO?,2,',
  ].join('\n'));
  const refusal = page.getByRole('alertdialog', { name: 'Could not import bad.csv' });
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /Nothing was changed\. 3 problems to fix:/);
  const problems = await refusal.locator('li').allInnerTexts();
  assert.deepEqual(problems, [
    'Row 2, column level: “5” is not a level; expected a level from 0 to 4 or its name (Absent, Ad hoc, Defined, Managed, Optimizing)',
    'Row 3, column area: “Securty” is not an area; expected an area\'s id (such as security) or its name',
    'Row 4, column question: no question “Do you have SSO?” in the area security; expected one of its question ids or exact titles (the template lists them)',
  ]);
  assert.deepEqual(await axeViolations(page), []);
  await refusal.getByRole('button', { name: 'Close' }).click();
  await refusal.waitFor({ state: 'detached' });
  assert.deepEqual((await storedAssessments(page)).find((a) => a.id === id).answers, before.answers);

  // 2. A good sheet as a spreadsheet in a decimal-comma language saves it.
  await importCsv(page, 'good.csv', '\uFEFF' + [
    'Area;Question;Level;Target;Note',
    `security;${ACCESS};2;3;"Shared logins remain; MFA on ""email"" only"`,
    `Security and compliance;${CHECKS_TITLE};Ad hoc;;`,
    `strategy;${STRATEGY};Managed;;`,
  ].join('\r\n') + '\r\n');
  const confirm = page.getByRole('dialog', { name: 'Import answers from good.csv?' });
  await confirm.waitFor();
  assert.equal(await confirm.getByTestId('answers-csv-summary').innerText(), '3 answers: 2 new, 1 changed; 1 note');
  assert.deepEqual(await axeViolations(page), []);
  // Cancel changes nothing.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await confirm.waitFor({ state: 'detached' });
  assert.deepEqual((await storedAssessments(page)).find((a) => a.id === id).answers, before.answers);

  await importCsv(page, 'good.csv', [
    'area,question,level,target,note',
    `security,${ACCESS},2,3,"Shared logins remain; MFA on ""email"" only"`,
    `Security and compliance,"${CHECKS_TITLE}",Ad hoc,,`,
    `strategy,${STRATEGY},Managed,,`,
  ].join('\n'));
  await confirm.waitFor();
  await confirm.getByRole('button', { name: 'Apply' }).click();
  await confirm.waitFor({ state: 'detached' });
  await page.getByText('Imported from good.csv: 3 answers: 2 new, 1 changed; 1 note.').waitFor();
  await waitSaved(page);
  const after = (await storedAssessments(page)).find((a) => a.id === id);
  assert.equal(after.answers[ACCESS].current, 2);
  assert.equal(after.answers[ACCESS].target, 3);
  assert.equal(after.answers[ACCESS].notes, 'Shared logins remain; MFA on "email" only');
  assert.equal(after.answers[CHECKS].current, 1);
  assert.equal(after.answers[STRATEGY].current, 3);
  assert.match(await page.locator('.progress-line').innerText(), /^3 of 86 questions answered/);

  // One Undo takes the whole import back.
  await page.getByRole('button', { name: '↶ Undo' }).click();
  await waitSaved(page);
  const undone = (await storedAssessments(page)).find((a) => a.id === id);
  assert.deepEqual(undone.answers, before.answers);

  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
});
