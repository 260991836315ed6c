import { formatIsoDay } from '../../src/core/dates';
import {
  dateOrderFor,
  decimalSeparatorFor,
  numberAsTyped,
  parseDate,
  parseMoney,
  parseNumber,
  parsePercent,
  parseRatio,
} from '../../src/core/parse';

describe('parseMoney', () => {
  it.each([
    ['$3,500', 'en_US', 3500],
    ['¥350,000', 'ja_JP', 350000],
    ['3.500,50 €', 'de_DE', 3500.5],
    ['€3.500,50', 'de_DE', 3500.5],
    ['3.5k', 'en_US', 3500],
    ['3,5k', 'de_DE', 3500],
    ['(1,200)', 'en_US', -1200],
    ['-$1,200', 'en_US', -1200],
    ['$-1,200', 'en_US', -1200],
    ['1.2M', 'en_US', 1_200_000],
    ['£1.2m', 'en_GB', 1_200_000],
    ['$2bn', 'en_US', 2e9],
    ['USD 1,200.50', 'en_US', 1200.5],
    ['R$ 1.200,00', 'pt_BR', 1200],
    ["CHF 1'234.50", 'de_CH', 1234.5],
    ['1 234,50 €', 'fr_FR', 1234.5],
    ['3 500 kr', 'sv_SE', 3500],
    ['₹12,34,567', 'en_IN', 1234567],
    ['1,234,567.89', 'de_DE', 1234567.89],
    ['  42  ', 'en_US', 42],
    ['.5', 'en_US', 0.5],
  ])('reads %j in %s as %d', (text, locale, expected) => {
    expect(parseMoney(text, locale)).toBeCloseTo(expected, 9);
  });

  it('reads a lone separator before three digits by the locale, any other lone separator as a decimal', () => {
    expect(parseMoney('3,500', 'en_US')).toBe(3500);
    expect(parseMoney('3.500', 'en_US')).toBe(3.5);
    expect(parseMoney('3.500', 'de_DE')).toBe(3500);
    expect(parseMoney('3,500', 'de_DE')).toBe(3.5);
    expect(parseMoney('3,50', 'en_US')).toBe(3.5);
    expect(parseMoney('0,500', 'en_US')).toBe(0.5);
    expect(parseMoney('1.200.000', 'en_US')).toBe(1_200_000);
  });

  it('refuses what is not money', () => {
    for (const text of [
      '12%',
      'abc',
      '',
      '$',
      '--5',
      '1,2,3',
      '1,234.5.6',
      '(5',
      '3 apples',
      true,
      null,
      new Date(),
    ]) {
      expect(parseMoney(text, 'en_US')).toBeNull();
    }
  });

  it('passes numbers through and rejects NaN and Infinity', () => {
    expect(parseMoney(3500.5)).toBe(3500.5);
    expect(parseMoney(NaN)).toBeNull();
    expect(parseMoney(Infinity)).toBeNull();
  });
});

describe('parseNumber and parsePercent', () => {
  it('reads percentages as fractions', () => {
    expect(parseNumber('12%')).toBeCloseTo(0.12, 12);
    expect(parseNumber('12,5 %', 'fr_FR')).toBeCloseTo(0.125, 12);
    expect(parsePercent('12%')).toBeCloseTo(0.12, 12);
    expect(parsePercent('-3.5%')).toBeCloseTo(-0.035, 12);
    expect(parsePercent(0.12)).toBe(0.12);
    expect(parsePercent('0.12')).toBe(0.12);
  });

  it('parsePercent refuses money and multipliers', () => {
    expect(parsePercent('$12')).toBeNull();
    expect(parsePercent('12k')).toBeNull();
  });

  it('reads scientific notation and a unicode minus', () => {
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('\u22125')).toBe(-5);
  });
});

