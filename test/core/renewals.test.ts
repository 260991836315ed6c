import { parseIsoDay } from '../../src/core/dates';
import { programEndDay, programTiming } from '../../src/core/renewals';

const day = (iso: string) => parseIsoDay(iso) as number;

describe('programEndDay', () => {
  test('start + program months, calendar months', () => {
    expect(programEndDay(day('2024-01-08'), 6)).toBe(day('2024-07-08'));
    expect(programEndDay(day('2024-01-31'), 1)).toBe(day('2024-02-29'));
  });
  test('no start or no length: no end', () => {
    expect(programEndDay(null, 6)).toBeNull();
    expect(programEndDay(day('2024-01-08'), null)).toBeNull();
    expect(programEndDay(day('2024-01-08'), 0)).toBeNull();
  });
});

describe('programTiming', () => {
  const start = day('2024-01-08'); // a 6-month program ends 2024-07-08
  test('ending within 60 days, the 60th day included', () => {
    expect(programTiming(start, 6, day('2024-06-12'))).toEqual({
      kind: 'ending',
      endDay: day('2024-07-08'),
      daysLeft: 26,
    });
    expect(programTiming(start, 6, day('2024-05-09'))).toEqual({
      kind: 'ending',
      endDay: day('2024-07-08'),
      daysLeft: 60,
    });
    expect(programTiming(start, 6, day('2024-05-08'))).toBeNull();
  });
  test('the end day itself is still ending; the day after is past', () => {
    expect(programTiming(start, 6, day('2024-07-08'))).toMatchObject({ kind: 'ending', daysLeft: 0 });
    expect(programTiming(start, 6, day('2025-03-08'))).toEqual({
      kind: 'past',
      endDay: day('2024-07-08'),
      daysPast: 243,
    });
  });
  test('a renewal recorded as a longer program moves the end', () => {
    expect(programTiming(start, 12, day('2024-07-09'))).toBeNull();
  });
});
