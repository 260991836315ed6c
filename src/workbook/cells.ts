/** Moving values between the domain and cells: text stays text, numbers numbers, days become Dates. */
import { dayFromSerial, formatIsoDay, isDate } from '../core/dates';
import { parseDate } from '../core/parse';
import { dayOfDateInZone, midnightInZone } from '../core/time-zone';
import type { CellWrite } from '../core/checkin';

export interface Zone {
  timeZone: string;
  locale: string;
}

/**
 * Text a user typed, as a cell value that Sheets keeps as text: a leading apostrophe stops `=`, `+`,
 * `-`, `@` becoming a formula and `007` or `3/4` becoming a number or a date. Sheets hides the apostrophe.
 */
export function asText(text: string): string {
  return text === '' ? '' : `'${text}`;
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
