// Numbers and words a board can trust (#21, items 1 to 3), read on the demo: the Budget page,
// the Goals & KPIs page and the board report.
//  - Budget: a quarter where a category overran while the quarter as a whole is under names both
//    ("People over by €X; the quarter as a whole is €Y under"), never a bare "Over budget by";
//    every amount carries the currency; the total is the sum of the categories; the chart marks
//    that quarter "part over", not "over"; the report shows the same words and figures.
//  - KPIs: no "Projected 0", no ISO date beside formatted ones, at most three decimals, the unit
//    with every latest value; SMART "Achievable" never contradicts the KPI's status; "Relevant"
//    never shows a raw area id.
//  - Plurals: no "(s)", no "1 person-weeks" or "(1 weeks)".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, waitSaved, storedAssessments } from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const section = (page, name) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true }).click();

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
/** "€357,408" → 357408. */
const amount = (text) => Number(text.replace(/[^\d.]/g, ''));
/** Every money figure in a text: a currency sign then digits. */
const amounts = (text) => [...text.matchAll(/€([\d,]+)/g)].map((m) => amount(m[1]));
/** Numbers written with more than three decimals ("0.2906"). */
const longDecimals = (text) => [...text.matchAll(/\d\.\d{4,}/g)].map((m) => m[0]);
/** Plural slips of the app's own words. */
const PLURAL_SLIP = /\(s\)|\b1 (person-weeks|weeks|measurements|candidates|questions)\b/;

async function openDemo(s) {
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'Open demo' }).click();
  await waitSaved(page);
  return (await storedAssessments(page))[0];
}

/** The budget table's rows as text: quarter, four category cells, total, status. */
async function budgetRows(page) {
  const table = page.getByRole('table', { name: 'Planned spend and budget per quarter' });
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => {
    const th = r.querySelector('th').innerText.trim();
    const cells = [...r.querySelectorAll('td')].map((td) => ({
      text: td.innerText.trim(),
      input: td.querySelector('input')?.value ?? null,
    }));
    return { quarter: th, cells };
  }));
}

