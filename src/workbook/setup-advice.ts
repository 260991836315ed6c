/**
 * Set up's part of the roster's advice: the computed columns' header formulas, the per-row advice formulas of
 * rows made before they existed, and the health bands' colors. A fixed number of calls whatever the roster's size.
 */
import { normalizeLabel } from '../core/clients';
import { isBlank } from '../core/layout';
import { ADVICE_COLUMNS } from './advice-schema';
import { adviceLinks, computedColumns, type SharedLogs } from './roster-advice';
import type { Sheet, Table } from './tables';

/** The Gainsight bands' colors (red 0–50, yellow 51–75, green 76–100), light enough to read text on. */
export const BAND_COLORS = { Red: '#f4c7c3', Yellow: '#fce8b2', Green: '#b7e1cd' } as const;

/** Keys of the per-row advice formulas that need only the managed sheets (not the client's tab). */
const ROW_KEYS = ['latePayments', 'openRequests', 'absorbedHours', 'nextReview'];

/**
 * Writes what is missing; `formulas` are the roster's data rows' formulas Set up read already. Returns how
 * many it wrote.
 */
export function setUpRosterAdvice(roster: Table, logs: SharedLogs, formulas: readonly string[][]): number {
  return headerFormulas(roster) + rowFormulas(roster, logs, formulas) + bandColors(roster);
}

/** A computed column's header cell gets its formula while it holds only our label (a user's formula stays). */
function headerFormulas(roster: Table): number {
  const wanted = computedColumns(roster);
  const columns = Object.keys(wanted).map((key) => roster.col[key]);
  if (columns.length === 0) return 0;
  const from = Math.min(...columns);
  const to = Math.max(...columns);
  const row = roster.header.row + 1;
  const formulas = roster.sheet.getRange(row, from + 1, 1, to - from + 1).getFormulas()[0];
  const cells = new Map<number, string>();
  for (const [key, formula] of Object.entries(wanted)) {
    const column = roster.col[key];
    const label = ADVICE_COLUMNS.find((c) => c.key === key)?.label;
    const current = roster.values[roster.header.row]?.[column];
    if (formulas[column - from] === '' && normalizeLabel(current) === normalizeLabel(label))
      cells.set(column, formula);
  }
  writeRuns(roster.sheet, row, cells);
  return cells.size;
}

/** Rows with a client whose four managed-sheet advice cells are all empty get those formulas. */
function rowFormulas(roster: Table, logs: SharedLogs, formulas: readonly string[][]): number {
  const columns = ROW_KEYS.map((key) => roster.col[key]);
  const count = roster.lastRow - roster.header.row;
  if (count <= 0 || columns.some((c) => !(c >= 0))) return 0;
  const first = roster.header.row + 2;
  const rows: number[] = [];
  for (let i = 0; i < count; i++) {
    const values = roster.values[roster.header.row + 1 + i] ?? [];
    if (isBlank(values[roster.col.clientId])) continue;
    if (columns.some((c) => !isBlank(values[c]) || (formulas[i]?.[c] ?? '') !== '')) continue;
    rows.push(i);
  }
  // Adjacent rows in one write, so a whole old roster costs one call (columns in schema order, as Set up adds them).
  const contiguous = columns.every((c, k) => c === columns[0] + k);
  let written = 0;
  for (let start = 0; start < rows.length;) {
    let end = start;
    while (contiguous && end + 1 < rows.length && rows[end + 1] === rows[end] + 1) end++;
    const block = rows.slice(start, end + 1).map((i) => {
      const links = adviceLinks(roster, first + i, logs, null);
      return ROW_KEYS.map((key) => links[key]);
    });
    if (contiguous) {
      roster.sheet
        .getRange(first + rows[start], columns[0] + 1, block.length, ROW_KEYS.length)
        .setValues(block);
    } else {
      writeRuns(
        roster.sheet,
        first + rows[start],
        new Map(ROW_KEYS.map((key, k) => [roster.col[key], block[0][k]])),
      );
    }
    written += block.length * ROW_KEYS.length;
    start = end + 1;
  }
  return written;
}

/**
 * Health and its drivers colored by band, added once: a rule already on the Health column (ours or the
 * user's) means the user has it as they want it.
 */
function bandColors(roster: Table): number {
  const health = roster.col.health;
  const drivers = roster.col.healthDrivers;
  if (!(health >= 0) || !(drivers >= 0)) return 0;
  const sheet = roster.sheet;
  const rules = sheet.getConditionalFormatRules();
  const covers = (range: GoogleAppsScript.Spreadsheet.Range) =>
    range.getColumn() <= health + 1 && health + 1 <= range.getLastColumn();
  if (rules.some((rule) => rule.getRanges().some(covers))) return 0;
  const first = roster.header.row + 2;
  const rows = Math.max(1, sheet.getMaxRows() - first + 1);
  const scores = sheet.getRange(first, health + 1, rows, 1);
  const texts = sheet.getRange(first, drivers + 1, rows, 1);
  const rule = () => SpreadsheetApp.newConditionalFormatRule();
  const added = [
    rule().whenNumberBetween(0, 50).setBackground(BAND_COLORS.Red).setRanges([scores]).build(),
    rule().whenNumberBetween(51, 75).setBackground(BAND_COLORS.Yellow).setRanges([scores]).build(),
    rule().whenNumberGreaterThan(75).setBackground(BAND_COLORS.Green).setRanges([scores]).build(),
    rule().whenTextStartsWith('Red').setBackground(BAND_COLORS.Red).setRanges([texts]).build(),
    rule().whenTextStartsWith('Yellow').setBackground(BAND_COLORS.Yellow).setRanges([texts]).build(),
    rule().whenTextStartsWith('Green').setBackground(BAND_COLORS.Green).setRanges([texts]).build(),
  ];
  sheet.setConditionalFormatRules([...rules, ...added]);
  return 0;
}

/** Writes `cells` (0-based column → formula) into 1-based `row`, one setValues per run of adjacent columns. */
function writeRuns(sheet: Sheet, row: number, cells: Map<number, string>): void {
  const columns = [...cells.keys()].sort((a, b) => a - b);
  for (let start = 0; start < columns.length;) {
    let end = start;
    while (end + 1 < columns.length && columns[end + 1] === columns[end] + 1) end++;
    const run = columns.slice(start, end + 1).map((column) => cells.get(column));
    sheet.getRange(row, columns[start] + 1, 1, run.length).setValues([run]);
    start = end + 1;
  }
}
