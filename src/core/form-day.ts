/** A date typed in a form (`yyyy-mm-dd`), and the message when it is not one. */
import { parseIsoDay, utcDateFromDay } from './dates';
import { shown } from './quote';

/** A form date outside these years is a typo (0024, 2204), not a client's date. */
export const MIN_FORM_YEAR = 1900;
export const MAX_FORM_YEAR = 2100;

/** A date typed in a form: a real 'yyyy-mm-dd' day between 1900 and 2100, or null. */
export function parseFormDay(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const day = parseIsoDay(value);
  if (day === null) return null;
  const year = utcDateFromDay(day).getUTCFullYear();
  return year >= MIN_FORM_YEAR && year <= MAX_FORM_YEAR ? day : null;
}

/** The message for a form date `parseFormDay` refused. */
export function formDayMessage(label: string, value: unknown): string {
  return (
    `${label} must be a real date between ${MIN_FORM_YEAR} and ${MAX_FORM_YEAR} (yyyy-mm-dd); ` +
    `got ${shown(value ?? '')}.`
  );
}
