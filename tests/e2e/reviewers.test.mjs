// Several reviewers (#20 items 2 and 3): two reviewers review one file in turn, each in a fresh
// browser, and the founder sees both, credited by name, with their disagreement marked; renaming
// one reviewer keeps the other's credits; reviewer mode cannot change the founder's answer; and
// "Export for the client" leaves the reviewer's private notes out of the file. And (#21) one
// review's counts read the same, in the same words, on Overview, Report and Compare.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  startApp, openPage, storedAssessments, axeViolations, waitSaved, newAssessment, repoRoot,
} from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const section = (page, name) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true }).click();

/** Clicks `button` and returns the downloaded file's name and text. */
async function download(page, button) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

async function importText(page, file) {
  await page.locator('#import-file').setInputFiles({
    name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text),
  });
}

/** Opens the area "Business goals" from the section navigation. */
async function openBusinessGoals(page) {
  await section(page, 'Assessment');
  await page.getByRole('link', { name: /Business goals/ }).first().click();
  await page.getByRole('heading', { level: 2, name: 'Business goals' }).waitFor();
}

/** Turns reviewer mode on from the "Reviewing for a client?" disclosure and names the reviewer. */
async function startReviewing(page, name) {
  const toggle = page.getByLabel('Reviewer mode');
  if (!(await toggle.isVisible())) await page.getByText('Reviewing for a client?').click();
  await toggle.check();
  await page.getByTestId('review-banner').waitFor();
  if (name !== undefined) await page.getByLabel('Reviewer', { exact: true }).fill(name);
}

/** One reviewer's visit: import the file, review the first question of Business goals, export. */
async function review(file, name, level, comment) {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await importText(page, file);
  await page.getByRole('heading', { level: 1, name: 'Two Reviews Co' }).waitFor();
  await waitSaved(page);
  await openBusinessGoals(page);
  await startReviewing(page, name);
  const first = page.locator('article.question').first();
  await first.getByLabel("Reviewer's level").selectOption(String(level));
  await first.getByLabel("Reviewer's comment").fill(comment);
  await waitSaved(page);
  return s;
}

