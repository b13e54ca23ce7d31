// Journeys of the Foundation issue: first visit, create and reload, export and re-import,
// refusing a bad file, conflicts on import, list actions, deep links, autosave flush.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  startApp, openPage, storageSnapshot, storedAssessments, axeViolations, waitSaved, repoRoot,
  newAssessment, STORAGE_PREFIX,
} from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

async function exportWorkspace(page) {
  await page.goto(page.url().replace(/\/a\/.*$/, '/'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export workspace' }).click(),
  ]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(file, 'utf8') };
}

async function importText(page, name, text) {
  await page.locator('#import-file').setInputFiles({
    name, mimeType: 'application/json', buffer: Buffer.from(text),
  });
}

test('first visit: welcome, three ways in, no console errors, nothing leaves the origin, no axe violations', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /technology/i);
  for (const name of ['New assessment', 'Open demo']) {
    assert.equal(await page.getByRole('button', { name }).count(), 1, name);
  }
  assert.equal(await page.getByLabel('Import file').count(), 2, 'import in header and welcome');
  assert.deepEqual(await storageSnapshot(page), {}, 'nothing is written before the user acts');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
});

test('create an assessment, reload, it is still there', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Acme Robotics');
  await page.getByLabel('Stage').selectOption('series-a');
  await page.getByLabel('Team size (people)').fill('23');
  await waitSaved(page);
  const url = page.url();
  assert.match(url, /\/a\/[0-9a-f-]{36}\/profile$/);
  await page.reload();
  await page.getByLabel('Company name').waitFor();
  assert.equal(await page.getByLabel('Company name').inputValue(), 'Acme Robotics');
  assert.equal(await page.getByLabel('Stage').inputValue(), 'series-a');
  assert.equal(await page.getByLabel('Team size (people)').inputValue(), '23');
  const stored = await storedAssessments(page);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].profile.company_name, 'Acme Robotics');
  assert.equal(stored[0].profile.stage, 'series-a');
  assert.equal(stored[0].profile.team_size, 23);
  assert.deepEqual(await axeViolations(page), []);
  // The list shows it too.
  await page.getByRole('link', { name: 'All assessments' }).click();
  await page.getByRole('link', { name: 'Acme Robotics', exact: true }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('an invalid team size is shown, not saved and not dropped', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Typo Ltd');
  await page.getByLabel('Team size (people)').fill('twelve');
  await page.getByText('enter a whole number').waitFor();
  assert.equal(await page.getByLabel('Team size (people)').inputValue(), 'twelve');
  assert.equal(await page.getByLabel('Team size (people)').getAttribute('aria-invalid'), 'true');
  await waitSaved(page);
  assert.equal((await storedAssessments(page))[0].profile.team_size, null);
  await s.close();
});

