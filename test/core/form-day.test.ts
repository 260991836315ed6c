import { parseFormDay } from '../../src/core/form-day';
import { parseIsoDay } from '../../src/core/dates';

const day = (iso: string) => parseIsoDay(iso) as number;

test('form dates: real yyyy-mm-dd days between 1900 and 2100 only', () => {
  expect(parseFormDay('2024-02-29')).toBe(day('2024-02-29'));
  for (const bad of [
    '2023-02-29',
    '2024-02-30',
    '2024-13-01',
    '2024-6-1',
    '0024-06-01',
    '2101-01-01',
    '1899-12-31',
    '',
    20240601,
    null,
  ]) {
    expect([bad, parseFormDay(bad)]).toEqual([bad, null]);
  }
});
