/** A day as a message shows it: in the spreadsheet's locale (`Oct 28, 2026` in en_US, `28.10.2026` in de_DE). */
import { utcDateFromDay } from './dates';
import { intlLocaleOf } from './money';

export function formatDayForLocale(day: number, locale: string): string {
  // The day is a calendar day: format it in UTC so no time zone can move it.
  return utcDateFromDay(day).toLocaleDateString(intlLocaleOf(locale), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}
