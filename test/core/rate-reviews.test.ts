import { parseIsoDay } from '../../src/core/dates';
import {
  feeOn,
  isRateReviewDue,
  lastRaiseDay,
  nextRateReviewDay,
  type RateRecord,
} from '../../src/core/rate-reviews';

const day = (iso: string) => parseIsoDay(iso) as number;

const records: RateRecord[] = [
  { clientId: 'C-1', fromDay: day('2023-03-01'), monthlyFee: 1000 },
  { clientId: 'C-1', fromDay: day('2024-03-01'), monthlyFee: 1100 },
  { clientId: 'C-2', fromDay: day('2024-05-01'), monthlyFee: 500 },
  { clientId: 'C-1', fromDay: day('2024-09-01'), monthlyFee: 1200 }, // a raise announced for later
];

describe('rate reviews', () => {
  test('a year after the start when there was no raise', () => {
    expect(nextRateReviewDay(day('2023-07-15'), null)).toBe(day('2024-07-15'));
    expect(nextRateReviewDay(null, null)).toBeNull();
  });
  test('a year after the last raise on or before today; a later one does not count yet', () => {
    expect(lastRaiseDay(records, 'C-1', day('2024-06-12'))).toBe(day('2024-03-01'));
    expect(nextRateReviewDay(day('2023-03-01'), day('2024-03-01'))).toBe(day('2025-03-01'));
    expect(lastRaiseDay(records, 'C-3', day('2024-06-12'))).toBeNull();
  });
  test('due from 30 days before, and while overdue', () => {
    expect(isRateReviewDue(day('2024-07-12'), day('2024-06-12'))).toBe(true);
    expect(isRateReviewDue(day('2024-07-13'), day('2024-06-12'))).toBe(false);
    expect(isRateReviewDue(day('2024-01-01'), day('2024-06-12'))).toBe(true);
    expect(isRateReviewDue(null, day('2024-06-12'))).toBe(false);
  });
  test('the fee on a day keeps the history', () => {
    expect(feeOn(records, 'C-1', day('2023-12-31'), 1200)).toBe(1000);
    expect(feeOn(records, 'C-1', day('2024-06-12'), 1200)).toBe(1100);
    expect(feeOn(records, 'C-1', day('2024-09-01'), 1200)).toBe(1200);
    expect(feeOn(records, 'C-9', day('2024-06-12'), 700)).toBe(700);
  });
});
