// One figure, one value, on every page (issue #21 item 4). For the demo and for the heavy
// assessment of the generated large workspace (target/bench/heavy.json, written by
// `cargo run --release --bin gen_workspace`), the suite reads what a user sees: table cells,
// lists, sentences, the SVG charts' labels and the board report, and checks for each area, gap,
// budget quarter, KPI and count that
//   - the text, the table, the chart and the report show the same value,
//   - that value is the one worked out here from the stored file (independently of the app),
//   - totals equal the sum of their parts, and a heading's count the rows under it.
// Every mismatch of a test is listed at once (page, element, both values), then the test fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, access } from 'node:fs/promises';
import path from 'node:path';
import { startApp, openPage, waitSaved, storedAssessments, repoRoot } from './support.mjs';
import {
  Mismatches, numbers, num, fmt1, readTables, tableByCaption, readCharts, texts, content,
  results, rankedGaps, reviewCounts, readReviewCounts, ISO_DATE, maxDecimals, pluralSlips,
} from './consistency_support.mjs';

const HEAVY = process.env.E2E_HEAVY ?? path.join(repoRoot, 'target/bench/heavy.json');
/** The whole generated workspace (50 assessments), written next to heavy.json. */
const WORKSPACE = path.join(path.dirname(HEAVY), 'workspace.json');
/** How many gaps the Results page, its chart and the report rank. */
const TOP_GAPS = 8;

let app;
let L;
let areas;
before(async () => {
  app = await startApp();
  L = {
    ...(await texts('assess')), ...(await texts('plan')), ...(await texts('partners')),
    ...(await texts('money')), ...(await texts('report')),
  };
  areas = await content();
});
after(async () => { await app?.close(); });

/** Opens the data set in a fresh page: the demo, or the heavy assessment imported from its file. */
async function open(which) {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  if (which === 'demo') {
    await page.getByRole('button', { name: 'Open demo' }).click();
  } else {
    // The generator must have run: `make e2e` runs it when the file is missing.
    await access(HEAVY).catch(() => assert.fail(`${HEAVY} is missing: run cargo run --release --bin gen_workspace -- target/bench/workspace.json`));
    await page.locator('#import-file').setInputFiles({
      name: 'heavy.cto.json', mimeType: 'application/json', buffer: await readFile(HEAVY),
    });
    await page.waitForURL(/\/a\/[0-9a-f-]{36}/, { timeout: 60_000 });
  }
  await waitSaved(page);
  const stored = (await storedAssessments(page))[0];
  const go = async (section, ready) => {
    await page.goto(`${app.url}/a/${stored.id}/${section}`);
    await page.locator('.app-header').waitFor();
    if (ready) await page.locator(ready).first().waitFor({ timeout: 60_000 });
  };
  return { s, page, stored, go };
}

/** The area names of a chart's labels, joined: wrapped labels read back as the whole name. */
const chartText = (chart) => chart.texts.map((t) => t.text).join(' ').replace(/\s+/g, ' ');

/** A count written in a heading or caption ("The 8 largest gaps") against the rows under it. */
function countInCaption(m, caption, rows, where) {
  // "The 8 largest gaps", "next 4 quarters", "The next 10 open initiatives"; not "levels 0 to 4".
  const n = caption.match(/\b(?:the|next)\s+(?:next\s+)?(\d+)\b/i)?.[1];
  if (n != null) m.eq(Number(n), rows, `${where}: the count in "${caption}" against its rows`);
}

