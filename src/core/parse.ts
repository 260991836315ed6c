/**
 * Reading numbers, money, percentages and dates the way people type them into a sheet.
 * Every parser returns null for text it cannot read with confidence; callers turn that into a message.
 * `locale` is a Sheets spreadsheet locale such as `en_US`, `en_GB`, `de_DE` (a `-` also works).
 */
import { dayFromSerial, dayFromUtcDate, dayFromYmd, isDate } from './dates';

export type DateOrder = 'MDY' | 'DMY' | 'YMD';

// Languages that write 1.234,5 (CLDR); regions listed below as exceptions write 1,234.5.
const COMMA_DECIMAL_LANGUAGES = new Set(
  (
    'af az be bg bs ca cs da de el es et eu fi fo fr gl hr hu hy id is it ka kk ky lt lv mk mn nb nl nn no ' +
    'pl pt ro ru sk sl sq sr sv tr uk uz vi'
  ).split(' '),
);
const DOT_DECIMAL_REGIONS = new Set(
  'de_CH de_LI it_CH es_MX es_US es_PR es_DO es_GT es_HN es_NI es_PA es_SV es_419'.split(' '),
);
const MONTH_DAY_YEAR_LOCALES = new Set(
  'en en_US en_PH en_AS en_GU en_MP en_PR en_UM en_VI es_US fil'.split(' '),
);
const YEAR_MONTH_DAY_LANGUAGES = new Set('ja zh ko hu mn'.split(' '));

function normalizeLocale(locale: string): { tag: string; language: string } {
  const tag = (locale || 'en_US').trim().replace('-', '_');
  return { tag, language: tag.split('_')[0].toLowerCase() };
}

/** The decimal separator people use in `locale`. */
export function decimalSeparatorFor(locale: string): '.' | ',' {
  const { tag, language } = normalizeLocale(locale);
  return COMMA_DECIMAL_LANGUAGES.has(language) && !DOT_DECIMAL_REGIONS.has(tag) ? ',' : '.';
}

/**
 * A number as text that `parseNumber` reads back as the same number in `locale`: `12.345` is `12,345`
 * in de_DE (as `12.345` it would read as twelve thousand). No grouping; exponent forms are kept.
 */
export function numberAsTyped(value: number, locale: string): string {
  const text = String(value);
  return decimalSeparatorFor(locale) === ',' && !/e/i.test(text) ? text.replace('.', ',') : text;
}

/** The order of day, month and year in a numeric date typed in `locale` (3/1/2024 vs 1/3/2024). */
export function dateOrderFor(locale: string): DateOrder {
  const { tag, language } = normalizeLocale(locale);
  if (MONTH_DAY_YEAR_LOCALES.has(tag)) return 'MDY';
  if (YEAR_MONTH_DAY_LANGUAGES.has(language)) return 'YMD';
  return 'DMY';
}

interface NumberRules {
  percent: boolean;
  currency: boolean;
  multiplier: boolean;
}

// Currency written before or after the amount: symbols (incl. US$, R$, CHF, EUR) and common local words.
const CURRENCY = String.raw`(?:[A-Z]{0,2}\p{Sc}|[A-Z]{3}|kr\.?|zł|Kč|Fr\.?|Rs\.?|Rp|RM|Ft|lei)`;
const LEADING_TOKEN = new RegExp(String.raw`^(?:\s+|[+\-(]|${CURRENCY})`, 'u');
const TRAILING_TOKEN = new RegExp(String.raw`(?:\s+|[\-)%]|${CURRENCY})$`, 'u');
const MULTIPLIERS: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, b: 1e9, bn: 1e9 };
const MULTIPLIER_SUFFIX = /^(.*\d)\s?(mm|bn|k|m|b)$/i;
const SCIENTIFIC = /^(?:\d+\.?\d*|\.\d+)e[+-]?\d+$/i;

function parseNumeric(value: unknown, locale: string, rules: NumberRules): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const read = scanNumber(value, locale, rules, false);
  if (read === null) return null;
  return read.percent ? read.value / 100 : read.value;
}

/** What a typed number said: its value as written (`12%` is 12), and whether it carried `%` or a currency. */
export interface TypedNumber {
  value: number;
  percent: boolean;
  currency: boolean;
}

