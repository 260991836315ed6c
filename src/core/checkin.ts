/**
 * A weekly check-in: reading what the user typed, and planning where it goes in the client's log.
 * The plan writes only the log's own columns, in contiguous runs, so a column the user added
 * between ours is never touched.
 */
import { formatIsoDay } from './dates';
import { isBlank } from './layout';
import { ownedLogColumns, type LogLayout, type MetricDef } from './client-tab';
import { ownValue } from './own';
import type { Checked, FieldProblem } from './outcome';
import { parseSatisfaction } from './satisfaction';
import { shown } from './quote';
import { formDayMessage } from './form-day';
import { decimalSeparatorFor, parseTypedNumber, type TypedNumber } from './parse';

/** A cell to write: a number, text (written as text), a calendar day, or blank. */
export type CellWrite = { number: number } | { text: string } | { day: number } | { blank: true };

export const MAX_TEXT_LENGTH = 5000;

const TEXT_LABELS = { wins: 'Wins', blockers: 'Blockers', notes: 'Notes' } as const;

/**
 * A metric value as typed, read in the spreadsheet's locale only (`parseTypedNumber`): `12,5` is refused
 * in en_US. The metric's own unit typed with it means nothing more: `70%` in a `%` metric is 70 (its log
 * holds percent points), `85 kg` is 85. In a metric with no unit `12%` is 0.12, as Sheets reads it. Another
 * unit is dropped (`12%` in a USD metric is 12) and `metricUnitConflict` asks first. Null when not a number.
 */
export function parseMetricValue(raw: unknown, unit: string, locale = 'en_US'): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  return typedMetric(raw, unit, locale)?.value ?? null;
}

function typedMetric(
  raw: unknown,
  unit: string,
  locale: string,
): (TypedNumber & { ownUnit: boolean }) | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  const u = (unit ?? '').trim().toLowerCase();
  if (u && text.length > u.length) {
    const lower = text.toLowerCase();
    let rest: string | null = null;
    if (lower.endsWith(u) && /[\d.,\s]$/.test(text.slice(0, text.length - u.length)))
      rest = text.slice(0, text.length - u.length).trim();
    else if (lower.startsWith(u) && /^[\s\d.,+\-(]/.test(text.slice(u.length)))
      rest = text.slice(u.length).trim();
    if (rest !== null) {
      const read = parseTypedNumber(rest, locale);
      return read && !read.percent && !read.currency ? { ...read, ownUnit: true } : null;
    }
  }
  const read = parseTypedNumber(text, locale);
  if (!read) return null;
  // A metric with no unit reads 12% as Sheets does (0.12): an adopted percent column holds fractions.
  if (read.percent && unitKind(unit) === 'none') return { ...read, value: read.value / 100, ownUnit: true };
  return { ...read, ownUnit: false };
}

/** What kind of quantity a metric's unit names: `%`, money (`USD`, `$`, `EUR`, `€`), or anything else. */
export function unitKind(unit: string): 'percent' | 'money' | 'other' | 'none' {
  const u = (unit ?? '').trim();
  if (u === '') return 'none';
  if (u === '%' || /^percent(age)?$/i.test(u)) return 'percent';
  if (/^(?:[A-Z]{3}|[A-Z]{0,2}\p{Sc})$/u.test(u)) return 'money';
  return 'other';
}

/** The message for a number the locale cannot read, saying how the locale writes numbers. */
export function metricNumberMessage(name: string, raw: unknown, locale: string): string {
  const decimal = decimalSeparatorFor(locale);
  const group = decimal === '.' ? ',' : '.';
  return (
    `${name}: ${shown(raw)} is not a number in this spreadsheet's locale (${locale}), where ` +
    `"${decimal}" is the decimal separator and "${group}" groups thousands.`
  );
}

/**
 * A value typed in another unit than the metric's: money in a `%` metric ("$12,400"), a percentage in a
 * money metric ("12%"). The number as typed is what would be saved, so the user confirms it. Null when it
 * fits (or is not a number: `parseMetricValue` refuses that).
 */
export function metricUnitConflict(
  raw: unknown,
  metric: { name: string; unit: string },
  locale = 'en_US',
): string | null {
  const read = typedMetric(raw, metric.unit, locale);
  if (!read || read.ownUnit) return null;
  const kind = unitKind(metric.unit);
  const typed = read.percent ? 'a percentage' : read.currency ? 'money' : null;
  if (typed === null) return null;
  if (read.percent && kind === 'percent') return null;
  if (read.currency && (kind === 'money' || kind === 'none')) return null;
  const unit = metric.unit.trim() ? `in ${metric.unit.trim()}` : 'a plain number';
  return (
    `${shown(String(raw).trim())} is ${typed}, but ${metric.name} is ${unit}: press Enter again to ` +
    `save ${read.value}, or correct it.`
  );
}

