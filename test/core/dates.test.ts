import {
  addMonths,
  dayFromSerial,
  dayFromYmd,
  daysBetween,
  formatIsoDay,
  monthIndexOf,
  firstDayOfMonthIndex,
  parseIsoDay,
  serialFromDay,
  startOfWeek,
  weekdayOf,
  ymdFromDay,
} from '../../src/core/dates';

const day = (iso: string): number => parseIsoDay(iso) as number;

describe('day numbers', () => {
  it('round-trips ISO dates, including leap days and years before 100', () => {
    for (const iso of ['1970-01-01', '2024-02-29', '1899-12-30', '0050-06-15', '9999-12-31']) {
      expect(formatIsoDay(day(iso))).toBe(iso);
    }
    expect(day('1970-01-02')).toBe(1);
  });

  it('rejects dates that do not exist or are not strict ISO', () => {
    expect(parseIsoDay('2023-02-29')).toBeNull();
    expect(parseIsoDay('2024-13-01')).toBeNull();
    expect(parseIsoDay('2024-3-1')).toBeNull();
    expect(dayFromYmd(2024, 4, 31)).toBeNull();
  });

  it('converts Sheets serial numbers (days since 1899-12-30)', () => {
    expect(formatIsoDay(dayFromSerial(45352))).toBe('2024-03-01');
    expect(formatIsoDay(dayFromSerial(45352.75))).toBe('2024-03-01');
    expect(serialFromDay(day('2024-03-01'))).toBe(45352);
  });

  it('counts days between dates', () => {
    expect(daysBetween(day('2024-01-01'), day('2025-01-01'))).toBe(366);
    expect(daysBetween(day('2024-03-10'), day('2024-03-01'))).toBe(-9);
  });
});

describe('addMonths', () => {
  it('keeps the day of the month and clamps to the month end', () => {
    expect(formatIsoDay(addMonths(day('2024-01-15'), 1))).toBe('2024-02-15');
    expect(formatIsoDay(addMonths(day('2024-01-31'), 1))).toBe('2024-02-29');
    expect(formatIsoDay(addMonths(day('2023-01-31'), 1))).toBe('2023-02-28');
    expect(formatIsoDay(addMonths(day('2024-11-30'), 3))).toBe('2025-02-28');
    expect(formatIsoDay(addMonths(day('2024-03-31'), -1))).toBe('2024-02-29');
    expect(formatIsoDay(addMonths(day('2024-05-10'), 0))).toBe('2024-05-10');
  });
});

describe('weeks and months', () => {
  it('finds the weekday and the start of the week for any week start', () => {
    expect(weekdayOf(day('1970-01-01'))).toBe(4); // Thursday
    expect(weekdayOf(day('1969-12-28'))).toBe(0); // Sunday, before the epoch
    const wednesday = day('2024-03-06');
    expect(formatIsoDay(startOfWeek(wednesday, 1))).toBe('2024-03-04'); // Monday
    expect(formatIsoDay(startOfWeek(wednesday, 0))).toBe('2024-03-03'); // Sunday
    expect(formatIsoDay(startOfWeek(wednesday, 3))).toBe('2024-03-06'); // itself
    expect(formatIsoDay(startOfWeek(wednesday, 4))).toBe('2024-02-29'); // Thursday before
  });

  it('numbers calendar months consecutively', () => {
    expect(monthIndexOf(day('2024-01-31')) + 1).toBe(monthIndexOf(day('2024-02-01')));
    expect(monthIndexOf(day('2023-12-01')) + 1).toBe(monthIndexOf(day('2024-01-01')));
    expect(formatIsoDay(firstDayOfMonthIndex(monthIndexOf(day('2024-07-19'))))).toBe('2024-07-01');
    expect(ymdFromDay(day('2024-07-19'))).toEqual({ year: 2024, month: 7, day: 19 });
  });
});
