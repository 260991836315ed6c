import { CLIENT_RETENTION, CLIENT_TREND } from '../../src/formulas';
import { column, messageOf, useSpreadsheet, utc } from './helpers';

beforeEach(() => useSpreadsheet());

describe('CLIENT_RETENTION', () => {
  const starts = column(
    utc('2024-01-10'),
    utc('2024-01-31'),
    utc('2024-03-01'),
    utc('2024-03-15'),
    utc('2024-07-01'),
    '',
  );
  const ends = column(utc('2024-03-05'), '', utc('2024-03-01'), utc('2024-04-15'), '', '');

  it('spills a header and one row per start month, blank where the month has not come yet', () => {
    expect(CLIENT_RETENTION(starts, ends, 6, utc('2024-06-15'))).toEqual([
      ['Cohort', 'Month 0', 'Month 1', 'Month 2', 'Month 3', 'Month 4', 'Month 5'],
      [utc('2024-01-01'), 1, 1, 0.5, 0.5, 0.5, ''],
      [utc('2024-03-01'), 0.5, 0, 0, 0, '', ''],
    ]);
  });

  it('shows 12 months by default, as of today', () => {
    const table = CLIENT_RETENTION(starts, ends) as unknown[][];
    expect(table[0]).toHaveLength(13);
    expect(table[0][12]).toBe('Month 11');
    expect(table.map((row) => row[0])).toEqual(['Cohort', utc('2024-01-01'), utc('2024-03-01')]);
  });

  it('labels cohorts with the 1st of the month as the spreadsheet time zone shows it', () => {
    useSpreadsheet({ timeZone: 'America/New_York' });
    const table = CLIENT_RETENTION(new Date('2024-01-10T05:00:00Z'), '', 1, new Date('2024-02-01T05:00:00Z'));
    expect(table).toEqual([
      ['Cohort', 'Month 0'],
      [new Date('2024-01-01T05:00:00Z'), 1],
    ]);
  });

  it('is blank for an empty roster', () => {
    expect(CLIENT_RETENTION(column('', ''), column('', ''))).toBe('');
  });

  it('explains a bad month count', () => {
    expect(messageOf(() => CLIENT_RETENTION(starts, ends, 0))).toBe(
      'CLIENT_RETENTION: months must be a whole number of months from 1 to 120; got 0',
    );
    expect(messageOf(() => CLIENT_RETENTION(starts, ends, 'twelve'))).toBe(
      'CLIENT_RETENTION: months must be a whole number of months; got "twelve"',
    );
  });

  it('builds the table for 10,000 clients (speed: npm run bench)', () => {
    const day = 86_400_000;
    const many = column(
      ...Array.from({ length: 10_000 }, (_, i) => new Date(Date.UTC(2020, 0, 1) + (i % 1500) * day)),
    );
    const manyEnds = column(
      ...Array.from({ length: 10_000 }, (_, i) =>
        i % 2 ? '' : new Date(Date.UTC(2024, 0, 1) + (i % 400) * day),
      ),
    );
    const table = CLIENT_RETENTION(many, manyEnds, 12, utc('2025-01-01')) as unknown[][];
    expect(table.length).toBeGreaterThan(40);
  });
});

describe('CLIENT_TREND', () => {
  const weekly = column(utc('2024-01-01'), utc('2024-01-08'), utc('2024-01-15'), utc('2024-01-22'));
  const fortnightly = column(utc('2024-01-01'), utc('2024-01-15'), utc('2024-01-29'), utc('2024-02-12'));

  it('is the slope per week with dates and per row without', () => {
    expect(CLIENT_TREND(column(10, 12, 14, 16), weekly)).toBeCloseTo(2, 12);
    expect(CLIENT_TREND(column(10, 12, 14, 16), fortnightly)).toBeCloseTo(1, 12);
    expect(CLIENT_TREND(column(10, 12, 14, 16))).toBeCloseTo(2, 12);
    expect(CLIENT_TREND([[10, 12, 14, 16]])).toBeCloseTo(2, 12);
  });

  it('ignores blanks but keeps rows equally spaced', () => {
    expect(CLIENT_TREND(column(10, '', 14, '', ''))).toBeCloseTo(2, 12);
    expect(
      CLIENT_TREND(
        column(10, 99, 14, 16),
        column(utc('2024-01-01'), '', utc('2024-01-15'), utc('2024-01-22')),
      ),
    ).toBeCloseTo(2, 12);
  });

  it('is blank until there are two values on different dates', () => {
    expect(CLIENT_TREND(column(10, '', ''))).toBe('');
    expect(CLIENT_TREND(column(10, 12), column(utc('2024-01-01'), utc('2024-01-01')))).toBe('');
  });

  it('explains bad input', () => {
    expect(messageOf(() => CLIENT_TREND(column(1, 'n/a', 3)))).toBe(
      'CLIENT_TREND: values must be a number; got "n/a" (row 2)',
    );
    expect(
      messageOf(() =>
        CLIENT_TREND([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe('CLIENT_TREND: values must be one column or one row; got a range of 2 rows × 2 columns');
    expect(messageOf(() => CLIENT_TREND(column(1, 2, 3), column(utc('2024-01-01'), utc('2024-01-08'))))).toBe(
      'CLIENT_TREND: values is 3 rows × 1 column but dates is 2 rows × 1 column; pass ranges of the ' +
        'same shape or a single value',
    );
    expect(messageOf(() => CLIENT_TREND(column(1, 2, 3), utc('2024-01-01')))).toBe(
      'CLIENT_TREND: dates must be a range of the same shape as values',
    );
  });
});
