/**
 * Cell values: what a string written with setValue(s) becomes (Sheets parses it like typed text),
 * and how values display (getDisplayValue(s)) under a number format and locale.
 */
import { MONTHS, DAYS, dateToSerial, isDate, serialToDate, zonedDate, zonedParts } from './dates';

export type CellValue = number | string | boolean | Date;

/** What a typed string turns into. */
export type Parsed =
  | { kind: 'value'; value: CellValue; numberFormat?: string }
  | { kind: 'formula'; formula: string }
  /** '+foo', '-foo', '@foo': Sheets reads a formula and fails to parse it: the cell shows #ERROR!. */
  | { kind: 'badFormula'; formula: string };

interface LocaleInfo {
  decimal: string;
  group: string;
  dayFirst: boolean;
  dateSep: string;
  currency: string;
}

export function localeInfo(locale: string): LocaleInfo {
  const lang = locale.split(/[_-]/)[0];
  const region = locale.split(/[_-]/)[1] ?? '';
  if (locale === 'en_US' || locale === 'en' || (lang === 'en' && ['PH', 'CA'].includes(region)))
    return { decimal: '.', group: ',', dayFirst: false, dateSep: '/', currency: '$' };
  if (lang === 'en') return { decimal: '.', group: ',', dayFirst: true, dateSep: '/', currency: '£' };
  if (['de', 'nl', 'es', 'it', 'pt', 'da', 'id', 'tr'].includes(lang))
    return { decimal: ',', group: '.', dayFirst: true, dateSep: lang === 'de' ? '.' : '/', currency: '€' };
  if (['fr', 'sv', 'fi', 'nb', 'pl', 'ru', 'cs'].includes(lang))
    return {
      decimal: ',',
      group: '\u202f',
      dayFirst: true,
      dateSep: lang === 'fr' ? '/' : '.',
      currency: '€',
    };
  return { decimal: '.', group: ',', dayFirst: false, dateSep: '/', currency: '$' };
}

const MONTH_INDEX: Record<string, number> = {};
MONTHS.forEach((m, i) => {
  MONTH_INDEX[m.toLowerCase()] = i + 1;
  MONTH_INDEX[m.slice(0, 3).toLowerCase()] = i + 1;
});
MONTH_INDEX.sept = 9;

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length <= 2) return n < 30 ? 2000 + n : 1900 + n;
  return n;
}

/** Parse a number typed in the locale: '12', '1,234.5', '-3', '12%', '$1,200', '1e3'. */
export function parseTypedNumber(s: string, locale: string): { value: number; numberFormat?: string } | null {
  const li = localeInfo(locale);
  let t = s.trim();
  if (!t) return null;
  let sign = 1;
  let percent = false;
  let currency: string | null = null;
  if (t.startsWith('-') || t.startsWith('+')) {
    sign = t.startsWith('-') ? -1 : 1;
    t = t.slice(1).trim();
  }
  for (const cur of ['$', '€', '£']) {
    if (t.startsWith(cur)) {
      currency = cur;
      t = t.slice(1).trim();
      break;
    }
    if (t.endsWith(cur)) {
      currency = cur;
      t = t.slice(0, -1).trim();
      break;
    }
  }
  if (sign === 1 && currency && (t.startsWith('-') || t.startsWith('+'))) {
    sign = t.startsWith('-') ? -1 : 1;
    t = t.slice(1);
  }
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  const g = li.group === '.' ? '\\.' : li.group === ',' ? ',' : '[\\u202f ]';
  const d = li.decimal === '.' ? '\\.' : ',';
  const re = new RegExp(`^(\\d{1,3}(${g}\\d{3})+|\\d+)?(${d}\\d+)?([eE][+-]?\\d+)?$`);
  const m = re.exec(t);
  if (!m || (!m[1] && !m[3])) return null;
  if (m[4] && (percent || currency)) return null;
  const normalized =
    (m[1] ?? '0').split(new RegExp(g)).join('') + (m[3] ? '.' + m[3].slice(1) : '') + (m[4] ?? '');
  let value = sign * Number(normalized);
  if (!Number.isFinite(value)) return null;
  const decimals = m[3] ? m[3].length - 1 : 0;
  let numberFormat: string | undefined;
  if (percent) {
    value = value / 100;
    numberFormat = decimals ? '0.' + '0'.repeat(decimals) + '%' : '0%';
  } else if (currency) {
    const sym = currency === '$' ? '$' : `[$${currency}]`;
    numberFormat = decimals ? `${sym}#,##0.00` : `${sym}#,##0`;
  } else if (m[2]) {
    numberFormat = decimals ? '#,##0.' + '0'.repeat(decimals) : '#,##0';
  }
  return { value, numberFormat };
}

