/** Which calendar day a custom function's Date argument stands for, however Sheets built it. */
import { dayFromYmd } from '../../src/core/dates';
import {
  dayOfDateArgument,
  dayOfTimeInZone,
  isMidnightInZone,
  midnightInZone,
} from '../../src/core/time-zone';

const SCRIPT = 'America/New_York';
const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayFromYmd(y, m, d) as number;
};

describe('dayOfDateArgument', () => {
  const zones = ['America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata', 'America/New_York', 'UTC'];
  // Winter, summer (DST in both US zones), a leap day and a year end: offsets differ on each.
  const days = ['2024-01-15', '2024-07-04', '2024-02-29', '2025-12-31', '2025-03-09'];

  for (const zone of zones) {
    for (const iso of days) {
      it(`reads ${iso} in a ${zone} spreadsheet whether Sheets builds it in that zone or the script's`, () => {
        const inSpreadsheetZone = midnightInZone(day(iso), zone);
        const inScriptZone = midnightInZone(day(iso), SCRIPT);
        expect(dayOfDateArgument(inSpreadsheetZone, zone, SCRIPT)).toBe(day(iso));
        expect(dayOfDateArgument(inScriptZone, zone, SCRIPT)).toBe(day(iso));
      });
    }
  }

  it('the naive reading in the spreadsheet zone gets a script-zone midnight wrong (what this rule fixes)', () => {
    // 2024-01-15 00:00 in New York is 2024-01-14 21:00 in Los Angeles.
    const built = midnightInZone(day('2024-01-15'), SCRIPT);
    expect(isMidnightInZone(built, 'America/Los_Angeles')).toBe(false);
    expect(dayOfDateArgument(built, 'America/Los_Angeles', SCRIPT)).toBe(day('2024-01-15'));
  });

  it('reads a date-time at neither midnight on its day in the spreadsheet zone', () => {
    // 2024-01-15 18:30 in Tokyo is 04:30 New York time that day; 23:30 in Kolkata is 13:00 in New York.
    expect(dayOfDateArgument(new Date('2024-01-15T09:30:00Z'), 'Asia/Tokyo', SCRIPT)).toBe(day('2024-01-15'));
    expect(dayOfDateArgument(new Date('2024-01-15T18:00:00Z'), 'Asia/Kolkata', SCRIPT)).toBe(
      day('2024-01-15'),
    );
  });

  it('answers null for an invalid Date', () => {
    expect(dayOfDateArgument(new Date(NaN), 'Asia/Tokyo', SCRIPT)).toBeNull();
  });
});

describe('isMidnightInZone', () => {
  it('is true only at the first instant of a day in that zone', () => {
    expect(isMidnightInZone(new Date('2024-03-14T15:00:00Z'), 'Asia/Tokyo')).toBe(true);
    expect(isMidnightInZone(new Date('2024-03-14T15:00:01Z'), 'Asia/Tokyo')).toBe(false);
    expect(isMidnightInZone(new Date('2024-03-14T18:30:00Z'), 'Asia/Kolkata')).toBe(true);
    expect(isMidnightInZone(new Date('2024-03-14T15:00:00Z'), 'America/New_York')).toBe(false);
  });
});

describe('dayOfTimeInZone', () => {
  test("today is the calendar day in the spreadsheet's zone", () => {
    const sundayEveningUtc = Date.parse('2024-06-16T20:00:00Z');
    expect(dayOfTimeInZone(sundayEveningUtc, 'Pacific/Auckland')).toBe(day('2024-06-17'));
    expect(dayOfTimeInZone(sundayEveningUtc, 'America/Los_Angeles')).toBe(day('2024-06-16'));
    expect(dayOfTimeInZone(sundayEveningUtc, 'Not/AZone')).toBe(day('2024-06-16'));
  });
});