function scanNumber(value: unknown, locale: string, rules: NumberRules, strict: boolean): TypedNumber | null {
  if (typeof value !== 'string') return null;
  let text = value
    .replace(/[\u00a0\u202f\u2007\u2009]/g, ' ')
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .trim();
  let minus = 0;
  let open = 0;
  let close = 0;
  let percent = false;
  let currency = false;
  for (let guard = 0; guard < 20; guard++) {
    const lead = LEADING_TOKEN.exec(text);
    const trail = lead ? null : TRAILING_TOKEN.exec(text);
    const token = lead ?? trail;
    if (!token) break;
    const t = token[0];
    if (t === '-') minus++;
    else if (t === '(') open++;
    else if (t === ')') close++;
    else if (t === '%') percent = true;
    else if (t !== '+' && t.trim() !== '') currency = true;
    text = lead ? text.slice(t.length) : text.slice(0, text.length - t.length);
  }
  if (text === '' || minus > 1 || open !== close || open > 1 || (open && minus)) return null;
  if ((percent && !rules.percent) || (currency && !rules.currency) || (percent && currency)) return null;

  let factor = 1;
  const suffix = MULTIPLIER_SUFFIX.exec(text);
  if (suffix) {
    if (!rules.multiplier) return null;
    factor = MULTIPLIERS[suffix[2].toLowerCase()];
    text = suffix[1];
  }
  const magnitude = SCIENTIFIC.test(text) ? Number(text) : parseDigits(text, locale, strict);
  if (magnitude === null || !Number.isFinite(magnitude)) return null;
  const signed = (minus || open ? -1 : 1) * magnitude * factor;
  return { value: signed, percent, currency };
}

/**
 * A number typed into a form, read by the spreadsheet's locale and nothing else: in en_US `1,250` is 1250
 * and `12,5` is refused (a comma groups thousands there); in de_DE `1.250` is 1250 and `12.5` is refused.
 * Percent and currency are reported, not applied to the unit: `12%` gives 12 with `percent` set.
 */
export function parseTypedNumber(value: unknown, locale = 'en_US'): TypedNumber | null {
  return scanNumber(value, locale, { percent: true, currency: true, multiplier: true }, true);
}

/** Reads `1,234.5`, `1.234,5`, `1 234,5`, `1'234.5`, `12,34,567` (Indian grouping); null otherwise. */
function parseDigits(raw: string, locale: string, strict = false): number | null {
  const text = raw.replace(/['’]/g, ' ');
  if (!/^[\d., ]*\d[\d., ]*$/.test(text)) return null;
  const count = (sep: string): number => text.split(sep).length - 1;
  let group: string | null = null;
  let decimal: string | null = null;
  if (count(' ') > 0) {
    group = ' ';
    decimal = count('.') > 0 ? '.' : count(',') > 0 ? ',' : null;
  } else if (count('.') > 0 && count(',') > 0) {
    decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    group = decimal === '.' ? ',' : '.';
  } else if (strict && count('.') + count(',') > 0) {
    // The locale's decimal separator is a decimal point; the other one can only group thousands.
    const sep = count('.') > 0 ? '.' : ',';
    if (sep === decimalSeparatorFor(locale)) decimal = sep;
    else group = sep;
  } else if (count('.') + count(',') > 0) {
    const sep = count('.') > 0 ? '.' : ',';
    const [whole, fraction] = text.split(sep);
    if (count(sep) > 1) group = sep;
    else if (fraction.length !== 3 || whole === '' || whole === '0' || whole.length > 3) decimal = sep;
    else if (decimalSeparatorFor(locale) === sep) decimal = sep;
    else group = sep;
  }
  if (strict && decimal !== null && decimal !== ' ' && decimal !== decimalSeparatorFor(locale)) return null;
  const parts = decimal ? text.split(decimal) : [text];
  if (parts.length > 2) return null;
  const [integerPart, fractionPart = ''] = parts;
  if (!/^\d*$/.test(fractionPart)) return null;
  const groups = group ? integerPart.split(group) : [integerPart];
  if (groups.length > 1) {
    const inner = groups.slice(1);
    const badInner = inner.some((g) => g.length < 2 || g.length > 3) || inner[inner.length - 1].length !== 3;
    if (groups[0].length < 1 || groups[0].length > 3 || badInner) return null;
    if (strict && groups[0].startsWith('0')) return null;
  }
  const digits = groups.join('');
  if (!/^\d*$/.test(digits) || digits + fractionPart === '') return null;
  return Number(`${digits || '0'}.${fractionPart || '0'}`);
}

/**
 * A number as people type it: `3,500`, `3.500,50` (in a comma-decimal locale), `3.5k`, `1.2M`, `12%` (0.12),
 * `(1,200)` (−1200), with or without a currency symbol. A lone separator followed by exactly three digits
 * (`3.500`, `3,500`) is read with the locale's decimal separator; any other lone separator is a decimal point.
 */
export function parseNumber(value: unknown, locale = 'en_US'): number | null {
  return parseNumeric(value, locale, { percent: true, currency: true, multiplier: true });
}

/** An amount of money: like `parseNumber` but a percentage is not money (`12%` gives null). */
export function parseMoney(value: unknown, locale = 'en_US'): number | null {
  return parseNumeric(value, locale, { percent: false, currency: true, multiplier: true });
}

/**
 * A percentage as a fraction: `12%` and `12 %` give 0.12; a plain number is already a fraction, as Sheets
 * passes a 12% cell as 0.12 (`0.12` gives 0.12). Currency gives null.
 */
export function parsePercent(value: unknown, locale = 'en_US'): number | null {
  return parseNumeric(value, locale, { percent: true, currency: false, multiplier: false });
}

/** A ratio: `3`, `3:1` (3), `2.5x` (2.5), `4:2` (2). */
export function parseRatio(value: unknown, locale = 'en_US'): number | null {
  if (typeof value === 'string') {
    const colon = /^\s*([^:]+):([^:]+)$/.exec(value);
    if (colon) {
      const left = parseNumeric(colon[1], locale, { percent: false, currency: false, multiplier: false });
      const right = parseNumeric(colon[2], locale, { percent: false, currency: false, multiplier: false });
      return left === null || right === null || right === 0 ? null : left / right;
    }
    const times = /^\s*(.+?)\s*[x×]\s*$/i.exec(value);
    if (times) return parseNumeric(times[1], locale, { percent: false, currency: false, multiplier: false });
  }
  return parseNumber(value, locale);
}

const MONTH_NAMES =
  'january february march april may june july august september october november december'.split(' ');

/** 1-12 for an English month name or its abbreviation of three or more letters (Mar, Sept); else 0. */
function monthNumber(word: string): number {
  const lower = word.toLowerCase();
  return lower.length < 3 ? 0 : MONTH_NAMES.findIndex((name) => name.startsWith(lower)) + 1;
}

const TIME = String.raw`(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const NUMERIC_DATE = new RegExp(String.raw`^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})\.?${TIME}$`);
const DAY_MONTH_NAME = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th)?\.?[\s\-/]*([A-Za-z]+)\.?,?[\s\-/]*(\d{2,4})${TIME}$`,
);
const MONTH_NAME_DAY = new RegExp(
  String.raw`^([A-Za-z]+)\.?[\s\-/]*(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/]+(\d{2,4})${TIME}$`,
);

