// Hire, partner or freelance (#19, item 5): two partner quotes feed the derived price criterion
// with its formula shown; a must-have failure names its rule (a score or an indicator marked as
// a must-have); the hire / partner / freelance figures match a hand computation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, newAssessment, waitSaved } from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

function criterion(page, name) {
  return page.locator('article.criterion').filter({ has: page.getByRole('heading', { level: 4, name, exact: true }) });
}

const NO_SCORES = /no scores/;
/** "12,000" as the app writes amounts (thousands with commas, no decimals when whole). */
const amount = (v) => Math.round(v).toLocaleString('en-US');

test('partner quotes score the price criterion; must-haves name their rule; hire vs partner vs freelance figures', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Quote Compare Co', 'seed');
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('link', { name: 'Partners' }).click();
  await page.getByLabel('New comparison').fill('Build partner');
  await page.getByRole('button', { name: 'Create comparison' }).click();
  await page.getByRole('heading', { level: 2, name: 'Build partner' }).waitFor();
  for (const name of ['Acme Dev', 'Bolt Labs']) {
    await page.getByLabel('New candidate').fill(name);
    await page.getByRole('button', { name: 'Add candidate' }).click();
    await page.getByLabel('Name', { exact: true }).last().waitFor();
  }

  // Two monthly quotes: the first price adds the derived price criterion.
  const prices = page.getByLabel(/^Monthly price/);
  // Money as people type it: a currency sign, thousands, a k suffix.
  await prices.nth(0).fill('$12,000');
  await prices.nth(1).fill('8k');
  const price = criterion(page, 'Monthly price');
  await price.waitFor();
  const formula = price.getByTestId('price-formula');
  assert.match(await formula.innerText(), /score = 5 × cheapest ÷ price, rounded to a whole score \(cheapest now 8,000 a month\)/);
  assert.match(await formula.innerText(), /without a price stays unscored/);
  // By hand: Acme 5 × 8000 / 12000 = 3.33 → 3; Bolt 5 × 8000 / 8000 = 5.
  await price.getByText('Acme Dev: 5 × 8,000 ÷ 12,000 = 3.33 → 3 of 5').waitFor();
  await price.getByText('Bolt Labs: 5 × 8,000 ÷ 8,000 = 5 → 5 of 5').waitFor();
  // No score box to type into: the scores come from the prices.
  assert.equal(await price.getByLabel(/^Score of/).count(), 0);

  // The totals use the derived scores: only price is scored, so Acme 3/5 = 60, Bolt 100.
  const summary = page.getByTestId('decision-summary');
  const rankingRow = (name) => page.getByRole('table', { name: /Ranking/ }).getByRole('row', { name: new RegExp(name) });
  await summary.filter({ hasText: /^Bolt Labs leads/ }).waitFor();
  assert.match(await rankingRow('Acme Dev').innerText(), /60\.0/);
  assert.match(await rankingRow('Bolt Labs').innerText(), /100\.0/);
  // A candidate without a price is unscored on price, not 0.
  await prices.nth(0).fill('');
  await rankingRow('Acme Dev').filter({ hasText: NO_SCORES }).waitFor();
  await price.getByText('Acme Dev: no price yet, not scored').waitFor();
  await prices.nth(0).fill('12,000');
  await rankingRow('Acme Dev').filter({ hasText: /60\.0/ }).waitFor();

  // A must-have on the price score: the failure names exactly that rule.
  await price.getByLabel('Must-have').selectOption('4');
  await rankingRow('Acme Dev').filter({ hasText: 'Monthly price scored 3, the must-have is 4' }).waitFor();
  await price.getByLabel('Must-have').selectOption('');
  await rankingRow('Acme Dev').filter({ hasText: '✓ all passed' }).waitFor();

  // An indicator gates only when marked as a must-have, and then names the indicator.
  const mind = criterion(page, 'Mindshare');
  const gate = mind.getByLabel(/Required target: Time for a senior leader to return your call/);
  await gate.uncheck();
  const callBox = mind.locator('.score-cell').filter({ hasText: 'Acme Dev' }).getByRole('textbox', { name: /call/i });
  await callBox.fill('24');
  await mind.getByText('✗ misses the target').waitFor();
  await rankingRow('Acme Dev').filter({ hasText: '✓ all passed' }).waitFor();
  await gate.check();
  await rankingRow('Acme Dev').filter({ hasText: 'Time for a senior leader to return your call 24 hours, must be at most 8' }).waitFor();
  assert.doesNotMatch(await rankingRow('Acme Dev').innerText(), /the must-have is/);
  // Both candidates ranked again: the decision says the leader's price in money.
  await gate.uncheck();
  await rankingRow('Acme Dev').filter({ hasText: '✓ all passed' }).waitFor();
  await summary.filter({ hasText: /Bolt Labs leads at \S*8,000 a month, the lowest price of the candidates\./ }).waitFor();
  await waitSaved(page);

  // Hire, partner or freelance on the Partners page.
  await sections.getByRole('link', { name: 'Partners' }).click();
  await page.getByRole('heading', { level: 3, name: 'Hire, partner or freelance' }).waitFor();
  // No roadmap yet: the team can do the (empty) plan, said plainly, and no hire is shown.
  const sourcing = page.getByTestId('sourcing-summary');
  assert.match(await sourcing.innerText(), /^Your team can do the planned work; nothing to buy now\./);
  assert.equal(await page.getByRole('table', { name: /Hire, partner or freelance/ }).count(), 0);
  const need = 6;
  const salary = 7000;
  const recruiting = 5000;
  const monthsToHire = 3;
  const ramp = 2;
  const dayRate = 500;
  await page.getByLabel('Person-weeks a month needed').fill(String(need));
  await page.getByLabel('Monthly salary of one engineer').fill('$7,000');
  await page.getByLabel('Recruiting cost per engineer').fill('5000');
  await page.getByLabel('Months to hire').fill(String(monthsToHire));
  await page.getByLabel('Months to ramp up').fill(String(ramp));
  await page.getByLabel('Freelancer day rate').fill(String(dayRate));
  // By hand: a full-time engineer gives 52/12 person-weeks a month.
  const engineers = Math.ceil(need / (52 / 12)); // 2
  const hireMonthly = salary * engineers; // 14,000
  const hireOnce = recruiting * engineers; // 10,000
  const freelanceMonthly = need * 5 * dayRate; // 15,000
  const partnerMonthly = 8000; // Bolt Labs, the best-ranked and cheapest partner
  const table = page.getByRole('table', { name: /Hire, partner or freelance/ });
  const row = (name) => table.getByRole('row', { name });
  await row(/^Hire 2 engineers/).filter({ hasText: `${amount(hireMonthly)} a month` }).waitFor();
  const hireRow = await row(/^Hire 2 engineers/).innerText();
  assert.match(hireRow, new RegExp(`^Hire ${engineers} engineers \\(8\\.7 person-weeks a month\\)`));
  assert.match(hireRow, new RegExp(`${amount(hireOnce)}\\s+${monthsToHire} months\\s+${monthsToHire + ramp} months`));
  assert.match(await row(/^Partner firm: Bolt Labs/).innerText(), new RegExp(`${amount(partnerMonthly)} a month`));
  // Every priced partner is compared, each with its own price, not only the leader.
  assert.match(await row(/^Partner firm: Acme Dev/).innerText(), /12,000 a month/);
  assert.match(await row(/^Freelancers/).innerText(), new RegExp(`^Freelancers \\(30 days a month\\)\\s+${amount(freelanceMonthly)} a month`));
  assert.match(await sourcing.innerText(),
    new RegExp(`^For 6 person-weeks a month, the partner firm Bolt Labs costs least now \\(${amount(partnerMonthly)} a month\\)\\. Hiring 2 engineers would cost ${amount(hireMonthly)} a month and start in 3 months, so it does not become cheaper\\.$`));

  // A typed quote above the freelancers: freelancers cost least now, and the hire (1,000 a month
  // cheaper) repays its 10,000 of recruiting 10 months after full speed at 5: 15 months.
  await page.getByLabel(/^Partner firm's quote per month/).fill('20,000');
  const after = monthsToHire + ramp + Math.ceil(hireOnce / (freelanceMonthly - hireMonthly));
  await sourcing.filter({ hasText: /^For 6 person-weeks a month, freelancers cost least now/ }).waitFor();
  assert.equal(await sourcing.innerText(),
    `For 6 person-weeks a month, freelancers cost least now (${amount(freelanceMonthly)} a month). `
    + `Hiring 2 engineers costs ${amount(hireMonthly)} a month and is the cheapest after ${after} months, but they start in 3 months.`);
  assert.match(await row(/^Partner firm \(your quote\)/).innerText(), /20,000 a month/);

  // The assumptions are saved with the assessment; the what-if figures are not.
  await waitSaved(page);
  await page.reload();
  await page.getByRole('heading', { level: 3, name: 'Hire, partner or freelance' }).waitFor();
  assert.equal(await page.getByLabel('Monthly salary of one engineer').inputValue(), '7,000');
  assert.equal(await page.getByLabel('Person-weeks a month needed').inputValue(), '');
  await s.close?.();
});
