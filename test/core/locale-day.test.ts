import { parseIsoDay } from '../../src/core/dates';
import { formatDayForLocale } from '../../src/core/locale-day';

test('a day in messages follows the spreadsheet locale, whatever the machine zone', () => {
  const day = parseIsoDay('2026-10-28') as number;
  expect(formatDayForLocale(day, 'en_US')).toBe('Oct 28, 2026');
  expect(formatDayForLocale(day, 'en_GB')).toBe('28 Oct 2026');
  expect(formatDayForLocale(day, 'de_DE')).toBe('28. Okt. 2026');
  expect(formatDayForLocale(day, 'xx_YY')).toBe('Oct 28, 2026'); // unknown to Intl: en-US
});