/** Sheets' two-digit year rule: 00-29 are 2000-2029, 30-99 are 1930-1999. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

/**
 * A calendar day (day number, see `dates.ts`) from what a date cell can hold:
 * - a Sheets serial number (days since 1899-12-30),
 * - a `Date`, read as its UTC calendar day (convert zoned Sheets dates before calling),
 * - ISO text `2024-03-01` (also `2024/03/01`, with an optional time, which is ignored),
 * - numeric text in the locale's order: en_US `3/1/2024`, en_GB `01/03/2024`, de_DE `01.03.2024`;
 *   two-digit years follow Sheets (00-29 → 20xx); impossible dates such as `2/30/2024` give null,
 * - English month names: `1 Mar 2024`, `Mar 1, 2024`, `March 1st 2024`, `1-Mar-24`.
 */
export function parseDate(value: unknown, locale = 'en_US'): number | null {
  if (typeof value === 'number')
    return Number.isFinite(value) && Math.abs(value) < 3e6 ? dayFromSerial(value) : null;
  if (isDate(value)) return dayFromUtcDate(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  let match = ISO_DATE.exec(text);
  if (match) return dayFromYmd(Number(match[1]), Number(match[3]), Number(match[4]));
  match = NUMERIC_DATE.exec(text);
  if (match) {
    const [first, second, third] = [match[1], match[3], match[4]];
    const order = dateOrderFor(locale);
    if (order === 'YMD' || first.length > 2) {
      return third.length > 2 ? null : dayFromYmd(fullYear(first), Number(second), Number(third));
    }
    if (third.length === 3 || first.length > 2) return null;
    const year = fullYear(third);
    return order === 'MDY'
      ? dayFromYmd(year, Number(first), Number(second))
      : dayFromYmd(year, Number(second), Number(first));
  }
  match = DAY_MONTH_NAME.exec(text);
  if (match && monthNumber(match[2]) && match[3].length !== 3) {
    return dayFromYmd(fullYear(match[3]), monthNumber(match[2]), Number(match[1]));
  }
  match = MONTH_NAME_DAY.exec(text);
  if (match && monthNumber(match[1]) && match[3].length !== 3) {
    return dayFromYmd(fullYear(match[3]), monthNumber(match[1]), Number(match[2]));
  }
  return null;
}
