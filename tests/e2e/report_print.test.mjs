// The board report as a board reads it (issue #20 item 4): the demo's report is printed to an A4
// PDF by Chromium's own print path and the PDF's text read back with pdf.js. Checked there, not
// in the page: a few pages, a page number on every one, none of the app around the report (not
// the "Last exported" line, the tabs, the buttons, the basis picker or the editing boxes), the
// cover, the founder's own levels on the self-assessed basis and the reviewer's where chosen, and
// the executive summary written on screen printed as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  startApp, openPage, waitSaved, storedAssessments, axeViolations, repoRoot,
} from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** The demo prints on at most this many A4 pages (13 before issue #20; 5 or 6 after). */
const MAX_PAGES = 6;

const texts = async (group) =>
  JSON.parse(await readFile(path.join(repoRoot, `locales/en/${group}.json`), 'utf8'));

/** The English area names by id. */
async function areaNames() {
  const dir = path.join(repoRoot, 'content/en/areas');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  const areas = await Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8'))));
  return Object.fromEntries(areas.map((a) => [a.id, a.name]));
}

/** The page printed to an A4 PDF, as one string of text per page (runs of spaces made one). */
async function printedPages(page) {
  const pdf = await page.pdf({ format: 'A4' });
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => item.str).join(' ').replace(/\s+/g, ' ').trim());
  }
  await doc.destroy();
  return pages;
}

/** One decimal, halves away from zero, as the app rounds scores. */
const fmt1 = (x) => (Math.round(x * 10 + (x >= 0 ? 1e-9 : -1e-9)) / 10).toFixed(1);

/**
 * An area's score worked out here from the stored file, independently of the app: the average
 * current level of its answered applicable questions, a reviewer's level replacing the founder's
 * (and making the question count) where `levels` has one.
 */
function areaScore(stored, areaId, levels = {}) {
  const values = [];
  const ids = new Set([...Object.keys(stored.answers), ...Object.keys(levels)]);
  for (const id of ids) {
    if (!id.startsWith(`${areaId}.`)) continue;
    const answer = stored.answers[id] ?? {};
    if (id in levels) values.push(levels[id]);
    else if (answer.current != null && !answer.not_applicable) values.push(answer.current);
  }
  return fmt1(values.reduce((s, v) => s + v, 0) / values.length);
}

/** Each question's reviewed level: the most recently changed review that gives one. */
function reviewedLevels(stored) {
  const reviews = [...(stored.reviews ?? (stored.review ? [stored.review] : []))]
    .map((r, i) => ({ r, i }))
    .sort((x, y) => (y.r.updated_at ?? '').localeCompare(x.r.updated_at ?? '') || y.i - x.i);
  const levels = {};
  for (const { r } of reviews) {
    for (const [q, a] of Object.entries(r.answers ?? {})) {
      if (a.level != null && !(q in levels)) levels[q] = a.level;
    }
  }
  return levels;
}

/** The date as the English pages write it, e.g. "7 Dec 2026". */
function englishDate(d) {
  return `${d.getDate()} ${d.toLocaleString('en-GB', { month: 'short' })} ${d.getFullYear()}`;
}

function assertPageNumbers(pages, label) {
  pages.forEach((text, i) => {
    assert.ok(text.includes(`${i + 1} / ${pages.length}`), `${label}: page ${i + 1} has no "${i + 1} / ${pages.length}": ${text.slice(0, 120)}`);
  });
}

