import { daysLate } from '../../src/core/invoices';

describe('daysLate', () => {
  test('paid: days from due to paid; early or on time is 0', () => {
    expect(daysLate(100, 114, null)).toBe(14);
    expect(daysLate(100, 100, 200)).toBe(0);
    expect(daysLate(100, 90, 200)).toBe(0);
  });
  test('unpaid: counts up to as-of, and is unknown without it', () => {
    expect(daysLate(100, null, 130)).toBe(30);
    expect(daysLate(100, null, 95)).toBe(0);
    expect(daysLate(100, null, null)).toBeNull();
  });
});
