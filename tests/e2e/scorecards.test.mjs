// Journeys of the scorecard issue: create a partner comparison, add two partners, score them,
// see the ranking and the sensitivity change when a weight changes; gates; reload and export keep
// everything; the demo has partners and tool comparisons.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startApp, openPage, storedAssessments, axeViolations, waitSaved, newAssessment, exportClearImport,
} from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

function criterion(page, name) {
  return page.locator('article.criterion').filter({ has: page.getByRole('heading', { level: 4, name, exact: true }) });
}

async function score(page, criterionName, candidate, value) {
  await criterion(page, criterionName).getByLabel(`Score of ${candidate}`).selectOption(String(value));
}

test('two partners scored: ranking, gates and sensitivity follow the weights; reload and export keep it', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  const id = await newAssessment(page, 'Partner Pick Co', 'seed');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Partners' }).click();
  await page.getByLabel('New comparison').fill('Engineering partner 2027');
  await page.getByRole('button', { name: 'Create comparison' }).click();
  await page.getByRole('heading', { level: 2, name: 'Engineering partner 2027' }).waitFor();
  for (const name of ['Acme Dev', 'Bolt Labs']) {
    await page.getByLabel('New candidate').fill(name);
    await page.getByRole('button', { name: 'Add candidate' }).click();
    await page.getByLabel('Name', { exact: true }).last().waitFor();
  }
  // Acme is stronger on technical experience, Bolt on cost.
  await score(page, 'Technical experience', 'Acme Dev', 5);
  await score(page, 'Technical experience', 'Bolt Labs', 2);
  await score(page, 'Willingness to revisit cost', 'Acme Dev', 1);
  await score(page, 'Willingness to revisit cost', 'Bolt Labs', 5);
  const summary = page.getByTestId('decision-summary');
  const rankingRow = (name) => page.getByRole('table', { name: /Ranking/ }).getByRole('row', { name: new RegExp(name) });

  const techWeight = criterion(page, 'Technical experience').getByLabel('Weight');
  const costWeight = criterion(page, 'Willingness to revisit cost').getByLabel('Weight');
  await techWeight.fill('30');
  await costWeight.fill('10');
  await summary.filter({ hasText: /^Acme Dev leads/ }).waitFor();
  assert.match(await rankingRow('Acme Dev').innerText(), /^1\s/);
  // With only these two scored: Acme = (30*5 + 10*1)/5/40*100 = 80; Bolt = (30*2 + 10*5)/5/40*100 = 55.
  assert.match(await rankingRow('Acme Dev').innerText(), /80\.0/);
  assert.match(await rankingRow('Bolt Labs').innerText(), /55\.0/);
  const sens = page.getByRole('table', { name: /How far each weight can move/ });
  // Acme stays ahead while 30*5 + w*1 >= 30*2 + w*5, i.e. w <= 22.5.
  assert.match(await sens.getByRole('row', { name: /^Willingness to revisit cost/ }).innerText(), /0\.0 to 22\.5\s+–\s+Bolt Labs leads/);
  assert.match(await summary.innerText(), /Willingness to revisit cost/);
  const sensBefore = await sens.innerText();

  // Raising the cost weight past the tipping point changes the leader.
  await costWeight.fill('40');
  await summary.filter({ hasText: /^Bolt Labs leads/ }).waitFor();
  assert.match(await rankingRow('Bolt Labs').innerText(), /^1\s/);
  assert.notEqual(await sens.innerText(), sensBefore);

  // A must-have Acme fails: it is flagged whatever its total.
  await costWeight.fill('10');
  await summary.filter({ hasText: /^Acme Dev leads/ }).waitFor();
  await criterion(page, 'Willingness to revisit cost').getByLabel('Must-have').selectOption('3');
  await summary.filter({ hasText: /^Bolt Labs leads/ }).waitFor();
  assert.match(await rankingRow('Acme Dev').innerText(), /✗ fails/);
  await criterion(page, 'Willingness to revisit cost').getByLabel('Must-have').selectOption('');

  // An indicator value is checked against its target.
  const mind = criterion(page, 'Mindshare');
  const callBox = mind.locator('.score-cell').filter({ hasText: 'Acme Dev' }).getByRole('textbox', { name: /call/i });
  await callBox.fill('24');
  await mind.getByText('✗ misses the target').waitFor();
  await callBox.fill('4');
  await mind.getByText('✓ meets the target').waitFor();
  await waitSaved(page);
  assert.deepEqual(await axeViolations(page), []);

  const before = (await storedAssessments(page))[0].scorecards;
  assert.equal(before.length, 1);
  assert.equal(before[0].candidates.length, 2);
  const acme = before[0].candidates.find((c) => c.name === 'Acme Dev');
  assert.equal(acme.scores['partner.technical'].score, 5);

  await page.reload();
  await summary.filter({ hasText: /^Acme Dev leads/ }).waitFor();
  assert.equal(await techWeight.inputValue(), '30');
  assert.deepEqual((await storedAssessments(page))[0].scorecards, before);

  await exportClearImport(page, app.url, 'Partner Pick Co');
  assert.deepEqual((await storedAssessments(page))[0].scorecards, before);
  assert.ok(page.url().includes(id));
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('the demo has three partner candidates and two tool comparisons, with culture fit', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'Open demo' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Partners' }).click();
  await page.locator('.card-list a').first().click();
  await page.getByTestId('decision-summary').filter({ hasText: /leads with/ }).waitFor();
  assert.equal(await page.getByRole('table', { name: /Ranking/ }).locator('tbody tr').count(), 3);
  const fitRow = page.getByRole('table', { name: /Culture, 1 to 5/ }).getByRole('row', { name: /^Overall fit/ });
  assert.match(await fitRow.innerText(), /\d+ %/);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Tools' }).click();
  assert.equal(await page.locator('.card-list li').count(), 2);
  await page.locator('.card-list a').first().click();
  await page.getByTestId('decision-summary').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(s.problems, []);
  await s.close();
});
