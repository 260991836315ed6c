/** The advice formulas: health, next check-in, days late, effective rate and profit, as Sheets calls them. */
import {
  CLIENT_DAYS_LATE,
  CLIENT_EFFECTIVE_RATE,
  CLIENT_HEALTH,
  CLIENT_NEXT_CHECKIN,
  CLIENT_PROFIT,
} from '../../src/formulas';
import { column, messageOf, useSpreadsheet, utc } from './helpers';

beforeEach(() => useSpreadsheet());

describe('CLIENT_HEALTH', () => {
  test('one client: a score, or the explanation with explain TRUE', () => {
    expect(CLIENT_HEALTH(21, 7, '', '', 2, '')).toBe(8);
    expect(CLIENT_HEALTH(21, 7, '', '', 2, '', '', true)).toBe(
      'Red 8 (2 of 5 signals): 3 weeks without a check-in; 2 late payments',
    );
  });

  test('payments and requests alone give no score: blank, and "No score yet" explained', () => {
    expect(CLIENT_HEALTH('', 7, '', '', 0, 0)).toBe('');
    expect(CLIENT_HEALTH('', 7, '', '', 0, 0, '', true)).toBe(
      'No score yet: no check-in, progress or satisfaction logged (2 of 5 signals)',
    );
  });

  test('a whole roster in one call: one row per client, blank rows stay blank', () => {
    const result = CLIENT_HEALTH(
      column(3, 30, ''),
      column(7, 14, ''),
      column(0.9, 0.2, ''),
      column(9, 6, ''),
      column(0, 1, ''),
      column(0, 0, ''),
    );
    // Row 1: on time (1), 0.9, 8/9, 1, 1 → 30 + 22.5 + 22.2 + 10 + 10 = 94.7 → 95.
    // Row 2: 30 days on 14 (1 − 1.14/2 = 0.43), 0.2, 5/9, 2/3, 1 → 12.9 + 5 + 13.9 + 6.7 + 10 = 48.4 → 48.
    expect(result).toEqual([[95], [48], ['']]);
  });

  test('weights as a row of the Settings, on any scale', () => {
    const weights = [[1, 1, 1, 1, 1]];
    expect(CLIENT_HEALTH(14, 7, 0.5, 10, 0, 2, weights)).toBe(70);
    expect(messageOf(() => CLIENT_HEALTH(14, 7, 0.5, 10, 0, 2, [[1, 2, 3, 4, 5, 6]]))).toBe(
      'CLIENT_HEALTH: weights must be one row or one column of up to 5 numbers; got 6',
    );
    expect(messageOf(() => CLIENT_HEALTH(14, 7, 0.5, 10, 0, 2, [[1, -2]]))).toBe(
      'CLIENT_HEALTH: weights must be a weight (0 or more); got -2 (column 2)',
    );
  });

  test('says which argument is wrong and where', () => {
    expect(messageOf(() => CLIENT_HEALTH(column(3, 4), column(7, 7), '', column(9, 12), '', ''))).toBe(
      'CLIENT_HEALTH: satisfaction must be from 1 to 10; got 12 (row 2)',
    );
    expect(messageOf(() => CLIENT_HEALTH(3, 7, '', '', '', '', '', 'maybe'))).toBe(
      'CLIENT_HEALTH: explain must be TRUE or FALSE; got "maybe"',
    );
  });
});

describe('CLIENT_NEXT_CHECKIN', () => {
  test('a number of days or a client type with its default rhythm', () => {
    expect(CLIENT_NEXT_CHECKIN(utc('2024-06-03'), 7)).toEqual(utc('2024-06-10'));
    expect(CLIENT_NEXT_CHECKIN(utc('2024-06-03'), 'Savvy')).toEqual(utc('2024-06-17'));
    expect(CLIENT_NEXT_CHECKIN(utc('2024-06-03'), 'laissez-faire')).toEqual(utc('2024-06-24'));
    expect(CLIENT_NEXT_CHECKIN(column(utc('2024-06-03'), ''), column('Micromanager', 'Savvy'))).toEqual([
      [utc('2024-06-10')],
      [''],
    ]);
  });
  test('refuses a cadence that is neither', () => {
    expect(messageOf(() => CLIENT_NEXT_CHECKIN(utc('2024-06-03'), 'Weekly'))).toBe(
      'CLIENT_NEXT_CHECKIN: client_type_or_days must be a number of days or a client type ' +
        '(Laissez-faire, Micromanager, In the dark, Savvy); got "Weekly"',
    );
    expect(messageOf(() => CLIENT_NEXT_CHECKIN(utc('2024-06-03'), 0))).toBe(
      'CLIENT_NEXT_CHECKIN: client_type_or_days must be a number of days more than 0; got 0',
    );
  });
  test('a date past 9999-12-31 is refused, not shown as an invalid date (found by the hostile campaign)', () => {
    expect(CLIENT_NEXT_CHECKIN(utc('9999-12-30'), 1)).toEqual(utc('9999-12-31'));
    const refusal =
      'CLIENT_NEXT_CHECKIN: the date would fall after 9999-12-31, the last day a Sheets date can hold';
    expect(messageOf(() => CLIENT_NEXT_CHECKIN(utc('9999-12-30'), 2))).toBe(refusal);
    expect(messageOf(() => CLIENT_NEXT_CHECKIN(column(utc('1970-01-01')), 100000000.5))).toBe(refusal);
  });
});

describe('CLIENT_DAYS_LATE', () => {
  test('paid invoices, and unpaid ones up to as_of', () => {
    const due = column(utc('2024-03-01'), utc('2024-04-01'), utc('2024-05-01'), '');
    const paid = column(utc('2024-03-15'), utc('2024-03-30'), '', '');
    expect(CLIENT_DAYS_LATE(due, paid, utc('2024-06-15'))).toEqual([[14], [0], [45], ['']]);
    // Without as_of an unpaid invoice cannot be counted (a custom function must not read the clock).
    expect(CLIENT_DAYS_LATE(due, paid)).toEqual([[14], [0], [''], ['']]);
  });
});

describe('CLIENT_EFFECTIVE_RATE and CLIENT_PROFIT', () => {
  test('the worked examples, with money typed as text', () => {
    expect(CLIENT_EFFECTIVE_RATE('$6,000', 48)).toBe(125);
    expect(CLIENT_PROFIT('$6,000', 48, 40, '$300')).toBe(3780);
    expect(CLIENT_PROFIT(column(6000, 1000), column(48, 48), 40)).toEqual([[4080], [-920]]);
  });
  test('zero hours has no rate', () => {
    expect(messageOf(() => CLIENT_EFFECTIVE_RATE(6000, 0))).toBe(
      'CLIENT_EFFECTIVE_RATE: hours must be more than 0; got 0',
    );
  });
});
