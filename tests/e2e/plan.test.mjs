// Journeys of the roadmap, budget, team and risks issue: the demo's roadmap suggested from its
// gaps with one timeline bar per initiative; a dependency cycle refused with nothing changed;
// budget, team and risk edits kept across reload and export; every new page free of axe
// violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startApp, openPage, storedAssessments, storageSnapshot, axeViolations, waitSaved, newAssessment,
  exportClearImport,
} from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const section = (page, name) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true }).click();

/** Bars in the timeline SVG: rectangles of a bar's height filled with a status colour. */
async function timelineBars(page) {
  return page.locator('[data-testid="roadmap-timeline"] svg').evaluate((svg) => {
    const fills = new Set(['#93C5FD', '#2563EB', '#94A3B8', '#F1F5F9']);
    return [...svg.querySelectorAll('rect')].filter((r) => {
      const fill = (r.getAttribute('fill') || '').toUpperCase();
      return fills.has(fill) && Number(r.getAttribute('height')) === 14;
    }).length;
  });
}

const datedShown = (a) => a.initiatives.filter((i) => i.start && i.status !== 'dropped').length;

test('the demo roadmap: suggest from gaps, accept all, one bar per dated initiative; schedule says what moved', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'Open demo' }).click();
  await waitSaved(page);
  await section(page, 'Roadmap');
  await page.getByRole('heading', { level: 2, name: 'Roadmap' }).waitFor();
  await page.getByTestId('initiative-row').first().waitFor();
  let demo = (await storedAssessments(page))[0];
  assert.ok(demo.initiatives.length >= 30, `${demo.initiatives.length} initiatives`);
  assert.equal(await page.getByTestId('initiative-row').count(), demo.initiatives.length);
  assert.equal(await timelineBars(page), datedShown(demo));
  // The demo's deliberate conflict is listed in words.
  await page.getByRole('heading', { name: '⚠ Dependency conflicts' }).waitFor();

  await page.getByRole('button', { name: 'Suggest from gaps' }).click();
  const acceptAll = page.getByRole('button', { name: /^Accept all \d+ suggestions$/ });
  await acceptAll.waitFor();
  const offered = Number((await acceptAll.innerText()).match(/\d+/)[0]);
  assert.ok(offered > 0);
  // Steps the demo already has on its roadmap are not offered again.
  const taken = new Set(demo.initiatives.map((i) => i.suggested_from).filter(Boolean));
  assert.ok(taken.size > 0);
  const before = demo.initiatives.length;
  await acceptAll.click();
  await page.getByText(`${offered} initiatives added to the roadmap and scheduled.`).waitFor();
  await waitSaved(page);
  demo = (await storedAssessments(page))[0];
  assert.equal(demo.initiatives.length, before + offered);
  const added = demo.initiatives.slice(before);
  assert.ok(added.every((i) => i.start && i.suggested_from && !taken.has(i.suggested_from)));
  assert.equal(await page.getByTestId('initiative-row').count(), demo.initiatives.length);
  assert.equal(await timelineBars(page), datedShown(demo));

  // Grouped by horizon: the same bars, now under Now / Next / Later.
  await page.getByLabel('Group by').selectOption('horizon');
  await page.getByRole('rowheader', { name: /^Now \(next 3 months\)/ }).waitFor();
  assert.equal(await timelineBars(page), datedShown(demo));

  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await page.getByTestId('schedule-result').waitFor();
  assert.match(await page.getByTestId('schedule-result').innerText(), /Schedule (moved \d+ initiatives?|: nothing (needed to move|was moved))/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
});

/** The priority each suggestion card states ("Priority 4.2."), in the order shown. */
const cardPriorities = (cards) => cards.evaluateAll(
  (items) => items.map((li) => Number(li.textContent.match(/Priority (\d+(?:\.\d+)?)/)[1])));

