import * as ltvCore from '../../src/core/ltv';
import { CLIENT_LTV, CLIENT_MAX_CAC, CLIENT_PROGRESS } from '../../src/formulas';
import { column, messageOf, useSpreadsheet, utc } from './helpers';

beforeEach(() => useSpreadsheet());

describe('CLIENT_LTV', () => {
  it('multiplies yearly profit by lifespan: =CLIENT_LTV(3500, 3.2) is 11200', () => {
    expect(CLIENT_LTV(3500, 3.2)).toBeCloseTo(11200, 9);
  });

  it('reads money and numbers as people type them', () => {
    expect(CLIENT_LTV('$3,500', '3.2')).toBeCloseTo(11200, 9);
    expect(CLIENT_LTV('3.5k', 2)).toBe(7000);
    expect(CLIENT_LTV('(1,200)', 2)).toBe(-2400);
  });

  it('reads text in the spreadsheet locale', () => {
    useSpreadsheet({ locale: 'de_DE' });
    expect(CLIENT_LTV('3.500,00 €', '3,2')).toBeCloseTo(11200, 9);
    expect(CLIENT_LTV('3.500', 1)).toBe(3500);
  });

  it('fills a column from two columns, and broadcasts a single value', () => {
    expect(CLIENT_LTV(column(1000, 2000, 3000), column(1, 2, 3))).toEqual(column(1000, 4000, 9000));
    expect(CLIENT_LTV(column(1000, 2000), 2)).toEqual(column(2000, 4000));
    expect(CLIENT_LTV(1000, [[1, 2, 3]])).toEqual([[1000, 2000, 3000]]);
    expect(CLIENT_LTV([[5]], [[2]])).toBe(10);
  });

  it('leaves rows blank where an input is blank, including the trailing rows of E2:E', () => {
    expect(CLIENT_LTV(column(1000, '', 3000, ''), column(2, 5, '', ''))).toEqual(column(2000, '', '', ''));
    expect(CLIENT_LTV('', 3)).toBe('');
  });

  it('handles an open-ended 10,000-row range (speed: npm run bench)', () => {
    const profits = column(...Array.from({ length: 10_000 }, (_, i) => (i < 300 ? 1000 + i : '')));
    const years = column(...Array.from({ length: 10_000 }, (_, i) => (i < 300 ? '2.5' : '')));
    const result = CLIENT_LTV(profits, years) as unknown[][];
    expect(result).toHaveLength(10_000);
    expect(result[299]).toEqual([(1000 + 299) * 2.5]);
    expect(result[300]).toEqual(['']);
    expect(result[9_999]).toEqual(['']);
  });

  it('names the argument, what it expected, what it got and the row', () => {
    expect(messageOf(() => CLIENT_LTV(column(1, 2, 3), column(1, 2, 'abc')))).toBe(
      'CLIENT_LTV: lifespan_years must be a number of years; got "abc" (row 3)',
    );
    expect(messageOf(() => CLIENT_LTV('lots', 2))).toBe(
      'CLIENT_LTV: yearly_profit must be an amount of money; got "lots"',
    );
    expect(messageOf(() => CLIENT_LTV('12%', 2))).toBe(
      'CLIENT_LTV: yearly_profit must be an amount of money; got "12%"',
    );
    expect(messageOf(() => CLIENT_LTV(100, -2))).toBe(
      'CLIENT_LTV: lifespan_years must be a number of years (0 or more); got -2',
    );
    expect(messageOf(() => CLIENT_LTV(true, 2))).toBe(
      'CLIENT_LTV: yearly_profit must be an amount of money; got TRUE',
    );
    expect(messageOf(() => CLIENT_LTV(utc('2024-03-01'), 2))).toBe(
      'CLIENT_LTV: yearly_profit must be an amount of money; got the date 2024-03-01',
    );
  });

  it('says where in a row range or a block the bad value is', () => {
    expect(messageOf(() => CLIENT_LTV([[1, 2, 'x']], 1))).toMatch(/got "x" \(column 3\)$/);
    expect(
      messageOf(() =>
        CLIENT_LTV(
          [
            [1, 2],
            [3, 'x'],
          ],
          1,
        ),
      ),
    ).toMatch(/got "x" \(row 2, column 2\)$/);
  });

  it('refuses ranges of different shapes', () => {
    const ten = column(...Array.from({ length: 10 }, () => 1));
    const nine = column(...Array.from({ length: 9 }, () => 1));
    expect(messageOf(() => CLIENT_LTV(ten, nine))).toBe(
      'CLIENT_LTV: yearly_profit is 10 rows × 1 column but lifespan_years is 9 rows × 1 column; ' +
        'pass ranges of the same shape or a single value',
    );
  });

  it('turns an unexpected exception into a message naming the formula', () => {
    const spy = jest.spyOn(ltvCore, 'clientLtv').mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    });
    try {
      expect(messageOf(() => CLIENT_LTV(1, 1))).toBe(
        "CLIENT_LTV: unexpected error: Cannot read properties of undefined (reading 'x')",
      );
    } finally {
      spy.mockRestore();
    }
  });
});

describe('CLIENT_MAX_CAC', () => {
  it('divides LTV by 3 unless told another ratio', () => {
    expect(CLIENT_MAX_CAC(11200)).toBeCloseTo(3733.33, 2);
    expect(CLIENT_MAX_CAC(12000, 4)).toBe(3000);
    expect(CLIENT_MAX_CAC('$12,000', '4:1')).toBe(3000);
  });

  it('uses the default ratio for blank ratio cells but keeps blank LTV rows blank', () => {
    expect(CLIENT_MAX_CAC(column(9000, 8000, ''), column('', 4, 2))).toEqual(column(3000, 2000, ''));
  });

  it('refuses a ratio of 0', () => {
    expect(messageOf(() => CLIENT_MAX_CAC(column(9000, 9000), column(3, 0)))).toBe(
      'CLIENT_MAX_CAC: ltv_to_cac_ratio must be a ratio greater than 0 (such as 3 or 3:1); got 0 (row 2)',
    );
  });
});

describe('CLIENT_PROGRESS', () => {
  it('is halfway when cost per lead went from $30 to $25 with a $20 target', () => {
    expect(CLIENT_PROGRESS(30, 25, 20)).toBe(0.5);
    expect(CLIENT_PROGRESS('$30', '$25', '$20')).toBe(0.5);
  });

  it('reads percentages, as typed or as Sheets passes them', () => {
    expect(CLIENT_PROGRESS('10%', '15%', '30%')).toBeCloseTo(0.25, 12);
    expect(CLIENT_PROGRESS(0.1, 0.15, 0.3)).toBeCloseTo(0.25, 12);
  });

  it('works down a column with a shared target, blank rows blank', () => {
    expect(CLIENT_PROGRESS(column(30, 10, ''), column(25, 15, ''), column(20, 30, ''))).toEqual(
      column(0.5, 0.25, ''),
    );
    expect(CLIENT_PROGRESS(column(0, 50), column(100, 75), 100)).toEqual(column(1, 0.5));
  });

  it('explains a baseline equal to the target, with the row', () => {
    expect(messageOf(() => CLIENT_PROGRESS(column(10, 30), column(12, 25), column(20, 30)))).toBe(
      'CLIENT_PROGRESS: baseline and target are both 30; progress needs a target different from the baseline (row 2)',
    );
    expect(messageOf(() => CLIENT_PROGRESS(5, 6, 5))).toBe(
      'CLIENT_PROGRESS: baseline and target are both 5; progress needs a target different from the baseline',
    );
  });
});