test('Budget: a category over while the quarter is under names both, in the currency, and the chart and the report agree', async () => {
  const s = await openPage(app);
  const demo = await openDemo(s);
  const { page } = s;
  assert.equal(demo.profile.currency, 'EUR');
  await section(page, 'Budget');
  const rows = await budgetRows(page);
  const flagged = rows.filter((r) => r.cells[5].text.includes('over by'));
  assert.equal(flagged.length, 1, `one quarter of the demo has a category over: ${JSON.stringify(rows.map((r) => r.cells[5].text))}`);
  const row = flagged[0];
  const status = row.cells[5].text;
  assert.ok(!/^⚠?\s*Over budget by/.test(status), `no bare "Over budget by": ${status}`);
  const said = status.match(/^⚠?\s*People over by €([\d,]+); the quarter as a whole is €([\d,]+) (under|over)$/);
  assert.ok(said, `the status names the category and the quarter as a whole: "${status}"`);
  const over = amount(said[1]);
  // Budget minus planned: positive when the quarter as a whole is under.
  const left = said[3] === 'under' ? amount(said[2]) : -amount(said[2]);

  // The figures behind the words: each category cell "Planned €P · ⚠ over by €O" with its budget.
  const planned = row.cells.slice(0, 4).map((c) => amounts(c.text)[0]);
  const budgets = row.cells.slice(0, 4).map((c) => amount(c.input));
  for (const c of row.cells.slice(0, 4)) assert.match(c.text, /^Planned €[\d,]+/, `a category cell in euros: ${c.text}`);
  assert.equal(planned[0] - budgets[0], over, 'People: over by = planned - budget');
  const [totalPlanned, totalBudget] = amounts(row.cells[4].text);
  assert.match(row.cells[4].text, /^planned €[\d,]+, budget €[\d,]+$/);
  assert.equal(totalPlanned, planned.reduce((a, b) => a + b, 0), 'the total is the sum of the categories');
  assert.equal(totalBudget, budgets.reduce((a, b) => a + b, 0), 'the total budget is the sum of the budgets');
  assert.equal(totalBudget - totalPlanned, left, 'the quarter as a whole: budget - planned');

  // The summary above the table says how the quarter is over, not "is over budget".
  const summary = page.getByText(/quarter has spend over budget/);
  const how = left >= 0 ? 'People only; within budget as a whole' : 'over as a whole';
  assert.equal(
    await summary.innerText(),
    `⚠ 1 quarter has spend over budget: ${row.quarter} (${how}).`,
  );
  // The chart marks that quarter "part over" when only People overran, "over" when the quarter
  // as a whole is over; no other quarter is marked.
  const chartTexts = (await page.locator('section[aria-labelledby=budget-quarters-title] svg text')
    .allTextContents()).map((t) => t.trim());
  const [mark, other] = left >= 0 ? ['⚠ part over', '⚠ over'] : ['⚠ over', '⚠ part over'];
  assert.equal(chartTexts.filter((t) => t === mark).length, 1, chartTexts.join('|'));
  assert.equal(chartTexts.filter((t) => t === other).length, 0, chartTexts.join('|'));

  // The report's budget: the same words and figures, with the currency.
  await section(page, 'Report');
  const report = page.getByRole('table', { name: /Planned spend of budget/ });
  await report.waitFor();
  const reportRows = await report.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.innerText.trim())));
  const same = reportRows.find((r) => r[0] === row.quarter);
  assert.ok(same, `the report lists ${row.quarter}`);
  assert.equal(same[6], `⚠ ${status.replace(/^⚠\s*/, '')}`);
  assert.equal(same[5], `€${totalPlanned.toLocaleString('en')} of €${totalBudget.toLocaleString('en')}`);
  for (const cell of same.slice(1, 6)) assert.match(cell, /€/, `a report budget cell in euros: ${cell}`);
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('KPIs: no "Projected 0", no ISO dates, at most three decimals, units shown; SMART agrees with the status and names areas', async () => {
  const s = await openPage(app);
  const demo = await openDemo(s);
  const { page } = s;
  await section(page, 'Goals & KPIs');
  await page.locator('.kpi-card').first().waitFor();
  const cards = await page.locator('.kpi-card').evaluateAll((lis) => lis.map((li) => ({
    name: li.querySelector('h4').innerText.trim(),
    status: li.querySelector('.kpi-status').innerText.trim(),
    text: li.innerText,
  })));
  assert.equal(cards.length, demo.kpis.length);
  for (const c of cards) {
    assert.ok(!/Projected 0\b/.test(c.text), `${c.name}: ${c.text}`);
    assert.ok(!ISO_DATE.test(c.text), `${c.name}: an ISO date in "${c.text}"`);
    assert.deepEqual(longDecimals(c.text), [], `${c.name}: more than three decimals in "${c.text}"`);
  }
  // Each latest value is shown with its KPI's unit.
  for (const k of demo.kpis.filter((k) => k.unit.trim() && k.measurements.length)) {
    const card = cards.find((c) => c.name === k.name);
    assert.ok(card.text.includes(` ${k.unit.trim()} on `) || card.text.includes(`${k.unit.trim()} on `), `${k.name}: the unit "${k.unit}" with the latest value in "${card.text}"`);
  }

  // SMART marks: Achievable never contradicts the status of the KPI it is tracked by.
  const smart = await page.locator('ul.smart').evaluateAll((uls) => uls.map((ul) => [...ul.querySelectorAll('li')].map((li) => li.innerText.replace(/^[SMART]\s*/, '').trim())));
  let compared = 0;
  for (const marks of smart) {
    const tracked = marks[0].match(/Tracked by the KPI "(.+)"\./);
    const relevant = marks[3];
    assert.ok(!/area "[a-z-]+"/.test(relevant), `Relevant shows an id: ${relevant}`);
    assert.ok(!ISO_DATE.test(marks.join(' ')), `an ISO date in SMART: ${marks.join(' | ')}`);
    if (!tracked) continue;
    const card = cards.find((c) => c.name === tracked[1]);
    if (!card) continue;
    const achievable = marks[2];
    if (achievable.startsWith('✓')) assert.ok(!card.status.includes('Off track'), `"${achievable}" beside "${card.status}" for ${card.name}`);
    if (card.status.includes('On track')) assert.ok(achievable.startsWith('✓'), `"${achievable}" beside "${card.status}" for ${card.name}`);
    compared += 1;
  }
  assert.ok(compared >= 3, `SMART marks compared with KPI statuses: ${compared}`);

  // The report's KPI table: units and formatted dates.
  await section(page, 'Report');
  const kpiTable = page.getByRole('table', { name: 'Status of each KPI' });
  await kpiTable.waitFor();
  const reportText = await kpiTable.innerText();
  assert.ok(!ISO_DATE.test(reportText), `an ISO date in the report's KPIs: ${reportText}`);
  assert.ok(!/Projected 0\b/.test(reportText), reportText);
  assert.deepEqual(longDecimals(reportText), []);
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('Plurals: no "(s)", "1 person-weeks" or "(1 weeks)" on the plan pages and the report', async () => {
  const s = await openPage(app);
  await openDemo(s);
  const { page } = s;
  for (const [name, ready] of [
    ['Roadmap', '[data-testid=initiative-row]'],
    ['Budget', 'table.budget-table'],
    ['Goals & KPIs', '.kpi-card'],
    ['Overview', 'main h2'],
    ['Report', '[data-testid=report]'],
  ]) {
    await section(page, name);
    await page.locator(ready).first().waitFor();
    const text = await page.locator('main').innerText();
    const slip = text.match(PLURAL_SLIP);
    assert.equal(slip, null, `${name}: "${slip?.[0]}" in ${slip ? text.slice(Math.max(0, slip.index - 60), slip.index + 60) : ''}`);
  }
  assert.deepEqual(s.problems, []);
  await s.close();
});
