// "Share as link" with care (#19, item 7): the dialog says what the link contains about people
// and money, leaves them out by default, shows the link's length and suggests the file for a long
// link. The link's data is decoded here, in Node, independently of the app's Rust code (raw
// DEFLATE in base64url, as docs/format.md "Share links" describes).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import zlib from 'node:zlib';
import { startApp, openPage, newAssessment, storedAssessments, waitSaved, axeViolations } from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** Where the app calls a link long and suggests the file (`share::LONG_LINK_CHARS`). */
const LONG_LINK_CHARS = 8000;
/** Fields that hold money wherever they appear in an assessment. */
const MONEY_KEYS = ['monthly_cost', 'one_off_cost', 'monthly_price'];

/** The assessment file inside a share link. */
function decodeLink(link) {
  const data = link.split('#share=')[1];
  assert.ok(data, `a share link: ${link.slice(0, 80)}`);
  return JSON.parse(zlib.inflateRawSync(Buffer.from(data, 'base64url')).toString('utf8'));
}

/** Every money field that holds a value, as paths, and every number anywhere. */
function moneyIn(value, path = '', found = { fields: [], numbers: [] }) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => moneyIn(v, `${path}[${i}]`, found));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (MONEY_KEYS.includes(k) && v !== null && v !== undefined) found.fields.push(`${path}.${k}`);
      moneyIn(v, `${path}.${k}`, found);
    }
  } else if (typeof value === 'number') {
    found.numbers.push(value);
  }
  return found;
}

/** "Link of 11,234 characters. …" → 11234. */
async function shownLength(dialog) {
  const text = await dialog.getByTestId('share-size').innerText();
  const m = text.match(/^Link of ([\d,]+) characters/);
  assert.ok(m, text);
  return Number(m[1].replaceAll(',', ''));
}

test('on the demo, the share dialog says what the link holds, leaves out names and salaries by default, and shows the length', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'Open demo' }).click();
  await page.getByRole('heading', { name: /Harbourline/ }).waitFor();
  await waitSaved(page);
  const [demo] = await storedAssessments(page);
  const people = demo.team.people;
  assert.ok(people.length >= 3, 'the demo has a team');
  const names = [...people.map((p) => p.name), ...demo.stakeholders.map((p) => p.name)];
  const salaries = people.map((p) => p.monthly_cost).filter((c) => typeof c === 'number');
  assert.equal(salaries.length, people.length, 'every demo person has a salary');
  const withCosts = demo.initiatives.filter((i) => i.one_off_cost !== null || i.monthly_cost !== null).length;

  await page.getByRole('button', { name: 'Share as link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share as link' });
  await dialog.waitFor();

  // What the link holds, counted from the assessment.
  const summary = await dialog.getByTestId('share-contents').innerText();
  assert.match(summary, new RegExp(`^This link contains ${people.length} people on the team by name, ${people.length} monthly salaries or fees,`));
  assert.match(summary, new RegExp(`\\b${withCosts} initiatives? with costs`));
  assert.match(summary, new RegExp(`\\b${demo.budget.running_costs.length} running costs?\\b`));

  // Leaving out is ticked by default.
  const leaveOut = dialog.getByLabel('Leave out people, salaries and costs');
  assert.equal(await leaveOut.isChecked(), true);
  const linkBox = dialog.getByLabel('Link to this assessment');
  const redacted = await linkBox.inputValue();
  assert.equal(await shownLength(dialog), redacted.length, 'the length shown is the link\'s');
  assert.equal(await dialog.getByTestId('share-long').count(), redacted.length > LONG_LINK_CHARS ? 1 : 0);
  assert.deepEqual(await axeViolations(page), []);

  const file = decodeLink(redacted);
  assert.equal(file.kind, 'assessment');
  const [a] = file.assessments;
  assert.equal(a.id, demo.id, 'the same assessment, so a reviewed copy merges back');
  const text = JSON.stringify(file);
  for (const name of names) assert.ok(!text.includes(name), `${name} is not in the link`);
  assert.deepEqual(a.team.people.map((p) => p.name), people.map((p) => p.role), 'names become roles');
  const left = moneyIn(a);
  assert.deepEqual(left.fields, [], 'no money field holds a value');
  for (const salary of salaries) assert.ok(!left.numbers.includes(salary), `salary ${salary} is not in the link`);
  assert.deepEqual(a.budget, { quarters: [], running_costs: [] });
  assert.ok(Object.values(a.costs).every((v) => v === null), JSON.stringify(a.costs));
  assert.deepEqual(a.answers, demo.answers, 'the answers travel');

  // Unticked: the whole assessment, salaries included, and a longer link.
  await leaveOut.uncheck();
  await page.waitForFunction(
    (before) => document.querySelector('#share-link')?.value !== before,
    redacted,
  );
  const full = await linkBox.inputValue();
  assert.equal(await shownLength(dialog), full.length);
  assert.ok(full.length > redacted.length, `${full.length} > ${redacted.length}`);
  const whole = decodeLink(full).assessments[0];
  assert.deepEqual(whole.team.people.map((p) => p.monthly_cost), salaries, 'the salaries are in the full link');
  assert.ok(JSON.stringify(whole).includes(people[0].name));

  // The demo's whole link is long: the dialog suggests the file, and its button exports it.
  assert.ok(full.length > LONG_LINK_CHARS, `the demo's link is ${full.length} characters`);
  const long = dialog.getByTestId('share-long');
  await long.waitFor();
  assert.match(await long.innerText(), /over 8,000 characters/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    long.getByRole('button', { name: 'Export the file instead' }).click(),
  ]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(exported.assessments[0].team.people.map((p) => p.monthly_cost), salaries);
  await dialog.waitFor({ state: 'detached' });

  // Opened again: leaving out is ticked again, whatever was chosen last time.
  await page.getByRole('button', { name: 'Share as link' }).click();
  assert.equal(await page.getByLabel('Leave out people, salaries and costs').isChecked(), true);
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('a new assessment with no people or money: the dialog says so and offers nothing to leave out', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Plain Co', 'seed');
  await page.getByRole('button', { name: 'Share as link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share as link' });
  await dialog.waitFor();
  assert.equal(
    await dialog.getByTestId('share-contents').innerText(),
    'This link contains no names of people and no money figures.',
  );
  assert.equal(await dialog.getByLabel('Leave out people, salaries and costs').count(), 0);
  const link = await dialog.getByLabel('Link to this assessment').inputValue();
  assert.equal(await shownLength(dialog), link.length);
  assert.ok(link.length < LONG_LINK_CHARS);
  assert.equal(await dialog.getByTestId('share-long').count(), 0);
  assert.deepEqual(s.problems, []);
  await s.close();
});
