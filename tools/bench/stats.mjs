// Small statistics and formatting helpers for the benchmark reports (issue #9).
//
// Owns: medians, percentiles, number formatting and the one markdown table every bench writes.
// Plain node, no packages, no I/O: the browser bench and its tests import it.

/** The median of `values` (the mean of the two middle ones for an even count); NaN when empty. */
export function median(values) {
  return percentile(values, 50);
}

/**
 * The `p`-th percentile of `values` by linear interpolation between closest ranks (the method
 * numpy and most spreadsheets use by default); NaN when empty.
 */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/** Milliseconds with one decimal below 100 ms, whole above: "7.4 ms", "1234 ms". */
export function ms(value) {
  if (!Number.isFinite(value)) return 'n/a';
  return value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

/** Bytes in the unit a reader expects: "812 B", "14.2 KB", "3.70 MB" (1 KB = 1024 B). */
export function bytes(value) {
  if (!Number.isFinite(value)) return 'n/a';
  if (value < 1024) return `${value} B`;
  if (value < 1024 * 1024) return `${(value / 1024).toFixed(1)} KB`;
  return `${(value / 1024 / 1024).toFixed(2)} MB`;
}

/** "pass", "FAIL" or "—" (no budget), from a boolean or null. */
export function status(ok) {
  if (ok === null || ok === undefined) return '—';
  return ok ? 'pass' : 'FAIL';
}

/** Escapes the characters that would break a markdown table cell. */
function cell(text) {
  return String(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * One markdown table of rows `{ metric, value, budget, ok }` (`ok` true, false or null when the
 * metric has no budget), with a header naming the columns the issue asks for.
 */
export function markdownTable(rows) {
  const lines = ['| metric | value | budget | status |', '|---|---|---|---|'];
  for (const r of rows) {
    lines.push(`| ${cell(r.metric)} | ${cell(r.value)} | ${cell(r.budget ?? '—')} | ${status(r.ok)} |`);
  }
  return lines.join('\n');
}

/** A count of characters in millions or thousands: "1.23 M chars", "45.6 k chars". */
export function chars(value) {
  if (!Number.isFinite(value)) return 'n/a';
  if (value < 1000) return `${value} chars`;
  if (value < 1e6) return `${(value / 1e3).toFixed(1)} k chars`;
  return `${(value / 1e6).toFixed(2)} M chars`;
}
