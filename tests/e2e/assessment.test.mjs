// Journeys of the self-assessment issue: answer questions in three areas and watch progress and
// the radar change; "does not apply" needs a reason; answers survive reload and export/import;
// SWOT, stakeholders and inventory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startApp, openPage, storedAssessments, axeViolations, waitSaved, newAssessment, exportClearImport,
} from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

function question(page, n) {
  return page.locator('article.question').nth(n);
}

async function answer(page, n, level) {
  await question(page, n).getByRole('radio', { name: new RegExp(`^${level} · `) }).check();
}

async function radarMarkup(page) {
  return page.locator('.chart-svg').first().innerHTML();
}

test('answer questions in three areas: progress, scores and radar follow; reload keeps every answer', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  const id = await newAssessment(page, 'Radar Test Co', 'seed');

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Results' }).click();
  await page.getByText('No scores yet').waitFor();
  const emptyRadar = await radarMarkup(page);

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Assessment' }).click();
  await page.getByRole('heading', { name: 'Self-assessment' }).waitFor();
  assert.match(await page.locator('.progress-line').innerText(), /^0 of \d+ questions answered overall\.$/);
  await page.getByRole('link', { name: /Continue with Business goals/ }).click();

  // Area 1: two answers.
  await page.getByRole('heading', { level: 2, name: 'Business goals' }).waitFor();
  await answer(page, 0, 1);
  await answer(page, 1, 2);
  await page.getByText(/^2 of \d questions answered in this area\.$/).waitFor();
  const nav = page.getByRole('navigation', { name: 'Areas' });
  assert.match(await nav.getByRole('link', { name: /Business goals/ }).innerText(), /2\/\d/);
  assert.match(await question(page, 0).locator('.question-status').innerText(), /Answered: 1 Ad hoc/);

  // Area 3: an answer with a target, notes and evidence.
  await nav.getByRole('link', { name: /Technology strategy/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Technology strategy' }).waitFor();
  await answer(page, 0, 3);
  const q = question(page, 0);
  await q.getByLabel('Target level').selectOption('4');
  await q.getByLabel('Confidence').selectOption('high');
  await q.getByLabel('Notes').fill('Roadmap reviewed every quarter with the board.');
  const linkBox = q.getByLabel(/Add an evidence link/);
  await linkBox.fill('javascript:alert(1)');
  await q.getByRole('button', { name: 'Add link' }).click();
  await q.getByRole('alert').filter({ hasText: 'only links starting with http' }).waitFor();
  assert.equal(await linkBox.inputValue(), 'javascript:alert(1)', 'refused text stays for correction');
  await linkBox.fill('https://wiki.example.com/roadmap');
  await q.getByRole('button', { name: 'Add link' }).click();
  await q.getByRole('link', { name: 'https://wiki.example.com/roadmap' }).waitFor();

  // Area 8: "does not apply" without a reason is refused; with one it counts.
  await nav.getByRole('link', { name: /Security and compliance/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Security and compliance' }).waitFor();
  const sq = question(page, 4);
  await sq.getByLabel('Does not apply to us').check();
  await sq.getByText('A reason is required').waitFor();
  assert.equal(await sq.locator('.question-status').innerText(), 'Not answered yet');
  await waitSaved(page);
  let stored = (await storedAssessments(page))[0];
  const naId = Object.keys(stored.answers).find((k) => k.startsWith('security.'));
  assert.equal(naId, undefined, 'no not-applicable answer is stored without a reason');
  await sq.getByLabel('Reason it does not apply').fill('We hold no personal data yet.');
  await sq.locator('.question-status').filter({ hasText: 'Not applicable' }).waitFor();
  await answer(page, 0, 0);
  assert.deepEqual(await axeViolations(page), []);

  // Results follow.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Results' }).click();
  const summary = page.getByTestId('maturity-summary');
  await summary.filter({ hasText: 'from 4 answered questions in 3 of 16 areas' }).waitFor();
  // Business goals: (1 + 2) / 2 = 1.5; Strategy 3 against 4; Security 0.
  assert.match(await summary.innerText(), /^Maturity index 1\.5 of 4/);
  const row = page.getByRole('row', { name: /^Business goals/ });
  assert.match(await row.innerText(), /2 of \d\s+1\.5/);
  const strategyRow = page.getByRole('row', { name: /^Technology strategy/ });
  assert.match(await strategyRow.innerText(), /1 of \d\s+3\.0\s+4\.0\s+1\.0/);
  const radar = await radarMarkup(page);
  assert.notEqual(radar, emptyRadar, 'the radar changes with the answers');
  assert.ok(radar.includes('Business goals'), 'radar names the areas');
  assert.deepEqual(await axeViolations(page), []);

  // One more answer redraws the radar.
  await page.goto(`${app.url}/a/${id}/assessment/team`);
  await page.getByRole('heading', { level: 2, name: 'Team' }).waitFor();
  await answer(page, 0, 4);
  await page.goto(`${app.url}/a/${id}/results`);
  await page.getByTestId('maturity-summary').filter({ hasText: 'in 4 of 16 areas' }).waitFor();
  assert.notEqual(await radarMarkup(page), radar);

  // Reload keeps every answer.
  await waitSaved(page);
  stored = (await storedAssessments(page))[0];
  await page.goto(`${app.url}/a/${id}/assessment/strategy`);
  await page.getByRole('heading', { level: 2, name: 'Technology strategy' }).waitFor();
  await page.reload();
  const rq = question(page, 0);
  await rq.getByRole('radio', { name: /^3 · / }).waitFor();
  assert.equal(await rq.getByRole('radio', { name: /^3 · / }).isChecked(), true);
  assert.equal(await rq.getByLabel('Target level').inputValue(), '4');
  assert.equal(await rq.getByLabel('Notes').inputValue(), 'Roadmap reviewed every quarter with the board.');
  assert.deepEqual((await storedAssessments(page))[0], stored);
  const answers = Object.values(stored.answers);
  assert.equal(answers.length, 6);
  assert.equal(answers.filter((a) => a.not_applicable === 'We hold no personal data yet.').length, 1);
  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
});

test('export and import keep answers, SWOT, stakeholders and inventory', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  const id = await newAssessment(page, 'Round Trip Ltd', 'seed');
  await page.goto(`${app.url}/a/${id}/assessment/delivery`);
  await page.getByRole('heading', { level: 2, name: 'Development process' }).waitFor();
  await answer(page, 0, 1);
  await answer(page, 1, 2);
  await page.getByRole('radio', { name: 'Critical', exact: true }).check();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Results' }).click();
  await page.getByRole('button', { name: 'Propose strengths and weaknesses from the results' }).click();
  await page.getByText(/Added \d proposed line/).waitFor();
  const weakness = page.locator('.swot-quadrant.weaknesses li textarea').first();
  assert.match(await weakness.inputValue(), /^Development process: 1\.5 of 4 against a target of 2\.0 \(gap 0\.5\)$/);
  await page.getByLabel('New line for Threats').fill('A larger rival copies the tracking feature');
  await page.getByLabel('New line for Threats').press('Enter');
  await page.getByLabel('Threats line').waitFor();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Profile' }).click();
  await page.getByRole('button', { name: 'Add stakeholder' }).click();
  await page.locator('.row-card').first().getByLabel('Name').fill('Dana Lee');
  await page.getByRole('button', { name: 'Add inventory item' }).click();
  const item = page.locator('#inventory-title').locator('..').locator('.row-card').first();
  await item.getByLabel('Item', { exact: true }).fill('Cloud hosting');
  await item.getByLabel('Monthly cost').fill('1,2x0');
  await item.getByText(/Not saved: it is not a number \(for example 4200, \$4,200, 4.2k or 1.5m\)/).waitFor();
  await item.getByLabel('Monthly cost').fill('1,200');
  await page.getByRole('row', { name: /^Total/ }).filter({ hasText: '1,200' }).waitFor();
  await page.getByRole('button', { name: 'Add decision record' }).click();
  await page.getByLabel('Title').last().fill('Use PostgreSQL for product data');
  await waitSaved(page);
  assert.deepEqual(await axeViolations(page), []);

  const before = (await storedAssessments(page))[0];
  assert.equal(before.inventory[0].monthly_cost, 1200);
  assert.equal(before.areas.delivery.importance, 3);

  await exportClearImport(page, app.url, 'Round Trip Ltd');
  assert.deepEqual((await storedAssessments(page))[0], before);
  await s.close();
});

test('the demo company has answers in every area and shows results at once', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'Open demo' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Results' }).click();
  await page.getByTestId('maturity-summary').filter({ hasText: 'in 16 of 16 areas' }).waitFor();
  assert.ok((await page.locator('.gap-list li').count()) >= 3);
  for (const quadrant of ['strengths', 'weaknesses', 'opportunities', 'threats']) {
    assert.ok((await page.locator(`.swot-quadrant.${quadrant} li`).count()) >= 2, quadrant);
  }
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(s.problems, []);
  await s.close();
});