/**
 * How far from the previous value a new one may be before we ask: 3 times (or a third). A digit typed
 * twice or dropped is 10×, a misplaced decimal point 10× or 100×, swapped leading digits up to ~5×; a real
 * week-on-week change of 3× is rare, and asking costs one Enter.
 */
export const FAR_FACTOR = 3;

/** A value FAR_FACTOR times (or less than a FAR_FACTOR-th) the previous one asks for a confirmation. */
export function farFromPrevious(name: string, value: number, previous: number | null): string | null {
  if (previous === null || previous === 0 || value === 0 || Math.sign(value) !== Math.sign(previous))
    return null;
  const ratio = value / previous;
  if (ratio < FAR_FACTOR && ratio > 1 / FAR_FACTOR) return null;
  return (
    `${name}: ${value} ` +
    `is ${ratio >= 1 ? `${FAR_FACTOR} times or more` : `1/${FAR_FACTOR} or less of`} the previous ` +
    `check-in's ${previous}: press Enter again to save it, or correct it.`
  );
}

/** Why a metric value needs a confirmation (other unit first, then far from the previous), or null. */
export function metricWarning(
  raw: unknown,
  metric: { name: string; unit: string },
  previous: number | null,
  locale = 'en_US',
): string | null {
  const value = parseMetricValue(raw, metric.unit, locale);
  if (value === null) return null;
  return metricUnitConflict(raw, metric, locale) ?? farFromPrevious(metric.name, value, previous);
}

/** What a week with no contact says in the log's Week of cell: text, so it is not a check-in date. */
export const NO_CONTACT_LABEL = 'No contact this week';
export function noContactText(weekDay: number): string {
  return `${NO_CONTACT_LABEL} (${formatIsoDay(weekDay)})`;
}

/**
 * A check-in must measure something: a metric or the satisfaction (or, on a tab with neither, some text),
 * unless the week is marked as no contact, which in turn takes no values. Null when it is fine.
 */
export function contentProblem(
  entry: { measured: boolean; written: boolean; noContact: boolean },
  canMeasure: boolean,
): FieldProblem | null {
  if (entry.noContact && entry.measured)
    return {
      field: 'noContact',
      message: `"${NO_CONTACT_LABEL}" is ticked but a metric or the satisfaction is typed: untick it, or clear them.`,
    };
  if (entry.noContact || entry.measured || (!canMeasure && entry.written)) return null;
  return {
    field: 'noContact',
    message: canMeasure
      ? `Nothing to save: type at least one metric or the satisfaction, or tick "${NO_CONTACT_LABEL}".`
      : `Nothing to save: type wins, blockers or notes, or tick "${NO_CONTACT_LABEL}".`,
  };
}

export interface CheckInInput {
  weekOf: string;
  values: Record<string, string>;
  satisfaction: string;
  wins: string;
  blockers: string;
  notes: string;
  /** The week is marked "No contact this week": no values, the client stays due. */
  noContact?: boolean;
  /** Metric names whose warning (other unit, far from the previous value) the user confirmed. */
  confirmed?: string[];
}

/** What a check-in is checked against besides its own fields. */
export interface CheckInContext {
  /** Each metric's value from the latest check-in before this week. */
  previous?: ReadonlyMap<string, number | null>;
}

export interface ParsedCheckIn {
  weekDay: number;
  metricValues: Map<string, number | null>;
  satisfaction: number | null;
  wins: string;
  blockers: string;
  notes: string;
  noContact: boolean;
}

