/** Moving values between the domain and cells: text stays text, numbers numbers, days become Dates. */
import { dayFromSerial, formatIsoDay, isDate } from '../core/dates';
import { parseDate } from '../core/parse';
import { dayOfDateInZone, midnightInZone } from '../core/time-zone';
import type { CellWrite } from '../core/checkin';
import { textNeedsProtection } from '../core/text';

export interface Zone {
  timeZone: string;
  locale: string;
}

/**
 * Text a user typed, to be written as text by `writeBlock`. Not an apostrophe-escaped string: in a cell the
 * user formatted as plain text ("@") Sheets keeps the apostrophe as a visible character.
 */
export class TextCell {
  constructor(readonly text: string) {}
}

export function asText(text: string): TextCell | '' {
  return text === '' ? '' : new TextCell(text);
}

/** A range of the sheet being written, by 1-based row and column and size. */
export type RangeAt = (
  row: number,
  column: number,
  rows: number,
  columns: number,
) => GoogleAppsScript.Spreadsheet.Range;

/**
 * Writes `block` at 1-based (`row`, `column`) in one setValues. Text that Sheets would read as a formula,
 * number, date or boolean (`textNeedsProtection`) gets the plain-text format "@" first, then is written as
 * is, so it reads as typed whatever the column's format was: one setNumberFormat per rectangle of such
 * cells (a column's run of rows), none when there are none.
 */
export function writeBlock(at: RangeAt, row: number, column: number, block: readonly unknown[][]): void {
  const protect: boolean[][] = block.map((cells) =>
    cells.map((cell) => cell instanceof TextCell && textNeedsProtection(cell.text)),
  );
  const width = block[0]?.length ?? 0;
  for (let c = 0; c < width; c++) {
    for (let r = 0; r < block.length;) {
      if (!protect[r][c]) {
        r++;
        continue;
      }
      let end = r;
      while (end + 1 < block.length && protect[end + 1][c]) end++;
      let right = c;
      const sameRows = (k: number) => {
        for (let i = r; i <= end; i++) if (!protect[i][k]) return false;
        return (r === 0 || !protect[r - 1][k]) && (end + 1 >= block.length || !protect[end + 1][k]);
      };
      while (right + 1 < width && sameRows(right + 1)) right++;
      at(row + r, column + c, end - r + 1, right - c + 1).setNumberFormat('@');
      for (let i = r; i <= end; i++) for (let k = c; k <= right; k++) protect[i][k] = false;
      r = end + 1;
    }
  }
  const values = block.map((cells) => cells.map((cell) => (cell instanceof TextCell ? cell.text : cell)));
  at(row, column, values.length, width).setValues(values);
}

/** `writeBlock` on a sheet. */
export function sheetAt(sheet: GoogleAppsScript.Spreadsheet.Sheet): RangeAt {
  return (row, column, rows, columns) => sheet.getRange(row, column, rows, columns);
}

/** A calendar day from a date cell: a Date (midnight in the spreadsheet's zone), a serial, or date text. */
export function readDay(value: unknown, zone: Zone): number | null {
  if (isDate(value)) return dayOfDateInZone(value, zone.timeZone);
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? dayFromSerial(value) : null;
  if (typeof value === 'string' && value.trim() !== '') return parseDate(value, zone.locale);
  return null;
}

/** A day reader that never treats numbers as dates (for detecting date columns next to numbers). */
export function strictDayReader(zone: Zone): (value: unknown) => number | null {
  return (value) => (typeof value === 'number' ? null : readDay(value, zone));
}

export function dayToCell(day: number, zone: Zone): Date {
  return midnightInZone(day, zone.timeZone);
}

export function cellValue(cell: CellWrite, zone: Zone): unknown {
  if ('number' in cell) return cell.number;
  if ('text' in cell) return asText(cell.text);
  if ('day' in cell) return dayToCell(cell.day, zone);
  return '';
}

/** A number from a cell that holds one; null otherwise (text, blanks, errors). */
export function readNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A cell as text; a date cell as its yyyy-mm-dd day, in the spreadsheet's zone when `zone` is given. */
export function readText(value: unknown, zone?: Zone): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) {
    // A date cell is midnight in the spreadsheet's zone: east of UTC, its UTC day is the day before.
    const day = zone ? dayOfDateInZone(value, zone.timeZone) : null;
    return day !== null ? formatIsoDay(day) : value.toISOString().slice(0, 10);
  }
  return String(value).trim();
}
