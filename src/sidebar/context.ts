/**
 * How the spreadsheet writes numbers (its locale) and money (Settings → Currency symbol), as the server
 * sent them in the start-up data. Without them (the playground's bare /sidebar, an old server) the sidebar
 * reads and shows numbers as en_US, without a currency symbol.
 */
import { intlLocaleOf } from '../core/money';
import type { SidebarContext } from '../ui/rpc-types';

const DEFAULT: SidebarContext = { currency: '', locale: 'en_US' };
let current: SidebarContext = DEFAULT;

export function setSidebarContext(context: Partial<SidebarContext> | null | undefined): void {
  const currency = typeof context?.currency === 'string' ? context.currency.trim() : '';
  const locale =
    typeof context?.locale === 'string' && /^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$/.test(context.locale)
      ? context.locale
      : DEFAULT.locale;
  current = { currency, locale };
}

export function sidebarContext(): SidebarContext {
  return current;
}

/** The spreadsheet locale as a BCP 47 tag for Intl (`de_DE` → `de-DE`); `en-US` if Intl does not know it. */
export function intlLocale(locale = current.locale): string {
  return intlLocaleOf(locale);
}
