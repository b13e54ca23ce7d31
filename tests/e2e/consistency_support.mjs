// Readers and independent arithmetic for the consistency suite (issue #21 item 4): what the user
// sees read back from the page (table cells, list items, the SVG charts' <text> labels, the
// report), numbers parsed from it, and each figure worked out again here from the stored
// assessment and the content files, never through the app's Rust code.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from './support.mjs';

/** Every mismatch found, so one run lists them all; `done()` fails with the whole list. */
export class Mismatches {
  constructor(label) {
    this.label = label;
    this.list = [];
    this.checked = 0;
  }

  /** Records `where: saw A, expected B` unless equal (numbers to `tol`, else ===). */
  eq(actual, expected, where, tol = 0) {
    this.checked++;
    const same = typeof actual === 'number' && typeof expected === 'number'
      ? Math.abs(actual - expected) <= tol
      : JSON.stringify(actual) === JSON.stringify(expected);
    if (!same) this.list.push(`${where}: shows ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    return same;
  }

  ok(cond, where) {
    this.checked++;
    if (!cond) this.list.push(where);
    return cond;
  }

  /** Fails the test with every mismatch (and logs them, for the report). */
  done(assert) {
    if (this.list.length) console.log(`${this.label}: ${this.list.length} mismatches\n  ${this.list.join('\n  ')}`);
    console.log(`${this.label}: ${this.checked} checks`);
    assert.deepEqual(this.list, [], `${this.label}: ${this.list.length} of ${this.checked} checks failed`);
  }
}

/** The numbers in an English text, in order: "12,345", "1.3", "-0.5", "4.2k" is 4.2 (k dropped). */
export function numbers(text) {
  return [...String(text).matchAll(/[-−]?\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '').replace('−', '-')));
}

/** The first number in a text, or null ("–" and empty cells). */
export function num(text) {
  return numbers(text)[0] ?? null;
}

/** One decimal, halves away from zero, as the app rounds scores. */
export const fmt1 = (x) => (Math.round(x * 10 + (x >= 0 ? 1e-9 : -1e-9)) / 10).toFixed(1);

/**
 * Every table in `scope` (a CSS selector): caption, header texts and rows of cells, each cell
 * its visible text and the values of any inputs in it.
 */
export async function readTables(page, scope = 'main') {
  return page.evaluate((scope) => {
    const root = document.querySelector(scope) ?? document.body;
    return [...root.querySelectorAll('table')].map((table) => ({
      caption: table.querySelector('caption')?.innerText.trim() ?? '',
      // textContent: headings are upper-cased by the style sheet, not in the text.
      headers: [...table.querySelectorAll('thead th')].map((th) => th.textContent.replace(/\s+/g, ' ').trim()),
      rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => ({
        text: cell.innerText.replace(/\s+/g, ' ').trim(),
        inputs: [...cell.querySelectorAll('input')].map((i) => i.value),
      }))),
    }));
  }, scope);
}

/** The table whose caption starts like `caption` (first words of the locale's text). */
export function tableByCaption(tables, caption) {
  const head = caption.split('{')[0].trim();
  return tables.find((t) => t.caption.startsWith(head));
}

/**
 * The `<text>` labels of each chart (`.chart-svg`) in `scope`, in document order, with their
 * position; and the filled rectangles (fill colour, x, y, width, height).
 */
export async function readCharts(page, scope = 'main') {
  return page.evaluate((scope) => {
    const root = document.querySelector(scope) ?? document.body;
    return [...root.querySelectorAll('.chart-svg')].map((box) => ({
      label: box.getAttribute('aria-label') ?? '',
      texts: [...box.querySelectorAll('text')].map((t) => ({
        text: t.textContent.trim(),
        x: Number(t.getAttribute('x')),
        y: Number(t.getAttribute('y')),
      })),
      rects: [...box.querySelectorAll('rect')].map((r) => ({
        fill: (r.getAttribute('fill') ?? '').toLowerCase(),
        x: Number(r.getAttribute('x')),
        y: Number(r.getAttribute('y')),
        width: Number(r.getAttribute('width')),
        height: Number(r.getAttribute('height')),
      })),
      lines: [...box.querySelectorAll('polyline, path, line')].length,
    }));
  }, scope);
}

/** A locale group's English texts. */
export async function texts(group) {
  return JSON.parse(await readFile(path.join(repoRoot, `locales/en/${group}.json`), 'utf8'));
}

/** The English content: areas in order, each with its questions and default targets. */
export async function content() {
  const dir = path.join(repoRoot, 'content/en/areas');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const areas = await Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8'))));
  return areas.sort((a, b) => a.number - b.number);
}

/** A stage id as the targets read it: "unknown" (not said) takes a seed-stage company's targets. */
function targetStage(stage) {
  return ['pre-seed', 'seed', 'series-a', 'series-b-plus'].includes(stage) ? stage : 'seed';
}

/**
 * The Results figures worked out from the stored answers: per area the questions, answered
 * (level or "does not apply"), counted (level and applicable), score, target, gap, importance
 * and priority; the maturity index as the mean of the area scores.
 */
export function results(areas, stored) {
  const stage = targetStage(stored.profile?.stage);
  const rows = areas.map((area) => {
    let done = 0;
    const levels = [];
    const targets = [];
    for (const q of area.questions) {
      const a = stored.answers?.[q.id];
      if (!a) continue;
      if (a.current != null || a.not_applicable != null) done++;
      if (a.not_applicable != null || a.current == null) continue;
      levels.push(a.current);
      targets.push(a.target ?? (q.default_targets ?? area.default_targets)[stage]);
    }
    const mean = (xs) => (xs.length ? xs.reduce((s, v) => s + v, 0) / xs.length : null);
    const score = mean(levels);
    const target = mean(targets);
    // The gap as the app defines it: the target shown minus today shown (one decimal each).
    const shown1 = (x) => Math.round(x * 10 + 1e-9) / 10;
    const gap = score == null ? null : Math.round((shown1(target) - shown1(score)) * 10 + (shown1(target) >= shown1(score) ? 1e-9 : -1e-9)) / 10;
    const importance = stored.areas?.[area.id]?.importance ?? 2;
    return {
      id: area.id,
      name: area.name,
      questions: area.questions.length,
      done,
      counted: levels.length,
      score,
      target,
      gap,
      importance,
      priority: gap == null ? null : Math.max(gap, 0) * importance,
    };
  });
  const scored = rows.filter((r) => r.score != null);
  return {
    areas: rows,
    index: scored.length ? scored.reduce((s, r) => s + r.score, 0) / scored.length : null,
    scored: scored.length,
    counted: rows.reduce((s, r) => s + r.counted, 0),
    done: rows.reduce((s, r) => s + r.done, 0),
    questions: rows.reduce((s, r) => s + r.questions, 0),
    notApplicable: areas.reduce((s, area) => s + area.questions.filter((q) => stored.answers?.[q.id]?.not_applicable != null).length, 0),
  };
}

/** Areas with a positive gap, highest priority first (ties: larger gap), as the app ranks them. */
export function rankedGaps(res) {
  return res.areas
    .map((r, i) => ({ ...r, i }))
    .filter((r) => r.gap != null && r.gap > 1e-9)
    .sort((x, y) => y.priority - x.priority || y.gap - x.gap || x.i - y.i);
}

/** One review's counts worked out from the stored file (framework ids only). */
export function reviewCounts(areas, stored, review) {
  const questions = new Set(areas.flatMap((a) => a.questions.map((q) => q.id)));
  const areaIds = new Set(areas.map((a) => a.id));
  const c = { rated: 0, same: 0, differ: 0, 'founder-no-level': 0, comments: 0 };
  for (const [id, x] of Object.entries(review.answers ?? {})) {
    if (!questions.has(id)) continue;
    if ((x.comment ?? '').trim()) c.comments++;
    if (x.level == null) continue;
    c.rated++;
    const a = stored.answers?.[id];
    const own = a && a.not_applicable == null ? a.current : null;
    if (own == null) c['founder-no-level']++;
    else if (own === x.level) c.same++;
    else c.differ++;
  }
  for (const [id, x] of Object.entries(review.areas ?? {})) {
    if (areaIds.has(id) && (x.comment ?? '').trim()) c.comments++;
  }
  return c;
}

/** The review-count lists on the page: for each list, name → the number its line says. */
export async function readReviewCounts(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-testid=review-counts]')].map((ul) =>
    Object.fromEntries([...ul.querySelectorAll('li[data-count]')].map((li) => [li.dataset.count, li.innerText]))));
}

/**
 * "1 person-weeks", "question(s)": a count of one with a plural noun of the app's own words, or a
 * hedged plural. Units typed by users (a KPI's "hours") are theirs and not looked at.
 */
export function pluralSlips(text) {
  const nouns = 'person-weeks|weeks|questions|answers|areas|initiatives|comments|levels|people|risks|quarters|steps|reviews|conflicts|candidates|measurements|months|engineers';
  return [
    ...[...text.matchAll(new RegExp(`(?<![\\d.,])1 (${nouns})\\b`, 'g'))].map((x) => x[0]),
    ...[...text.matchAll(/\w+\(s\)/g)].map((x) => x[0]),
  ];
}

/** An ISO date (2027-06-30) in a text, which a user should never see next to formatted ones. */
export const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

/** The decimals a number is written with ("0.2906" has 4). */
export function maxDecimals(text) {
  return Math.max(0, ...[...String(text).matchAll(/\d\.(\d+)/g)].map((m) => m[1].length));
}