test('suggestions come five at a time by priority, and an accepted one stays in place, marked, with its link', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'Open demo' }).click();
  await waitSaved(page);
  await section(page, 'Roadmap');
  await page.getByRole('button', { name: 'Suggest from gaps' }).click();
  const list = page.getByRole('list', { name: 'Suggestions' });
  const cards = list.getByRole('listitem');
  const acceptAll = page.getByRole('button', { name: /^Accept all \d+ suggestions$/ });
  await acceptAll.waitFor();
  const offered = Number((await acceptAll.innerText()).match(/\d+/)[0]);
  assert.ok(offered > 5, `${offered} suggestions: too few to page`);
  assert.equal(await cards.count(), 5);
  const pager = page.getByTestId('suggestions-page');
  assert.equal(await pager.innerText(), `Steps 1 to 5 of ${offered}, largest priority first`);
  // Largest priority first, within the page.
  const priorities = await cardPriorities(cards);
  assert.ok(priorities.every(Number.isFinite), `${priorities}`);
  assert.deepEqual([...priorities].sort((a, b) => b - a), priorities);
  assert.ok(await page.getByRole('button', { name: '← Previous 5' }).isDisabled());

  const first = cards.first();
  const title = await first.getByLabel('Initiative').inputValue();
  let demo = (await storedAssessments(page))[0];
  const before = demo.initiatives.length;
  await first.getByRole('button', { name: 'Accept', exact: true }).click();
  await waitSaved(page);
  demo = (await storedAssessments(page))[0];
  assert.equal(demo.initiatives.length, before + 1);
  const stored = demo.initiatives[before];
  assert.equal(stored.title, title);
  // Still first on the page, marked, with a link to the initiative it became.
  assert.equal(await cards.count(), 5);
  assert.equal(await cards.first().getByLabel('Initiative').inputValue(), title);
  await cards.first().getByTestId('suggestion-added').waitFor();
  assert.equal(await cards.first().getByRole('link', { name: 'Open it' }).getAttribute('href'),
    `/a/${demo.id}/roadmap/${stored.id}`);
  await page.getByRole('button', { name: `Accept all ${offered - 1} suggestions` }).waitFor();

  await page.getByRole('button', { name: 'Next 5 →' }).click();
  assert.equal(await pager.innerText(), `Steps 6 to ${Math.min(10, offered)} of ${offered}, largest priority first`);
  const next = await cardPriorities(cards);
  assert.ok(Math.max(...next) <= Math.min(...priorities), `${next} after ${priorities}`);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
});

test('a dependency cycle is refused with the cycle named and nothing changes; plan edits survive reload and export', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Cycle Co', 'seed');
  await section(page, 'Roadmap');
  await page.getByText('No initiatives yet').waitFor();
  for (const title of ['Alpha', 'Beta']) {
    await page.getByRole('button', { name: 'Add initiative' }).click();
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
    if (title === 'Beta') {
      await page.getByLabel('Waits for').selectOption({ label: 'Alpha' });
      await page.getByRole('button', { name: 'Add dependency' }).click();
      await page.getByTestId('dependencies').getByRole('link', { name: 'Alpha' }).waitFor();
    }
    await page.getByRole('link', { name: '← Roadmap' }).click();
  }
  await waitSaved(page);
  await page.getByRole('link', { name: 'Alpha', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Alpha' }).waitFor();
  const before = await storageSnapshot(page);
  await page.getByLabel('Waits for').selectOption({ label: 'Beta' });
  await page.getByRole('button', { name: 'Add dependency' }).click();
  await page.getByRole('alert').filter({ hasText: 'Not added: this would make a cycle' }).waitFor();
  assert.match(await page.locator('#dependency-message').innerText(), /“Alpha” → “Beta” → “Alpha”/);
  assert.equal(await page.getByTestId('dependencies').getByRole('listitem').count(), 0);
  assert.deepEqual(await storageSnapshot(page), before, 'a refused dependency changes nothing');

  // Budget: an agreed amount; Team: a person; Risks: a risk.
  await section(page, 'Budget');
  const budgetBox = page.getByLabel(/^Budget for People in \d{4}-Q[1-4]$/).first();
  await budgetBox.fill('45,000');
  await section(page, 'Team');
  await page.getByRole('button', { name: /^Add person$/ }).click();
  await page.getByLabel('Name', { exact: true }).first().fill('Ana Costa');
  await section(page, 'Risks');
  await page.getByRole('button', { name: 'Add risk' }).click();
  await page.getByLabel('Risk title').first().fill('Key engineer leaves');
  await page.getByLabel('Likelihood', { exact: true }).first().selectOption('4');
  await waitSaved(page);
  assert.deepEqual(await axeViolations(page), []);

  const stored = (await storedAssessments(page))[0];
  assert.deepEqual(stored.initiatives.map((i) => i.title), ['Alpha', 'Beta']);
  assert.deepEqual(stored.initiatives[1].depends_on, [stored.initiatives[0].id]);
  assert.deepEqual(stored.initiatives[0].depends_on, []);
  assert.equal(stored.budget.quarters.length, 1);
  assert.equal(stored.budget.quarters[0].people, 45000);
  assert.equal(stored.team.people[0].name, 'Ana Costa');
  assert.equal(stored.risks[0].title, 'Key engineer leaves');
  assert.equal(stored.risks[0].likelihood, 4);

  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Risks' }).waitFor();
  assert.deepEqual((await storedAssessments(page))[0], stored);
  await exportClearImport(page, app.url, 'Cycle Co');
  assert.deepEqual((await storedAssessments(page))[0], stored);
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('the demo plan pages: budget over-budget flag, team gaps and unaccountable role, risk heat map; no axe violations', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'Open demo' }).click();
  await waitSaved(page);
  const demo = (await storedAssessments(page))[0];

  await section(page, 'Budget');
  await page.getByRole('table', { name: 'Planned spend and budget per quarter' }).waitFor();
  await page.getByText(/ over by .*; the quarter as a whole is /).first().waitFor();
  assert.deepEqual(await axeViolations(page), [], 'budget');

  await section(page, 'Team');
  await page.getByText('⚠ Nobody accountable').first().waitFor();
  assert.deepEqual(await axeViolations(page), [], 'team');

  await section(page, 'Risks');
  await page.getByRole('table', { name: 'Risks by likelihood and impact' }).waitFor();
  const cards = page.getByLabel('Risk title');
  assert.equal(await cards.count(), demo.risks.length);
  await page.getByText(/⚠ Review overdue by \d+ days?/).first().waitFor();
  assert.deepEqual(await axeViolations(page), [], 'risks');

  await section(page, 'Roadmap');
  await page.getByTestId('initiative-row').first().getByRole('link').click();
  await page.getByLabel('Effort (person-weeks)').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'initiative page');
  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
});