test('the demo report prints on a few numbered A4 pages with a cover and no app around it; the basis changes the levels', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'Open demo' }).click();
  await waitSaved(page);
  const stored = (await storedAssessments(page))[0];
  const shell = await texts('shell');
  const report = await texts('report');
  const names = await areaNames();

  // Export once, so the assessment's "Last exported ..." line is on the screen to be left out.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export this assessment' }).click(),
  ]);
  await download.path();
  await page.goto(`${app.url}/a/${stored.id}/report`);
  await page.getByRole('heading', { level: 2, name: 'Board report' }).waitFor();
  const lastExported = shell['shell.export_reminder_last'].split('{')[0].trim();
  await page.getByText(lastExported).first().waitFor();
  assert.deepEqual(await axeViolations(page), []);

  // The founder's own levels: the default basis.
  const own = await printedPages(page);
  console.log(`self-assessed basis: ${own.length} pages`);
  assert.ok(own.length <= MAX_PAGES, `${own.length} pages, at most ${MAX_PAGES} expected`);
  assertPageNumbers(own, 'self-assessed');
  const all = own.join(' ');
  const screenOnly = [
    lastExported,
    shell['shell.export_reminder_never'],
    'Export this assessment',
    'Print / save as PDF',
    'Download answers (CSV)',
    'Share as link',
    report['report.basis_legend'],
    report['report.edit_words'],
    report['report.summary_label'],
  ];
  for (const chrome of screenOnly) {
    assert.ok(!all.includes(chrome), `"${chrome}" is app chrome and must not print`);
  }
  // Nor the section tabs: the tab row's labels in a row would read "Overview Profile Assessment".
  assert.ok(!/Overview\s+Profile\s+Assessment/.test(all), 'the section tabs do not print');
  const cover = own[0];
  for (const expected of ['Company', 'Harbourline Logistics', 'Date', englishDate(new Date()), 'Prepared by',
    'Harbourline Logistics (self-assessment)', 'Basis', "The founder's self-assessment:"]) {
    assert.ok(cover.includes(expected), `the cover says "${expected}": ${cover.slice(0, 400)}`);
  }
  assert.ok(cover.includes('Executive summary') && cover.includes('Recommendations'), 'the summary opens the report');

  // Areas where the demo's reviewer gave a level that moves the area's score.
  const levels = reviewedLevels(stored);
  const moved = Object.keys(names)
    .map((id) => ({ id, name: names[id], own: areaScore(stored, id), reviewed: areaScore(stored, id, levels) }))
    .filter((a) => a.own !== a.reviewed);
  assert.ok(moved.length >= 2, `the demo's review moves at least two area scores: ${JSON.stringify(moved)}`);
  const row = (text, area, ...cells) => new RegExp(`${area.name} ${cells.join(' ')} `).test(text);
  for (const area of moved) {
    assert.ok(row(all, area, area.own), `self-assessed: "${area.name} ${area.own}" in the standing table`);
    assert.ok(!row(all, area, area.reviewed), `self-assessed: not the reviewed "${area.name} ${area.reviewed}"`);
  }

  // The reviewed levels, chosen as a consultant would.
  await page.getByRole('radio', { name: report['report.basis_reviewed'] }).check();
  const reviewer = (stored.reviews?.[0] ?? stored.review).reviewer;
  await page.getByTestId('report-prepared-by').filter({ hasText: reviewer }).waitFor();
  const rev = await printedPages(page);
  console.log(`reviewed basis: ${rev.length} pages`);
  assert.ok(rev.length <= MAX_PAGES, `${rev.length} pages, at most ${MAX_PAGES} expected`);
  assertPageNumbers(rev, 'reviewed');
  const revAll = rev.join(' ');
  assert.ok(rev[0].includes(`Prepared by ${reviewer}`), rev[0].slice(0, 400));
  assert.ok(rev[0].includes(`Reviewed levels: the reviewer's level on ${Object.keys(levels).length} questions (${reviewer})`), rev[0].slice(0, 600));
  for (const area of moved) {
    assert.ok(row(revAll, area, area.reviewed), `reviewed: "${area.name} ${area.reviewed}" in the standing table`);
    assert.ok(!row(revAll, area, area.own), `reviewed: not the founder's "${area.name} ${area.own}"`);
  }

  // Both side by side: the founder's then the reviewed score in the same row.
  await page.getByRole('radio', { name: report['report.basis_both'] }).check();
  await page.getByTestId('report-basis-line').filter({ hasText: 'side by side' }).waitFor();
  const both = await printedPages(page);
  console.log(`both bases: ${both.length} pages`);
  assert.ok(both.length <= MAX_PAGES, `${both.length} pages, at most ${MAX_PAGES} expected`);
  assertPageNumbers(both, 'both');
  for (const area of moved) {
    assert.ok(row(both.join(' '), area, area.own, area.reviewed), `both: "${area.name} ${area.own} ${area.reviewed}"`);
  }

  // The executive summary is rewritten on screen, kept in the file, and printed as text only.
  await page.getByRole('radio', { name: report['report.basis_self'] }).check();
  await page.getByText(report['report.edit_words']).click();
  const summary = 'The board should pay for the security work now; the rest can wait.';
  await page.getByLabel(report['report.summary_label']).fill(summary);
  await waitSaved(page);
  assert.equal((await storedAssessments(page))[0].report.summary, summary);
  await page.getByTestId('verdict-text').filter({ hasText: summary }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  const edited = await printedPages(page);
  assert.ok(edited[0].includes(summary), `the written summary prints on page 1: ${edited[0].slice(0, 600)}`);
  assert.ok(!edited.join(' ').includes(report['report.summary_reset']), 'the reset button does not print');

  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
});