test('export the workspace, clear storage, import the download: the workspace is identical', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'Open demo' }).click();
  await page.getByRole('heading', { name: /Harbourline/ }).waitFor();
  await page.getByRole('link', { name: 'All assessments' }).click();
  await newAssessment(page, '数据 Analytics <b>bold</b>');
  await page.getByLabel('Mission').fill('Line one\nLine two "quoted"');
  await waitSaved(page);
  const before = await storageSnapshot(page);
  const records = Object.keys(before).filter((k) => !k.startsWith(`${STORAGE_PREFIX}part/`));
  assert.equal(records.length, 4, 'index, export log and two assessments');
  assert.ok(Object.keys(before).some((k) => /\/part\/[^/]+\/kpis\//.test(k)), 'the demo\'s KPIs stored apart');
  const assessmentsBefore = await storedAssessments(page);

  const { name, text } = await exportWorkspace(page);
  assert.match(name, /^cto-workbench-workspace-\d{4}-\d{2}-\d{2}\.cto\.json$/);
  const file = JSON.parse(text);
  assert.equal(file.format, 'cto-workbench');
  assert.equal(file.kind, 'workspace');
  assert.equal(file.assessments.length, 2);
  // The published JSON Schema accepts what the app writes.
  const schema = JSON.parse(await readFile(path.join(repoRoot, 'docs/schema.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  const valid = ajv.validate(schema, file);
  assert.ok(valid, JSON.stringify(ajv.errors));

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('button', { name: 'Open demo' }).waitFor();
  assert.deepEqual(await storageSnapshot(page), {});

  await importText(page, name, text);
  await page.getByText(`Imported 2 assessments from ${name}.`).waitFor();
  await waitSaved(page);
  // Each record's revision counts saves in this browser and starts again at 1; the content is
  // identical, as is the list order.
  assert.deepEqual(await storedAssessments(page), assessmentsBefore, 'identical after the round trip');
  assert.equal((await storageSnapshot(page))[`${STORAGE_PREFIX}index`], before[`${STORAGE_PREFIX}index`]);
  await page.getByRole('link', { name: /数据 Analytics/ }).waitFor();
  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
});

test('a bad file shows an error and leaves storage byte-identical', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Keep Me Inc');
  const before = await storageSnapshot(page);

  const bad = JSON.parse(await readFile(path.join(repoRoot, 'tests/fixtures/v1.json'), 'utf8'));
  bad.assessments[0].profile.stage = 'series Z';
  await importText(page, 'bad.json', JSON.stringify(bad));
  const dialog = page.getByRole('alertdialog', { name: 'Could not import bad.json' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /assessments\[0\]\.profile\.stage: unknown value "series Z"/);
  assert.match(await dialog.innerText(), /Nothing in your workspace was changed/);
  assert.deepEqual(await axeViolations(page), []);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });

  await importText(page, 'notes.json', '{ this is not json');
  await page.getByRole('alertdialog', { name: 'Could not import notes.json' }).getByText(/not valid JSON \(line 1/).waitFor();
  await page.keyboard.press('Escape');

  const future = { ...bad, schema_version: 99 };
  await importText(page, 'future.json', JSON.stringify(future));
  await page.getByText(/made by a newer version of CTO Workbench/).waitFor();
  await page.keyboard.press('Escape');

  assert.deepEqual(await storageSnapshot(page), before);
  assert.equal(await page.getByRole('alertdialog').count(), 0);
  // An error printed by the app for a bad file is expected output, not a console error.
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('importing an assessment that is already here asks: keep both, or replace', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Original Co');
  const [mine] = await storedAssessments(page);
  const theirs = { ...mine, name: 'Reviewed by consultant', profile: { ...mine.profile, industry: 'Reviewed' } };
  const file = JSON.stringify({
    format: 'cto-workbench', schema_version: 1, app_version: 'test',
    exported_at: '2026-11-20T10:00:00Z', kind: 'assessment', assessments: [theirs],
  });

  await importText(page, 'review.cto.json', file);
  let dialog = page.getByRole('dialog', { name: 'Already in this browser' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await storedAssessments(page)).length, 1, 'cancel changes nothing');

  await importText(page, 'review.cto.json', file);
  dialog = page.getByRole('dialog', { name: 'Already in this browser' });
  await dialog.getByLabel(/Keep both/).check();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await waitSaved(page);
  let stored = await storedAssessments(page);
  assert.equal(stored.length, 2);
  assert.ok(stored.some((a) => a.id === mine.id && a.profile.industry === ''));
  assert.ok(stored.some((a) => a.id !== mine.id && a.name === 'Reviewed by consultant (imported)'));

  await importText(page, 'review.cto.json', file);
  dialog = page.getByRole('dialog', { name: 'Already in this browser' });
  await dialog.getByLabel(/Replace mine/).check();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await page.getByRole('heading', { level: 1, name: 'Reviewed by consultant' }).waitFor();
  await waitSaved(page);
  stored = await storedAssessments(page);
  assert.equal(stored.length, 2);
  assert.equal(stored.find((a) => a.id === mine.id).profile.industry, 'Reviewed');
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('drag and drop a file imports it', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  const text = await readFile(path.join(repoRoot, 'tests/fixtures/v1.json'), 'utf8');
  const dt = await page.evaluateHandle((content) => {
    const d = new DataTransfer();
    d.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
    return d;
  }, text);
  await page.dispatchEvent('main', 'dragover', { dataTransfer: dt });
  await page.getByText('Drop a CTO Workbench file to import it').waitFor();
  await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
  await page.getByText('Imported 2 assessments from dropped.json.').waitFor();
  await waitSaved(page);
  assert.equal((await storedAssessments(page)).length, 2);
  await s.close();
});

test('rename, duplicate, delete with confirmation, and undo', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Listy');
  await page.getByRole('link', { name: 'All assessments' }).click();

  await page.getByRole('button', { name: 'Rename Listy' }).click();
  await page.getByLabel('New name').fill('Q4 review');
  await page.getByLabel('New name').press('Enter');
  await page.getByRole('link', { name: 'Q4 review' }).waitFor();

  await page.getByRole('button', { name: 'Duplicate Q4 review' }).click();
  await page.getByRole('link', { name: 'Q4 review (copy)' }).waitFor();
  await waitSaved(page);
  assert.deepEqual((await storedAssessments(page)).map((a) => a.name), ['Q4 review (copy)', 'Q4 review']);

  await page.getByRole('button', { name: 'Delete Q4 review (copy)' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete “Q4 review (copy)”?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await storedAssessments(page)).length, 2, 'cancel keeps it');

  await page.getByRole('button', { name: 'Delete Q4 review (copy)' }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await page.getByText('Deleted “Q4 review (copy)”.').waitFor();
  await waitSaved(page);
  assert.deepEqual((await storedAssessments(page)).map((a) => a.name), ['Q4 review']);

  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByText('Restored “Q4 review (copy)”.').waitFor();
  await waitSaved(page);
  assert.deepEqual((await storedAssessments(page)).map((a) => a.name), ['Q4 review (copy)', 'Q4 review']);
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('each section has a URL that survives reload and the back button', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'Open demo' }).click();
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  const overview = page.url();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Profile', exact: true }).click();
  await page.getByRole('heading', { name: 'Company profile' }).waitFor();
  assert.match(page.url(), /\/profile$/);
  await page.reload();
  await page.getByRole('heading', { name: 'Company profile' }).waitFor();
  assert.equal(await page.getByLabel('Company name').inputValue(), 'Harbourline Logistics');
  await page.goBack();
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  assert.equal(page.url(), overview);
  await page.goto(`${s.page.url().split('/a/')[0]}/a/00000000-0000-4000-8000-000000000000/profile`);
  await page.getByRole('heading', { name: 'Assessment not found' }).waitFor();
  await page.goto(`${app.url}/no/such/page`);
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('an edit made just before leaving the page is saved', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Quick Exit');
  await page.getByLabel('Vision').fill('Typed a moment before closing');
  // No wait for the debounce: the pagehide flush must catch it.
  await page.reload();
  await page.getByLabel('Vision').waitFor();
  assert.equal(await page.getByLabel('Vision').inputValue(), 'Typed a moment before closing');
  await s.close();
});
