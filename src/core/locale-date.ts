/** Calendar days written the way the spreadsheet's locale writes dates, for messages and previews. */
import { intlLocaleOf } from './money';
import { MS_PER_DAY } from './dates';

// UTC on both sides: a day number is the UTC midnight of its calendar day, so no zone can move it.
const NUMERIC: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' }; // prettier-ignore
const LONG: Intl.DateTimeFormatOptions = { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }; // prettier-ignore

/**
 * `day` as the locale writes a date: `7/8/2024` (en_US), `08/07/2024` (en_GB), `8.7.2024` (de_DE); with
 * `long`, the weekday and month name (`Mon, Jul 8, 2024`), which no reader can take for another day.
 */
export function formatDayInLocale(
  day: number,
  locale: string,
  style: 'numeric' | 'long' = 'numeric',
): string {
  return new Intl.DateTimeFormat(intlLocaleOf(locale), style === 'long' ? LONG : NUMERIC).format(
    new Date(day * MS_PER_DAY),
  );
}
