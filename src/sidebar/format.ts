/** How the sidebar shows numbers and dates. Dates arrive as ISO `yyyy-mm-dd` strings and are never
 * turned into `Date` objects, so the browser's time zone cannot move a day. */
import type { IsoDate } from '../ui/rpc-types';
import { formatMoney as formatMoneyIn } from '../core/money';
import { intlLocale, sidebarContext } from './context';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CURRENCY_PREFIXES = new Set(['$', '€', '£', '¥', '₹', 'US$', 'A$', 'C$', 'R$']);

/** A number as the spreadsheet's locale writes it: `1,234.5` (en_US), `1.234,5` (de_DE). */
export function formatNumber(value: number | null | undefined, maxFractionDigits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  // Past 15 digits (Sheets' own precision) a pasted or mistyped number would run off a 300-px sidebar.
  if (Math.abs(value) >= 1e15)
    return value.toLocaleString(intlLocale(), { notation: 'scientific', maximumFractionDigits: 2 });
  return value.toLocaleString(intlLocale(), { maximumFractionDigits: maxFractionDigits });
}

/** A value with its unit: `$1,200`, `12%`, `82.5 kg`. */
export function withUnit(value: number | null | undefined, unit: string): string {
  const number = formatNumber(value);
  if (number === '–' || !unit) return number;
  if (CURRENCY_PREFIXES.has(unit))
    return value! < 0 ? `-${unit}${formatNumber(-value!)}` : `${unit}${number}`;
  if (unit === '%') return `${number}%`;
  return `${number} ${unit}`;
}

/** Money with Settings' currency symbol in front, in the spreadsheet's locale (see core/money). */
export function formatMoney(
  value: number | null | undefined,
  currency: string = sidebarContext().currency,
): string {
  if (value === null || value === undefined) return '–';
  return formatMoneyIn(value, currency, intlLocale());
}

/** `3 Mar 2025`. */
export function formatDate(iso: IsoDate | null | undefined): string {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!match) return '–';
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** `3 Mar` (the year is implied: this week). */
export function formatShortDate(iso: IsoDate | null | undefined): string {
  return formatDate(iso).replace(/ \d{4}$/, '');
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count, 0)} ${count === 1 ? one : many}`;
}

/** Today in the browser's calendar as `yyyy-mm-dd` (a default for date inputs; the server re-checks). */
export function todayIso(): IsoDate {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `iso` moved by `days` calendar days (UTC arithmetic on the date alone: no time zone can shift it). */
export function addDaysIso(iso: IsoDate, days: number): IsoDate {
  const time = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(time) ? new Date(time + days * 86_400_000).toISOString().slice(0, 10) : iso;
}

export function daysBetweenIso(from: IsoDate, to: IsoDate): number | null {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Number.isFinite(a) && Number.isFinite(b) ? Math.round((b - a) / 86_400_000) : null;
}

let serverToday: Promise<IsoDate> | null = null;

/**
 * Sets date inputs still showing the browser's today (plus `offsetDays`) to the spreadsheet's today (plus
 * `offsetDays`): its time zone decides what day it is, and may differ from the browser's.
 */
export function useSpreadsheetToday(
  inputs: HTMLInputElement[],
  fetchToday: () => Promise<IsoDate>,
  offsetDays = 0,
): void {
  const browserDefault = addDaysIso(todayIso(), offsetDays);
  serverToday = serverToday ?? fetchToday();
  serverToday
    .then((today) => {
      for (const input of inputs)
        if (input.value === browserDefault && today) input.value = addDaysIso(today, offsetDays);
    })
    .catch(() => {
      serverToday = null;
    });
}
