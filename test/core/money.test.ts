import { formatMoney, intlLocaleOf } from '../../src/core/money';

describe('formatMoney', () => {
  it('puts the symbol in front and shows cents only when there are some', () => {
    expect(formatMoney(2000, '$', 'en-US')).toBe('$2,000');
    expect(formatMoney(1234.5, '$', 'en-US')).toBe('$1,234.50');
    expect(formatMoney(-40, '$', 'en-US')).toBe('-$40');
  });

  it("writes digits the spreadsheet locale's way and spaces a symbol that ends in a letter", () => {
    expect(formatMoney(3500.5, '€', intlLocaleOf('de_DE'))).toBe('€3.500,50');
    expect(formatMoney(900, 'CHF', 'en-US')).toBe('CHF\u00a0900');
    expect(formatMoney(900, '', 'en-US')).toBe('900');
  });

  it('falls back to en-US for a locale Intl does not know', () => {
    expect(intlLocaleOf('xx_!!')).toBe('en-US');
    expect(intlLocaleOf('en_GB')).toBe('en-GB');
  });
});