/** Parse a date typed in the locale ('3/1/2024' en_US, '01/03/2024' en_GB, '1.3.2024' de, ISO '2024-03-01'). */
export function parseTypedDate(s: string, locale: string, timeZone: string): Date | null {
  const t = s.trim();
  const li = localeInfo(locale);
  let y: number, m: number, d: number;
  let rest = '';
  let mm: RegExpExecArray | null;
  if ((mm = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(.*)$/.exec(t))) {
    y = Number(mm[1]);
    m = Number(mm[2]);
    d = Number(mm[3]);
    rest = mm[4];
  } else if ((mm = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(.*)$/.exec(t))) {
    const a = Number(mm[1]);
    const b = Number(mm[3]);
    y = fullYear(mm[4]);
    [m, d] = li.dayFirst ? [b, a] : [a, b];
    rest = mm[5];
  } else if ((mm = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})(.*)$/.exec(t)) && MONTH_INDEX[mm[1].toLowerCase()]) {
    m = MONTH_INDEX[mm[1].toLowerCase()];
    d = Number(mm[2]);
    y = Number(mm[3]);
    rest = mm[4];
  } else if ((mm = /^(\d{1,2}) ([A-Za-z]+)\.?,? (\d{4})(.*)$/.exec(t)) && MONTH_INDEX[mm[2].toLowerCase()]) {
    d = Number(mm[1]);
    m = MONTH_INDEX[mm[2].toLowerCase()];
    y = Number(mm[3]);
    rest = mm[4];
  } else if (/^\d{1,2}:\d{2}/.test(t)) {
    // A time of day alone is that time on Sheets' day zero, 1899-12-30.
    [y, m, d] = [1899, 12, 30];
    rest = ` ${t}`;
  } else return null;
  if (!validDate(y, m, d)) return null;
  let hh = 0;
  let mi = 0;
  let ss = 0;
  if (rest.trim()) {
    const tm = /^\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(rest);
    if (!tm) return null;
    hh = Number(tm[1]);
    mi = Number(tm[2]);
    ss = Number(tm[3] ?? 0);
    if (tm[4]) {
      const pm = tm[4].toLowerCase() === 'pm';
      if (hh > 12) return null;
      hh = (hh % 12) + (pm ? 12 : 0);
    }
    if (hh > 23 || mi > 59 || ss > 59) return null;
  }
  return zonedDate(y, m, d, timeZone, hh, mi, ss);
}

/** The format Sheets gives a typed time of day. */
const TIME_FORMAT = 'h:mm:ss am/pm';

/**
 * What Sheets makes of a string written by setValue(s)/appendRow: the same as a user typing it.
 * `numberFormat` is the cell's current format ('@' = plain text keeps the string verbatim).
 */
