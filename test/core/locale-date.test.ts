import { parseIsoDay } from '../../src/core/dates';
import { formatDayAs, formatDayInLocale } from '../../src/core/locale-date';

const day = (iso: string) => parseIsoDay(iso) as number;

describe('formatDayAs: a day as a Sheets date pattern shows it', () => {
  test.each([
    ['m/d/yyyy', '7/8/2024'],
    ['dd.mm.yyyy', '08.07.2024'],
    ['dd/mm/yyyy', '08/07/2024'],
    ['yyyy-mm-dd', '2024-07-08'],
    ['d mmm yyyy', '8 Jul 2024'],
    ['dddd, mmmm d, yy', 'Monday, July 8, 24'],
  ])('%s → %s', (pattern, shown) => expect(formatDayAs(day('2024-07-08'), pattern)).toBe(shown));

  test('a pattern with no date in it falls back to yyyy-mm-dd rather than hide the day', () => {
    expect(formatDayAs(day('2024-07-08'), '')).toBe('2024-07-08');
    expect(formatDayAs(day('2024-07-08'), 'General')).toBe('2024-07-08');
  });
});

describe('formatDayInLocale: the preview with weekday and month name', () => {
  test('in the locale given, whatever the machine', () => {
    expect(formatDayInLocale(day('2025-04-15'), 'en_US')).toBe('Tue, Apr 15, 2025');
    expect(formatDayInLocale(day('2025-04-15'), 'en_GB')).toBe('Tue, 15 Apr 2025');
  });
});
