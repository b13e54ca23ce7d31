// The founder's first sitting (#19): a new assessment, the profile at Seed, the quick pass only
// (the 16 key questions answered through the UI, area to area), then the plain verdict on the
// Overview, the Results and the report, marked as a quick read, with every number in it equal to
// the one in the results table. Also: switching to all questions and back loses nothing, the
// pass lives in the address and never in the stored data, and the times each pass takes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  startApp, openPage, storedAssessments, axeViolations, waitSaved, newAssessment, repoRoot,
} from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** The 16 areas of the English content, in order, with their key question. */
async function areas() {
  const dir = path.join(repoRoot, 'content/en/areas');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8'))));
}

/** "about N min" as the app rounds it: whole minutes under 20, else the nearest 5. */
function aboutMinutes(seconds) {
  const m = seconds / 60;
  if (m <= 0) return 0;
  return m < 19.5 ? Math.max(1, Math.round(m)) : Math.round(m / 5) * 5;
}

/** Seconds to read and answer a question: its words at 200 a minute plus 15 s to choose. */
function answerSeconds(q) {
  const words = (s) => s.split(/\s+/).filter(Boolean).length;
  const n = words(q.text) + words(q.help) + q.levels.reduce((sum, l) => sum + words(l), 0);
  return (n / 200) * 60 + 15;
}

// The level and confidence given to each area's key question, in area order.
const LEVELS = [2, 1, 3, 0, 2, 1, 2, 1, 2, 3, 0, 1, 2, 1, 2, 1];
const UNSURE = new Set([1, 3, 7, 10]);
const SURE = new Set([0, 2, 8]);

async function section(page, name) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true }).click();
}

/** The results table as { area: { counted, today, target, gap } }. */
async function resultsTable(page) {
  const rows = page.locator('table.scores tbody tr');
  const out = {};
  for (let i = 0; i < await rows.count(); i += 1) {
    const cells = await rows.nth(i).locator('th, td').allInnerTexts();
    out[cells[0]] = { counted: cells[1], today: cells[2], target: cells[3], gap: cells[4] };
  }
  return out;
}