test('two reviewers review one file in turn; the founder sees both, credited, and where they disagree', async () => {
  const founder = await openPage(app);
  await founder.goto('/');
  const fp = founder.page;
  const id = await newAssessment(fp, 'Two Reviews Co', 'seed');
  await openBusinessGoals(fp);
  // Reviewer mode stays out of the founder's way: the switch is folded away until asked for.
  assert.equal(await fp.getByLabel('Reviewer mode').isVisible(), false);
  assert.equal(await fp.getByRole('button', { name: 'Export for the client' }).count(), 0);
  await fp.locator('article.question').first().getByRole('radio', { name: /^3 · / }).check();
  await waitSaved(fp);
  const sent = await download(fp, 'Export this assessment');

  const a = await review(sent, 'Priya Nair', 1, 'A: the goals are not written down.');
  const fromA = await download(a.page, 'Export this assessment');

  // Reviewer B, in a fresh browser: A's review is already in the file, so the disclosure is open.
  const b = await openPage(app);
  await b.goto('/');
  await importText(b.page, fromA);
  await b.page.getByRole('heading', { level: 1, name: 'Two Reviews Co' }).waitFor();
  await waitSaved(b.page);
  assert.equal(await b.page.getByLabel('Reviewer mode').isVisible(), true, 'open when a review exists');
  await openBusinessGoals(b.page);
  await startReviewing(b.page, 'Li Wei');
  const bFirst = b.page.locator('article.question').first();
  // A's words are shown to B, credited to A.
  await bFirst.getByText('Reviewer (Priya Nair):').waitFor();
  await bFirst.getByLabel("Reviewer's level").selectOption('2');
  await bFirst.getByLabel("Reviewer's comment").fill('B: partly written, in the pitch deck.');
  await waitSaved(b.page);
  // B renames himself: his credits follow, A's stay hers.
  await b.page.getByLabel('Reviewer', { exact: true }).fill('Li Wei, security adviser');
  await waitSaved(b.page);
  const byB = (await storedAssessments(b.page))[0];
  assert.deepEqual(byB.reviews.map((r) => r.reviewer), ['Priya Nair', 'Li Wei, security adviser']);
  const qid = Object.keys(byB.reviews[0].answers)[0];
  assert.equal(byB.reviews[0].answers[qid].comment, 'A: the goals are not written down.');
  assert.equal(byB.reviews[1].answers[qid].comment, 'B: partly written, in the pitch deck.');
  assert.notEqual(byB.reviews[0].reviewer_id, byB.reviews[1].reviewer_id);
  assert.deepEqual(await axeViolations(b.page), []);
  const fromB = await download(b.page, 'Export this assessment');

  // The founder takes the reviews in: matched by reviewer, both kept.
  await fp.goto(`${app.url}/`);
  await importText(fp, fromB);
  await fp.getByRole('button', { name: 'Compare and merge' }).first().click();
  await fp.getByRole('button', { name: 'Merge', exact: true }).waitFor();
  await fp.getByRole('group', { name: 'Consultant review' }).getByLabel('Take theirs').check();
  await fp.getByRole('button', { name: 'Merge', exact: true }).click();
  await fp.getByText(/^Merged/).waitFor();
  await waitSaved(fp);
  const merged = (await storedAssessments(fp)).find((x) => x.id === id);
  assert.deepEqual(merged.reviews.map((r) => r.reviewer), ['Priya Nair', 'Li Wei, security adviser']);
  assert.equal(merged.answers[qid].current, 3, 'the founder keeps her own level');

  await fp.goto(`${app.url}/a/${id}/assessment/business-goals`);
  const card = fp.locator('article.question').first();
  await card.getByText('A: the goals are not written down.').waitFor();
  const notes = await card.locator('.review-notes').innerText();
  assert.match(notes, /Reviewer \(Priya Nair\):\s*level 1 \([^)]+\) — A: the goals are not written down\./);
  assert.match(notes, /Reviewer \(Li Wei, security adviser\):\s*level 2 \([^)]+\) — B: partly written/);
  assert.match(notes, /Reviewers gave this answer different levels\./);
  // The overview credits each reviewer and marks the disagreement in words.
  await section(fp, 'Overview');
  const summary = fp.locator('.review-summary');
  await summary.getByText('Reviewed by Priya Nair.').waitFor();
  await summary.getByText('Reviewed by Li Wei, security adviser.').waitFor();
  const line = await summary.locator('.review-differences li').first().innerText();
  assert.match(line, /you: level 3[\s\S]*Reviewer \(Priya Nair\): level 1[\s\S]*Reviewer \(Li Wei, security adviser\): level 2[\s\S]*Reviewers disagree/);
  assert.deepEqual(await axeViolations(fp), []);
  // Compare: one reviewer at a time, the most recent by default; or the latest of each question.
  await section(fp, 'Compare');
  const pick = fp.getByLabel('Reviewed levels of');
  await pick.waitFor();
  assert.equal(await pick.locator('option:checked').innerText(), 'Reviewer (Li Wei, security adviser)');
  const main = fp.locator('main');
  assert.doesNotMatch(await main.innerText(), /Priya Nair, Li Wei|Li Wei, security adviser, Priya/);
  const heading = fp.locator('main th[scope="col"]', { hasText: /^Review/ }).first();
  assert.equal((await heading.textContent()).trim(), 'Reviewer (Li Wei, security adviser)');
  await pick.selectOption({ label: 'Reviewer (Priya Nair)' });
  await fp.locator('main th[scope="col"]', { hasText: 'Reviewer (Priya Nair)' }).first().waitFor();
  await pick.selectOption({ label: 'latest of each question' });
  await fp.locator('main th[scope="col"]', { hasText: 'Reviewers (latest level of each question)' })
    .first().waitFor();
  assert.deepEqual(await axeViolations(fp), []);
  for (const s of [founder, a, b]) {
    assert.deepEqual(s.problems, []);
    assert.deepEqual(s.offOrigin, []);
    await s.close();
  }
});

test('reviewer mode cannot change the founder\'s answer; "Export for the client" leaves private notes out', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Read Only Co', 'seed');
  await openBusinessGoals(page);
  const first = page.locator('article.question').first();
  await first.getByRole('radio', { name: /^3 · / }).check();
  await first.getByLabel('Notes').fill('Founder note');
  await waitSaved(page);
  const before = (await storedAssessments(page))[0];
  const qid = Object.keys(before.answers)[0];

  await startReviewing(page, 'Priya Nair');
  // Visible at a glance: the banner names who reviews, and the section gets its own frame.
  assert.match(await page.getByTestId('review-banner').innerText(), /you are reviewing as Priya Nair/);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-reviewing')), true);
  // The founder's level cards and fields are shown but cannot be used.
  assert.equal(await first.getByRole('radio', { name: /^1 · / }).isDisabled(), true);
  assert.equal(await first.getByLabel('Notes').isDisabled(), true);
  assert.equal(await first.getByLabel('Notes').inputValue(), 'Founder note');
  await first.locator('.level-option label').nth(1).click({ force: true });
  await first.getByLabel('Notes').press('x').catch(() => {});
  // Only the review fields change.
  await first.getByLabel("Reviewer's level").selectOption('1');
  await first.getByLabel('Private note (stays with you)').fill('PRIVATE: ask about the fee');
  await first.getByLabel("Reviewer's comment").fill('Level 1 until the goals are written.');
  await waitSaved(page);
  const after = (await storedAssessments(page))[0];
  assert.deepEqual(after.answers, before.answers, 'the founder\'s answer is unchanged');
  assert.equal(after.reviews[0].answers[qid].level, 1);
  assert.equal(after.reviews[0].answers[qid].private_note, 'PRIVATE: ask about the fee');
  // The reviewer reads the difference as the founder's answer, not "yours".
  assert.match(await first.locator('.review-edit .review-differs').innerText(),
    /^⚠ Differs from the founder's answer: level 3 \(/);
  assert.deepEqual(await axeViolations(page), []);

  // Reviewer mode is remembered for this assessment in this browser: a reload keeps it on.
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Business goals' }).waitFor();
  await page.getByTestId('review-banner').waitFor();
  assert.equal(await page.getByLabel('Reviewer mode').isChecked(), true);
  assert.equal(await first.getByRole('radio', { name: /^1 · / }).isDisabled(), true);
  assert.equal(await first.getByLabel('Notes').isDisabled(), true);

  // The reviewer's own backup keeps the note; the client's copy leaves it out and says so.
  const backup = await download(page, 'Export this assessment');
  assert.match(backup.text, /PRIVATE: ask about the fee/);
  const client = await download(page, 'Export for the client');
  assert.match(client.name, /for-the-client/);
  assert.doesNotMatch(client.text, /PRIVATE|private_note/);
  const sentReview = JSON.parse(client.text).assessments[0].reviews[0];
  assert.equal(sentReview.answers[qid].comment, 'Level 1 until the goals are written.');
  assert.equal(sentReview.answers[qid].level, 1);
  await page.getByText('Exported for the client: 1 private note left out. The normal export keeps it as your own backup.').waitFor();

  // Off again: the frame goes and the founder can answer.
  await page.getByLabel('Reviewer mode').uncheck();
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-reviewing')), false);
  assert.equal(await first.getByRole('radio', { name: /^1 · / }).isDisabled(), false);
  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
});

