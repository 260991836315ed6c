import { parseIsoDay } from '../../src/core/dates';
import { absorbedHours, effectiveMonthlyRate, type HoursRequest } from '../../src/core/effective-rate';

const day = (iso: string) => parseIsoDay(iso) as number;
const TODAY = day('2024-06-12');

describe('effective rate', () => {
  const requests: HoursRequest[] = [
    { clientId: 'A', day: day('2024-05-01'), decision: 'Included in scope', hours: 6 },
    { clientId: 'A', day: day('2024-04-01'), decision: ' included in SCOPE ', hours: 6 }, // as typed
    { clientId: 'A', day: day('2024-04-01'), decision: '', hours: 4 }, // undecided: not absorbed yet
    { clientId: 'A', day: day('2024-03-01'), decision: 'Change order', hours: 20 },
    { clientId: 'A', day: day('2024-03-01'), decision: 'open', hours: 3 },
    { clientId: 'A', day: day('2024-03-01'), decision: 'Declined', hours: 1 },
    { clientId: 'A', day: day('2023-06-01'), decision: 'Included in scope', hours: 50 }, // over a year ago
    { clientId: 'A', day: day('2024-05-01'), decision: 'Included in scope', hours: null },
    { clientId: 'B', day: day('2024-05-01'), decision: 'Included in scope', hours: 9 },
  ];
  test('absorbed hours: decided Included in scope within the last 365 days', () => {
    expect(absorbedHours(requests, 'A', TODAY)).toBe(12);
    expect(absorbedHours(requests, 'C', TODAY)).toBe(0);
  });
  test('fee over contracted hours plus a year of absorbed hours per month', () => {
    // $1,200 for 10 h a month is $120 an hour; 12 absorbed hours a year add 1 h a month: $109.09.
    expect(effectiveMonthlyRate(1200, 10, 0)).toBe(120);
    expect(effectiveMonthlyRate(1200, 10, 12)).toBeCloseTo(1200 / 11, 9);
  });
  test('no fee or no hours: no rate', () => {
    expect(effectiveMonthlyRate(null, 10, 0)).toBeNull();
    expect(effectiveMonthlyRate(1200, null, 0)).toBeNull();
    expect(effectiveMonthlyRate(1200, 0, 12)).toBeNull();
  });
});
