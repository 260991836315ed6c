/**
 * Browser-side checks that mirror the server's (the server checks again: these only save a round trip
 * and show the problem beside the field). Numbers are read by the same parser the server uses.
 */
import { metricNumberMessage, parseMetricValue } from '../core/checkin';
import { checkMoney } from '../core/money';
import { decimalSeparatorFor, parseNumber } from '../core/parse';
import { parseSatisfaction } from '../core/satisfaction';
import { sidebarContext } from './context';

export type Check = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * A number as people type it in the spreadsheet's locale (`1,200`, `$1,200`, `12%`, `3.5k` in en_US;
 * `1.200`, `3.500,50` in de_DE); blank is allowed unless `required`.
 */
export function checkNumber(
  label: string,
  text: string,
  required = false,
  locale: string = sidebarContext().locale,
  parse: (text: string) => number | null = (text) => parseNumber(text, locale),
): Check {
  const trimmed = text.trim();
  if (trimmed === '')
    return required ? { ok: false, message: `${label} is required.` } : { ok: true, value: null };
  const value = parse(trimmed);
  if (value === null) {
    const examples =
      decimalSeparatorFor(locale) === ',' ? '1.200, 3.500,50, 12% or 3,5k' : '1,200, $1,200, 12% or 3.5k';
    return { ok: false, message: `${label} must be a number, like ${examples}; got "${trimmed}".` };
  }
  return { ok: true, value };
}

/**
 * A check-in's metric value, read as the server reads it, with its message: the spreadsheet locale only
 * (`12,5` is refused in en_US); the metric's unit may be typed with it (`70%` in a `%` metric is 70).
 */
export function checkMetric(
  label: string,
  text: string,
  unit: string,
  locale: string = sidebarContext().locale,
): Check {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const value = parseMetricValue(trimmed, unit, locale);
  return value === null
    ? { ok: false, message: metricNumberMessage(label, trimmed, locale) }
    : { ok: true, value };
}

/** A money field, by the server's own rule (same bounds, same message); `required` refuses blank. */
export function checkAmount(
  label: string,
  text: string,
  required = false,
  signed = false,
  locale: string = sidebarContext().locale,
): Check {
  if (text.trim() === '' && required) return { ok: false, message: `${label} is required.` };
  return checkMoney(label, text, locale, signed);
}

/** Satisfaction is a whole number from 1 to 10, or blank: the save's own rule (core/satisfaction.ts). */
export function checkSatisfaction(text: string, locale: string = sidebarContext().locale): Check {
  return parseSatisfaction(text.trim(), locale);
}

export function checkRequired(label: string, text: string): string | null {
  return text.trim() === '' ? `${label} is required.` : null;
}

export function checkIsoDate(label: string, text: string, required = true): string | null {
  if (text.trim() === '') return required ? `${label} is required.` : null;
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) && Number.isFinite(Date.parse(text.trim()))
    ? null
    : `${label} must be a date.`;
}