/** Checks every field; problems name the field the sidebar shows them next to. */
export function parseCheckIn(
  input: CheckInInput,
  metrics: readonly MetricDef[],
  parseWeek: (text: string) => number | null,
  locale = 'en_US',
  context: CheckInContext = {},
): Checked<ParsedCheckIn> {
  const errors: FieldProblem[] = [];
  const weekDay = typeof input.weekOf === 'string' ? parseWeek(input.weekOf) : null;
  if (weekDay === null) errors.push({ field: 'weekOf', message: formDayMessage('Week of', input.weekOf) });
  const metricValues = new Map<string, number | null>();
  const confirmed = new Set(Array.isArray(input.confirmed) ? input.confirmed.map(String) : []);
  const rawValues: unknown = input.values;
  if (
    rawValues !== undefined &&
    rawValues !== null &&
    (typeof rawValues !== 'object' || Array.isArray(rawValues))
  )
    errors.push({ field: 'values', message: 'The metric values must be a set of metric name → value.' });
  const typed: Record<string, unknown> =
    rawValues && typeof rawValues === 'object' && !Array.isArray(rawValues)
      ? (rawValues as Record<string, unknown>)
      : {};
  for (const metric of metrics) {
    const raw = ownValue<unknown>(typed, metric.name);
    if (raw === undefined || raw === null || String(raw).trim() === '') {
      metricValues.set(metric.name, null);
      continue;
    }
    const value = parseMetricValue(raw, metric.unit, locale);
    if (value === null) {
      errors.push({ field: `values.${metric.name}`, message: metricNumberMessage(metric.name, raw, locale) });
      continue;
    }
    metricValues.set(metric.name, value);
    const warning = metricWarning(raw, metric, context.previous?.get(metric.name) ?? null, locale);
    if (warning !== null && !confirmed.has(metric.name))
      errors.push({ field: `values.${metric.name}`, message: warning });
  }
  for (const name of Object.keys(typed)) {
    if (
      !metrics.some((metric) => metric.name === name) &&
      String(ownValue(typed, name) ?? '').trim() !== ''
    ) {
      errors.push({ field: `values.${name}`, message: `${shown(name)} is not a metric of this client.` });
    }
  }
  let satisfaction: number | null = null;
  const score = parseSatisfaction(input.satisfaction ?? '', locale);
  if (score.ok) satisfaction = score.value;
  else errors.push({ field: 'satisfaction', message: score.message });
  const text = (field: 'wins' | 'blockers' | 'notes'): string => {
    const value: unknown = input[field] ?? '';
    if (typeof value !== 'string') {
      errors.push({ field, message: `${TEXT_LABELS[field]} must be text; got ${shown(value)}.` });
      return '';
    }
    if (value.length > MAX_TEXT_LENGTH) {
      errors.push({
        field,
        message: `Keep ${TEXT_LABELS[field]} under ${MAX_TEXT_LENGTH} characters (it has ${value.length}).`,
      });
    }
    return value.trim();
  };
  const wins = text('wins');
  const blockers = text('blockers');
  const notes = text('notes');
  const noContact = input.noContact === true;
  if (errors.length > 0 || weekDay === null) return { ok: false, errors };
  return { ok: true, value: { weekDay, metricValues, satisfaction, wins, blockers, notes, noContact } };
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
  /** Insert a line at `row` first (an adopted log with summary lines or another table below). */
  insert: boolean;
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
): { ok: true; value: CheckInPlan } | { ok: false; message: string; field: string } {
  const missing = unwritable(log, entry);
  if (missing) return { ok: false, ...missing };
  const existing = findWeekRow(log, entry.weekDay);
  if (existing && !replace) {
    return {
      ok: false,
      field: 'weekOf',
      message:
        `The week of ${formatIsoDay(entry.weekDay)} is already logged (row ${existing.row + 1}). ` +
        `Choose Replace to overwrite it; the old values are kept in a note.`,
    };
  }
  const canMeasure = log.metricColumns.size > 0 || log.satisfactionColumn >= 0;
  const measured = entry.satisfaction !== null || [...entry.metricValues.values()].some((v) => v !== null);
  const written = entry.wins !== '' || entry.blockers !== '' || entry.notes !== '';
  const problem = contentProblem({ measured, written, noContact: entry.noContact }, canMeasure);
  if (problem) return { ok: false, ...problem };
  const placed = existing || !log.place ? null : log.place(entry.weekDay);
  const row = existing ? existing.row : placed ? placed.row : log.lastRow + 1;
  const cells = new Map<number, CellWrite>();
  const put = (column: number, cell: CellWrite) => {
    if (column >= 0) cells.set(column, cell);
  };
  const textCell = (text: string): CellWrite => (text === '' ? { blank: true } : { text });
  // A pre-dated line keeps the date (or "Week 3") the user wrote there.
  const keepDate = placed?.keepDate === true && !entry.noContact;
  if (!keepDate)
    put(log.weekColumn, entry.noContact ? { text: noContactText(entry.weekDay) } : { day: entry.weekDay });
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
    if (keepDate && column === log.weekColumn) continue;
    const last = runs[runs.length - 1];
    const cell = cells.get(column) ?? { blank: true };
    // On a line of an adopted log, only what was typed is written: the user's own notes there stay.
    if (placed && 'blank' in cell) continue;
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
  return {
    ok: true,
    value: { row, replaced: Boolean(existing), runs, previousNote, insert: placed?.insert === true },
  };
}

/**
 * A value typed for a column the tab's log does not have (the user deleted or renamed its header, or an
 * adopted tab never had it) would be dropped: refuse instead, naming the column to add back.
 */
function unwritable(log: LogLayout, entry: ParsedCheckIn): { field: string; message: string } | null {
  const missing = (label: string) =>
    `The log in this client's tab has no "${label}" column (its header was renamed or removed). Add the ` +
    `header back, or leave this empty.`;
  for (const [name, value] of entry.metricValues) {
    if (value !== null && !log.metricColumns.has(name))
      return { field: `values.${name}`, message: missing(name) };
  }
  if (entry.satisfaction !== null && log.satisfactionColumn < 0)
    return { field: 'satisfaction', message: missing('Satisfaction (1–10)') };
  const texts = [
    ['wins', entry.wins, log.winsColumn],
    ['blockers', entry.blockers, log.blockersColumn],
    ['notes', entry.notes, log.notesColumn],
  ] as const;
  for (const [field, text, column] of texts) {
    if (text !== '' && column < 0) return { field, message: missing(TEXT_LABELS[field]) };
  }
  return null;
}

function describe(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}
