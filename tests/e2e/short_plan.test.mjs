// The founder's short plan (#19): "Next 90 days" on the Overview lists the first five steps by
// priority, each with effort, cost (effort at the team's rate plus one-off) and owner, and one
// button puts the suggested steps on the roadmap, where they then show as accepted work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { startApp, openPage, storedAssessments, axeViolations, waitSaved, repoRoot } from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** A Series A company that answered every question of four areas at level 0, with a team of two. */
async function file() {
  const fixture = JSON.parse(await readFile(path.join(repoRoot, 'tests/fixtures/v7.json'), 'utf8'));
  const a = fixture.assessments[1];
  a.name = 'Short plan';
  a.profile.company_name = 'Rivet Labs';
  a.profile.stage = 'series-a';
  a.profile.currency = 'EUR';
  const dir = path.join(repoRoot, 'content/en/areas');
  const areas = await Promise.all((await readdir(dir)).filter((f) => f.endsWith('.json')).sort()
    .map(async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8'))));
  for (const area of areas.slice(0, 4)) {
    for (const q of area.questions) {
      a.answers[q.id] = { current: 0, target: null, not_applicable: null, confidence: null, notes: '', evidence: [] };
    }
  }
  // 9,000 a month at 60 % and 6,000 a month at 40 %: rate = 15,000 / (52/12 × 1.0).
  a.team.people = [
    { id: '0b7e3c52-4f1a-4d8e-9a36-7c5d2e1f0001', name: 'Dana', role: 'Lead', monthly_cost: 9000, roadmap_share: 60, skills: {} },
    { id: '0b7e3c52-4f1a-4d8e-9a36-7c5d2e1f0002', name: 'Sam', role: 'Engineer', monthly_cost: 6000, roadmap_share: 40, skills: {} },
  ];
  const out = { ...fixture, kind: 'assessment', assessments: [a] };
  delete out.content_sha256;
  return JSON.stringify(out);
}

/** The amount in a cell such as "€12,345" or "12,345 EUR", as a number. */
function amount(text) {
  return Number(text.replace(/[^0-9.]/g, ''));
}

test('the overview lists the next five steps with effort, cost and owner, and adds them to the roadmap', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'New assessment' }).first().waitFor();
  await page.locator('#import-file').setInputFiles({ name: 'plan.cto.json', mimeType: 'application/json', buffer: Buffer.from(await file()) });
  await page.getByText('Imported 1 assessment from plan.cto.json.').waitFor();
  // A file of one assessment opens it.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Overview', exact: true }).click();

  const section = page.locator('section[aria-labelledby="next-steps-title"]');
  await section.getByRole('heading', { name: 'Next 90 days' }).waitFor();
  const rows = section.locator('tbody tr');
  assert.equal(await rows.count(), 5);
  const rate = 15000 / ((52 / 12) * 1.0);
  let effortSum = 0;
  let costSum = 0;
  for (let i = 0; i < 5; i += 1) {
    const cells = await rows.nth(i).locator('th, td').allInnerTexts();
    assert.match(cells[0], /suggested/);
    const effort = Number(cells[2].match(/^([\d.]+) person-weeks?$/)[1]);
    // Suggestions carry no one-off cost, so the cost is the effort at the team's rate.
    assert.ok(Math.abs(amount(cells[3]) - effort * rate) < 1, `row ${i}: ${cells[3]} for ${effort} person-weeks`);
    assert.equal(cells[4], 'no owner yet');
    effortSum += effort;
    costSum += amount(cells[3]);
  }
  // The total row is the sum of the rows as shown: her plan's cost in people and money.
  const total = await section.getByTestId('next-steps-total').locator('th, td').allInnerTexts();
  assert.match(total[0], /^total$/i);
  assert.equal(Number(total[2].match(/^([\d.]+) person-weeks?$/)[1]), Math.round(effortSum * 100) / 100);
  assert.ok(Math.abs(amount(total[3]) - costSum) <= 5, `total ${total[3]} against the rows' ${costSum}`);
  await section.getByText(/Work is costed at .* per person-week\./).waitFor();
  assert.deepEqual(await axeViolations(page), []);

  await section.getByRole('button', { name: 'Add the 5 suggested steps to the roadmap' }).click();
  await page.getByText('Added 5 steps to the roadmap, dated after what is already planned.').waitFor();
  await waitSaved(page);
  const [stored] = await storedAssessments(page);
  assert.equal(stored.initiatives.length, 5);
  assert.ok(stored.initiatives.every((i) => i.start), 'each step is dated by the scheduler');
  // Accepted work comes first, linked to the roadmap; a step is never both on the roadmap and
  // suggested (work the scheduler dates after 90 days leaves room for the next suggestion).
  await section.locator('tbody tr').first().getByRole('link').waitFor();
  const stored_titles = stored.initiatives.map((i) => i.title);
  const linked = await section.locator('tbody th a').allInnerTexts();
  assert.ok(linked.length > 0);
  for (const title of linked) assert.ok(stored_titles.includes(title), title);
  const suggestedTitles = await section.locator('tbody th span').evaluateAll(
    (spans) => spans.filter((s) => s.querySelector('.badge')).map((s) => s.firstChild.textContent.trim()));
  for (const title of suggestedTitles) assert.ok(!stored_titles.includes(title), `suggested again: ${title}`);
  await s.close();
});