test('the report keeps its basis across a reload, speaks of the company to a board, and counts and reads its gaps as shown (#21)', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'Open demo' }).click();
  await waitSaved(page);
  const stored = (await storedAssessments(page))[0];
  const report = await texts('report');
  const partners = await texts('partners');
  await page.goto(`${app.url}/a/${stored.id}/report`);
  const summary = page.getByTestId('verdict-text');
  await summary.waitFor();

  // The starting summary is for a board: the company by name, never "you".
  const own = (await summary.innerText()).trim();
  assert.match(own, /^For an? [^,]+, Harbourline Logistics is (at or above|below) target/, own);
  assert.doesNotMatch(own, /\byou\b/i, own);

  // The gaps: the caption counts the rows shown, and each row's gap is the chart's label.
  const gaps = page.locator('section[aria-labelledby="report-gaps-title"]');
  const table = gaps.locator('table');
  const rows = await table.locator('tbody tr').count();
  assert.ok(rows > 0, 'the demo has gaps');
  assert.equal((await table.locator('caption').textContent()).trim(),
    rows === 1 ? 'The largest gap' : `The ${rows} largest gaps, highest priority first`);
  const headings = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
  const gapCol = headings.indexOf(partners['partners.report_assessment_gap_col']);
  assert.ok(gapCol > 0, `a gap column in ${headings}`);
  const cells = await table.locator('tbody tr').evaluateAll((trs, col) =>
    trs.map((tr) => tr.children[col].textContent.trim()), gapCol);
  const labels = await gaps.locator('svg text').evaluateAll((ts) =>
    ts.map((t) => t.textContent.trim()).map((t) => /^gap (\d+\.\d)/.exec(t)?.[1]).filter(Boolean));
  assert.deepEqual(labels, cells, 'the chart labels each bar with the gap its table row shows');

  // The reviewed basis, chosen once, is still chosen after a reload.
  await page.getByRole('radio', { name: report['report.basis_reviewed'] }).check();
  const reviewer = stored.reviews[0].reviewer;
  await page.getByTestId('report-prepared-by').filter({ hasText: reviewer }).waitFor();
  await page.waitForFunction((own) => document.querySelector('[data-testid="verdict-text"]')?.innerText.trim() !== own, own);
  const reviewed = (await summary.innerText()).trim();
  assert.match(reviewed, /^For an? [^,]+, Harbourline Logistics is /, reviewed);
  assert.doesNotMatch(reviewed, /\byou\b/i, reviewed);
  assert.doesNotMatch(reviewed, /from (\d\.\d) to \1\b/, 'an unchanged figure says "unchanged at"');
  const key = `cto-workbench/prefs/report-basis/${stored.id}`;
  assert.match(await page.evaluate((k) => localStorage.getItem(k), key), /^reviewed\b/);
  await page.reload();
  await page.getByTestId('report-prepared-by').filter({ hasText: reviewer }).waitFor();
  assert.equal(await page.getByRole('radio', { name: report['report.basis_reviewed'] }).isChecked(), true);
  assert.equal((await summary.innerText()).trim(), reviewed);
  // A remembered reviewer who gave no level here (a stale choice) falls back to each question's
  // latest level instead of an empty reviewed basis.
  await page.evaluate((k) => localStorage.setItem(k, 'reviewed 00000000-0000-4000-8000-000000000001'), key);
  await page.reload();
  await page.getByTestId('report-prepared-by').filter({ hasText: reviewer }).waitFor();
  assert.equal((await summary.innerText()).trim(), reviewed);
  // An address that names a basis still wins over the remembered one.
  await page.goto(`${app.url}/a/${stored.id}/report?basis=self`);
  await page.getByTestId('report-prepared-by').filter({ hasText: 'Harbourline Logistics (self-assessment)' }).waitFor();
  assert.equal(await page.getByRole('radio', { name: report['report.basis_self'] }).isChecked(), true);

  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
});
