/**
 * The sidebar reads and shows numbers the way the spreadsheet does: its locale (sent by the server in the
 * boot tag with Settings' currency symbol) decides the separators, and money carries the symbol.
 */
import fs from 'node:fs';
import path from 'node:path';
import { intlLocale, setSidebarContext, sidebarContext } from '../../src/sidebar/context';
import { formatMoney, formatNumber } from '../../src/sidebar/format';
import { checkNumber } from '../../src/sidebar/validate';
import { sidebarHtml } from '../../src/ui/boot';
import { bootView } from '../../src/sidebar/router';

afterEach(() => setSidebarContext(null));

describe('de_DE', () => {
  beforeEach(() => setSidebarContext({ currency: '€', locale: 'de_DE' }));

  test.each([
    ['3.500,50', 3500.5],
    ['3.500', 3500],
    ['1,25', 1.25],
    ['1,250', 1.25],
    ['€ 1.200', 1200],
    ['3,5k', 3500],
    ['12 %', 0.12],
  ])('reads %j as a German coach means it', (text, value) => {
    expect(checkNumber('Betrag', text)).toEqual({ ok: true, value });
  });

  test('the same text means something else in en_US', () => {
    expect(checkNumber('Amount', '3.500', false, 'en_US')).toEqual({ ok: true, value: 3.5 });
    expect(checkNumber('Amount', '1,250', false, 'en_US')).toEqual({ ok: true, value: 1250 });
  });

  test('a refusal gives examples in the locale', () => {
    const check = checkNumber('Amount', 'abc');
    expect(check).toEqual({ ok: false, message: expect.stringContaining('like 1.200, 3.500,50') });
  });

  test('money and numbers are shown with German separators and the € symbol', () => {
    expect(formatMoney(3500.5)).toBe('€3.500,50');
    expect(formatMoney(450)).toBe('€450');
    expect(formatMoney(-40)).toBe('-€40');
    expect(formatNumber(84.5)).toBe('84,5');
    expect(formatNumber(12000)).toBe('12.000');
  });
});

test('en_US with $ (the playground): $1,500.25; no context: no symbol, en_US separators', () => {
  setSidebarContext({ currency: '$', locale: 'en_US' });
  expect(formatMoney(1500.25)).toBe('$1,500.25');
  expect(formatMoney(2800)).toBe('$2,800');
  setSidebarContext(null);
  expect(sidebarContext()).toEqual({ currency: '', locale: 'en_US' });
  expect(formatMoney(2800)).toBe('2,800');
});

test('a currency written as letters is set apart from the amount', () => {
  setSidebarContext({ currency: 'CHF', locale: 'de_CH' });
  expect(formatMoney(900)).toBe('CHF\u00a0900');
  expect(checkNumber('Amount', '1’250.50')).toEqual({ ok: true, value: 1250.5 });
});

test('a broken or hostile locale falls back to en_US', () => {
  setSidebarContext({ currency: '$', locale: '"><script>' });
  expect(sidebarContext().locale).toBe('en_US');
  expect(intlLocale('xx_YY')).toMatch(/^(xx-YY|en-US)$/);
});

test('the server sends the context in the start-up data, and the sidebar reads it back', () => {
  const built = fs.readFileSync(path.resolve(__dirname, '../../dist/Sidebar.html'), 'utf8');
  const html = sidebarHtml(built, { view: 'payment', context: { currency: '€', locale: 'de_DE' } });
  const text =
    /<script type="application\/json" id="clienttabs-boot">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
  const boot = bootView({ getElementById: () => ({ textContent: text }) as HTMLElement });
  expect(boot).toEqual({ view: 'payment', context: { currency: '€', locale: 'de_DE' } });
  setSidebarContext(boot?.context);
  expect(sidebarContext()).toEqual({ currency: '€', locale: 'de_DE' });
});

test('a number past Sheets’ 15 digits is shown short, so a pasted 1e308 cannot run off the sidebar', () => {
  expect(formatNumber(1e308)).toBe('1E308');
  expect(formatNumber(-123456789012345680000)).toBe('-1.23E20');
  expect(formatNumber(999_999_999_999_999)).toBe('999,999,999,999,999');
});
