/** Dates in a time zone (through Intl), Java SimpleDateFormat for Utilities.formatDate. */

export function isDate(v: unknown): v is Date {
  // Works across vm realms, unlike `instanceof Date`.
  return Object.prototype.toString.call(v) === '[object Date]';
}

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

// Not shared with src/core/time-zone.ts on purpose: the emulator checks the add-on's zone math, so it keeps its own.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(date)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: date.getTime() - Math.floor(date.getTime() / 1000) * 1000,
    weekday: WEEKDAYS[parts.weekday] ?? 0,
  };
}

/** Offset of the zone from UTC at that instant, in minutes (New York in winter: -300). */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const p = zonedParts(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  // Not rounded: before standard time, zones ran on local mean time (New York: -4:56:02), and a
  // time of day lives on Sheets' epoch day, 1899-12-30.
  return (asUtc - (date.getTime() - p.millisecond)) / 60000;
}

/** The instant at which the wall clock in `timeZone` shows that date and time. */
export function zonedDate(
  year: number,
  month: number,
  day: number,
  timeZone: string,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  let t = guess - zoneOffsetMinutes(new Date(guess), timeZone) * 60000;
  t = guess - zoneOffsetMinutes(new Date(t), timeZone) * 60000;
  return new Date(t);
}

// Not src/core/locale-date.ts's list on purpose: Java's names for formatDate, which the add-on's are checked against.
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function offsetString(mins: number, colon: boolean): string {
  const sign = mins < 0 ? '-' : '+';
  const a = Math.abs(mins);
  return sign + pad(Math.floor(a / 60), 2) + (colon ? ':' : '') + pad(a % 60, 2);
}

/**
 * Utilities.formatDate: Java SimpleDateFormat letters (y M d E H h k K m s S a z Z X u) and
 * 'quoted literals' ('' is a quote), evaluated in the given IANA time zone.
 */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const p = zonedParts(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      out += pattern.slice(i + 1, end === -1 ? undefined : end);
      i = end === -1 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
        break;
      case 'u':
        out += pad(p.weekday === 0 ? 7 : p.weekday, n);
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'K':
        out += pad(p.hour % 12, n);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(p.millisecond, 3).slice(0, Math.max(n, 3));
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'D': {
        const start = Date.UTC(p.year, 0, 1);
        out += pad(Math.floor((Date.UTC(p.year, p.month - 1, p.day) - start) / 86400000) + 1, n);
        break;
      }
      case 'z':
        out += shortZoneName(date, timeZone);
        break;
      case 'Z':
        out += offsetString(zoneOffsetMinutes(date, timeZone), false);
        break;
      case 'X': {
        const off = zoneOffsetMinutes(date, timeZone);
        out += off === 0 ? 'Z' : n === 1 ? offsetString(off, false).slice(0, 3) : offsetString(off, n >= 3);
        break;
      }
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

function shortZoneName(date: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(date)
    .find((x) => x.type === 'timeZoneName');
  return part ? part.value : timeZone;
}

/** Sheets' date serial number (days since 1899-12-30, wall clock of the spreadsheet's time zone). */
export function dateToSerial(date: Date, timeZone: string): number {
  const p = zonedParts(date, timeZone);
  const days = (Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(1899, 11, 30)) / 86400000;
  return days + (p.hour * 3600 + p.minute * 60 + p.second) / 86400;
}

export function serialToDate(serial: number, timeZone: string): Date {
  const days = Math.floor(serial);
  const d = new Date(Date.UTC(1899, 11, 30) + days * 86400000);
  const secs = Math.round((serial - days) * 86400);
  return zonedDate(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    timeZone,
    Math.floor(secs / 3600),
    Math.floor(secs / 60) % 60,
    secs % 60,
  );
}
