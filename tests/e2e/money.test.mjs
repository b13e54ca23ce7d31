// Money on the plan (issue #19, items 4 and 6), as a founder: a currency and a rate per
// person-week in the Profile, amounts typed as people type them ("$4,200" read as 4200, "4,2,00"
// refused with its reason and the text kept), and every initiative's cost and the quarterly totals
// equal to a computation this test does by hand from what it typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, storedAssessments, axeViolations, waitSaved, newAssessment } from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const section = (page, name) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true }).click();

const DAY = 86400000;
const utc = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
const quarterOf = (t) => { const d = new Date(t); return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`; };
const daysInMonth = (t) => { const d = new Date(t); return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate(); };

/**
 * By hand, per quarter: the work (effort × rate) spread evenly over the days of the initiative,
 * the one-off cost in the start quarter, the monthly cost for each day as monthly / days in that
 * month. The end is start + 7 × weeks days, not included.
 */
function byHand({ start, weeks, effort, oneOff, monthly }, rate) {
  const from = utc(start);
  const days = 7 * weeks;
  const quarters = new Map();
  const add = (t, v) => quarters.set(quarterOf(t), (quarters.get(quarterOf(t)) ?? 0) + v);
  add(from, oneOff);
  for (let k = 0; k < days; k++) {
    const t = from + k * DAY;
    add(t, (effort * rate) / days + monthly / daysInMonth(t));
  }
  const total = [...quarters.values()].reduce((a, b) => a + b, 0);
  return { total, quarters };
}

/** "€12,345.67" → 12345.67 */
const euros = (text) => {
  const m = text.match(/€([\d,]+(?:\.\d+)?)/);
  assert.ok(m, `no euro amount in "${text}"`);
  return Number(m[1].replaceAll(',', ''));
};
const near = (shown, expected, what) =>
  assert.ok(Math.abs(shown - expected) <= 0.011, `${what}: shown ${shown}, by hand ${expected.toFixed(2)}`);

test('a founder costs the plan: currency, rate, "$4,200" read, "4,2,00" refused, costs match a hand computation', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Money Co', 'seed');

  // Profile: currency and a rate per person-week typed with a separator.
  await section(page, 'Profile');
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByLabel('Cost of one person-week').fill('2,000');
  await page.getByTestId('rate-in-use').filter({ hasText: '€2,000 per person-week, the rate you set' }).waitFor();
  await waitSaved(page);
  let stored = (await storedAssessments(page))[0];
  assert.equal(stored.profile.currency, 'EUR');
  assert.equal(stored.costs.person_week_rate, 2000);

  const plan = [
    { title: 'Alpha', start: '2027-03-15', weeks: 4, effort: 6, oneOff: 4200, monthly: 3100, typed: ['$4,200', '3,100'] },
    { title: 'Beta', start: '2027-06-21', weeks: 6, effort: 4, oneOff: 500, monthly: 1500, typed: ['500', '1.5k'] },
  ];
  await section(page, 'Roadmap');
  for (const i of plan) {
    await page.getByRole('button', { name: 'Add initiative' }).click();
    await page.getByLabel('Title', { exact: true }).fill(i.title);
    await page.getByRole('heading', { level: 2, name: i.title }).waitFor();
    await page.getByLabel('Start date').fill(i.start);
    await page.getByLabel('Duration (weeks)').fill(String(i.weeks));
    await page.getByLabel('Effort (person-weeks)').fill(String(i.effort));
    await page.getByLabel('One-off cost').fill(i.typed[0]);
    await page.getByLabel('Monthly cost while it runs').fill(i.typed[1]);
    await waitSaved(page);
    if (i.title === 'Alpha') {
      // "$4,200" is read as 4200: stored, and shown as the one-off part of the cost.
      stored = (await storedAssessments(page))[0];
      assert.equal(stored.initiatives[0].one_off_cost, 4200);
      await page.getByTestId('initiative-cost').getByText('One-off: €4,200').waitFor();
      // "4,2,00" is refused with its reason; the text stays and the stored value is the last valid one.
      const box = page.getByLabel('One-off cost');
      await box.fill('4,2,00');
      await page.getByText('⚠ Not saved: a thousands separator is out of place').waitFor();
      assert.equal(await box.inputValue(), '4,2,00');
      assert.equal(await box.getAttribute('aria-invalid'), 'true');
      await waitSaved(page);
      stored = (await storedAssessments(page))[0];
      assert.equal(stored.initiatives[0].one_off_cost, 4200);
      await box.fill('$4,200');
      await waitSaved(page);
    }
    const expected = byHand(i, 2000);
    await page.getByTestId('initiative-cost').getByText('the rate you set').waitFor();
    near(euros(await page.getByTestId('initiative-cost-total').innerText()), expected.total, `${i.title} on its page`);
    await page.getByRole('link', { name: '← Roadmap' }).click();
  }

  // The roadmap list: each initiative's cost; the quarter table: the totals per quarter.
  await page.getByTestId('quarter-costs').waitFor();
  const quarters = new Map();
  for (const i of plan) {
    const expected = byHand(i, 2000);
    const cell = page.getByTestId('initiative-row').filter({ hasText: i.title }).getByTestId('initiative-cost-cell');
    near(euros(await cell.innerText()), expected.total, `${i.title} in the list`);
    for (const [q, v] of expected.quarters) quarters.set(q, (quarters.get(q) ?? 0) + v);
  }
  assert.deepEqual([...quarters.keys()].sort(), ['2027-Q1', '2027-Q2', '2027-Q3']);
  for (const [q, v] of quarters) {
    const row = page.getByTestId('quarter-costs').locator(`tr[data-quarter="${q}"]`);
    near(euros(await row.locator('td').innerText()), v, `quarter ${q}`);
  }
  const allQuarters = [...quarters.values()].reduce((a, b) => a + b, 0);
  near(euros(await page.getByTestId('quarter-costs').locator('tr.total td').innerText()), allQuarters, 'all quarters');

  // After a reload the typed cost comes back as the amount it was read as.
  await page.getByRole('link', { name: 'Alpha', exact: true }).click();
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Alpha' }).waitFor();
  assert.equal(await page.getByLabel('One-off cost').inputValue(), '4,200');

  // Budget says which is running cost and which is new spend, and the rule for the work.
  await section(page, 'Budget');
  await page.getByTestId('budget-split').getByText('counts as new spend at the rate you set').waitFor();

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
});
