/**
 * Calendar days as plain integers ("day numbers": days since 1970-01-01), so the domain math never
 * meets a time zone. A day number maps to the UTC midnight of that calendar day. Converting a Sheets
 * `Date` (midnight in the spreadsheet's time zone) to a day number needs that zone, so it lives in
 * `src/core/time-zone.ts`, not here.
 */

export const MS_PER_DAY = 86_400_000;
/** Average year length, used everywhere a duration in days becomes years. */
export const DAYS_PER_YEAR = 365.25;
/** Sheets serial number of 1970-01-01 (Sheets counts days from 1899-12-30). */
export const SERIAL_OF_UNIX_EPOCH = 25_569;

/** 0 = Sunday ... 6 = Saturday, as in `Date.prototype.getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface CalendarDate {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

/** The day number of a calendar date, or null when it does not exist (2023-02-29). */
export function dayFromYmd(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // setUTCFullYear, unlike Date.UTC, does not turn years 0-99 into 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** The calendar date of a day number. */
export function ymdFromDay(dayNumber: number): CalendarDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from `fromDay` to `toDay` (negative when `toDay` is earlier). */
export function daysBetween(fromDay: number, toDay: number): number {
  return toDay - fromDay;
}

/** The same day of the month `months` later (or earlier), clamped to the month's end: Jan 31 + 1 = Feb 29. */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = ymdFromDay(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return dayFromYmd(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth))) as number;
}

/** Day of the week of a day number (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): Weekday {
  return ((((dayNumber + 4) % 7) + 7) % 7) as Weekday;
}

/** The first day of the week containing `dayNumber`, for weeks starting on `weekStart`. */
export function startOfWeek(dayNumber: number, weekStart: Weekday): number {
  return dayNumber - ((weekdayOf(dayNumber) - weekStart + 7) % 7);
}

/** Months since year 0 (year × 12 + month − 1): consecutive calendar months are consecutive integers. */
export function monthIndexOf(dayNumber: number): number {
  const { year, month } = ymdFromDay(dayNumber);
  return year * 12 + month - 1;
}

/** The day number of the 1st of a month given by `monthIndexOf`. */
export function firstDayOfMonthIndex(monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  return dayFromYmd(year, monthIndex - year * 12 + 1, 1) as number;
}

/** `yyyy-mm-dd` for a day number. */
export function formatIsoDay(dayNumber: number): string {
  const { year, month, day } = ymdFromDay(dayNumber);
  const yyyy = year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : String(year);
  return `${yyyy}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day number of a strict `yyyy-mm-dd` string, or null. */
export function parseIsoDay(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return match ? dayFromYmd(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** The calendar day of a Date read in UTC (use for UTC-midnight dates only). */
export function dayFromUtcDate(date: Date): number | null {
  const time = date.getTime();
  return Number.isFinite(time) ? Math.floor(time / MS_PER_DAY) : null;
}

/** UTC midnight of a day number. */
export function utcDateFromDay(dayNumber: number): Date {
  return new Date(dayNumber * MS_PER_DAY);
}

/** Day number of a Sheets serial date (days since 1899-12-30; a time of day is dropped). */
export function dayFromSerial(serial: number): number {
  return Math.floor(serial) - SERIAL_OF_UNIX_EPOCH;
}

export function serialFromDay(dayNumber: number): number {
  return dayNumber + SERIAL_OF_UNIX_EPOCH;
}

/** A duration in days as years of `DAYS_PER_YEAR` days. */
export function daysToYears(days: number): number {
  return days / DAYS_PER_YEAR;
}

/**
 * True for a Date from any realm: `instanceof Date` fails for Dates made in another VM context
 * (the emulator and the bundle tests run the add-on in one).
 */
export function isDate(value: unknown): value is Date {
  // typeof and instanceof first: cells are mostly numbers, text and blanks, and same-realm Dates.
  if (typeof value !== 'object' || value === null) return false;
  return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]';
}
