import vm from 'node:vm';
import { CLIENT_CHURN, CLIENT_LIFESPAN } from '../../src/formulas';
import { column, messageOf, useSpreadsheet, utc } from './helpers';

beforeEach(() => useSpreadsheet());

/** Ten ended clients as roster columns (Sheets Dates), stays adding up to 32 years (11688 days). */
function tenEndedClients(): { starts: unknown[][]; ends: unknown[][] } {
  const lengths = [365, 730, 1096, 1461, 1000, 1200, 1500, 1300, 1500, 1536];
  const origin = Date.UTC(2015, 0, 1);
  const day = 86_400_000;
  return {
    starts: column(...lengths.map((_, i) => new Date(origin + i * 30 * day))),
    ends: column(...lengths.map((length, i) => new Date(origin + (i * 30 + length) * day))),
  };
}

describe('CLIENT_LIFESPAN', () => {
  it('is 3.2 years for ten clients whose stays add up to 32 years, with trailing blank rows', () => {
    const { starts, ends } = tenEndedClients();
    const pad = column('', '', '');
    for (const method of [undefined, 'simple', 'km', 'churn', ' KM ']) {
      expect(CLIENT_LIFESPAN([...starts, ...pad], [...ends, ...pad], method)).toBeCloseTo(3.2, 12);
    }
  });

  it('counts active clients up to today by default, or up to as_of', () => {
    // today is 2024-06-15 (helpers); one client from 2022-06-15, still active: 731 days.
    expect(CLIENT_LIFESPAN(utc('2022-06-15'), '')).toBeCloseTo(731 / 365.25, 12);
    expect(CLIENT_LIFESPAN(utc('2022-06-15'), '', 'simple', '2023-06-15')).toBeCloseTo(365 / 365.25, 12);
  });

  it('takes today in the spreadsheet time zone', () => {
    // 2024-06-15T23:30Z is already June 16 in Berlin.
    useSpreadsheet({ timeZone: 'Europe/Berlin', today: new Date('2024-06-15T23:30:00Z') });
    const start = new Date('2024-06-09T22:00:00Z'); // June 10 midnight in Berlin
    expect(CLIENT_LIFESPAN(start, '') as number).toBeCloseTo(6 / 365.25, 12);
  });

  it('differs by method when clients are still active', () => {
    const starts = column(utc('2020-01-01'), utc('2020-01-01'), utc('2023-01-01'));
    const ends = column(utc('2021-01-01'), '', '');
    const asOf = utc('2024-01-01');
    const simple = CLIENT_LIFESPAN(starts, ends, 'simple', asOf) as number;
    const km = CLIENT_LIFESPAN(starts, ends, 'km', asOf) as number;
    const churn = CLIENT_LIFESPAN(starts, ends, 'churn', asOf) as number;
    expect(simple * 365.25).toBeCloseTo((366 + 1461 + 365) / 3, 9);
    // The 365-day client is censored before the only ending (day 366), leaving 2 at risk: S drops to 1/2.
    expect(km * 365.25).toBeCloseTo(366 + (1 / 2) * (1461 - 366), 9);
    expect(churn * 365.25).toBeCloseTo(366 + 1461 + 365, 9);
  });

  it('reads text dates in the spreadsheet locale and serial numbers', () => {
    useSpreadsheet({ locale: 'en_GB' });
    expect(CLIENT_LIFESPAN(column('01/03/2023', 44986), column('29/02/2024', '2024-02-29'))).toBeCloseTo(
      365 / 365.25,
      12,
    );
    useSpreadsheet({ locale: 'de_DE' });
    expect(CLIENT_LIFESPAN('01.03.2023', '29.02.2024')).toBeCloseTo(365 / 365.25, 12);
  });

  it('accepts Dates made in another realm, as the emulator and the bundle tests pass them', () => {
    const foreign = vm.runInNewContext(
      '[[new Date(Date.UTC(2023, 0, 1))], [new Date(Date.UTC(2023, 0, 1))]]',
    );
    expect(foreign[0][0]).not.toBeInstanceOf(Date);
    expect(CLIENT_LIFESPAN(foreign, column(utc('2024-01-01'), utc('2023-07-02')))).toBeCloseTo(
      (365 + 182) / 2 / 365.25,
      12,
    );
  });

  it('is blank for an empty roster', () => {
    expect(CLIENT_LIFESPAN(column('', ''), column('', ''))).toBe('');
  });

  it('explains bad input', () => {
    expect(messageOf(() => CLIENT_LIFESPAN(column(utc('2024-01-01'), 'soon'), column('', '')))).toBe(
      'CLIENT_LIFESPAN: start_dates must be a date; got "soon" (row 2)',
    );
    expect(messageOf(() => CLIENT_LIFESPAN(column(utc('2024-02-01')), column(utc('2024-01-01'))))).toBe(
      'CLIENT_LIFESPAN: end_dates must be on or after the start date 2024-02-01; got 2024-01-01',
    );
    expect(
      messageOf(() => CLIENT_LIFESPAN(column('', utc('2024-02-01')), column(utc('2024-03-01'), ''))),
    ).toBe('CLIENT_LIFESPAN: start_dates must be a date when end_dates has one; got a blank cell (row 1)');
    expect(messageOf(() => CLIENT_LIFESPAN(utc('2024-01-01'), '', 'median'))).toBe(
      'CLIENT_LIFESPAN: method must be "simple", "km" or "churn"; got "median"',
    );
    expect(messageOf(() => CLIENT_LIFESPAN(utc('2024-01-01'), '', 'km', column(utc('2024-01-01'), '')))).toBe(
      'CLIENT_LIFESPAN: as_of must be a single value; got a range of 2 rows × 1 column',
    );
    expect(messageOf(() => CLIENT_LIFESPAN(utc('2024-01-01'), '', 'churn'))).toBe(
      'CLIENT_LIFESPAN: no client has ended by as_of, so there is no churn rate to divide by; try method "km"',
    );
    expect(messageOf(() => CLIENT_LIFESPAN(column(1, 2), column(1, 2, 3)))).toMatch(
      /^CLIENT_LIFESPAN: start_dates is 2 rows × 1 column but end_dates is 3 rows × 1 column/,
    );
  });

  it('handles 10,000 clients with every method (speed: npm run bench)', () => {
    const day = 86_400_000;
    const starts = column(
      ...Array.from({ length: 10_000 }, (_, i) => new Date(Date.UTC(2016, 0, 1) + (i % 3000) * day)),
    );
    const ends = column(
      ...Array.from({ length: 10_000 }, (_, i) =>
        i % 3 ? new Date(Date.UTC(2024, 0, 1) + (i % 100) * day) : '',
      ),
    );
    for (const method of ['simple', 'km', 'churn']) {
      expect(CLIENT_LIFESPAN(starts, ends, method, utc('2025-01-01'))).toBeGreaterThan(0);
    }
  });
});