export function parseUserInput(s: string, locale: string, timeZone: string, numberFormat?: string): Parsed {
  if (s === '') return { kind: 'value', value: '' };
  if (numberFormat === '@') return { kind: 'value', value: s };
  if (s.startsWith("'")) return { kind: 'value', value: s.slice(1) };
  if (s.startsWith('=') && s.length > 1) return { kind: 'formula', formula: s };
  const num = parseTypedNumber(s, locale);
  if (num) return { kind: 'value', value: num.value, numberFormat: num.numberFormat };
  if (s.startsWith('+') || s.startsWith('-') || s.startsWith('@') || s === '=')
    return { kind: 'badFormula', formula: s.startsWith('=') ? s : '=' + s };
  const upper = s.trim().toUpperCase();
  if (upper === 'TRUE') return { kind: 'value', value: true };
  if (upper === 'FALSE') return { kind: 'value', value: false };
  const date = parseTypedDate(s, locale, timeZone);
  if (date && /^\s*\d{1,2}:\d{2}/.test(s)) return { kind: 'value', value: date, numberFormat: TIME_FORMAT };
  if (date) return { kind: 'value', value: date };
  return { kind: 'value', value: s };
}

// ---------------------------------------------------------------------------------------------
// Display

function groupDigits(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** Sheets' "Automatic" display of a number: up to 10 significant digits, no grouping. */
export function formatAutomaticNumber(n: number, locale: string): string {
  if (!Number.isFinite(n)) return '#NUM!';
  const li = localeInfo(locale);
  let s: string;
  if (Number.isInteger(n) && Math.abs(n) < 1e15) s = String(n);
  else {
    const abs = Math.abs(n);
    if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
      s = n
        .toExponential(9)
        .replace(/\.?0+e/, 'e')
        .replace('e', 'E');
      s = s.replace(/E([+-])(\d)$/, 'E$10$2');
    } else {
      s = String(Number(n.toPrecision(10)));
      if (s.includes('e')) s = n.toFixed(10).replace(/\.?0+$/, '');
    }
  }
  return li.decimal === '.' ? s : s.replace('.', li.decimal);
}

function isDatePattern(fmt: string): boolean {
  const stripped = fmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(stripped) && !/[#0]/.test(stripped);
}

/** Sheets date/time format tokens: yyyy yy mmmm mmm mm m dddd ddd dd d hh h mm ss am/pm. */
export function formatSheetsDate(date: Date, fmt: string, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const hasAmPm = /am\/pm|a\/p/i.test(fmt);
  const tokens: string[] = [];
  const re = /"[^"]*"|\\.|am\/pm|a\/p|y+|m+|d+|h+|s+|./gi;
  let mt: RegExpExecArray | null;
  while ((mt = re.exec(fmt))) tokens.push(mt[0]);
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const lower = tok.toLowerCase();
    const c = lower[0];
    if (tok.startsWith('"')) out += tok.slice(1, -1);
    else if (tok.startsWith('\\')) out += tok.slice(1);
    else if (lower === 'am/pm') out += p.hour < 12 ? 'AM' : 'PM';
    else if (lower === 'a/p') out += p.hour < 12 ? 'A' : 'P';
    else if (c === 'y') out += tok.length <= 2 ? String(p.year % 100).padStart(2, '0') : String(p.year);
    else if (c === 'd') {
      if (tok.length >= 4) out += DAYS[p.weekday];
      else if (tok.length === 3) out += DAYS[p.weekday].slice(0, 3);
      else out += String(p.day).padStart(tok.length, '0');
    } else if (c === 'h') {
      const h = hasAmPm ? (p.hour % 12 === 0 ? 12 : p.hour % 12) : p.hour;
      out += String(h).padStart(tok.length >= 2 ? 2 : 1, '0');
    } else if (c === 's') out += String(p.second).padStart(tok.length >= 2 ? 2 : 1, '0');
    else if (c === 'm') {
      // minutes when right after an hour token or right before a seconds token
      const prev = tokens
        .slice(0, i)
        .reverse()
        .find((t) => /^[a-z]/i.test(t) && !/^am\/pm$/i.test(t));
      const next = tokens.slice(i + 1).find((t) => /^[a-z]/i.test(t));
      const minutes = (prev && /^h/i.test(prev)) || (next && /^s/i.test(next));
      if (minutes && tok.length <= 2) out += String(p.minute).padStart(tok.length, '0');
      else if (tok.length >= 4) out += MONTHS[p.month - 1];
      else if (tok.length === 3) out += MONTHS[p.month - 1].slice(0, 3);
      else out += String(p.month).padStart(tok.length, '0');
    } else out += tok;
  }
  return out;
}

