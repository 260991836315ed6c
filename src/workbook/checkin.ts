/**
 * Logging a check-in: one row per client per week, appended under the document lock in at most
 * 4 spreadsheet calls (read the tab, write the row; on replace also read and write the note that keeps
 * the old values).
 */
import { parseCheckIn, planCheckIn, findWeekRow, type CheckInInput } from '../core/checkin';
import { parseFormDay } from '../core/form-day';
import { weekOf } from '../core/cadence';
import { metricSpec, type MetricSpec } from '../core/client-tab';
import { formatIsoDay, type Weekday } from '../core/dates';
import { columnLetter, quoteSheetName } from '../core/layout';
import { setOwn } from '../core/own';
import { numberAsTyped } from '../core/parse';
import { progressFraction } from '../core/progress';
import { todayIn } from './today';
import { cellValue, readText, writeBlock, type Zone } from './cells';
import { latestMetricValue, openClientTab, type ClientTab } from './client-log';
import { growTab } from './client-tab';
import { withDocumentLock } from './lock';
import { FIX_FIELDS, refusal, type Outcome } from '../core/outcome';
import { activeSpreadsheet, readSettings, readZone } from './tables';
import { cleanEnteredBy } from '../core/entered-by';
import { rememberName } from './user-name';

export interface CheckInRequest extends CheckInInput {
  clientId: string;
  replace?: boolean;
  enteredBy?: string;
}

export interface CheckInSaved {
  clientId: string;
  weekOf: string;
  row: number;
  replaced: boolean;
}

function a1(tab: ClientTab, row0: number, column0: number, width = 1, height = 1): string {
  // A log with dates across is planned transposed: its rows are the sheet's columns.
  if (tab.transposed) [row0, column0, width, height] = [column0, row0, height, width];
  const start = `${columnLetter(column0 + 1)}${row0 + 1}`;
  const end = `${columnLetter(column0 + width)}${row0 + height}`;
  return `${quoteSheetName(tab.tabName)}!${width === 1 && height === 1 ? start : `${start}:${end}`}`;
}

export function saveCheckIn(request: CheckInRequest): Outcome<CheckInSaved> {
  if (!request || typeof request.clientId !== 'string' || request.clientId.trim() === '') {
    return {
      ok: false,
      errors: [{ field: 'clientId', message: 'Choose a client.' }],
      message: 'Choose a client.',
    };
  }
  // Who typed it is a label the sidebar fills in (the VA's name), not the user's content: it is kept short.
  const name = cleanEnteredBy(request.enteredBy);
  if (!name.ok) {
    return { ok: false, errors: [{ field: 'enteredBy', message: name.message }], message: name.message };
  }
  const enteredBy = name.value ?? '';
  const saved = withDocumentLock((): Outcome<CheckInSaved> => {
    const ss = activeSpreadsheet();
    // Read now, not from a cache: the user may have changed the locale or Settings since the last call.
    const zone = readZone(ss);
    const { weekStart } = readSettings(ss, zone.locale);
    const tab = openClientTab(ss, request.clientId, zone);
    const parseWeek = (text: string) => {
      const day = parseFormDay(text);
      return day === null ? null : weekOf(day, weekStart);
    };
    const week = typeof request.weekOf === 'string' ? parseWeek(request.weekOf) : null;
    const previous = new Map(
      tab.metrics.map((m) => [m.name, week === null ? null : latestMetricValue(tab, m.name, week)]),
    );
    const parsed = parseCheckIn(request, tab.metrics, parseWeek, zone.locale, { previous });
    if (!parsed.ok) return refusal(parsed.errors, FIX_FIELDS);
    const today = todayIn(zone);
    const plan = planCheckIn(tab.log, tab.values, parsed.value, enteredBy, request.replace === true, today);
    if (!plan.ok)
      return { ok: false, errors: [{ field: plan.field, message: plan.message }], message: plan.message };
    const { row, runs, previousNote, replaced, insert } = plan.value;
    if (insert || row + 1 > tab.values.length) {
      const sheet = ss.getSheetByName(tab.tabName);
      // Above an adopted log's summary lines (or another table): a new line, so none of theirs is written.
      if (sheet && insert && tab.transposed) sheet.insertColumnsBefore(row + 1, 1);
      else if (sheet && insert) sheet.insertRowsBefore(row + 1, 1);
      else if (sheet && tab.transposed) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
      else if (sheet) growTab(sheet);
    }
    const at = (row1: number, column1: number, rows: number, columns: number) =>
      ss.getRange(a1(tab, row1 - 1, column1 - 1, columns, rows));
    const sheetRange = (row1: number, column1: number, rows: number, columns: number) =>
      ss.getRange(
        `${quoteSheetName(tab.tabName)}!${columnLetter(column1)}${row1}:` +
          `${columnLetter(column1 + columns - 1)}${row1 + rows - 1}`,
      );
    for (const run of runs) {
      const cells = run.cells.map((c) => cellValue(c, zone));
      // Dates across: the planned row is a sheet column, so its cells go down that column.
      if (tab.transposed)
        writeBlock(
          sheetRange,
          run.column + 1,
          row + 1,
          cells.map((cell) => [cell]),
        );
      else writeBlock(at, row + 1, run.column + 1, [cells]);
    }
    if (previousNote) {
      const noteCell = ss.getRange(a1(tab, row, tab.log.weekColumn));
      const earlier = noteCell.getNote();
      noteCell.setNote(earlier ? `${earlier}\n\n${previousNote}` : previousNote);
    }
    return {
      ok: true,
      value: {
        clientId: request.clientId,
        weekOf: formatIsoDay(parsed.value.weekDay),
        row: row + 1,
        replaced,
      },
    };
  });
  // Remembered for this user once the row is written (user properties, not document calls).
  if (saved.ok && name.value !== undefined) rememberName(name.value);
  return saved;
}