/** The framework's question and area ids, read from the content files. */
async function frameworkIds() {
  const dir = path.join(repoRoot, 'content/en/areas');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  const areas = await Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8'))));
  return { areas: new Set(areas.map((a) => a.id)), questions: new Set(areas.flatMap((a) => a.questions.map((q) => q.id))) };
}

/** The review-count lines under `scope`, by their name (data-count). */
async function countLines(scope) {
  const list = scope.getByTestId('review-counts').first();
  await list.waitFor();
  return Object.fromEntries(await list.locator('li').evaluateAll((items) =>
    items.map((li) => [li.dataset.count, li.textContent.trim()])));
}

test('Overview, Report and Compare show the same review counts in the same words (#21)', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'Open demo' }).click();
  await waitSaved(page);
  const stored = (await storedAssessments(page))[0];
  assert.equal(stored.reviews.length, 1, 'the demo has one reviewer');
  const review = stored.reviews[0];

  // Worked out here from the stored file: a difference needs a level on both sides.
  const ids = await frameworkIds();
  const founder = (q) => {
    const a = stored.answers[q];
    return a && !a.not_applicable && a.current != null ? a.current : null;
  };
  const levels = Object.entries(review.answers).filter(([q, a]) => ids.questions.has(q) && a.level != null);
  const rated = levels.length;
  const differ = levels.filter(([q, a]) => founder(q) != null && founder(q) !== a.level).length;
  const noLevel = levels.filter(([q]) => founder(q) == null).length;
  const comments = Object.entries(review.answers)
    .filter(([q, a]) => ids.questions.has(q) && (a.comment ?? '').trim()).length
    + Object.entries(review.areas ?? {}).filter(([id, a]) => ids.areas.has(id) && (a.comment ?? '').trim()).length;
  assert.ok(rated > 0 && comments > 0, `the demo's review rates and comments: ${rated}, ${comments}`);
  const plural = (n, one, many) => (n === 1 ? one : many);

  await page.goto(`${app.url}/a/${stored.id}/overview`);
  const overview = await countLines(page.locator('.review-summary'));
  await page.goto(`${app.url}/a/${stored.id}/report`);
  const report = await countLines(page.locator('section[aria-labelledby="report-review-title"]'));
  await page.goto(`${app.url}/a/${stored.id}/compare`);
  const compare = await countLines(page.getByTestId('compare-rated'));

  assert.equal(overview.rated, `The reviewer rated ${rated} ${plural(rated, 'question', 'questions')}`);
  assert.equal(overview.differ,
    `${differ} ${plural(differ, 'level differs', 'levels differ')} from the founder's (where both gave a level)`);
  if (noLevel > 0) {
    assert.match(overview['founder-no-level'], new RegExp(`^The reviewer rated ${noLevel} questions? the founder left without a level`));
  } else {
    assert.equal(overview['founder-no-level'], undefined);
  }
  assert.equal(overview.comments, `${comments} ${plural(comments, 'comment', 'comments')} on answers and areas`);
  // The same lines, word for word, on the Report; Compare shows the level lines.
  assert.deepEqual(report, overview);
  const { comments: _, ...levelLines } = overview;
  assert.deepEqual(compare, levelLines);
  assert.deepEqual(s.problems, []);
  await s.close();
});