describe('CLIENT_CHURN', () => {
  const starts = column(
    utc('2023-06-01'),
    utc('2023-06-01'),
    utc('2024-01-05'),
    utc('2024-01-01'),
    utc('2023-03-01'),
    '',
  );
  const ends = column('', utc('2024-01-15'), utc('2024-01-20'), '', utc('2024-01-31'), '');

  it('is ended ÷ active at the start, not counting clients who started inside the period', () => {
    // Active on Jan 1: rows 1, 2, 5; ended in January: rows 2 and 5. Rows 3 and 4 started in January.
    expect(CLIENT_CHURN(starts, ends, utc('2024-01-01'), utc('2024-01-31'))).toBeCloseTo(2 / 3, 12);
    expect(CLIENT_CHURN(starts, ends, '2024-01-01', '1/31/2024')).toBeCloseTo(2 / 3, 12);
  });

  it('gives one churn per period when periods are columns, blank where nobody was active', () => {
    const from = column(utc('2023-01-01'), utc('2024-01-01'), utc('2024-02-01'), '');
    const to = column(utc('2023-01-31'), utc('2024-01-31'), utc('2024-02-29'), '');
    expect(CLIENT_CHURN(starts, ends, from, to)).toEqual(column('', 2 / 3, 0, ''));
  });

  it('refuses a single period in which nobody was active at the start', () => {
    expect(messageOf(() => CLIENT_CHURN(starts, ends, utc('2023-01-01'), utc('2023-01-31')))).toBe(
      'CLIENT_CHURN: no clients were active on period_start (started before it and not ended before it), ' +
        'so there is no churn to measure',
    );
  });

  it('refuses a period that ends before it starts', () => {
    expect(messageOf(() => CLIENT_CHURN(starts, ends, utc('2024-02-01'), utc('2024-01-01')))).toBe(
      'CLIENT_CHURN: period_end must be on or after period_start',
    );
    expect(
      messageOf(() =>
        CLIENT_CHURN(starts, ends, column(utc('2024-01-01'), utc('2024-02-01')), utc('2024-01-15')),
      ),
    ).toBe('CLIENT_CHURN: period_end must be on or after period_start (row 2)');
  });

  it('is blank for an empty roster and explains a bad period date', () => {
    expect(CLIENT_CHURN(column(''), column(''), utc('2024-01-01'), utc('2024-01-31'))).toBe('');
    expect(messageOf(() => CLIENT_CHURN(starts, ends, 'Q1', utc('2024-03-31')))).toBe(
      'CLIENT_CHURN: period_start must be a date; got "Q1"',
    );
  });
});
