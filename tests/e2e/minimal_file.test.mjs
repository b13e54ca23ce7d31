// A file another tool writes from docs/format.md alone (#21 item 5): only the envelope's format,
// version and list, and each assessment's name (and here one answer). It imports, its stage is
// "unknown", and every place that shows targets says they are a seed-stage company's until the
// founder sets the stage in the Profile, which offers "Not set".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, waitSaved, storedAssessments, axeViolations } from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const file = JSON.stringify({
  format: 'cto-workbench',
  schema_version: 8,
  assessments: [{ name: 'Kestrel from a spreadsheet', answers: { 'security.access-control': { current: 2.0 } } }],
});

test('a file with a name only imports; the stage is "Not set" and targets are said to be seed-stage ones', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'New assessment' }).first().waitFor();
  await page.locator('#import-file').setInputFiles({ name: 'minimal.cto.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByText('Imported 1 assessment from minimal.cto.json.').waitFor();
  await waitSaved(page);

  let [stored] = await storedAssessments(page);
  assert.equal(stored.name, 'Kestrel from a spreadsheet');
  assert.equal(stored.profile.stage, 'unknown');
  assert.equal(stored.answers['security.access-control'].current, 2, '2.0 read as the whole number 2');
  assert.equal(stored.answers['security.access-control'].notes, '');
  assert.match(stored.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('link', { name: 'Overview', exact: true }).click();
  await page.getByText(/For a company whose stage is not set \(compared with a seed-stage company\)/).first().waitFor();

  await sections.getByRole('link', { name: 'Profile', exact: true }).click();
  const stage = page.getByLabel('Stage');
  assert.equal(await stage.inputValue(), 'unknown');
  assert.equal((await stage.locator('option:checked').innerText()).trim(), 'Not set');
  const hint = page.locator('#stage-unknown');
  assert.match(await hint.innerText(), /stage is not set, so targets are those of a seed-stage company/);
  assert.deepEqual(await axeViolations(page), []);

  const id = stored.id;
  await page.goto(`${app.url}/a/${id}/assessment/security`);
  const seedDefault = page.locator('option', { hasText: 'Seed-stage default (stage not set):' });
  await seedDefault.first().waitFor({ state: 'attached' });
  assert.ok((await seedDefault.count()) > 0);

  // Setting the stage ends the fallback: the hint goes, and the file would now say "series-a".
  await sections.getByRole('link', { name: 'Profile', exact: true }).click();
  await page.getByLabel('Stage').selectOption('series-a');
  await waitSaved(page);
  assert.equal(await page.locator('#stage-unknown').count(), 0);
  [stored] = await storedAssessments(page);
  assert.equal(stored.profile.stage, 'series-a');
  // And "Not set" can be chosen again.
  await page.getByLabel('Stage').selectOption('unknown');
  await waitSaved(page);
  [stored] = await storedAssessments(page);
  assert.equal(stored.profile.stage, 'unknown');
  await page.locator('#stage-unknown').waitFor();

  // The same file again is recognised as the same assessment (its id is derived from its content).
  await page.goto(app.url + '/');
  await page.locator('#import-file').setInputFiles({ name: 'minimal.cto.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByText(/already/i).first().waitFor();

  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
});
