// Journeys of the goals and KPIs issue: a KPI with five measurements and a target, its plot and
// status; pasted CSV with a bad line; SMART marks on a goal; reload and export keep everything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startApp, openPage, storedAssessments, storageSnapshot, axeViolations, waitSaved, newAssessment, exportClearImport,
} from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

test('a KPI with five measurements: plot with target, status, CSV paste with a bad line; reload and export keep it', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Metric Co', 'seed');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Goals & KPIs' }).click();
  await page.getByText('No KPIs yet').waitFor();
  await page.getByLabel('New KPI').selectOption('dora.lead-time');
  await page.getByRole('button', { name: 'Add KPI' }).click();
  await page.getByRole('heading', { level: 2, name: /Lead time/ }).waitFor();

  // Target: 24 hours on 2027-06-30.
  await page.getByRole('group', { name: 'Target' }).getByLabel('Value').fill('24');
  await page.getByRole('group', { name: 'Target' }).getByLabel('Date').fill('2027-06-30');
  for (const [date, value] of [['2026-01-31', '120'], ['2026-03-31', '100'], ['2026-05-31', '80'], ['2026-07-31', '70'], ['2026-09-30', '55']]) {
    await page.getByLabel('Measurement date').fill(date);
    await page.getByLabel(/^Value \(hours\)/).fill(value);
    await page.getByRole('button', { name: 'Add measurement' }).click();
  }
  await page.getByRole('table', { name: '5 measurements' }).waitFor();
  const svg = await page.locator('.chart-svg').first().innerHTML();
  assert.match(svg, /Target 24/);
  assert.match(svg, /Elite/, 'DORA bands are drawn');
  assert.match(await page.getByTestId('kpi-status').innerText(), /(On track|At risk|Off track)/);
  assert.match(await page.getByText(/Our cut-offs for/).innerText(), /20\d\d figures/);
  // Latest 55 hours sits in the 2024 "High" band (24 to 168 hours); 2021 puts it in High too.
  assert.equal(await page.getByTestId('kpi-band').innerText(), 'Latest 55 hours: High band under our 2024 cut-offs.');
  await page.getByLabel(/Figures from the State of DevOps report of/).selectOption('2021');
  await page.getByTestId('kpi-band').filter({ hasText: 'under our 2021 cut-offs' }).waitFor();

  // CSV: one bad line reported, good lines kept.
  await page.getByLabel(/Paste measurements/).fill('date,value\n2026-10-31,50\n2026-13-01,48\n2026-11-30,45');
  await page.getByRole('button', { name: 'Add pasted lines' }).click();
  await page.getByRole('alert').filter({ hasText: 'Line 3' }).waitFor();
  assert.equal(await page.getByLabel(/Paste measurements/).inputValue(), '2026-13-01,48');
  await page.getByRole('table', { name: '7 measurements' }).waitFor();
  await waitSaved(page);
  assert.deepEqual(await axeViolations(page), []);

  const stored = (await storedAssessments(page))[0];
  assert.equal(stored.kpis.length, 1);
  assert.deepEqual(stored.kpis[0].measurements.map((m) => m.value), [120, 100, 80, 70, 55, 50, 45]);
  assert.deepEqual(stored.kpis[0].target, { date: '2027-06-30', value: 24 });

  await page.reload();
  await page.getByRole('table', { name: '7 measurements' }).waitFor();
  assert.deepEqual((await storedAssessments(page))[0], stored);

  await exportClearImport(page, app.url, 'Metric Co');
  assert.deepEqual((await storedAssessments(page))[0], stored);
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('a goal shows its SMART marks with reasons; the demo has at least eight KPIs on the dashboard', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'Open demo' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Goals & KPIs' }).click();
  await page.locator('.kpi-card').first().waitFor();
  assert.ok((await page.locator('.kpi-card').count()) >= 8);
  const firstGoal = page.locator('article.goal').first();
  const marks = firstGoal.locator('ul.smart').first();
  assert.equal(await marks.locator('li').count(), 5);
  assert.match(await marks.innerText(), /Specific/);
  // The goal with a key result that has no KPI is not fully specific.
  const second = page.locator('article.goal').nth(1).locator('ul.smart').first();
  assert.match(await second.innerText(), /✗ Specific/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('two tabs on the demo: a measurement added in one is shown live in the other (KPIs are stored apart from the record)', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const a = s.page;
  await a.getByRole('button', { name: 'Open demo' }).click();
  await a.getByRole('heading', { name: /Harbourline/ }).waitFor();
  await waitSaved(a);
  const demo = (await storedAssessments(a))[0];
  const kpi = demo.kpis.find((k) => k.measurements.length > 0);
  const partsBefore = Object.keys(await storageSnapshot(a)).filter((k) => k.includes(`/part/${demo.id}/kpis/`));
  assert.equal(partsBefore.length, 1, 'the demo\'s KPIs sit in one part key');

  const url = `${app.url}/a/${demo.id}/goals/kpi/${kpi.id}`;
  await a.goto(url);
  const b = await s.context.newPage();
  await b.goto(url);
  const count = kpi.measurements.length;
  await b.getByRole('table', { name: `${count} measurements` }).waitFor();

  await a.getByLabel('Measurement date').fill('2026-11-20');
  await a.getByLabel(/^Value \(/).fill('42');
  await a.getByRole('button', { name: 'Add measurement' }).click();
  await waitSaved(a);
  // B had no edits of its own: it reads the new part and shows the measurement without a reload.
  await b.getByRole('table', { name: `${count + 1} measurements` }).waitFor();
  assert.equal(await b.getByTestId('recovery-screen').count(), 0);

  const after = await storageSnapshot(a);
  const partsAfter = Object.keys(after).filter((k) => k.includes(`/part/${demo.id}/kpis/`));
  assert.equal(partsAfter.length, 1, 'the replaced part is removed');
  assert.notEqual(partsAfter[0], partsBefore[0]);
  const stored = (await storedAssessments(a)).find((x) => x.id === demo.id);
  assert.ok(stored.kpis.find((k) => k.id === kpi.id).measurements.some((m) => m.value === 42 && m.date === '2026-11-20'));
  await s.close();
});
