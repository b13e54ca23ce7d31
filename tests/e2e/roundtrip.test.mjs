// Journeys of the consultant round trip issue: the founder exports, the consultant imports in
// another browser, reviews and exports; the founder imports, merges and sees the comments and the
// comparison; the board report prints without navigation; snapshots; share links; a hand-edited
// file is flagged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  startApp, openPage, storedAssessments, axeViolations, waitSaved, newAssessment,
} from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const section = (page, name) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true }).click();

async function exportText(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export this assessment' }).click(),
  ]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

async function importText(page, file) {
  await page.locator('#import-file').setInputFiles({
    name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text),
  });
}

test('founder exports, consultant reviews in another browser, founder merges and sees comments and the comparison', async () => {
  const founder = await openPage(app);
  await founder.goto('/');
  const fp = founder.page;
  const id = await newAssessment(fp, 'Round Trip Co', 'seed');
  await section(fp, 'Assessment');
  await fp.getByRole('link', { name: /Continue with Business goals/ }).click();
  await fp.getByRole('heading', { level: 2, name: 'Business goals' }).waitFor();
  await fp.locator('article.question').first().getByRole('radio', { name: /^3 · / }).check();
  await fp.locator('article.question').nth(1).getByRole('radio', { name: /^2 · / }).check();
  await waitSaved(fp);
  const sent = await exportText(fp);

  // The consultant, in a separate browser context with its own storage.
  const consultant = await openPage(app);
  await consultant.goto('/');
  const cp = consultant.page;
  await importText(cp, sent);
  await cp.getByRole('heading', { level: 1, name: 'Round Trip Co' }).waitFor();
  await waitSaved(cp);
  await cp.getByText('Reviewing for a client?').click();
  await cp.getByLabel('Reviewer mode').check();
  await section(cp, 'Assessment');
  await cp.getByRole('link', { name: /Business goals/ }).first().click();
  await cp.getByRole('heading', { level: 2, name: 'Business goals' }).waitFor();
  const first = cp.locator('article.question').first();
  await first.getByLabel("Reviewer's level").selectOption('1');
  await first.getByLabel("Reviewer's comment").fill('Goals are not written down yet: level 1 at most.');
  await cp.getByLabel('Review status').selectOption('challenged');
  await cp.getByLabel('Reviewer', { exact: true }).fill('Priya Nair');
  await waitSaved(cp);
  assert.deepEqual(await axeViolations(cp), []);
  const reviewed = (await storedAssessments(cp))[0];
  assert.equal(reviewed.reviews.length, 1);
  assert.equal(reviewed.reviews[0].reviewer, 'Priya Nair');
  const questionId = Object.keys(reviewed.reviews[0].answers)[0];
  assert.equal(reviewed.reviews[0].answers[questionId].level, 1);
  assert.equal(reviewed.reviews[0].areas['business-goals'].status, 'challenged');
  const returned = await exportText(cp);

  // Back with the founder: the same assessment exists, so merge.
  await fp.goto(`${app.url}/`);
  await importText(fp, returned);
  await fp.getByRole('button', { name: 'Compare and merge' }).first().click();
  await fp.getByRole('button', { name: 'Merge', exact: true }).waitFor();
  const reviewGroup = fp.getByRole('group', { name: 'Consultant review' });
  await reviewGroup.getByLabel('Take theirs').check();
  await fp.getByRole('button', { name: 'Merge', exact: true }).click();
  await fp.getByText(/^Merged/).waitFor();
  await waitSaved(fp);
  const merged = (await storedAssessments(fp)).find((a) => a.id === id);
  assert.deepEqual(merged.reviews, reviewed.reviews);
  assert.deepEqual(merged.answers, reviewed.answers, 'the founder keeps the same answers');

  await fp.goto(`${app.url}/a/${id}/assessment/business-goals`);
  await fp.getByText('Goals are not written down yet: level 1 at most.').waitFor();
  await fp.goto(`${app.url}/a/${id}/compare`);
  await fp.getByTestId('compare-summary').waitFor();
  assert.match(await fp.getByTestId('compare-rated').innerText(), /The reviewer rated 1 question\b/);
  await fp.getByRole('table', { name: /Differences per question/ }).getByText(/.+/).first().waitFor();
  assert.match(await fp.getByRole('table', { name: /Differences per question/ }).innerText(), /3[\s\S]*1/);
  assert.deepEqual(await axeViolations(fp), []);
  for (const s of [founder, consultant]) {
    assert.deepEqual(s.problems, []);
    assert.deepEqual(s.offOrigin, []);
    await s.close();
  }
});

