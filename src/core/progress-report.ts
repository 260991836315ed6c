/**
 * The one-page progress report for a client: "here is what you wanted; here is where we are on the
 * measures you chose". Their definition of success and scope quoted, each metric's baseline (day one),
 * value four weeks ago, now and target, and the wins logged; as rows for the report tab and as plain
 * text to paste into an email. Numbers and dates are written the spreadsheet's way (locale, Settings'
 * date format).
 */
import { isDate } from './dates';
import { formatDayAs } from './locale-date';
import { progressFraction } from './progress';

/** "Over the last four weeks" compares now with the latest value on or before this many days ago. */
export const REPORT_RECENT_DAYS = 28;
/**
 * SPARKLINE "only accepts a few hundred data points" (Google's SPARKLINE help): the trend line keeps the
 * latest 200.
 */
export const REPORT_MAX_POINTS = 200;
/** The wins that fit on one page, most recent first. */
export const REPORT_MAX_WINS = 8;

export interface ReportMetricInput {
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  /** Logged values, any order. */
  values: readonly { day: number; value: number }[];
}

export interface ReportInput {
  client: string;
  program: string;
  startDay: number | null;
  today: number;
  definitionOfSuccess: string;
  scope: string;
  metrics: readonly ReportMetricInput[];
  wins: readonly { day: number; text: string }[];
  /** Settings' date format (`m/d/yyyy`, `dd.mm.yyyy`, `yyyy-mm-dd`). */
  dateFormat: string;
  /** The spreadsheet's locale (`en_US`, `de_DE`), for numbers. */
  intlLocale: string;
  /** Context for the conversation (core/expectations.ts `beyondBestNotes`): targets beyond anything achieved before. */
  context?: readonly string[];
}

export interface ReportMetricRow {
  name: string;
  unit: string;
  baseline: number | null;
  fourWeeksAgo: number | null;
  now: number | null;
  target: number | null;
  /** Fraction of the way from baseline to target now; null when it can't be computed. */
  progress: number | null;
  /** Now minus four weeks ago; null when either is missing. */
  lastFourWeeks: number | null;
  /** Every logged value, oldest first (the trend line since day one; the latest REPORT_MAX_POINTS). */
  series: number[];
}

function latestOnOrBefore(values: ReportMetricInput['values'], day: number): number | null {
  let best: { day: number; value: number } | null = null;
  for (const point of values) if (point.day <= day && (best === null || point.day >= best.day)) best = point;
  return best ? best.value : null;
}

/** A metric's row: day one, four weeks ago, now, target. */
export function reportMetricRow(metric: ReportMetricInput, today: number): ReportMetricRow {
  const now = latestOnOrBefore(metric.values, today);
  const fourWeeksAgo = latestOnOrBefore(metric.values, today - REPORT_RECENT_DAYS);
  const { baseline, target } = metric;
  return {
    name: metric.name,
    unit: metric.unit,
    baseline,
    fourWeeksAgo,
    now,
    target,
    progress:
      baseline !== null && target !== null && now !== null && baseline !== target
        ? progressFraction(baseline, now, target)
        : null,
    lastFourWeeks: now !== null && fourWeeksAgo !== null ? round(now - fourWeeksAgo) : null,
    series: [...metric.values]
      .filter((p) => p.day <= today)
      .sort((a, b) => a.day - b.day)
      .map((p) => p.value)
      .slice(-REPORT_MAX_POINTS),
  };
}

/** Floating-point noise off a difference (82.3 − 83.1 is −0.8, not −0.7999…). */
function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** The wins to show, most recent first, blank ones left out. */
export function reportWins(input: Pick<ReportInput, 'wins' | 'today'>): { day: number; text: string }[] {
  return input.wins
    .filter((win) => win.text.trim() !== '' && win.day <= input.today)
    .sort((a, b) => b.day - a.day);
}

const CURRENCY_PREFIXES = new Set(['$', '€', '£', '¥', '₹', 'US$', 'A$', 'C$', 'R$']);

