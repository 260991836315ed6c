/**
 * The client tab, read from its values: a profile card at the top, the metric definitions, then the
 * weekly log. Every section is found by its labels, so rows and columns the user inserted, and
 * columns of their own, are simply skipped.
 */
import { normalizeLabel } from './clients';
import { findHeaderRow, isBlank, readLabelledValues, type HeaderMatch } from './layout';
import { parseNumber } from './parse';

export const PROFILE = {
  client: 'Client',
  clientId: 'Client ID',
  since: 'Since',
  program: 'Program',
  success: 'Definition of success',
  scope: 'Scope',
} as const;
export const PROFILE_ORDER = [
  PROFILE.client,
  PROFILE.clientId,
  PROFILE.since,
  PROFILE.program,
  PROFILE.success,
  PROFILE.scope,
] as const;

export const METRIC_HEADER = ['Metric', 'Unit', 'Direction', 'Baseline', 'Target'] as const;

export const LOG = {
  weekOf: 'Week of',
  satisfaction: 'Satisfaction (1–10)',
  wins: 'Wins',
  blockers: 'Blockers',
  notes: 'Notes',
  enteredBy: 'Entered by',
} as const;
/** The log's satisfaction column is the one whose label starts with this. */
export const LOG_SATISFACTION_PREFIX = 'Satisfaction';
export const LOG_TRAILING = [LOG.satisfaction, LOG.wins, LOG.blockers, LOG.notes, LOG.enteredBy] as const;

/** Converts a date cell (Date, serial or text) to a day number; the workbook supplies the time zone. */
export type DayReader = (value: unknown) => number | null;

/** A metric as the forms and the card show it: what is measured, which way is better, from where to where. */
export interface MetricSpec {
  name: string;
  unit: string;
  direction: 'up' | 'down';
  baseline: number | null;
  target: number | null;
}

/** Just the `MetricSpec` fields of a metric (a definition carries its cell positions too). */
export function metricSpec({ name, unit, direction, baseline, target }: MetricSpec): MetricSpec {
  return { name, unit, direction, baseline, target };
}

export interface MetricDef extends MetricSpec {
  /** 0-based row of the definition, and columns of its baseline and target cells. */
  row: number;
  baselineColumn: number;
  targetColumn: number;
  nameColumn: number;
}

export interface LogLayout {
  headerRow: number;
  weekColumn: number;
  /** metric name (as in the log header) → 0-based column. */
  metricColumns: Map<string, number>;
  satisfactionColumn: number;
  winsColumn: number;
  blockersColumn: number;
  notesColumn: number;
  enteredByColumn: number;
  /** Last 0-based row with anything in a log column (the header row when the log is empty). */
  lastRow: number;
  /** Every dated log row, in sheet order. */
  entries: { row: number; day: number }[];
  /**
   * An adopted log's own rule for where a new week goes (its pre-dated line, or above its summary lines);
   * absent for our tabs, where the row after `lastRow` is always right.
   */
  place?: (weekDay: number) => { row: number; insert: boolean; keepDate: boolean };
}

export interface ClientTabModel {
  profile: Map<string, { row: number; column: number; value: unknown }>;
  metricHeader: HeaderMatch | null;
  metrics: MetricDef[];
  log: LogLayout | null;
}

function findLogHeader(values: readonly unknown[][]): HeaderMatch | null {
  return findHeaderRow(values, [LOG.weekOf]);
}

/**
 * The column whose label starts with `prefix` (for "Satisfaction (1-10)" written any way), or -1; the
 * exact label first, and never a metric's column (an older tab may have a metric named "Satisfaction").
 */
function columnStartingWith(
  header: HeaderMatch,
  prefix: string,
  exact: string,
  taken: ReadonlySet<number>,
): number {
  const exactColumn = header.columns.get(normalizeLabel(exact));
  if (exactColumn !== undefined) return exactColumn;
  const wanted = normalizeLabel(prefix);
  for (const [label, column] of header.columns)
    if (label.startsWith(wanted) && !taken.has(column)) return column;
  return -1;
}

export function parseClientTab(values: readonly unknown[][], readDay: DayReader): ClientTabModel {
  const logHeader = findLogHeader(values);
  const beforeLog = logHeader ? logHeader.row : values.length;
  const profile = readLabelledValues(values, PROFILE_ORDER, beforeLog);
  const metricHeader = findHeaderRow(values.slice(0, beforeLog), METRIC_HEADER);
  const metrics: MetricDef[] = [];
  if (metricHeader) {
    const col = (label: string) => metricHeader.columns.get(normalizeLabel(label)) as number;
    for (let row = metricHeader.row + 1; row < beforeLog; row++) {
      const cells = values[row] ?? [];
      const name = cells[col('Metric')];
      if (isBlank(name)) break;
      metrics.push({
        name: String(name).trim(),
        unit: String(cells[col('Unit')] ?? '').trim(),
        direction: normalizeLabel(cells[col('Direction')]) === 'down' ? 'down' : 'up',
        baseline: parseNumber(cells[col('Baseline')]),
        target: parseNumber(cells[col('Target')]),
        row,
        nameColumn: col('Metric'),
        baselineColumn: col('Baseline'),
        targetColumn: col('Target'),
      });
    }
  }
  return {
    profile,
    metricHeader,
    metrics,
    log: logHeader ? readLog(values, logHeader, metrics, readDay) : null,
  };
}

function readLog(
  values: readonly unknown[][],
  header: HeaderMatch,
  metrics: readonly MetricDef[],
  readDay: DayReader,
): LogLayout {
  const find = (label: string) => header.columns.get(normalizeLabel(label)) ?? -1;
  const metricColumns = new Map<string, number>();
  for (const metric of metrics) {
    const column = find(metric.name);
    if (column >= 0) metricColumns.set(metric.name, column);
  }
  const layout: LogLayout = {
    headerRow: header.row,
    weekColumn: find(LOG.weekOf),
    metricColumns,
    satisfactionColumn: columnStartingWith(
      header,
      LOG_SATISFACTION_PREFIX,
      LOG.satisfaction,
      new Set(metricColumns.values()),
    ),
    winsColumn: find(LOG.wins),
    blockersColumn: find(LOG.blockers),
    notesColumn: find(LOG.notes),
    enteredByColumn: find(LOG.enteredBy),
    lastRow: header.row,
    entries: [],
  };
  const owned = ownedLogColumns(layout);
  for (let row = header.row + 1; row < values.length; row++) {
    const cells = values[row] ?? [];
    if (owned.some((column) => !isBlank(cells[column]))) layout.lastRow = row;
    const day = readDay(cells[layout.weekColumn]);
    if (day !== null) layout.entries.push({ row, day });
  }
  return layout;
}

/** The log columns ClientTabs writes, sorted (a user's own columns are not among them). */
export function ownedLogColumns(log: LogLayout): number[] {
  const columns = [
    log.weekColumn,
    ...log.metricColumns.values(),
    log.satisfactionColumn,
    log.winsColumn,
    log.blockersColumn,
    log.notesColumn,
    log.enteredByColumn,
  ].filter((column) => column >= 0);
  return [...new Set(columns)].sort((a, b) => a - b);
}

/** The most recent log entry (by date, not by row), or null. */
export function latestEntry(log: LogLayout | null): { row: number; day: number } | null {
  if (!log || log.entries.length === 0) return null;
  return log.entries.reduce((best, entry) => (entry.day >= best.day ? entry : best));
}
