// Import that says what it did (issue #20 item 5): a hand-written file with three mistakes gets
// all three in one refusal, each with its path, the item's title and the expected form; fixed,
// it imports and names its answer to a question this version does not know, which the Assessment
// page lists in its own section while Overview, Report and Compare count the same answers; the
// same file again is recognised as identical; a changed copy opens a merge that names questions
// by their words, shows both texts and opens every difference.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  startApp, openPage, axeViolations, waitSaved, repoRoot, storedAssessments,
} from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const ACCESS = 'security.access-control';
const ACCESS_TEXT = 'Who can get into your systems and data, and how is that controlled?';
const CHANGE = 'adaptability.change-management';
const UNKNOWN = 'security.quantum-readiness';

/** A one-assessment file written by hand from the fixture's empty company, with `mistakes`. */
async function handWritten({ mistakes }) {
  const fixture = JSON.parse(await readFile(path.join(repoRoot, 'tests/fixtures/v8.json'), 'utf8'));
  const demo = fixture.assessments[0];
  const a = structuredClone(fixture.assessments[1]);
  a.name = 'Hand-written check';
  const answer = (current, notes) => ({
    current, target: null, not_applicable: null, confidence: null, notes, evidence: [],
  });
  a.answers = {
    [ACCESS]: answer(2, 'Shared logins remain.'),
    [CHANGE]: answer(mistakes ? 7 : 3, ''),
    [UNKNOWN]: answer(1, 'Asked by the board'),
  };
  a.risks = [{
    ...demo.risks[0], title: 'Key engineer leaves', initiatives: [],
    next_review: mistakes ? '31/03/2027' : '2027-03-31',
  }];
  a.kpis = [{
    ...demo.kpis[0], measurements: [],
    baseline: { date: '2025-11-23', value: mistakes ? 'lots' : 2 },
  }];
  const file = { ...fixture, kind: 'assessment', assessments: [a] };
  delete file.content_sha256;
  return file;
}

async function importFile(page, name, json) {
  await page.locator('#import-file').setInputFiles({
    name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json, null, 2)),
  });
}