/** A value with its unit, in the locale: `$1,200`, `12%`, `82.5 kg`, `–` for none. */
export function formatValue(value: number | null, unit: string, intlLocale: string, signed = false): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const sign = signed && value > 0 ? '+' : value < 0 ? '-' : '';
  const digits = Math.abs(value).toLocaleString(intlLocale, { maximumFractionDigits: 2 });
  if (CURRENCY_PREFIXES.has(unit)) return `${sign}${unit}${digits}`;
  if (unit === '%') return `${sign}${digits}%`;
  return unit ? `${sign}${digits} ${unit}` : `${sign}${digits}`;
}

/** The report's subtitle: "Strength coaching · since 1/3/2024 · as of 3/12/2025". */
export function reportSubtitle(input: ReportInput): string {
  return [
    input.program,
    input.startDay !== null ? `since ${formatDayAs(input.startDay, input.dateFormat)}` : '',
    `as of ${formatDayAs(input.today, input.dateFormat)}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The report as plain text, to paste into an email. */
export function reportText(input: ReportInput): string {
  const fmt = (value: number | null, unit: string, signed = false) =>
    formatValue(value, unit, input.intlLocale, signed);
  const lines: string[] = [`Progress report: ${input.client}`, reportSubtitle(input), ''];
  lines.push(
    'What you wanted',
    input.definitionOfSuccess ? `“${input.definitionOfSuccess}”` : '(not written down yet)',
    '',
  );
  if (input.scope) lines.push('What we agreed to do', input.scope, '');
  lines.push('Where we are on the measures you chose');
  const rows = input.metrics.map((metric) => reportMetricRow(metric, input.today));
  if (!rows.length) lines.push('- No measures defined yet.');
  for (const row of rows) {
    const way = row.progress === null ? '' : `: ${Math.round(row.progress * 100)}% of the way`;
    const recent =
      row.lastFourWeeks === null
        ? ''
        : ` Last 4 weeks: ${fmt(row.fourWeeksAgo, row.unit)} → ${fmt(row.now, row.unit)} ` +
          `(${fmt(row.lastFourWeeks, row.unit, true)}).`;
    lines.push(
      `- ${row.name}: ${fmt(row.baseline, row.unit)} on day one, ${fmt(row.now, row.unit)} now, ` +
        `target ${fmt(row.target, row.unit)}${way}.${recent}`,
    );
  }
  for (const note of input.context ?? []) lines.push(`- ${note}`);
  const wins = reportWins(input);
  lines.push('', 'Wins');
  if (!wins.length) lines.push('- None logged yet.');
  for (const win of wins.slice(0, REPORT_MAX_WINS))
    lines.push(`- ${formatDayAs(win.day, input.dateFormat)}: ${win.text}`);
  if (wins.length > REPORT_MAX_WINS) lines.push(`- and ${wins.length - REPORT_MAX_WINS} more since day one`);
  return lines.join('\n');
}

/**
 * What a report tab holds, as one short string: its formulas (references aside) and typed values wherever
 * they sit (so inserting an empty row or column keeps it), for telling a tab left as made from one the user edited.
 */
export function reportFingerprint(values: unknown[][], formulas: string[][]): string {
  const cells: string[] = [];
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      const formula = formulas[r]?.[c] ?? '';
      // References move when rows or columns are inserted: the formula's shape is what counts.
      if (formula) cells.push(`f${formula.replace(/\$?\b[A-Z]{1,3}\$?\d+\b/g, '@')}`);
      else if (isDate(value)) cells.push(`d${value.getTime()}`);
      else if (value !== '' && value !== null && value !== undefined)
        cells.push(`${typeof value}${String(value)}`);
    }),
  );
  let hash = 5381;
  for (const ch of cells.sort().join('\u0001')) hash = ((hash * 33) ^ ch.charCodeAt(0)) >>> 0;
  return `${cells.length}:${hash.toString(36)}`;
}
