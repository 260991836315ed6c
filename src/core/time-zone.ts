/**
 * Sheets stores a date cell as the `Date` of that day's midnight in the spreadsheet's time zone (not the
 * script's): `getValues` returns it that way, and a `Date` written or returned shows in that zone. Custom
 * functions receive it that way too, or at midnight in the script's zone (the docs don't say; see
 * `dayOfDateArgument`). These helpers move between such Dates and day numbers with `Intl`, which
 * knows every zone's offsets and their history. The one place in ClientTabs that converts time zones.
 */
import { MS_PER_DAY } from '../core/dates';

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Z']);

interface ZoneReader {
  /** null: UTC, or a zone Intl does not know (see `dayOfDateInZone`). */
  format: Intl.DateTimeFormat | null;
  utc: boolean;
  /** Offset per 8-day window of time, or null for a window with an offset change in it. */
  windows: Map<number, number | null>;
}

// Formatting is the slow part (~2 µs a call, more in Apps Script). Offsets change at most twice a year,
// so one offset per 8-day window is found from its two ends, and only windows with a change in them
// are formatted date by date. (Two changes within 8 days would fool this; no current zone does that.)
const WINDOW_MS = 8 * MS_PER_DAY;

const readers = new Map<string, ZoneReader>();

function readerFor(timeZone: string): ZoneReader {
  let reader = readers.get(timeZone);
  if (!reader) {
    let format: Intl.DateTimeFormat | null = null;
    if (!UTC_ZONES.has(timeZone)) {
      try {
        format = new Intl.DateTimeFormat('en-US', {
          timeZone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        });
      } catch {
        format = null;
      }
    }
    reader = { format, utc: UTC_ZONES.has(timeZone), windows: new Map() };
    readers.set(timeZone, reader);
  }
  return reader;
}

/** How far the zone's wall clock is ahead of UTC at `time`, formatted exactly. */
function exactOffset(format: Intl.DateTimeFormat, time: number): number {
  const parts = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)/.exec(format.format(time));
  if (!parts) return 0;
  const [, month, day, year, hour, minute, second] = parts.map(Number);
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  return wall.getTime() - (time - (((time % 1000) + 1000) % 1000));
}

/** The wall-clock time at `time` in the zone, expressed as if it were a UTC timestamp. */
function wallClock(reader: ZoneReader, time: number): number {
  const { format } = reader;
  if (!format) return time;
  const window = Math.floor(time / WINDOW_MS);
  let offset = reader.windows.get(window);
  if (offset === undefined) {
    const first = exactOffset(format, window * WINDOW_MS);
    offset = first === exactOffset(format, (window + 1) * WINDOW_MS - 1) ? first : null;
    reader.windows.set(window, offset);
  }
  return time + (offset ?? exactOffset(format, time));
}

/** The calendar day (day number) that `date` falls on in `timeZone`; null for an invalid Date. */
export function dayOfDateInZone(date: Date, timeZone: string): number | null {
  const time = date.getTime();
  if (!Number.isFinite(time)) return null;
  const reader = readerFor(timeZone);
  // A zone Intl cannot resolve: Sheets dates are local midnights, at most 12 hours from UTC midnight
  // in almost every zone, so the nearest UTC midnight is the day (better than failing every formula).
  if (!reader.format && !reader.utc) return Math.round(time / MS_PER_DAY);
  return Math.floor(wallClock(reader, time) / MS_PER_DAY);
}

/** The `Date` of midnight starting `dayNumber` in `timeZone`, which Sheets displays as that day. */
export function midnightInZone(dayNumber: number, timeZone: string): Date {
  const reader = readerFor(timeZone);
  const wallMidnight = dayNumber * MS_PER_DAY;
  let guess = wallMidnight - (wallClock(reader, wallMidnight) - wallMidnight);
  // One correction settles it unless midnight falls in a DST gap; then the first instant of the day is close.
  guess = wallMidnight - (wallClock(reader, guess) - guess);
  return new Date(guess);
}

/** The calendar day of the instant `time` (ms since the epoch) in `timeZone`: "today" there. */
export function dayOfTimeInZone(time: number, timeZone: string): number {
  // Not a local midnight, so an unknown zone reads as UTC (rounding would jump to tomorrow after noon).
  return Math.floor(wallClock(readerFor(timeZone), time) / MS_PER_DAY);
}

/** True when `date` is the first instant of its calendar day in `timeZone`, as Sheets builds a date. */
export function isMidnightInZone(date: Date, timeZone: string): boolean {
  const day = dayOfDateInZone(date, timeZone);
  return day !== null && midnightInZone(day, timeZone).getTime() === date.getTime();
}

/**
 * The calendar day a custom function's `Date` argument stands for, whether Sheets built it at midnight in
 * the spreadsheet's zone or in the script's (appsscript.json): the docs only say the two zones can differ.
 * A midnight in the spreadsheet's zone wins; a value at neither midnight is a date-time, read in the
 * spreadsheet's zone. (A date-time that falls exactly on a script-zone midnight reads as that day.)
 * @example dayOfDateArgument(new Date('2024-03-15T05:00:00Z'), 'Asia/Tokyo', 'America/New_York') // 2024-03-15
 */
export function dayOfDateArgument(date: Date, spreadsheetZone: string, scriptZone: string): number | null {
  if (!Number.isFinite(date.getTime())) return null;
  if (isMidnightInZone(date, spreadsheetZone)) return dayOfDateInZone(date, spreadsheetZone);
  if (scriptZone !== spreadsheetZone && isMidnightInZone(date, scriptZone))
    return dayOfDateInZone(date, scriptZone);
  return dayOfDateInZone(date, spreadsheetZone);
}