test('a seed founder does the quick pass only and gets a plain verdict marked as a quick read', async () => {
  const content = await areas();
  const keys = content.map((a) => a.questions.find((q) => q.key_question));
  assert.equal(keys.filter(Boolean).length, 16, 'one key question per area in the content');
  const total = content.reduce((n, a) => n + a.questions.length, 0);
  const quickSeconds = keys.reduce((s, q) => s + answerSeconds(q), 0);
  const fullSeconds = content.flatMap((a) => a.questions).reduce((s, q) => s + answerSeconds(q), 0);

  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;

  // The welcome screen says how long each pass takes.
  const welcomeTimes = page.getByTestId('pass-times');
  assert.equal(aboutMinutes(quickSeconds), 18);
  await welcomeTimes.filter({ hasText: 'Quick pass: 16 key questions, about 18 min.' }).waitFor();
  assert.match(await welcomeTimes.innerText(),
    new RegExp(`Full assessment: ${total} questions, about ${aboutMinutes(fullSeconds)} min\\.`));

  // A new assessment, stage Seed in the profile.
  const id = await newAssessment(page, 'Seedling Ltd', 'seed');

  // The Assessment section offers the two ways through; the founder starts the quick pass.
  await section(page, 'Assessment');
  await page.getByTestId('quick-pass-time').filter({ hasText: 'Quick pass: 16 key questions, about 18 min.' }).waitFor();
  await page.getByRole('link', { name: 'Start the quick pass' }).click();

  for (let i = 0; i < 16; i += 1) {
    const area = content[i];
    await page.getByRole('heading', { level: 2, name: area.name }).waitFor();
    assert.match(page.url(), new RegExp(`/a/${id}/assessment/${area.id}\\?pass=quick$`));
    // Only the key question, its help open.
    const cards = page.locator('article.question');
    assert.equal(await cards.count(), 1, `${area.name}: one question in the quick pass`);
    const card = cards.first();
    assert.equal(await card.getByRole('heading', { level: 3 }).innerText(), keys[i].text);
    assert.ok(await card.locator('details.help').evaluate((d) => d.open), 'help shown');
    await page.getByTestId('quick-progress').filter({ hasText: `${i} of 16 key questions answered` }).waitFor();

    await card.getByRole('radio', { name: new RegExp(`^${LEVELS[i]} · `) }).check();
    if (UNSURE.has(i)) await card.getByLabel('Confidence').selectOption('low');
    if (SURE.has(i)) await card.getByLabel('Confidence').selectOption('high');
    await page.getByTestId('quick-progress').filter({ hasText: `${i + 1} of 16 key questions answered` }).waitFor();
    await card.locator('.question-status').filter({ hasText: `Answered: ${LEVELS[i]}` }).waitFor();

    if (i === 4) {
      // Switch to all questions and back: the answer is the same answer.
      await page.getByRole('link', { name: `Show all ${area.questions.length} questions in this area` }).click();
      await page.waitForURL(new RegExp(`/assessment/${area.id}$`));
      assert.equal(await page.locator('article.question').count(), area.questions.length);
      const keyCard = page.locator(`#q-${keys[i].id.replace('.', '-')}`);
      assert.ok(await keyCard.getByRole('radio', { name: new RegExp(`^${LEVELS[i]} · `) }).isChecked());
      await keyCard.getByText('Key question (quick pass)').waitFor();
      await page.getByRole('link', { name: 'Quick pass: show only the key question of each area' }).click();
      await page.waitForURL(/\?pass=quick$/);
      assert.ok(await page.locator('article.question').first()
        .getByRole('radio', { name: new RegExp(`^${LEVELS[i]} · `) }).isChecked());
    }
    if (i === 7) assert.deepEqual(await axeViolations(page), []);

    const pager = page.getByRole('navigation', { name: 'Other areas' });
    if (i < 15) {
      await pager.getByRole('link', { name: `Next key question: ${content[i + 1].name} →` }).click();
    } else {
      await pager.getByRole('link', { name: 'See your results →' }).click();
    }
  }

  // Stored: exactly the 16 key answers, and nothing about the pass (no format change).
  await waitSaved(page);
  const [stored] = await storedAssessments(page);
  assert.deepEqual(Object.keys(stored.answers).sort(), keys.map((q) => q.id).sort());
  keys.forEach((q, i) => {
    assert.equal(stored.answers[q.id].current, LEVELS[i], q.id);
    const confidence = UNSURE.has(i) ? 'low' : SURE.has(i) ? 'high' : null;
    assert.equal(stored.answers[q.id].confidence ?? null, confidence, q.id);
  });
  assert.equal(stored.profile.stage, 'seed');
  assert.ok(!JSON.stringify(stored).includes('quick'), 'the pass is not in the stored data');

  // Results: the verdict, marked as a quick read, with the table's numbers.
  await page.getByRole('heading', { level: 2, name: 'Results' }).waitFor();
  const verdict = page.getByTestId('verdict');
  await verdict.getByTestId('quick-read').filter({ hasText: `Quick read: 16 of ${total} questions` }).waitFor();
  const text = await verdict.getByTestId('verdict-text').innerText();
  const table = await resultsTable(page);
  assert.equal(Object.keys(table).length, 16);
  const above = Object.values(table).filter((r) => Number(r.gap) <= 0).length;
  const standing = text.match(/^For a seed-stage company you are at or above target in (\d+) of 16 areas and below in (\d+)\./);
  assert.ok(standing, text);
  assert.equal(Number(standing[1]), above, 'areas at or above target, as in the table');
  assert.equal(Number(standing[2]), 16 - above, 'areas below target, as in the table');
  assert.ok(above > 0 && above < 16, 'the answers put some areas on each side');
  const risk = text.match(/The area most at risk in a due diligence is (.+?): (\d\.\d) against a target of (\d\.\d)\./);
  assert.ok(risk, text);
  assert.equal(table[risk[1]].today, risk[2], 'today as in the table');
  assert.equal(table[risk[1]].target, risk[3], 'target as in the table');
  const firstGap = await page.locator('.gap-list li').first().innerText();
  assert.ok(firstGap.startsWith(risk[1]), `the largest ranked gap is the area named: ${firstGap}`);
  assert.ok(text.includes(`This rests on 16 of ${total} questions: a quick read.`), text);
  assert.ok(text.includes('You marked 4 of these answers with low confidence (unsure), 0 medium and 3 high, and left 9 unmarked.'), text);
  assert.ok(text.includes('Check the unsure ones first'), text);
  assert.match(await page.getByTestId('maturity-summary').innerText(), /from 16 answered questions in 16 of 16 areas/);
  assert.deepEqual(await axeViolations(page), []);

  // Overview: the same verdict, the quick read marked, and the time left of the full set.
  await section(page, 'Overview');
  const overview = page.getByTestId('verdict');
  await overview.getByTestId('quick-read').filter({ hasText: `Quick read: 16 of ${total} questions` }).waitFor();
  assert.equal(await overview.getByTestId('verdict-text').innerText(), text);
  const left = content.flatMap((a) => a.questions).filter((q) => !q.key_question)
    .reduce((sum, q) => sum + answerSeconds(q), 0);
  assert.match(await page.getByTestId('quick-pass-time').innerText(), /^Quick pass: all 16 key questions answered\./);
  const times = await page.getByTestId('full-pass-time').innerText();
  assert.ok(times.includes(
    `Full assessment: about ${aboutMinutes(left)} min left (${total - 16} of ${total} questions not yet answered).`,
  ), times);
  assert.deepEqual(await axeViolations(page), []);

  // The board report carries it too, with the same figures, in the third person for a board.
  await section(page, 'Report');
  const report = page.getByTestId('verdict');
  await report.getByTestId('quick-read').filter({ hasText: `Quick read: 16 of ${total} questions` }).waitFor();
  const board = await report.getByTestId('verdict-text').innerText();
  assert.ok(board.startsWith(
    `For a seed-stage company, Seedling Ltd is at or above target in ${standing[1]} of 16 areas and below in ${standing[2]}. ${risk[0]}`,
  ), board);
  assert.ok(board.includes(`This rests on 16 of ${total} questions: a quick read.`), board);
  assert.doesNotMatch(board, /\byou\b/i);

  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
});