export interface CheckInFormData {
  clientId: string;
  tabName: string;
  weekOf: string;
  metrics: (MetricSpec & { last: number | null })[];
  /** The log columns besides the metrics that this tab has (an adopted tab may have none of them). */
  fields: { satisfaction: boolean; wins: boolean; blockers: boolean; notes: boolean };
  /** The latest check-in before this week ("last" beside each metric comes from it), or null. */
  previousWeekOf: string | null;
  existing: {
    values: Record<string, string>;
    satisfaction: string;
    wins: string;
    blockers: string;
    notes: string;
  } | null;
}

/**
 * What the check-in form shows: this week, the metrics with their last values, and the row already logged.
 * The caller reads the tab (readClientTab: a read, writing nothing) and takes the handling advice from the same read.
 */
export function checkInForm(tab: ClientTab, zone: Zone, weekStart: Weekday): CheckInFormData {
  const clientId = tab.clientId;
  const week = weekOf(todayIn(zone), weekStart);
  const existingRow = findWeekRow(tab.log, week);
  const cells = (row: number) => tab.values[row] ?? [];
  const textAt = (row: number, column: number) => (column >= 0 ? readText(cells(row)[column], zone) : '');
  // The form sends these back as typed text on Replace: in the spreadsheet's locale, so 12.345 stays 12.345.
  const numberAt = (row: number, column: number) => {
    const value = column >= 0 ? cells(row)[column] : '';
    return typeof value === 'number' ? numberAsTyped(value, zone.locale) : textAt(row, column);
  };
  // Only the metrics the log has a column for; "last" is the week before this one, so a fixed typo keeps it.
  const metrics = tab.metrics
    .filter((metric) => tab.log.metricColumns.has(metric.name))
    .map((metric) => ({ ...metricSpec(metric), last: latestMetricValue(tab, metric.name, week) }));
  let existing: CheckInFormData['existing'] = null;
  if (existingRow) {
    const values: Record<string, string> = {};
    for (const [name, column] of tab.log.metricColumns)
      setOwn(values, name, numberAt(existingRow.row, column));
    existing = {
      values,
      satisfaction: textAt(existingRow.row, tab.log.satisfactionColumn),
      wins: textAt(existingRow.row, tab.log.winsColumn),
      blockers: textAt(existingRow.row, tab.log.blockersColumn),
      notes: textAt(existingRow.row, tab.log.notesColumn),
    };
  }
  const fields = {
    satisfaction: tab.log.satisfactionColumn >= 0,
    wins: tab.log.winsColumn >= 0,
    blockers: tab.log.blockersColumn >= 0,
    notes: tab.log.notesColumn >= 0,
  };
  const before = tab.log.entries.filter((entry) => entry.day < week);
  const previousWeekOf = before.length ? formatIsoDay(Math.max(...before.map((entry) => entry.day))) : null;
  return {
    clientId,
    tabName: tab.tabName,
    weekOf: formatIsoDay(week),
    metrics,
    fields,
    previousWeekOf,
    existing,
  };
}

/** Progress of a metric, or null when it can't be computed. */
export function safeProgress(
  baseline: number | null,
  current: number | null,
  target: number | null,
): number | null {
  if (baseline === null || current === null || target === null || baseline === target) return null;
  return progressFraction(baseline, current, target);
}
