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