test('the board report prints without navigation and with every section; CSV downloads', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'Open demo' }).click();
  await waitSaved(page);
  await section(page, 'Report');
  await page.getByRole('heading', { level: 2, name: 'Board report' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('navigation', { name: 'Sections' }).isVisible(), false);
  assert.equal(await page.locator('.app-header').isVisible(), false);
  assert.equal(await page.getByRole('button', { name: 'Print / save as PDF' }).isVisible(), false);
  const report = page.getByTestId('report');
  for (const name of ['Summary', 'Where we stand', 'Largest gaps', 'Roadmap', 'Budget', 'KPIs', 'Risks', 'Partner choice', 'Review']) {
    assert.ok(await report.getByRole('heading', { level: 3, name, exact: true }).isVisible(), name);
  }
  assert.ok((await report.locator('svg').count()) >= 3, 'charts stay as SVG in print');
  await page.emulateMedia({ media: 'screen' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download initiatives (CSV)' }).click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  const demo = (await storedAssessments(page))[0];
  assert.equal(csv.trim().split(/\r?\n/).length, demo.initiatives.length + 1);
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('a snapshot is taken and kept; a share link opens in another browser; a hand-edited file is flagged', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Share Co', 'seed');
  await section(page, 'Snapshots');
  await page.getByLabel('Snapshot name').fill('Board meeting, November');
  await page.getByRole('button', { name: 'Take snapshot' }).click();
  await waitSaved(page);
  const stored = (await storedAssessments(page))[0];
  assert.equal(stored.snapshots.length, 1);
  assert.equal(stored.snapshots[0].name, 'Board meeting, November');
  assert.deepEqual(await axeViolations(page), []);

  await page.getByRole('button', { name: 'Share as link' }).click();
  const link = await page.getByLabel('Link to this assessment').inputValue();
  assert.match(link, /#share=[A-Za-z0-9_-]+$/);
  const other = await openPage(app);
  await other.page.goto(link);
  await other.page.getByRole('button', { name: 'Import', exact: true }).click();
  await other.page.getByRole('heading', { level: 1, name: 'Share Co' }).waitFor();
  await waitSaved(other.page);
  assert.deepEqual((await storedAssessments(other.page))[0], stored);
  assert.doesNotMatch(other.page.url(), /#share=/);
  assert.deepEqual(other.problems, []);
  await other.close();

  await page.keyboard.press('Escape');
  await page.getByLabel('Link to this assessment').waitFor({ state: 'detached' });
  const file = await exportText(page);
  // The untouched file: its fingerprint (hashed by the browser's own SHA-256) matches.
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${app.url}/`);
  await importText(page, file);
  const notice = page.locator('.notice-region');
  await notice.filter({ hasText: /Imported/ }).waitFor();
  assert.doesNotMatch(await notice.innerText(), /changed after it was exported/);
  await waitSaved(page);
  const edited = { name: 'edited.cto.json', text: file.text.replace('Share Co', 'Share Company') };
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${app.url}/`);
  await importText(page, edited);
  await page.getByText(/changed after it was exported/).waitFor();
  await waitSaved(page);
  assert.equal((await storedAssessments(page))[0].profile.company_name, 'Share Company');
  assert.deepEqual(s.problems, []);
  await s.close();
});