test('a suggested step with an outside cost says its effort plainly, and accepting it fills the cost and the ongoing effort', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'Open demo' }).click();
  await waitSaved(page);
  await section(page, 'Roadmap');
  await page.getByRole('button', { name: 'Suggest from gaps' }).click();
  const cards = page.getByRole('list', { name: 'Suggestions' }).getByRole('listitem');
  await cards.first().waitFor();
  // Page through the suggestions to the first card whose step has an outside cost.
  let card = null;
  for (let turn = 0; turn < 40 && !card; turn += 1) {
    const withCost = cards.filter({ has: page.getByTestId('suggestion-outside-cost') });
    if (await withCost.count()) { card = withCost.first(); break; }
    const next = page.getByRole('button', { name: 'Next 5 →' });
    if (await next.isDisabled()) break;
    await next.click();
  }
  assert.ok(card, 'the demo offers at least one step with an outside cost');
  const line = await card.getByTestId('suggestion-effort').innerText();
  const cost = line.match(/outside cost about €([\d,]+)–€([\d,]+) \(/);
  assert.ok(cost, `the effort line names the outside cost: ${line}`);
  const [low, high] = [cost[1], cost[2]].map((x) => Number(x.replaceAll(',', '')));
  const mid = (low + high) / 2;
  const note = await card.getByTestId('suggestion-outside-cost').innerText();
  assert.match(note, /^Outside cost filled in at the middle of the typical range, €[\d,.]+: replace it with your quote\.$/);
  const ongoing = line.match(/then ([\d.]+) person-weeks? a quarter/);

  const title = await card.getByLabel('Initiative').inputValue();
  await card.getByRole('button', { name: 'Accept', exact: true }).click();
  await waitSaved(page);
  const stored = (await storedAssessments(page))[0].initiatives.find((i) => i.title === title);
  assert.ok(stored, `"${title}" is on the roadmap`);
  assert.equal(stored.one_off_cost, mid, 'the one-off cost is the middle of the range, in the demo\'s euros');
  assert.equal(stored.recurring_weeks_per_quarter ?? 0, ongoing ? Number(ongoing[1]) : 0, 'the ongoing effort is kept');
  assert.deepEqual(s.problems, []);
  await s.close();
});
