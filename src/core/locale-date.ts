/**
 * Calendar days written the way the spreadsheet writes dates: in messages with Settings' Date format (the
 * pattern its cells show, defaulting from the locale), in the sidebar's previews with the locale's own words.
 */
import { intlLocaleOf } from './money';
import { MS_PER_DAY } from './dates';

// UTC: a day number is the UTC midnight of its calendar day, so no zone can move it.
const LONG: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
};

/**
 * `day` with its weekday and month name as the locale writes them (`Mon, Jul 8, 2024` in en_US,
 * `Mo., 8. Juli 2024` in de_DE): a preview no reader can take for another day. Runs in the sidebar.
 */
export function formatDayInLocale(day: number, locale: string): string {
  return new Intl.DateTimeFormat(intlLocaleOf(locale), LONG).format(new Date(day * MS_PER_DAY));
}

const MONTH_NAMES = [
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
const WEEKDAY_NAMES = ['Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday'];

/**
 * `day` in a Sheets date pattern as the cells show it (`m/d/yyyy` → `7/8/2024`, `dd.mm.yyyy` → `08.07.2024`,
 * `d mmm yyyy` → `8 Jul 2024`), so a message says a date the way the roster's cells do. Only date tokens.
 */
export function formatDayAs(day: number, pattern: string): string {
  const date = new Date(day * MS_PER_DAY);
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  const two = (n: number) => String(n).padStart(2, '0');
  const text = String(pattern ?? '').replace(/yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d/gi, (token) => {
    switch (token.toLowerCase()) {
      case 'yyyy':
        return String(y);
      case 'yy':
        return two(y % 100);
      case 'mmmm':
        return MONTH_NAMES[m - 1];
      case 'mmm':
        return MONTH_NAMES[m - 1].slice(0, 3);
      case 'mm':
        return two(m);
      case 'm':
        return String(m);
      case 'dddd':
        return WEEKDAY_NAMES[((day % 7) + 7) % 7];
      case 'ddd':
        return WEEKDAY_NAMES[((day % 7) + 7) % 7].slice(0, 3);
      case 'dd':
        return two(d);
      default:
        return String(d);
    }
  });
  // A pattern with no date in it (a user's typo in Settings) must not hide the day.
  return /\d/.test(text) ? text : formatIsoDayFallback(y, m, d);
}

function formatIsoDayFallback(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
