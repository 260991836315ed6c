import { parseMoney } from './parse';
/**
 * Money as the workbook's own `"€"#,##0.00` format shows it, in a locale's digits: `$1,500`,
 * `€3.500,50` (de-DE), `CHF 900`, `-$40`. Cents only when there are some.
 * @param intlLocale a BCP 47 tag Intl knows (`en-US`, `de-DE`)
 */
export function formatMoney(value: number, currency: string, intlLocale: string): string {
  if (!Number.isFinite(value)) return '–';
  const cents = Math.round(Math.abs(value) * 100) % 100 !== 0;
  const amount = Math.abs(value).toLocaleString(intlLocale, {
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: 2,
  });
  const symbol = currency.trim();
  const sign = value < 0 && amount !== '0' ? '-' : '';
  if (!symbol) return `${sign}${amount}`;
  // A symbol that ends in a letter (CHF, kr) needs a space before the digits.
  return `${sign}${symbol}${/\p{L}$/u.test(symbol) ? '\u00a0' : ''}${amount}`;
}

/** A spreadsheet locale (`de_DE`) as a BCP 47 tag for Intl (`de-DE`); `en-US` if Intl does not know it. */
export function intlLocaleOf(locale: string): string {
  const tag = locale.replace(/_/g, '-');
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length ? tag : 'en-US';
  } catch {
    return 'en-US';
  }
}

/** The largest amount any money field takes: beyond it a typo (1e308), and sums would overflow to Infinity. */
export const MAX_MONEY = 1_000_000_000;

export type MoneyCheck = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * The one rule for every money field (fees, costs, profit, payments, change-order fees): blank is null,
 * otherwise an amount as typed in the locale (`$1,200`, `3.5k`) from 0 (or -MAX_MONEY when `signed`, for
 * a profit) to MAX_MONEY. Shared by the server and the sidebar so both say the same thing.
 */
export function checkMoney(label: string, raw: unknown, locale: string, signed = false): MoneyCheck {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === ''))
    return { ok: true, value: null };
  const amount = typeof raw === 'string' || typeof raw === 'number' ? parseMoney(String(raw), locale) : null;
  const min = signed ? -MAX_MONEY : 0;
  if (amount === null || !Number.isFinite(amount) || amount < min || amount > MAX_MONEY) {
    const shown = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : typeof raw;
    const range = `${min.toLocaleString('en-US')} to ${MAX_MONEY.toLocaleString('en-US')}`;
    return {
      ok: false,
      message:
        `${label} must be an amount of money from ${range}; got ` +
        `"${shown.length > 40 ? `${shown.slice(0, 39)}…` : shown}".`,
    };
  }
  return { ok: true, value: amount };
}
