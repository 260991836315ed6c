/**
 * Hours as a coach types them (hours a month on the card, hours absorbed on a request): a number in the
 * spreadsheet's locale, counted to the hundredth (36 seconds). Anything smaller is not a time anyone logs,
 * and a fee over it is no rate: `$2,500 / 5e-324 h` is Infinity, which the roster's effective-rate column
 * could only show as an error.
 */
import { parseNumber } from './parse';
import { shown } from './quote';

/** The smallest hours either form takes. */
export const MIN_HOURS = 0.01;

export type HoursCheck = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * `raw` as hours from MIN_HOURS to `max`; blank is `null` (the caller decides whether blank is allowed).
 * @param label the field as the form names it, starting the message ("Hours per month")
 */
export function checkHours(label: string, raw: unknown, locale: string, max: number): HoursCheck {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === ''))
    return { ok: true, value: null };
  const value = typeof raw === 'string' || typeof raw === 'number' ? parseNumber(raw, locale) : null;
  if (value !== null && value >= MIN_HOURS && value <= max) return { ok: true, value };
  const got = typeof raw === 'string' || typeof raw === 'number' ? shown(String(raw)) : 'something else';
  return {
    ok: false,
    message: `${label} must be a number of hours from ${MIN_HOURS} to ${max}; got ${got}.`,
  };
}