for (const which of ['demo', 'large']) {
  test(`${which}: every area's score, target, gap and priority agree on Results (table, list, charts), Overview and the report, and with the answers`, { timeout: 240_000 }, async () => {
    const { s, page, stored, go } = await open(which);
    const m = new Mismatches(`${which} areas`);
    const want = results(areas, stored);
    const ranked = rankedGaps(want).slice(0, TOP_GAPS);

    // Results: the table.
    await go('results', 'table.scores tbody tr');
    const table = (await readTables(page)).find((t) => t.caption === L['assess.results_caption']);
    assert.ok(table, 'the scores table is on the Results page');
    m.eq(table.rows.length, areas.length, 'Results table: rows (one per area)');
    const shown = {};
    table.rows.forEach((row, i) => {
      const area = want.areas[i];
      const [name, counted, today, target, gap, importance, priority] = row.map((c) => c.text);
      const at = `Results table, ${area.name}`;
      m.eq(name, area.name, `Results table row ${i + 1}: area`);
      m.eq(numbers(counted), [area.counted, area.questions], `${at}: counted of questions`);
      m.eq(today, area.score == null ? '–' : fmt1(area.score), `${at}: today`);
      m.eq(target, area.target == null ? '–' : fmt1(area.target), `${at}: target`);
      m.eq(gap, area.gap == null ? '–' : fmt1(area.gap), `${at}: gap`);
      m.eq(Number(importance), area.importance, `${at}: importance`);
      m.eq(priority, area.priority == null ? '–' : fmt1(area.priority), `${at}: priority`);
      if (area.score != null) {
        // What a reader works out from the row itself: gap = target − today, priority = gap × importance.
        m.eq(gap, fmt1(Number(target) - Number(today)), `${at}: gap shown against target ${target} − today ${today}`);
        m.eq(priority, fmt1(Math.max(Number(gap), 0) * Number(importance)), `${at}: priority shown against gap ${gap} × importance ${importance}`);
      }
      shown[area.id] = { name, today, target, gap, importance, priority };
    });

    // Results: the index sentence.
    const summary = await page.getByTestId('maturity-summary').innerText();
    const [index, counted, scored, of] = numbers(summary.replace(/of 4/, ''));
    m.eq(fmt1(index), fmt1(want.index), 'Results summary: maturity index (mean of the area scores)');
    m.eq([counted, scored, of], [want.counted, want.scored, areas.length], `Results summary "${summary}": answered, scored areas, areas`);

    // Results: the ranked list under the gap chart.
    const items = await page.locator('ol.gap-list li').allInnerTexts();
    m.eq(items.length, ranked.length, 'Results gap list: rows (largest gaps, at most 8)');
    items.forEach((text, i) => {
      const area = ranked[i];
      if (!area) return;
      const row = shown[area.id];
      const at = `Results gap list item ${i + 1} "${text}"`;
      m.ok(text.startsWith(row.name), `${at}: names ${row.name}`);
      const [gap, today, target, importance, priority] = numbers(text.slice(row.name.length));
      m.eq([fmt1(gap), fmt1(today), fmt1(target), importance, fmt1(priority)],
        [row.gap, row.today, row.target, Number(row.importance), row.priority], `${at}: against the table`);
    });

    // Results: the charts' labels (radar axes: every area; gap bars: the list's areas and values).
    const [radar, gapChart] = await readCharts(page);
    assert.ok(radar && gapChart, 'both charts are drawn');
    for (const area of want.areas) m.ok(chartText(radar).includes(area.name), `Results radar: axis label "${area.name}" missing`);
    const values = gapChart.texts.map((t) => t.text).filter((t) => /\d/.test(t) && /·/.test(t));
    m.eq(values.length, ranked.length, 'Results gap chart: value labels (one per bar)');
    values.forEach((text, i) => {
      const area = ranked[i];
      if (!area) return;
      const row = shown[area.id];
      const [gap, priority] = numbers(text);
      m.eq([fmt1(gap), fmt1(priority)], [row.gap, row.priority], `Results gap chart bar ${i + 1} (${row.name}) "${text}": gap and priority against the table`);
    });
    for (const area of ranked) m.ok(chartText(gapChart).includes(area.name), `Results gap chart: bar label "${area.name}" missing`);

    // Overview: index sentence, largest gaps, progress.
    await go('overview', 'h2');
    const overview = await page.locator('main').innerText();
    const ovIndex = overview.split('\n').find((l) => l.startsWith(L['assess.overview_index'].split('{')[0]));
    if (m.ok(ovIndex, 'Overview: the maturity index sentence is shown')) {
      m.eq(numbers(ovIndex.replace(/of 4/, '')), [Number(fmt1(want.index)), want.counted, want.scored, areas.length], `Overview "${ovIndex}": index, answered, scored, areas`);
    }
    const gapHead = L['assess.overview_gap_line'].split('{')[0].trim();
    const ovGaps = (await page.locator('main li').allInnerTexts()).filter((t) => t.includes(gapHead.replace(/^:\s*/, '')) || /against a target of/.test(t));
    m.ok(ovGaps.length > 0 || ranked.length === 0, 'Overview: largest gaps listed');
    ovGaps.forEach((text, i) => {
      const area = ranked[i];
      if (!area) return m.ok(false, `Overview gap ${i + 1} "${text}" beyond the ranked gaps`);
      const row = shown[area.id];
      m.ok(text.startsWith(row.name), `Overview gap ${i + 1} "${text}": names ${row.name}`);
      const [today, target, priority] = numbers(text.slice(row.name.length));
      m.eq([fmt1(today), fmt1(target), fmt1(priority)], [row.today, row.target, row.priority], `Overview gap ${i + 1} (${row.name}): today, target, priority against Results`);
    });
    const progress = overview.split('\n').find((l) => l.startsWith(L['assess.overview_assessment_progress'].split('{')[0]));
    if (progress) m.eq(numbers(progress).slice(0, 2), [want.done, want.questions], `Overview "${progress}": answered of questions`);

    // The board report: index, answered, standing table, gaps table and chart.
    await go('report', '[data-testid=report-index]');
    const rIndex = await page.getByTestId('report-index').first().innerText();
    const [ri, ra, rs, rof] = numbers(rIndex.replace(/of 4/, '').replace(/\(0 absent to 4 optimizing\)/, ''));
    m.eq([fmt1(ri), ra, rs, rof], [fmt1(want.index), want.counted, want.scored, areas.length], `Report "${rIndex}": index, answered, scored, areas`);
    const reportText = await page.getByTestId('report').innerText();
    const answeredKey = want.notApplicable === 0 ? 'partners.report_assessment_answered'
      : want.notApplicable === 1 ? 'partners.report_assessment_answered_na_one' : 'partners.report_assessment_answered_na';
    const answered = L[answeredKey].replace('{done}', want.done).replace('{questions}', want.questions).replace('{na}', want.notApplicable);
    m.ok(reportText.includes(answered), `Report: "${answered}" (answered of questions, "does not apply") not found`);
    const rTables = await readTables(page, '[data-testid=report]');
    const standing = tableByCaption(rTables, L['partners.report_assessment_standing_table']);
    if (m.ok(standing, 'Report: the standing table is shown')) {
      m.eq(standing.rows.length, areas.length, 'Report standing table: rows');
      standing.rows.forEach((row, i) => {
        const area = want.areas[i];
        const [name, today, target, gap, done] = row.map((c) => c.text);
        const r = shown[area.id];
        m.eq(name, r.name, `Report standing row ${i + 1}: area`);
        m.eq([today, target, gap], [r.today, r.target, r.gap], `Report standing, ${area.name}: today, target, gap against Results`);
        m.eq(numbers(done), [area.done, area.questions], `Report standing, ${area.name}: answered of questions`);
      });
    }
    const gapsTable = rTables.find((t) => t.headers.includes(L['partners.report_assessment_rank']));
    if (ranked.length && m.ok(gapsTable, 'Report: the gaps table is shown')) {
      countInCaption(m, gapsTable.caption, gapsTable.rows.length, 'Report gaps table');
      m.eq(gapsTable.rows.length, ranked.length, 'Report gaps table: rows');
      gapsTable.rows.forEach((row, i) => {
        const area = ranked[i];
        if (!area) return;
        const r = shown[area.id];
        const [rank, name, today, target, gap, importance, priority] = row.map((c) => c.text);
        m.eq([Number(rank), name], [i + 1, r.name], `Report gaps row ${i + 1}: rank and area`);
        m.eq([today, target, gap, importance, priority], [r.today, r.target, r.gap, r.importance, r.priority], `Report gaps, ${r.name}: against Results`);
      });
    }
    const rCharts = await readCharts(page, '[data-testid=report]');
    const rGapChart = rCharts.find((c) => c.label === L['partners.report_assessment_gaps_chart']);
    if (ranked.length && m.ok(rGapChart, 'Report: the gap chart is drawn')) {
      m.eq(rGapChart.texts.map((t) => t.text), gapChart.texts.map((t) => t.text), 'Report gap chart labels against the Results gap chart');
    }
    const rRadar = rCharts.find((c) => c.label === L['partners.report_assessment_radar']);
    if (m.ok(rRadar, 'Report: the radar is drawn')) {
      for (const area of want.areas) m.ok(chartText(rRadar).includes(area.name), `Report radar: axis label "${area.name}" missing`);
    }

    m.done(assert);
    assert.deepEqual(s.problems, []);
    await s.close();
  });

  test(`${which}: every budget quarter adds up (categories, budget, over, sources), and the chart, the summary and the report agree with the table`, { timeout: 240_000 }, async () => {
    const { s, page, stored, go } = await open(which);
    const m = new Mismatches(`${which} budget`);
    await go('budget', 'table.budget-table tbody tr');
    const table = (await readTables(page)).find((t) => t.caption === L['plan.budget_table_caption']);
    assert.ok(table, 'the budget table is on the Budget page');
    const categories = table.headers.slice(1, 5);
    const quarters = table.rows.map((row) => {
      const [qCell, ...rest] = row;
      const cells = rest.slice(0, 4);
      const [totalCell, statusCell, sourcesCell] = rest.slice(4);
      const q = qCell.text;
      const planned = cells.map((c) => num(c.text));
      // "Planned 12,345 Over by 678": the second number of a cell is its amount over budget.
      const cellOver = cells.map((c) => numbers(c.text)[1] ?? null);
      const budget = cells.map((c) => (c.inputs[0]?.trim() ? num(c.inputs[0]) : null));
      const [totalPlanned, totalBudget] = numbers(totalCell.text);
      const at = `Budget table, ${q}`;
      const sumPlanned = planned.reduce((s, v) => s + v, 0);
      m.eq(totalPlanned, sumPlanned, `${at}: total planned "${totalCell.text}" against the sum of the categories ${planned.join(' + ')}`);
      const agreed = budget.filter((v) => v != null);
      if (agreed.length) {
        m.eq(totalBudget ?? null, agreed.reduce((s, v) => s + v, 0), `${at}: total budget "${totalCell.text}" against the sum of the categories' budgets ${agreed.join(' + ')}`);
      } else {
        m.eq(totalBudget ?? null, null, `${at}: a total budget "${totalCell.text}" where no category has one`);
      }
      const overs = [];
      planned.forEach((p, i) => {
        const b = budget[i];
        const expected = b != null && p - b > 0 ? p - b : null;
        m.eq(cellOver[i], expected, `${at}, ${categories[i]}: over by (planned ${p}, budget ${b})`);
        if (expected != null) overs.push([categories[i], expected]);
      });
      const status = statusCell.text;
      // The quarter as a whole, from the total as shown (the total against its parts is checked above).
      const whole = agreed.length ? totalPlanned - agreed.reduce((s, v) => s + v, 0) : null;
      if (overs.length) {
        // Each category over is named with its amount, and the quarter as a whole is said plainly.
        for (const [cat, v] of overs) {
          const said = status.match(new RegExp(`${cat}[^\\d]*([\\d,]+)`, 'i'));
          m.eq(said ? num(said[1]) : null, v, `${at}, status "${status}": ${cat} over by`);
        }
        m.ok(numbers(status).includes(Math.abs(whole)), `${at}, status "${status}": names the quarter as a whole (planned ${totalPlanned} against budget ${totalPlanned - whole}: ${whole > 0 ? 'over' : 'under'} by ${Math.abs(whole)})`);
      } else if (whole != null && whole > 0) {
        m.ok(false, `${at}, status "${status}": the quarter as a whole is over by ${whole} (planned ${totalPlanned}, budget ${totalPlanned - whole}) but no category is flagged`);
      }
      m.ok(!ISO_DATE.test(status), `${at}, status "${status}": an ISO date`);
      // Sources: "Running costs T: a · b; new spend T2: c · d", each group its parts' sum, both the total.
      const groups = sourcesCell.text.split(';').map((g) => g.trim()).filter(Boolean);
      let groupsTotal = 0;
      for (const g of groups) {
        const [head, parts] = [g.slice(0, g.indexOf(':')), g.slice(g.indexOf(':') + 1)];
        const t = num(head);
        if (t == null) continue;
        const partSum = parts.split('·').map(num).reduce((s, v) => s + (v ?? 0), 0);
        m.eq(t, partSum, `${at}, sources "${g}": group total against its parts`);
        groupsTotal += t;
      }
      if (groups.some((g) => num(g) != null)) m.eq(groupsTotal, totalPlanned, `${at}, sources "${sourcesCell.text}": running + new spend against the total planned`);
      return { q, planned, budget, totalPlanned, totalBudget, over: overs.length > 0, status };
    });
    m.ok(quarters.length >= 4, `Budget table: ${quarters.length} quarters, at least 4 expected`);

    // The sentence above the table names exactly the quarters over budget.
    const overNamed = quarters.filter((q) => q.over).map((q) => q.q);
    const section = page.locator('section[aria-labelledby=budget-quarters-title]');
    const sentence = (await section.locator(':scope > p').allInnerTexts()).find((t) => /budget/i.test(t) && !/^Showing|quarters from/i.test(t)) ?? '';
    m.eq([...sentence.matchAll(/\d{4}-Q\d/g)].map((x) => x[0]), overNamed, `Budget summary "${sentence}": quarters named over budget against the table`);
    if (overNamed.length > 1) m.ok(numbers(sentence.replace(/\d{4}-Q\d/g, '')).includes(overNamed.length), `Budget summary "${sentence}": the count ${overNamed.length}`);

    // The chart: one bar per quarter in the table's order, stacked heights in proportion to the
    // planned totals, an "over" mark on exactly the quarters over budget.
    const [chart] = await readCharts(page, 'section[aria-labelledby=budget-quarters-title]');
    assert.ok(chart, 'the budget chart is drawn');
    const qLabels = chart.texts.filter((t) => /^Q[1-4]$/.test(t.text)).sort((a, b) => a.x - b.x).map((t) => t.text);
    m.eq(qLabels, quarters.map((q) => q.q.slice(-2)).filter((_, i, all) => qLabels.length === all.length || i % Math.ceil(all.length / qLabels.length) === 0), 'Budget chart: quarter labels against the table');
    const overMarks = chart.texts.filter((t) => t.text.startsWith('⚠')).length;
    m.eq(overMarks, overNamed.length, 'Budget chart: "⚠ over" marks against the quarters over budget in the table');
    // Bars: filled rectangles below the legend, grouped by x (a bar's segments share it).
    const legendBottom = Math.max(0, ...chart.texts.filter((t) => !/^Q[1-4]$|^\d{4}$|⚠/.test(t.text) && !/^\d/.test(t.text)).map((t) => t.y)) + 8;
    const bars = new Map();
    for (const r of chart.rects.filter((r) => r.y > legendBottom && r.height > 0 && r.width > 2 && r.width < 200 && !['#ffffff', 'white', 'none'].includes(r.fill))) {
      bars.set(r.x, (bars.get(r.x) ?? 0) + r.height);
    }
    const heights = [...bars.entries()].sort((a, b) => a[0] - b[0]).map(([, h]) => h);
    const withSpend = quarters.filter((q) => q.totalPlanned > 0);
    m.eq(heights.length, withSpend.length, 'Budget chart: bars against the quarters with planned spend');
    if (heights.length === withSpend.length && heights.length) {
      const scale = Math.max(...heights) / Math.max(...withSpend.map((q) => q.totalPlanned));
      withSpend.forEach((q, i) => {
        // Each segment is drawn to whole pixels (and at least one): a pixel per segment of slack.
        m.eq(heights[i], q.totalPlanned * scale, `Budget chart: bar height of ${q.q} (px) against its planned total ${q.totalPlanned}`, 4 + 0.01 * heights[i]);
      });
    }

    // The board report's budget table: the same quarters, planned, budget and status.
    await go('report', '[data-testid=report]');
    const rTable = tableByCaption(await readTables(page, '[data-testid=report]'), L['partners.report_plan_budget_table']);
    if (m.ok(rTable, 'Report: the budget table is shown')) {
      countInCaption(m, rTable.caption, rTable.rows.length, 'Report budget table');
      const col = (name) => rTable.headers.findIndex((h) => h.toLowerCase() === name.toLowerCase());
      const totalCol = col(L['partners.report_plan_total']);
      for (const row of rTable.rows) {
        const cells = row.map((c) => c.text);
        const q = cells[0];
        const status = cells.at(-1);
        const onPage = quarters.find((x) => x.q === q);
        if (!m.ok(onPage, `Report budget ${q}: not in the Budget page's table`)) continue;
        categories.forEach((cat, i) => {
          const c = col(cat);
          if (!m.ok(c > 0, `Report budget table: no column "${cat}"`)) return;
          const [p, b] = numbers(cells[c]);
          m.eq([p, b ?? null], [onPage.planned[i], onPage.budget[i]], `Report budget ${q}, ${cat} "${cells[c]}": planned and budget against the Budget page`);
          m.eq(cells[c].includes('⚠'), onPage.planned[i] > (onPage.budget[i] ?? Infinity), `Report budget ${q}, ${cat} "${cells[c]}": the ⚠ mark against planned over budget`);
        });
        if (m.ok(totalCol > 0, 'Report budget table: no total column')) {
          const [p, b] = numbers(cells[totalCol]);
          m.eq([p, b ?? null], [onPage.totalPlanned, onPage.totalBudget ?? null], `Report budget ${q}, total "${cells[totalCol]}": against the Budget page`);
          const parts = categories.map((cat) => num(cells[col(cat)]) ?? 0);
          m.eq(p, parts.reduce((x, v) => x + v, 0), `Report budget ${q}, total "${cells[totalCol]}": against the sum of its categories ${parts.join(' + ')}`);
        }
        m.eq(status, onPage.status, `Report budget ${q}: status against the Budget page`);
      }
    }

    // The roadmap's cost per quarter: the total row is the sum of the quarters.
    await go('roadmap', 'h2');
    const costs = page.getByTestId('quarter-costs');
    if (await costs.count()) {
      const rows = (await readTables(page)).find((t) => t.caption === L['money.quarters_caption']).rows;
      const [total, ...parts] = [rows.at(-1), ...rows.slice(0, -1)].map((r) => num(r[1].text));
      m.eq(total, Math.round(parts.reduce((s, v) => s + v, 0) * 100) / 100, `Roadmap cost per quarter: "All quarters" against the sum of ${parts.length} quarters`, 0.011 * parts.length);
    } else {
      m.ok(!stored.initiatives.some((i) => i.start && i.status !== 'dropped'), 'Roadmap: the cost per quarter table is missing although initiatives are dated');
    }

    m.done(assert);
    assert.deepEqual(s.problems, []);
    await s.close();
  });

  test(`${which}: every KPI shows the same latest value and status on its card, its page and the report, and the value is the stored one`, { timeout: 300_000 }, async () => {
    const { s, page, stored, go } = await open(which);
    const m = new Mismatches(`${which} KPIs`);
    const kpis = stored.kpis ?? [];
    assert.ok(kpis.length > 0, 'the data set has KPIs');
    await go('goals', '.kpi-card');
    const cards = await page.locator('.kpi-card').evaluateAll((els) => els.map((el) => ({
      name: el.querySelector('h4').innerText.trim(),
      href: el.querySelector('h4 a').getAttribute('href'),
      status: el.querySelector('.kpi-status').innerText.trim(),
      statusId: [...el.querySelector('.kpi-status').classList].find((c) => c !== 'kpi-status') ?? '',
      line: el.querySelector('p.small:not(.muted)').innerText.trim(),
      reason: el.querySelector('p.small.muted')?.innerText.trim() ?? '',
    })));
    m.eq(cards.length, kpis.length, 'Goals & KPIs: one card per KPI');
    // SMART marks of each key result tracked by a KPI: "achievable" never contradicts the KPI's
    // status (one computation feeds both), and "relevant" never shows a raw area id.
    const keyResults = await page.locator('.key-result').evaluateAll((els) => els.map((el) => {
      const select = el.querySelector('select');
      const marks = [...el.querySelectorAll('ul.smart > li')];
      return {
        kpi: select?.selectedOptions[0]?.value ? select.selectedOptions[0].textContent.trim() : null,
        achievableOk: marks[2]?.classList.contains('ok'),
        achievable: marks[2]?.innerText.replace(/\s+/g, ' ').trim() ?? '',
        relevant: marks[3]?.innerText.replace(/\s+/g, ' ').trim() ?? '',
      };
    }));
    const rawIds = areas.filter((a) => a.id !== a.name.toLowerCase()).map((a) => a.id);
    for (const kr of keyResults) {
      const id = rawIds.find((x) => new RegExp(`(^|[^\\w-])${x}($|[^\\w-])`).test(kr.relevant));
      m.ok(!id, `Goals, SMART "${kr.relevant}": the raw area id "${id}"`);
      m.ok(maxDecimals(kr.achievable) <= 3, `Goals, SMART "${kr.achievable}": more than 3 decimals`);
      const card = cards.find((c) => c.name === kr.kpi);
      if (!kr.kpi || !card) continue;
      if (card.statusId === 'off-track') m.ok(!kr.achievableOk, `Goals, key result on "${kr.kpi}": "${kr.achievable}" beside the KPI's "${card.status}"`);
      if (['on-track', 'achieved'].includes(card.statusId)) m.ok(kr.achievableOk, `Goals, key result on "${kr.kpi}": "${kr.achievable}" beside the KPI's "${card.status}"`);
    }
    await go('report', '[data-testid=report]');
    const rTable = tableByCaption(await readTables(page, '[data-testid=report]'), L['partners.report_tracking_kpis_table']);
    assert.ok(rTable, 'the report lists the KPIs');
    m.eq(rTable.rows.length, kpis.length, 'Report KPI table: one row per KPI');
    for (const [i, k] of kpis.entries()) {
      const card = cards[i];
      const row = rTable.rows[i]?.map((c) => c.text);
      if (!card || !row) continue;
      const at = `KPI "${k.name}"`;
      m.eq(card.name, k.name, `${at}: card name`);
      m.eq(row[0], k.name, `${at}: report row name`);
      m.eq(row[1], card.status, `${at}: status in the report against its card`);
      m.eq(row[4], card.reason, `${at}: the reason in the report against its card`);
      const ms = [...(k.measurements ?? [])].sort((a, b) => a.date.localeCompare(b.date));
      const last = ms.at(-1);
      if (last) {
        // The card's "Latest: <value> <unit> on <date>" and the report's "<value> <unit> on <date>".
        // "{category} · latest {latest}": what follows the category's words is the latest value.
        const lead = L['plan.kpi_dashboard_card_line'].split('{latest}')[0].split('}')[1] ?? '';
        const cardValue = card.line.slice(card.line.indexOf(lead) + lead.length).trim();
        m.ok(card.line.includes(lead), `${at}: card "${card.line}" without "${lead}"`);
        m.eq(cardValue, row[2], `${at}: latest on the card against the report`);
        const shownValue = num(row[2]);
        m.eq(shownValue, Number(last.value.toPrecision(12)), `${at}: latest value "${row[2]}" against the stored ${last.value} of ${last.date}`, Math.max(0.0005, Math.abs(last.value) * 0.0005));
        if (k.unit?.trim()) m.ok(row[2].includes(k.unit.trim()), `${at}: latest "${row[2]}" without its unit "${k.unit}"`);
      }
      for (const [where, text] of [['card', card.line], ['card reason', card.reason], ['report', row.join(' | ')]]) {
        m.ok(maxDecimals(text) <= 3, `${at}, ${where}: more than 3 decimals in "${text}"`);
        m.ok(!ISO_DATE.test(text), `${at}, ${where}: an ISO date in "${text}"`);
      }
      if (/^Projected 0 by/.test(card.reason)) m.ok(false, `${at}: "${card.reason}" projects a meaningless 0 (the series reaches its floor or target before the date)`);
    }
    // Each KPI's own page says the same status (the demo's all, the large one's first 12).
    for (const card of cards.slice(0, which === 'demo' ? cards.length : 12)) {
      await page.goto(app.url + card.href);
      const head = await page.getByTestId('kpi-status').innerText({ timeout: 60_000 });
      m.ok(head.includes(card.status.replace(/^[✓!✗–]\s*/, '')), `KPI page of "${card.name}": status "${head}" against its card "${card.status}"`);
      m.ok(maxDecimals(head) <= 3 && !ISO_DATE.test(head), `KPI page of "${card.name}": "${head}" has more than 3 decimals or an ISO date`);
    }
    m.done(assert);
    assert.deepEqual(s.problems, []);
    await s.close();
  });

  test(`${which}: each initiative's cost on its page is effort × rate plus its one-off and running costs`, { timeout: 300_000 }, async () => {
    const { s, page, stored, go } = await open(which);
    const m = new Mismatches(`${which} initiative costs`);
    const initiatives = stored.initiatives.slice(0, which === 'demo' ? stored.initiatives.length : 10);
    assert.ok(initiatives.length > 0, 'the data set has initiatives');
    const workHead = L['money.part_work'].split('{')[0];
    const oneOffHead = L['money.part_one_off'].split('{')[0];
    const runningHead = L['money.part_running'].split('{')[0];
    for (const i of initiatives) {
      await go(`roadmap/${i.id}`, '[data-testid=initiative-cost]');
      const panel = page.getByTestId('initiative-cost');
      const total = num(await page.getByTestId('initiative-cost-total').innerText());
      const parts = await panel.locator('li').allInnerTexts();
      const at = `Initiative "${i.title}"`;
      const work = parts.find((p) => p.startsWith(workHead));
      const oneOff = parts.find((p) => p.startsWith(oneOffHead));
      const running = parts.find((p) => p.startsWith(runningHead));
      let sum = 0;
      if (work) {
        // "Work: E person-weeks × R = A": A is E × R; R is shown to the cent, hence the slack.
        const [effort, rate, amount] = numbers(work.slice(workHead.length));
        m.eq(effort, i.effort_weeks, `${at}, "${work}": effort against the file`);
        m.eq(amount, effort * rate, `${at}, "${work}": amount against effort × rate`, effort * 0.005 + 0.006);
        sum += amount;
      }
      if (m.ok(oneOff, `${at}: no one-off line`)) {
        const v = num(oneOff.slice(oneOffHead.length));
        m.eq(v, i.one_off_cost ?? 0, `${at}, "${oneOff}": against the file`, 0.005);
        sum += v;
      }
      if (running) sum += num(running.slice(runningHead.length));
      m.eq(total, Math.round(sum * 100) / 100, `${at}: total against work + one-off + running ${JSON.stringify(parts)}`, 0.011);
    }
    m.done(assert);
    assert.deepEqual(s.problems, []);
    await s.close();
  });

  test(`${which}: counts agree (answers on Assessment, Results, Overview, Report; review counts on Overview, Report and Compare; the roadmap's initiatives)`, { timeout: 240_000 }, async () => {
    const { s, page, stored, go } = await open(which);
    const m = new Mismatches(`${which} counts`);
    const want = results(areas, stored);
    const reviews = (stored.reviews ?? []).filter((r) => Object.keys(r.answers ?? {}).length || Object.keys(r.areas ?? {}).length);
    const expected = reviews.map((r) => reviewCounts(areas, stored, r));

    // Review counts: Overview and Report list one per reviewer; each line's number is the stored one.
    const check = (lists, where) => {
      m.eq(lists.length, expected.length, `${where}: review count lists (one per reviewer)`);
      lists.forEach((list, i) => {
        const e = expected[i];
        if (!e) return;
        for (const [name, text] of Object.entries(list)) {
          m.eq(num(text), e[name], `${where}, reviewer ${i + 1}, "${text}" (${name})`);
        }
        for (const name of ['rated', 'differ', 'comments']) m.ok(name in list, `${where}, reviewer ${i + 1}: no "${name}" line`);
        if (e['founder-no-level'] > 0) m.ok('founder-no-level' in list, `${where}, reviewer ${i + 1}: ${e['founder-no-level']} levels on questions the founder left without one, not said`);
      });
    };
    // A page without the named lists still says some counts in sentences: those are read too, so
    // the mismatch names what the page shows.
    const sentences = async (where) => {
      const text = await page.locator('main').innerText();
      const lines = text.split('\n').filter((l) => /comment|differs from|reviewer's level|levels? (?:differ|rated)|rated \d/i.test(l) && /\d/.test(l));
      m.ok(false, `${where}: no list of review counts (data-testid review-counts, a line per count); it says: ${JSON.stringify(lines)}`);
      const said = {};
      for (const l of lines) {
        if (/^Comments?:/i.test(l)) said.comments = num(l);
        else if (/differs from yours/i.test(l)) said.differ = num(l);
      }
      for (const [name, v] of Object.entries(said)) m.eq(v, expected[0]?.[name], `${where}: "${name}" in ${JSON.stringify(lines)} against the stored review`);
      return said;
    };
    await go('overview', 'h2');
    if (expected.length) await page.getByText(stored.reviews[0].reviewer || 'Review').first().waitFor().catch(() => {});
    const overviewCounts = await readReviewCounts(page);
    if (expected.length && !overviewCounts.length) await sentences('Overview');
    else check(overviewCounts, 'Overview');
    const pageTexts = { overview: await page.locator('main').innerText() };
    await go('report', '[data-testid=report]');
    const reportCounts = await readReviewCounts(page);
    if (expected.length && !reportCounts.length) await sentences('Report');
    else check(reportCounts, 'Report');
    m.eq(reportCounts, overviewCounts, 'Report review counts against the Overview\'s');
    pageTexts.report = await page.getByTestId('report').innerText();

    // Roadmap summary in the report: total = in progress + planned + done + dropped = stored.
    const report = await page.getByTestId('report').innerText();
    const head = L['partners.report_plan_summary'].split('{')[1].split('}')[1].trim().split(':')[0];
    const line = report.split('\n').find((l) => l.includes(head));
    if (m.ok(line, `Report: the roadmap summary ("${head}") is shown`)) {
      const [total, inProgress, planned, done, dropped] = numbers(line);
      const by = (st) => stored.initiatives.filter((i) => i.status === st).length;
      m.eq([total, inProgress, planned, done, dropped], [stored.initiatives.length, by('in-progress'), by('planned'), by('done'), by('dropped')], `Report "${line}": initiatives by status against the file`);
      m.eq(total, inProgress + planned + done + dropped, `Report "${line}": total against the sum of its parts`);
    }
    // Every count in a report caption equals the rows of its table.
    for (const t of await readTables(page, '[data-testid=report]')) countInCaption(m, t.caption, t.rows.length, `Report table "${t.caption}"`);

    // Compare against the reviewer: the levels compared read the same as the Overview's.
    if (expected.length) {
      await go('compare', 'h2');
      await page.getByTestId('compare-rated').waitFor({ timeout: 30_000 }).catch(() => {});
      const rated = await page.evaluate(() => [...document.querySelectorAll('[data-testid=compare-rated] li[data-count]')]
        .map((li) => [li.dataset.count, li.innerText]));
      if (m.ok(rated.length, 'Compare: the reviewer\'s levels are counted')) {
        const latest = expected.length === 1 ? expected[0] : null;
        for (const [name, text] of rated) {
          if (latest) m.eq(num(text), latest[name], `Compare "${text}" (${name}) against the stored review`);
          m.ok(overviewCounts.some((list) => list[name] === text), `Compare "${text}" (${name}): not said so on the Overview`);
        }
      }
      pageTexts.compare = await page.locator('main').innerText();
      const summary = await page.getByTestId('compare-summary').innerText().catch(() => '');
      const both = summary.match(/(\d+) questions? answered on both sides: (\d+) agree, (\d+) differ by one level, (\d+) by two/);
      if (m.ok(both, `Compare summary "${summary}": levels on both sides`) && expected.length === 1) {
        const [, n, agree, one, two] = both.map(Number);
        m.eq(n, agree + one + two, `Compare "${summary}": answered on both sides against agree + one + two`);
        m.eq(one + two, expected[0].differ, `Compare "${summary}": questions that differ against the Overview's count`);
        // The reviewed levels are the reviewer's where given, the founder's elsewhere: every
        // question the founder gave a level is on both sides.
        m.eq(n, want.counted, `Compare "${summary}": answered on both sides against the founder's levels`);
      }
    }

    // Answers: the Results table's counted and the Assessment page's progress.
    await go('assessment', 'h2');
    const assessment = await page.locator('main').innerText();
    pageTexts.assessment = assessment;
    const progress = assessment.match(/(\d+) of (\d+) questions/);
    if (m.ok(progress, 'Assessment page: "N of M questions" progress')) {
      m.eq([Number(progress[1]), Number(progress[2])], [want.done, want.questions], `Assessment page "${progress[0]}": answered of questions`);
    }

    // Plurals: no "1 person-weeks" or "question(s)" on any of these pages.
    for (const section of ['results', 'goals', 'roadmap', 'budget', 'team', 'risks']) {
      await go(section, 'h2');
      pageTexts[section] = await page.locator('main').innerText();
    }
    for (const [where, text] of Object.entries(pageTexts)) {
      const slips = [...new Set(pluralSlips(text))];
      m.eq(slips, [], `${where[0].toUpperCase()}${where.slice(1)}: counts written with the wrong plural`);
    }
    m.done(assert);
    assert.deepEqual(s.problems, []);
    await s.close();
  });
}

test('large workspace: the Portfolio shows each client\'s maturity index and area levels as worked out from its answers', { timeout: 300_000 }, async () => {
  const m = new Mismatches('large workspace portfolio');
  const text = await readFile(WORKSPACE, 'utf8').catch(() => assert.fail(`${WORKSPACE} is missing: run cargo run --bin gen_workspace -- target/bench/workspace.json`));
  const file = JSON.parse(text);
  const s = await openPage(app);
  const { page } = s;
  await s.goto('/');
  await page.locator('#import-file').setInputFiles({ name: 'workspace.cto.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByText(new RegExp(`Imported ${file.assessments.length} assessments`)).waitFor({ timeout: 120_000 });
  await waitSaved(page);
  await page.goto(`${app.url}/portfolio`);
  const grid = page.getByTestId('portfolio-grid');
  await grid.locator('tbody tr').first().waitFor({ timeout: 60_000 });
  const rows = await grid.locator('tbody tr[data-id]').evaluateAll((trs) => trs.map((tr) => ({
    id: tr.dataset.id,
    index: tr.querySelector('[data-testid=pf-index]').innerText.trim(),
    cells: [...tr.querySelectorAll('td.pf-cell')].map((td) => ({ area: td.dataset.area, text: td.innerText.trim() })),
  })));
  m.ok(rows.length > 0, 'Portfolio: no rows');
  for (const row of rows) {
    const a = file.assessments.find((x) => x.id === row.id);
    if (!m.ok(a, `Portfolio row ${row.id}: not in the file`)) continue;
    const want = results(areas, a);
    const at = `Portfolio, ${a.name}`;
    m.eq(row.index, want.index == null ? '–' : fmt1(want.index), `${at}: maturity index`);
    m.eq(row.cells.length, areas.length, `${at}: a cell per area`);
    for (const cell of row.cells) {
      const r = want.areas.find((x) => x.id === cell.area);
      if (!m.ok(r, `${at}: cell for unknown area ${cell.area}`)) continue;
      if (r.score != null) m.eq(cell.text, fmt1(r.score), `${at}, ${r.name}: level`);
      else m.ok(!/\d/.test(cell.text), `${at}, ${r.name}: "${cell.text}" where no question counts`);
    }
  }
  m.done(assert);
  assert.deepEqual(s.problems, []);
  await s.close();
});
