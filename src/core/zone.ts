/**
 * Calendar days ↔ the Dates Sheets uses for date cells (midnight in the spreadsheet's time zone), with
 * Intl. Pure: the zone name is passed in.
 */
import { MS_PER_DAY } from './dates';

const formats = new Map<string, Intl.DateTimeFormat | null>();

function formatFor(timeZone: string): Intl.DateTimeFormat | null {
  if (!formats.has(timeZone)) {
    let format: Intl.DateTimeFormat | null = null;
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
      format = null; // unknown zone: read as UTC
    }
    formats.set(timeZone, format);
  }
  return formats.get(timeZone) ?? null;
}

/** The wall-clock time of `time` in the zone, as a UTC timestamp. */
function wallClock(timeZone: string, time: number): number {
  const format = formatFor(timeZone);
  if (!format) return time;
  const parts = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)/.exec(format.format(time));
  if (!parts) return time;
  const [, month, day, year, hour, minute, second] = parts.map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** True for a Date from any realm (the emulator's Dates come from another VM context). */
export function isDateValue(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The calendar day a Date falls on in `timeZone`, or null for anything that is not a valid Date. */
export function dayInZone(value: unknown, timeZone: string): number | null {
  if (!isDateValue(value)) return null;
  const time = value.getTime();
  return Number.isFinite(time) ? Math.floor(wallClock(timeZone, time) / MS_PER_DAY) : null;
}

/** The Date of midnight starting `dayNumber` in `timeZone`. */
export function midnightOf(dayNumber: number, timeZone: string): Date {
  const wallMidnight = dayNumber * MS_PER_DAY;
  let guess = wallMidnight - (wallClock(timeZone, wallMidnight) - wallMidnight);
  guess = wallMidnight - (wallClock(timeZone, guess) - guess);
  return new Date(guess);
}