describe('parseRatio', () => {
  it('reads 3, 3:1, 4:2 and 2.5x', () => {
    expect(parseRatio(3)).toBe(3);
    expect(parseRatio('3:1')).toBe(3);
    expect(parseRatio('4:2')).toBe(2);
    expect(parseRatio('2.5x')).toBe(2.5);
    expect(parseRatio('3:0')).toBeNull();
    expect(parseRatio('a:b')).toBeNull();
  });
});

describe('locale conventions', () => {
  it('knows decimal separators and date orders', () => {
    expect(decimalSeparatorFor('en_US')).toBe('.');
    expect(decimalSeparatorFor('de_DE')).toBe(',');
    expect(decimalSeparatorFor('de-CH')).toBe('.');
    expect(decimalSeparatorFor('es_MX')).toBe('.');
    expect(decimalSeparatorFor('es_ES')).toBe(',');
    expect(dateOrderFor('en_US')).toBe('MDY');
    expect(dateOrderFor('en_GB')).toBe('DMY');
    expect(dateOrderFor('de_DE')).toBe('DMY');
    expect(dateOrderFor('ja_JP')).toBe('YMD');
  });
});

describe('parseDate', () => {
  const iso = (value: unknown, locale = 'en_US'): string | null => {
    const day = parseDate(value, locale);
    return day === null ? null : formatIsoDay(day);
  };

  it.each([
    ['2024-03-01', 'en_US'],
    ['2024-03-01', 'de_DE'],
    ['2024/3/1', 'en_GB'],
    ['2024-03-01T10:30:00Z', 'en_US'],
    ['3/1/2024', 'en_US'],
    ['3/1/24', 'en_US'],
    ['3/1/2024 2:30 PM', 'en_US'],
    ['1/3/2024', 'en_GB'],
    ['01/03/2024', 'en_GB'],
    ['1/3/2024', 'de_DE'],
    ['01.03.2024', 'de_DE'],
    ['1.3.2024.', 'de_DE'],
    ['01-03-2024', 'fr_FR'],
    ['2024/03/01', 'ja_JP'],
    ['Mar 1, 2024', 'en_US'],
    ['March 1st 2024', 'en_GB'],
    ['1 Mar 2024', 'de_DE'],
    ['1-Mar-24', 'en_US'],
  ])('reads %j in %s as 2024-03-01', (text, locale) => {
    expect(iso(text, locale)).toBe('2024-03-01');
  });

  it('reads Sheets serial numbers and UTC Dates', () => {
    expect(iso(45352)).toBe('2024-03-01');
    expect(iso(new Date(Date.UTC(2024, 2, 1)))).toBe('2024-03-01');
  });

  it('follows Sheets for two-digit years: 00-29 is 20xx, 30-99 is 19xx', () => {
    expect(iso('1/2/29', 'en_GB')).toBe('2029-02-01');
    expect(iso('1/2/30', 'en_GB')).toBe('1930-02-01');
  });

  it('refuses impossible or ambiguous-by-locale dates instead of guessing', () => {
    expect(iso('2/30/2024', 'en_US')).toBeNull();
    expect(iso('13/1/2024', 'en_US')).toBeNull();
    expect(iso('1/13/2024', 'en_GB')).toBeNull();
    expect(iso('2023-02-29')).toBeNull();
    expect(iso('Foo 1, 2024')).toBeNull();
    expect(iso('soon')).toBeNull();
    expect(iso(true)).toBeNull();
    expect(iso('3/1/202')).toBeNull();
  });
});

describe('numberAsTyped', () => {
  it.each(['en_US', 'de_DE', 'fr_FR', 'de_CH', 'pt_BR'])('reads back as the same number in %s', (locale) => {
    for (const value of [12.345, 1.125, -0.5, 123.456, 1234567.891, 42, 1e21, 1.5e-7]) {
      expect([value, parseNumber(numberAsTyped(value, locale), locale)]).toEqual([value, value]);
    }
  });

  it('uses the decimal comma where the locale does', () => {
    expect(numberAsTyped(12.345, 'de_DE')).toBe('12,345');
    expect(numberAsTyped(12.345, 'en_US')).toBe('12.345');
  });
});
