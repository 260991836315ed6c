/**
 * A weekly check-in: reading what the user typed, and planning where it goes in the client's log.
 * The plan writes only the log's own columns, in contiguous runs, so a column the user added
 * between ours is never touched.
 */
import { formatIsoDay } from './dates';
import { isBlank } from './layout';
import { ownedLogColumns, type LogLayout, type MetricDef } from './client-tab';
import { parseNumber } from './parse';

export interface FieldProblem {
  field: string;
  message: string;
}

/** A cell to write: a number, text (written as text), a calendar day, or blank. */
export type CellWrite = { number: number } | { text: string } | { day: number } | { blank: true };

export const MAX_TEXT_LENGTH = 5000;

export interface CheckInInput {
  weekOf: string;
  values: Record<string, string>;
  satisfaction: string;
  wins: string;
  blockers: string;
  notes: string;
}

export interface ParsedCheckIn {
  weekDay: number;
  metricValues: Map<string, number | null>;
  satisfaction: number | null;
  wins: string;
  blockers: string;
  notes: string;
}

/** Checks every field; problems name the field the sidebar shows them next to. */
export function parseCheckIn(
  input: CheckInInput,
  metrics: readonly MetricDef[],
  parseWeek: (text: string) => number | null,
  locale = 'en_US',
): { ok: true; value: ParsedCheckIn } | { ok: false; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const weekDay = typeof input.weekOf === 'string' ? parseWeek(input.weekOf) : null;
  if (weekDay === null) errors.push({ field: 'weekOf', message: 'Week of must be a date (yyyy-mm-dd).' });
  const metricValues = new Map<string, number | null>();
  const typed = input.values && typeof input.values === 'object' ? input.values : {};
  for (const metric of metrics) {
    const raw = typed[metric.name];
    if (raw === undefined || raw === null || String(raw).trim() === '') {
      metricValues.set(metric.name, null);
      continue;
    }
    const value = parseNumber(String(raw), locale);
    if (value === null) {
      errors.push({
        field: `values.${metric.name}`,
        message: `${metric.name} must be a number; got "${String(raw)}".`,
      });
    } else metricValues.set(metric.name, value);
  }
  for (const name of Object.keys(typed)) {
    if (!metrics.some((metric) => metric.name === name) && String(typed[name] ?? '').trim() !== '') {
      errors.push({ field: `values.${name}`, message: `"${name}" is not a metric of this client.` });
    }
  }
  let satisfaction: number | null = null;
  const rawSatisfaction = String(input.satisfaction ?? '').trim();
  if (rawSatisfaction !== '') {
    const score = parseNumber(rawSatisfaction, locale);
    if (score === null || !Number.isInteger(score) || score < 1 || score > 10) {
      errors.push({
        field: 'satisfaction',
        message: `Satisfaction must be a whole number from 1 to 10; got "${rawSatisfaction}".`,
      });
    } else satisfaction = score;
  }
  const text = (field: 'wins' | 'blockers' | 'notes'): string => {
    const value = input[field] ?? '';
    if (typeof value !== 'string') {
      errors.push({ field, message: `${field} must be text.` });
      return '';
    }
    if (value.length > MAX_TEXT_LENGTH) {
      errors.push({
        field,
        message: `Keep ${field} under ${MAX_TEXT_LENGTH} characters (it has ${value.length}).`,
      });
    }
    return value.trim();
  };
  const wins = text('wins');
  const blockers = text('blockers');
  const notes = text('notes');
  if (errors.length > 0 || weekDay === null) return { ok: false, errors };
  return { ok: true, value: { weekDay, metricValues, satisfaction, wins, blockers, notes } };
}

/** The log row already holding the week that starts on `weekDay` (any date within those 7 days). */
export function findWeekRow(log: LogLayout, weekDay: number): { row: number; day: number } | null {
  return log.entries.find((entry) => entry.day >= weekDay && entry.day < weekDay + 7) ?? null;
}

export interface CheckInPlan {
  /** 0-based row of the log to write. */
  row: number;
  replaced: boolean;
  /** Contiguous runs of owned columns: first 0-based column and the cells to write. */
  runs: { column: number; cells: CellWrite[] }[];
  /** For a replacement: the old values, to keep in a note on the Week of cell. */
  previousNote: string | null;
}

/**
 * Plans the write. Refuses a second row for the same week unless `replace`; a replacement keeps the
 * old row's values in `previousNote`.
 */
export function planCheckIn(
  log: LogLayout,
  values: readonly unknown[][],
  entry: ParsedCheckIn,
  enteredBy: string,
  replace: boolean,
  todayDay: number,
): { ok: true; value: CheckInPlan } | { ok: false; message: string } {
  const existing = findWeekRow(log, entry.weekDay);
  if (existing && !replace) {
    return {
      ok: false,
      message: `The week of ${formatIsoDay(entry.weekDay)} is already logged (row ${existing.row + 1}). Choose Replace to overwrite it; the old values are kept in a note.`,
    };
  }
  const row = existing ? existing.row : log.lastRow + 1;
  const cells = new Map<number, CellWrite>();
  const put = (column: number, cell: CellWrite) => {
    if (column >= 0) cells.set(column, cell);
  };
  const textCell = (text: string): CellWrite => (text === '' ? { blank: true } : { text });
  put(log.weekColumn, { day: entry.weekDay });
  for (const [name, column] of log.metricColumns) {
    const value = entry.metricValues.get(name);
    put(column, value === null || value === undefined ? { blank: true } : { number: value });
  }
  put(log.satisfactionColumn, entry.satisfaction === null ? { blank: true } : { number: entry.satisfaction });
  put(log.winsColumn, textCell(entry.wins));
  put(log.blockersColumn, textCell(entry.blockers));
  put(log.notesColumn, textCell(entry.notes));
  put(log.enteredByColumn, textCell(enteredBy));

  const runs: CheckInPlan['runs'] = [];
  for (const column of ownedLogColumns(log)) {
    const last = runs[runs.length - 1];
    const cell = cells.get(column) ?? { blank: true };
    if (last && last.column + last.cells.length === column) last.cells.push(cell);
    else runs.push({ column, cells: [cell] });
  }
  let previousNote: string | null = null;
  if (existing) {
    const header = values[log.headerRow] ?? [];
    const old = values[existing.row] ?? [];
    const parts = ownedLogColumns(log)
      .filter((column) => column !== log.weekColumn && !isBlank(old[column]))
      .map((column) => `${String(header[column])}: ${describe(old[column])}`);
    previousNote = `Replaced on ${formatIsoDay(todayDay)}. Before: ${parts.length ? parts.join('; ') : '(empty)'}`;
  }
  return { ok: true, value: { row, replaced: Boolean(existing), runs, previousNote } };
}

function describe(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}