test('with no answers the verdict says what to do, and the Chinese verdict reads in Chinese', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  const id = await newAssessment(page, 'Empty Co', 'series-a');
  await page.goto(`${app.url}/a/${id}/overview`);
  const verdict = page.getByTestId('verdict');
  await verdict.getByText(/^No verdict yet: no question is answered\. Start with the quick pass, 16 key questions in about 18 min, to see where you stand against the targets for a Series A company\.$/).waitFor();
  assert.equal(await verdict.getByTestId('quick-read').count(), 0, 'nothing to mark as a quick read');

  // One answer through the quick pass, then the page in Chinese.
  await page.getByRole('link', { name: 'Start the quick pass' }).click();
  await page.getByRole('heading', { level: 2, name: 'Business goals' }).waitFor();
  await page.locator('article.question').first().getByRole('radio', { name: /^1 · / }).check();
  await waitSaved(page);
  await page.goto(`${app.url}/a/${id}/results`);
  await page.getByTestId('quick-read').waitFor();
  await page.getByLabel('Language').selectOption('zh-Hans');
  await page.getByTestId('quick-read').filter({ hasText: '初步判断' }).waitFor();
  const zh = await page.getByTestId('verdict-text').innerText();
  assert.ok(zh.startsWith('以A轮公司的目标衡量'), zh);
  assert.ok(zh.includes('属于初步判断'), zh);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByLabel('语言').selectOption('en');
  await page.getByRole('link', { name: 'All assessments' }).waitFor();
  assert.deepEqual(s.problems, []);
  await s.close();
});