test('one import names all three mistakes; fixed, unknown answers are listed and counted apart; identical and merge say what they are', async () => {
  const s = await openPage(app);
  const { page } = s;
  await s.goto('/');

  // 1. Three mistakes, one refusal naming each with its path, title and expected form.
  await importFile(page, 'hand-written.json', await handWritten({ mistakes: true }));
  const refusal = page.getByRole('alertdialog', { name: 'Could not import hand-written.json' });
  await refusal.waitFor();
  const problems = await refusal.locator('.problem-list li').allInnerTexts();
  assert.deepEqual(problems.sort(), [
    `assessments[0].answers.${CHANGE}.current: 7 is out of range; expected a whole number from 0 to 4`,
    'assessments[0].kpis[0] ("Deployment frequency").baseline.value: expected a number, found string "lots"',
    'assessments[0].risks[0] ("Key engineer leaves").next_review: "31/03/2027" is not a date; expected a date like 2027-03-31',
  ].sort());
  assert.deepEqual(await axeViolations(page), []);
  await page.keyboard.press('Escape');
  await refusal.waitFor({ state: 'detached' });

  // 2. Fixed: imported, and the answer to the unknown question is named.
  const fixed = await handWritten({ mistakes: false });
  await importFile(page, 'hand-written.json', fixed);
  await page.getByText(`1 answer to a question this version does not know: ${UNKNOWN}.`).waitFor();
  await page.getByRole('heading', { level: 1, name: 'Hand-written check' }).waitFor();
  await waitSaved(page);
  const id = page.url().match(/\/a\/([0-9a-f-]{36})/)[1];

  // Its own section at the foot of the Assessment page.
  await page.goto(`${app.url}/a/${id}/assessment`);
  const section = page.getByRole('region', { name: 'Answers this version does not know' });
  await section.waitFor();
  const row = await section.locator('tbody tr').allInnerTexts();
  assert.equal(row.length, 1);
  assert.match(row[0], new RegExp(`${UNKNOWN}\\s+1\\s+Asked by the board`));
  assert.match(await page.locator('.progress-line').innerText(), /^2 of 86 questions answered/);
  assert.deepEqual(await axeViolations(page), []);

  // The same two answers counted on Overview, Report and Compare.
  await page.goto(`${app.url}/a/${id}`);
  await page.getByText(/Assessment: 2 of 86 questions answered/).waitFor();
  await page.goto(`${app.url}/a/${id}/report`);
  await page.getByText('2 of 86 questions answered.').first().waitFor();
  await page.goto(`${app.url}/a/${id}/compare`);
  await page.getByLabel('A file on this computer').check();
  await page.locator('#compare-file').setInputFiles({
    name: 'hand-written.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fixed)),
  });
  await page.getByText(/^2 questions answered on both sides: 2 agree/).waitFor();

  // 3. The same file again: identical, nothing offered.
  await page.goto(`${app.url}/`);
  await importFile(page, 'hand-written.json', fixed);
  await page.getByText('This file (hand-written.json) is identical to “Hand-written check” already here; nothing to import.').waitFor();
  assert.equal(await page.getByRole('dialog').count(), 0, 'no keep-both dialog');

  // 4. A changed copy: the merge names the question, shows both texts, opens every difference,
  //    and starts on theirs where mine is empty.
  const changed = structuredClone(fixed);
  const c = changed.assessments[0];
  c.answers[ACCESS].notes = 'Every login now goes through single sign-on with two-factor codes, reviewed monthly.';
  c.updated_at = '2026-12-01T10:00:00Z';
  c.stakeholders = [{
    id: '00000000-0000-4000-8000-00000000aa01', name: 'Ada Board', role: 'Chair', interest: 'high', influence: 'high', part: '',
  }];
  c.risks = c.risks.concat(Array.from({ length: 12 }, (_, i) => ({
    ...c.risks[0], id: `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`, title: `Extra risk ${i + 1}`,
  })));
  await importFile(page, 'hand-written-2.json', changed);
  await page.getByRole('button', { name: 'Compare and merge' }).click();
  const merge = page.getByRole('dialog', { name: /Hand-written check/ });
  await merge.waitFor();
  const answers = merge.locator('fieldset', { has: page.getByText('Answers', { exact: true }) });
  const difference = answers.locator('details.merge-difference').first();
  await difference.locator('summary').filter({ hasText: `answer “${ACCESS_TEXT}”` }).click();
  assert.match(await difference.innerText(), /Shared logins remain\.\s+Every login now goes through single sign-on with two-factor codes, reviewed monthly\./);
  const risks = merge.locator('fieldset', { has: page.getByText('Risks', { exact: true }) });
  await risks.locator('summary', { hasText: 'Show all 12 differences' }).click();
  assert.equal(await risks.getByText(/Only in theirs: “Extra risk \d+”/).count(), 12);
  const stakeholders = merge.locator('fieldset', { has: page.getByText('Stakeholders', { exact: true }) });
  assert.equal(await stakeholders.getByLabel('Take theirs').isChecked(), true);
  assert.equal(await risks.getByLabel('Keep mine').isChecked(), true);
  assert.deepEqual(await axeViolations(page), []);

  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
});

