import { cadenceFor, daysOverdue, isDueThisWeek, parseWeekday, weekOf } from '../../src/core/cadence';
import { parseIsoDay } from '../../src/core/dates';

const day = (iso: string) => parseIsoDay(iso) as number;

describe('cadence', () => {
  test('defaults by client type, settings override, unknown type falls back to weekly', () => {
    expect(cadenceFor('Savvy')).toBe(14);
    expect(cadenceFor('micromanager')).toBe(7);
    expect(cadenceFor('Savvy', { Savvy: 21 })).toBe(21);
    expect(cadenceFor('')).toBe(7);
  });
  test('weeks, due-ness and overdue days', () => {
    expect(parseWeekday('Mon')).toBe(1);
    expect(parseWeekday('x')).toBeNull();
    expect(weekOf(day('2024-06-12'), 1)).toBe(day('2024-06-10'));
    expect(weekOf(day('2024-06-12'), 0)).toBe(day('2024-06-09'));
    expect(daysOverdue(day('2024-06-01'), null, 7, day('2024-06-12'))).toBe(4);
    expect(daysOverdue(null, day('2024-06-10'), 7, day('2024-06-12'))).toBe(-5);
    expect(isDueThisWeek(day('2024-06-01'), null, 14, day('2024-06-10'))).toBe(true);
    expect(isDueThisWeek(day('2024-06-07'), null, 14, day('2024-06-10'))).toBe(false);
  });
});
