/**
 * Dates written without a year, as coaches type week labels: "3 Mar", "Mar 3rd", "3. März",
 * "July 1st – 7th" (a week's range: its first day). English and German month names, in any locale.
 * The year comes from the log around them (`yearsFor`), never from today.
 */
import { dayFromYmd, ymdFromDay } from './dates';

export interface MonthDay {
  month: number;
  day: number;
}

const MONTHS: readonly (readonly string[])[] = [
  ['january', 'januar', 'jänner', 'jan', 'jän'],
  ['february', 'februar', 'feb'],
  ['march', 'märz', 'maerz', 'mar', 'mär', 'mrz'],
  ['april', 'apr'],
  ['may', 'mai'],
  ['june', 'juni', 'jun'],
  ['july', 'juli', 'jul'],
  ['august', 'aug'],
  ['september', 'sept', 'sep'],
  ['october', 'oktober', 'oct', 'okt'],
  ['november', 'nov'],
  ['december', 'dezember', 'dec', 'dez'],
];

function monthOf(word: string): number {
  const lower = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((names) => names.includes(lower)) + 1;
}

const ORDINAL = String.raw`(\d{1,2})(?:st|nd|rd|th|\.)?`;
const WORD = String.raw`([A-Za-zÄÖÜäöü]{3,9}\.?)`;
/** What may follow the first day: nothing, or the rest of a range ("– 7th", "- Jul 7", "bis 7."). */
const REST = String.raw`(?:\s*(?:[-–—]|to|bis)\s*.{1,14})?`;
const DAY_MONTH = new RegExp(String.raw`^${ORDINAL}\s*${WORD}${REST}$`, 'i');
const MONTH_DAY = new RegExp(String.raw`^${WORD}\s*${ORDINAL}${REST}$`, 'i');

/** The month and day of a year-less date ("3 Mar", "July 1st – 7th"), else null (a full date is not one). */
export function parseMonthDay(value: unknown): MonthDay | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/\d{4}/.test(text)) return null;
  let match = DAY_MONTH.exec(text);
  let parsed = match ? { month: monthOf(match[2]), day: Number(match[1]) } : null;
  if (!parsed?.month) {
    match = MONTH_DAY.exec(text);
    parsed = match ? { month: monthOf(match[1]), day: Number(match[2]) } : null;
  }
  // 29 Feb exists in some year: any leap year will do for the check.
  if (!parsed?.month || dayFromYmd(2024, parsed.month, parsed.day) === null) return null;
  return parsed;
}

/** How far back a year-less date may sit before the one above it and still be the same year (a late entry). */
const SAME_YEAR_SLACK_DAYS = 31;

/**
 * The day of each year-less date in series order, from the nearest dated line above it (or the start
 * date): the same year, or the next when it falls well before it (the log went past New Year). With no
 * anchor above, from the nearest dated line below it, going back. Null where nothing fixes the year.
 */
export function yearsFor(
  lines: readonly ({ day: number } | MonthDay)[],
  startDay: number | null,
): (number | null)[] {
  const result: (number | null)[] = lines.map((line) => ('month' in line ? null : line.day));
  let previous = startDay;
  lines.forEach((line, i) => {
    if (!('month' in line)) {
      previous = line.day;
      return;
    }
    if (previous === null) return;
    const { year } = ymdFromDay(previous);
    const same = dayFromYmd(year, line.month, line.day);
    const day: number | null =
      same !== null && same >= previous - SAME_YEAR_SLACK_DAYS
        ? same
        : dayFromYmd(year + 1, line.month, line.day);
    result[i] = day;
    if (day !== null) previous = day;
  });
  let next: number | null = null;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (result[i] !== null) next = result[i];
    if (result[i] !== null || !('month' in line) || next === null) continue;
    const { year } = ymdFromDay(next);
    const same = dayFromYmd(year, line.month, line.day);
    const day: number | null =
      same !== null && same <= next + SAME_YEAR_SLACK_DAYS
        ? same
        : dayFromYmd(year - 1, line.month, line.day);
    result[i] = day;
    if (day !== null) next = day;
  }
  return result;
}