/** Clicks `button` and returns the downloaded file's name and text. */
async function download(page, button) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('a client copy that comes back unchanged is identical; changed, the merge lists no note-only differences and keeps the private notes', async () => {
  const s = await openPage(app);
  const { page } = s;
  await s.goto('/');
  // A reviewed file with private notes: on an answer beside a comment, on an answer alone, on an area.
  const file = await handWritten({ mistakes: false });
  file.assessments[0].name = 'Client Copy Co';
  file.assessments[0].reviews = [{
    reviewer_id: '00000000-0000-4000-8000-0000000000b1',
    reviewer: 'Marc Weber',
    updated_at: '2026-11-30T09:00:00Z',
    answers: {
      [ACCESS]: { level: 1, comment: 'Shared logins: level 1.', private_note: 'PRIVATE fee talk' },
      [CHANGE]: { level: null, comment: '', private_note: 'PRIVATE only a note' },
    },
    areas: { security: { status: 'challenged', comment: '', private_note: 'PRIVATE pen test quote' } },
  }];
  await importFile(page, 'reviewed.json', file);
  await page.getByRole('heading', { level: 1, name: 'Client Copy Co' }).waitFor();
  await waitSaved(page);
  const id = page.url().match(/\/a\/([0-9a-f-]{36})/)[1];
  const stored = async () => (await storedAssessments(page)).find((a) => a.id === id);
  const before = await stored();
  assert.equal(before.reviews[0].answers[CHANGE].private_note, 'PRIVATE only a note');

  // "Export for the client", from reviewer mode.
  await page.goto(`${app.url}/a/${id}/assessment/security`);
  // The area's screen loads with its group of screens: wait for it before asking whether the
  // switch is folded away.
  await page.locator('article.question').first().waitFor();
  const toggle = page.getByLabel('Reviewer mode');
  if (!(await toggle.isVisible())) await page.getByText('Reviewing for a client?').click();
  await toggle.check();
  await page.getByTestId('review-banner').waitFor();
  const client = await download(page, 'Export for the client');
  assert.doesNotMatch(client.text, /PRIVATE/);
  await toggle.uncheck();

  // 1. Back unchanged: identical, nothing offered, the notes here kept.
  await page.goto(`${app.url}/`);
  await importFile(page, client.name, JSON.parse(client.text));
  await page.getByText(`This file (${client.name}) is identical to “Client Copy Co” already here; nothing to import.`).waitFor();
  assert.equal(await page.getByRole('dialog').count(), 0, 'no dialog for an unchanged client copy');
  await waitSaved(page);
  assert.deepEqual(await stored(), before);

  // 2. The client changed one comment: the dialog starts on updating after review (not keep
  //    both), the merge lists that one difference only, and taking theirs keeps every note.
  const changed = JSON.parse(client.text);
  changed.assessments[0].reviews[0].answers[ACCESS].comment = 'Fixed: single sign-on since May.';
  await importFile(page, 'from-client.json', changed);
  const dialog = page.getByRole('dialog', { name: 'Already in this browser' });
  await dialog.waitFor();
  assert.equal(await dialog.getByRole('radio', { name: /Update mine after seeing what differs/ }).isChecked(), true);
  assert.equal(await dialog.getByRole('radio', { name: /Keep both/ }).isChecked(), false);
  await dialog.getByRole('button', { name: 'Import' }).click();
  const merge = page.getByRole('dialog', { name: 'Compare and merge “Client Copy Co”' });
  await merge.waitFor();
  const fieldsets = await merge.locator('fieldset legend').allInnerTexts();
  assert.equal(fieldsets.length, 1, `only the review differs: ${fieldsets}`);
  const review = merge.locator('fieldset').first();
  const lines = await review.locator('summary, li').allInnerTexts();
  assert.ok(lines.some((l) => l.includes('Fixed: single sign-on since May.')), lines.join('\n'));
  assert.doesNotMatch(await merge.innerText(), /PRIVATE|private note|Only in mine/i);
  await review.getByLabel('Take theirs').check();
  assert.deepEqual(await axeViolations(page), []);
  await merge.getByRole('button', { name: 'Merge' }).click();
  await merge.waitFor({ state: 'detached' });
  await waitSaved(page);
  const after = await stored();
  assert.equal(await page.getByRole('dialog').count(), 0);
  assert.equal((await storedAssessments(page)).length, 1, 'no duplicate');
  const r = after.reviews[0];
  assert.equal(r.answers[ACCESS].comment, 'Fixed: single sign-on since May.');
  assert.equal(r.answers[ACCESS].private_note, 'PRIVATE fee talk');
  assert.equal(r.answers[CHANGE].private_note, 'PRIVATE only a note');
  assert.equal(r.areas.security.private_note, 'PRIVATE pen test quote');
  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
});
