import { checkMoney, formatMoney, intlLocaleOf, MAX_MONEY } from '../../src/core/money';

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

describe('checkMoney: the one rule for every money field', () => {
  it.each([
    ['2,000', 2000],
    ['$1,200.50', 1200.5],
    ['3.5k', 3500],
    ['1,000,000,000', MAX_MONEY],
    ['', null],
    [undefined, null],
  ])('reads %j', (raw, value) => {
    expect(checkMoney('Monthly fee', raw, 'en_US')).toEqual({ ok: true, value });
  });

  it.each(['1e308', '1,000,000,001', '-5', 'abc', 'Infinity'])('refuses %j with the one message', (raw) => {
    expect(checkMoney('Monthly fee', raw, 'en_US')).toEqual({
      ok: false,
      message: `Monthly fee must be an amount of money from 0 to 1,000,000,000; got "${raw}".`,
    });
  });

  it('takes a loss down to the negative bound when signed (a yearly profit)', () => {
    expect(checkMoney('Yearly profit', '-2,400', 'en_US', true)).toEqual({ ok: true, value: -2400 });
    expect(checkMoney('Yearly profit', '-1e308', 'en_US', true)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Yearly profit must be an amount of money from -1,000,000,000 to/),
    });
  });

  it('reads the locale: 3.500,50 in de_DE', () => {
    expect(checkMoney('Amount', '3.500,50', 'de_DE')).toEqual({ ok: true, value: 3500.5 });
  });
});