function formatNumberPattern(n: number, fmt: string, locale: string): string {
  const li = localeInfo(locale);
  const sections = fmt.split(';');
  let section = sections[0];
  let value = n;
  let explicitNegative = false;
  if (n < 0 && sections.length > 1) {
    section = sections[1];
    value = -n;
    explicitNegative = true;
  } else if (n === 0 && sections.length > 2) section = sections[2];
  // literal text: [$€], "text", \x
  let prefix = '';
  let suffix = '';
  const core = /[#0?][#0?,]*(\.[#0?]+)?|\.[#0?]+/.exec(
    section.replace(/"[^"]*"|\[[^\]]*\]|\\./g, (m) => '\u0000'.repeat(m.length)),
  );
  const lit = (s: string) =>
    s.replace(
      /\[\$([^\]-]*)[^\]]*\]|\[[^\]]*\]|"([^"]*)"|\\(.)|[_*](.)/g,
      (_m, cur, q, esc) => cur ?? q ?? esc ?? '',
    );
  if (!core) return lit(section);
  prefix = lit(section.slice(0, core.index));
  suffix = lit(section.slice(core.index + core[0].length));
  const pattern = core[0];
  const percent = (prefix + suffix).includes('%') ? 1 : 0;
  if (percent) value *= 100;
  const [intPat, decPat = ''] = pattern.split('.');
  const grouping = intPat.includes(',');
  const minDec = (decPat.match(/0/g) ?? []).length;
  const maxDec = decPat.length;
  const minInt = (intPat.match(/0/g) ?? []).length;
  let s = Math.abs(value).toFixed(maxDec);
  let [ip, dp = ''] = s.split('.');
  while (dp.length > minDec && dp.endsWith('0')) dp = dp.slice(0, -1);
  if (ip === '0' && minInt === 0) ip = '';
  ip = ip.padStart(minInt, '0');
  if (grouping) ip = groupDigits(ip, li.group);
  s = ip + (dp ? li.decimal + dp : '');
  const negative = !explicitNegative && value < 0 && Number(s.replace(/[^0-9]/g, '')) !== 0;
  return (negative ? '-' : '') + prefix + s + suffix;
}

export function defaultDateDisplay(date: Date, locale: string, timeZone: string): string {
  const li = localeInfo(locale);
  const p = zonedParts(date, timeZone);
  const sep = li.dateSep;
  let s =
    locale === 'en_US' || !li.dayFirst
      ? `${p.month}/${p.day}/${p.year}`
      : `${String(p.day).padStart(2, '0')}${sep}${String(p.month).padStart(2, '0')}${sep}${p.year}`;
  if (p.hour || p.minute || p.second)
    s += ` ${p.hour}:${String(p.minute).padStart(2, '0')}:${String(p.second).padStart(2, '0')}`;
  return s;
}

/** The text a cell shows: getDisplayValue(s). */
export function displayValue(
  v: CellValue,
  numberFormat: string | undefined,
  locale: string,
  timeZone: string,
): string {
  if (v === '' || v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const fmt = numberFormat && numberFormat !== 'General' && numberFormat !== '@' ? numberFormat : undefined;
  if (isDate(v)) {
    if (fmt && isDatePattern(fmt)) return formatSheetsDate(v, fmt, timeZone);
    if (fmt) return formatNumberPattern(dateToSerial(v, timeZone), fmt, locale);
    return defaultDateDisplay(v, locale, timeZone);
  }
  if (typeof v === 'number') {
    if (!fmt) return formatAutomaticNumber(v, locale);
    if (isDatePattern(fmt)) return formatSheetsDate(serialToDate(v, timeZone), fmt, timeZone);
    return formatNumberPattern(v, fmt, locale);
  }
  return String(v);
}
