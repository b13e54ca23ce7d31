// The consultant's portfolio (#20 item 1): six generated clients (and an earlier assessment of one
// of them) on one grid of the 16 areas. The cells show the levels of the data, sorting by
// maturity follows the indices, a tag set on a row filters, search narrows, a risk whose review
// date passes raises a flag (a client without a recent snapshot only a housekeeping one), a cell
// opens its area, and the CSV has a row per client and area.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { startApp, openPage, axeViolations, waitSaved, repoRoot } from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const DAY = 86_400_000;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

/** Client i's level in area j, or null when the area is left unanswered. */
function level(i, j) {
  return (i + j) % 7 === 0 ? null : (i * 3 + j) % 5;
}

/** The maturity index the app shows: the mean of the answered areas' levels, one decimal. */
function index(i, areas) {
  const levels = areas.map((_, j) => level(i, j)).filter((l) => l !== null);
  return (levels.reduce((a, b) => a + b, 0) / levels.length).toFixed(1);
}

async function areas() {
  const dir = path.join(repoRoot, 'content/en/areas');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8'))));
}

const NAMES = ['Anvil', 'Beacon', 'Cobalt', 'Delta', 'Ember', 'Fjord'];
const id = (n) => `0d5e7a10-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * A workspace file of six clients (levels by `level`), Cobalt reviewed with one area challenged
 * and one level changed, Delta with a risk reviewed far in the future, and an earlier
 * assessment of Anvil's company written differently ("  anvil labs ").
 */
async function workspaceFile(all) {
  const fixture = JSON.parse(await readFile(path.join(repoRoot, 'tests/fixtures/v7.json'), 'utf8'));
  const base = fixture.assessments[1];
  const now = Date.now();
  const make = (n, name, company, created) => {
    const a = structuredClone(base);
    Object.assign(a, { id: id(n), name, created_at: iso(created), updated_at: iso(created + n * 60_000) });
    a.profile.company_name = company;
    a.answers = {};
    a.risks = [];
    a.snapshots = [];
    return a;
  };
  const out = NAMES.map((name, i) => {
    const a = make(i + 1, `${name} review`, `${name} Labs`, now - 10 * DAY);
    a.profile.stage = i % 2 ? 'seed' : 'series-a';
    all.forEach((area, j) => {
      const l = level(i, j);
      if (l === null) return;
      for (const q of area.questions) {
        a.answers[q.id] = { current: l, target: null, not_applicable: null, confidence: null, notes: '', evidence: [] };
      }
    });
    return a;
  });
  // Cobalt: the reviewer challenges area 2 and rates its first question 4.
  out[2].review = {
    reviewer: 'Priya Nair',
    answers: { [all[1].questions[0].id]: { level: 4, comment: 'Seen it.' } },
    areas: { [all[1].id]: { status: 'challenged', comment: 'Optimistic.' } },
  };
  // Ember: begun 200 days ago and no snapshot since: housekeeping, not a reason for attention.
  out[4].created_at = iso(now - 200 * DAY);
  // Delta: one risk, its review due in the future.
  out[3].risks = [{
    id: '0d5e7a10-0000-4000-8000-0000000000aa', title: 'Single cloud account', description: '',
    category: 'technical', likelihood: 3, impact: 4, owner: 'CTO', mitigation: '', initiatives: [],
    status: 'open', next_review: '2099-01-01',
  }];
  const earlier = make(7, 'Anvil first look', '  anvil labs ', now - 300 * DAY);
  earlier.snapshots = [];
  out.push(earlier);
  const file = { ...fixture, kind: 'workspace', assessments: out };
  delete file.content_sha256;
  return JSON.stringify(file);
}

/** The client names of the grid's rows, top to bottom. */
function rowNames(page) {
  return page.locator('[data-testid=portfolio-grid] tbody tr th.pf-client > a').allInnerTexts();
}

test('the portfolio shows every client by area, sorts, filters, searches, flags and downloads', async () => {
  const all = await areas();
  assert.equal(all.length, 16);
  const s = await openPage(app);
  const { page } = s;
  await s.goto('/');
  await page.getByRole('button', { name: 'New assessment' }).first().waitFor();
  await page.locator('#import-file').setInputFiles({
    name: 'clients.cto.json', mimeType: 'application/json', buffer: Buffer.from(await workspaceFile(all)),
  });
  await page.getByText(/Imported 7 assessments from clients\.cto\.json\./).waitFor();
  await waitSaved(page);

  // Reached from the workspace page and from the header.
  await page.getByRole('link', { name: 'Portfolio of all clients' }).click();
  await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/portfolio');
  await page.getByRole('navigation', { name: /workspace/i }).getByRole('link', { name: 'Portfolio' }).waitFor();

  const grid = page.getByTestId('portfolio-grid');
  const rows = grid.locator('tbody tr');
  assert.equal(await rows.count(), 6, 'seven assessments, six companies');

  // Every cell holds the data's level with one decimal (or says why it is empty), and each
  // row the maturity index.
  for (let i = 0; i < 6; i += 1) {
    const row = grid.locator(`tbody tr[data-id="${id(i + 1)}"]`);
    const cells = await row.locator('td.pf-cell a').evaluateAll((as) => as.map((a) => ({
      text: a.textContent.trim(), label: a.getAttribute('aria-label'), href: a.getAttribute('href'),
    })));
    assert.equal(cells.length, 16);
    cells.forEach((c, j) => {
      const l = level(i, j);
      assert.equal(c.href, `/a/${id(i + 1)}/assessment/${all[j].id}`);
      if (l === null) {
        assert.equal(c.text, '·');
        assert.match(c.label, /not answered/, `${NAMES[i]} area ${j + 1}`);
      } else {
        assert.equal(c.text, `${l}.0`, `${NAMES[i]} area ${j + 1}`);
        assert.match(c.label, new RegExp(`^${escape(all[j].name)}: ${l}\\.0 \\(self-assessed\\)$`));
      }
    });
    assert.equal(await row.getByTestId('pf-index').innerText(), index(i, all), `${NAMES[i]} index`);
  }

  // The default order is by company (the assessment's name is not how a consultant knows them).
  assert.deepEqual(await rowNames(page), NAMES.map((n) => `${n} review`));
  // The sentence says who needs attention, by company: Cobalt, for its challenged area. Ember,
  // begun 200 days ago with no snapshot, has a housekeeping flag: shown in its row, marked, but
  // not counted as needing attention.
  const headline = page.getByTestId('portfolio-headline');
  assert.equal(await headline.innerText(),
    '1 of 6 clients need attention: Cobalt Labs (1 challenged area). Open a flag to go to the page that deals with it; housekeeping (exports, snapshots) is listed in each row but not counted here.');
  const ember = grid.locator(`tbody tr[data-id="${id(5)}"]`);
  assert.equal(await ember.locator('[data-flag="no-recent-snapshot"]').innerText(), 'no snapshot in 200 days (housekeeping)');
  assert.equal(await ember.locator('td.pf-flag-cell').getAttribute('data-flags'), '0');
  assert.equal(await grid.locator('thead th').nth(1).textContent(), 'Maturity (self-assessed, 0 to 4)');
  assert.deepEqual(await axeViolations(page), []);

  // The reviewed view: Cobalt's area 2 has the reviewer's 4 on its first question; clients
  // never reviewed show "—", not their own.
  await page.getByLabel(/Reviewed \(the reviewers/).check();
  await grid.locator('thead th', { hasText: 'Maturity (reviewed, 0 to 4)' }).waitFor();
  const cobalt = grid.locator(`tbody tr[data-id="${id(3)}"]`);
  const reviewedCells = await cobalt.locator('td.pf-cell a').allInnerTexts();
  const n2 = all[1].questions.length;
  const l2 = level(2, 1);
  assert.equal(reviewedCells[1], ((4 + l2 * (n2 - 1)) / n2).toFixed(1));
  assert.equal(reviewedCells[0], '·', 'not reviewed');
  // Its reviewed index is the board report's: the reviewer's level where given, its own
  // levels in the areas nobody reviewed.
  const reviewedArea = (4 + l2 * (n2 - 1)) / n2;
  const mixed = all.map((_, j) => (j === 1 ? reviewedArea : level(2, j))).filter((l) => l !== null);
  assert.equal(await cobalt.getByTestId('pf-index').innerText(), (mixed.reduce((a, b) => a + b, 0) / mixed.length).toFixed(1));
  for (const n of [1, 2, 4, 5, 6]) {
    assert.equal(await grid.locator(`tbody tr[data-id="${id(n)}"]`).getByTestId('pf-index').innerText(), '—', NAMES[n - 1]);
  }
  assert.equal(await cobalt.locator('td.pf-review').innerText(), 'In review: 1 of 16 areas');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByLabel(/Self-assessed \(the founder/).check();

  // History: Anvil's row holds its earlier assessment.
  const anvil = grid.locator(`tbody tr[data-id="${id(1)}"]`);
  await anvil.getByText('1 earlier assessment of this company').click();
  await anvil.getByRole('link', { name: 'Anvil first look' }).waitFor();

  // Sort by maturity: lowest index first.
  await page.getByLabel('Sort by').selectOption('maturity');
  const byIndex = NAMES.map((n, i) => ({ n: `${n} review`, x: Number(index(i, all)) }))
    .sort((a, b) => a.x - b.x || a.n.localeCompare(b.n)).map((r) => r.n);
  assert.deepEqual(await rowNames(page), byIndex);
  await page.getByLabel('Reverse order').check();
  assert.deepEqual(await rowNames(page), [...byIndex].reverse());
  await page.getByLabel('Reverse order').uncheck();

  // A tag on two rows, kept in this browser under its own key; the tag filter shows those two.
  for (const n of [2, 5]) {
    const input = page.getByLabel(`Tag for ${NAMES[n - 1]} review`);
    await input.fill('retainer');
    await input.press('Enter');
    await page.waitForFunction((k) => localStorage.getItem(k) === 'retainer', `cto-workbench/portfolio/tag/${id(n)}`);
  }
  const stored = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => k.startsWith('cto-workbench/portfolio/tag/')).map((k) => [k, localStorage.getItem(k)])));
  assert.deepEqual(stored, {
    [`cto-workbench/portfolio/tag/${id(2)}`]: 'retainer',
    [`cto-workbench/portfolio/tag/${id(5)}`]: 'retainer',
  });
  await page.getByLabel('Tag', { exact: true }).selectOption('retainer');
  assert.deepEqual((await rowNames(page)).sort(), ['Beacon review', 'Ember review']);
  await page.getByLabel('Tag', { exact: true }).selectOption('');

  // Search narrows by name or company, ignoring case.
  await page.getByLabel('Search name or company').fill('FJORD lab');
  assert.deepEqual(await rowNames(page), ['Fjord review']);
  await page.getByLabel('Search name or company').fill('');
  assert.equal(await rows.count(), 6);

  // A risk whose review date passes raises a flag on its client.
  const delta = grid.locator(`tbody tr[data-id="${id(4)}"]`);
  assert.equal(await delta.locator('[data-flag]').count(), 0);
  await page.goto(`${app.url}/a/${id(4)}/risks`);
  await page.getByLabel('Next review').fill('2020-01-01');
  await waitSaved(page);
  await page.getByRole('navigation', { name: /workspace/i }).getByRole('link', { name: 'Portfolio' }).click();
  await delta.locator('[data-flag="overdue-risks"]').waitFor();
  assert.equal(await delta.locator('[data-flag="overdue-risks"]').innerText(), '1 overdue risk review');
  assert.equal(await delta.locator('[data-flag] a').getAttribute('href'), `/a/${id(4)}/risks`);
  assert.match(await headline.innerText(), /^2 of 6 clients need attention: /);
  await page.getByLabel('Only clients that need attention').check();
  assert.deepEqual((await rowNames(page)).sort(), ['Cobalt review', 'Delta review']);
  await page.getByLabel('Only clients that need attention').uncheck();

  // The CSV: a row per client and area, with the same levels.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Download CSV/ }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^portfolio-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const lines = csv.split('\r\n').filter(Boolean);
  assert.equal(lines.length, 1 + 6 * 16);
  const header = lines[0].split(',');
  assert.deepEqual(header.slice(0, 9), ['company', 'assessment', 'assessment id', 'tag', 'stage', 'area id', 'area', 'self level', 'reviewed level']);
  for (let i = 0; i < 6; i += 1) {
    const mine = lines.slice(1).map((l) => l.split(',')).filter((c) => c[2] === id(i + 1));
    assert.equal(mine.length, 16, NAMES[i]);
    mine.forEach((c, j) => {
      const l = level(i, j);
      assert.equal(c[5], all[j].id);
      assert.equal(c[7], l === null ? '' : String(l), `${NAMES[i]} area ${j + 1}`);
      assert.equal(c[9], String(Number(index(i, all))));
      if (i !== 2) assert.equal(c[10], '', `${NAMES[i]}: no reviewed index, nothing reviewed`);
    });
  }
  const deltaFlags = lines.find((l) => l.includes(id(4))).split(',');
  assert.equal(deltaFlags[header.indexOf('overdue risk reviews')], '1');

  // A cell opens its area.
  await page.goto(`${app.url}/portfolio`);
  await grid.locator(`tbody tr[data-id="${id(6)}"] td.pf-cell`).nth(3).locator('a').click();
  assert.equal(new URL(page.url()).pathname, `/a/${id(6)}/assessment/${all[3].id}`);
  await page.getByRole('heading', { name: new RegExp(escape(all[3].name)) }).first().waitFor();

  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
});

test('the portfolio fits a phone: the grid scrolls inside itself, not the page', async () => {
  const all = await areas();
  const s = await openPage(app, { viewport: { width: 360, height: 740 } });
  const { page } = s;
  await s.goto('/');
  await page.getByRole('button', { name: 'New assessment' }).first().waitFor();
  await page.locator('#import-file').setInputFiles({
    name: 'clients.cto.json', mimeType: 'application/json', buffer: Buffer.from(await workspaceFile(all)),
  });
  await page.getByText(/Imported 7 assessments/).waitFor();
  await page.goto(`${app.url}/portfolio`);
  await page.getByTestId('portfolio-grid').waitFor();
  const excess = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(excess, 0);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(s.problems, []);
  await s.close();
});
