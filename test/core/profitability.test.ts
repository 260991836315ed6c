import { clientProfit, effectiveHourlyRate } from '../../src/core/profitability';

describe('profitability', () => {
  test('effective hourly rate: $6,000 over 48 hours is $125 an hour', () => {
    expect(effectiveHourlyRate(6000, 48)).toBe(125);
    expect(() => effectiveHourlyRate(6000, 0)).toThrow('hours must be more than 0; got 0');
  });
  test('profit: $6,000 less 48 hours at $40 and $300 of tools is $3,780', () => {
    expect(clientProfit(6000, 48, 40, 300)).toBe(3780);
    expect(clientProfit(6000, 48, 40)).toBe(4080);
    expect(clientProfit(1000, 48, 40)).toBe(-920); // unprofitable: absorbed hours cost more than the fee
    expect(() => clientProfit(6000, -1, 40)).toThrow('hours must be 0 or more; got -1');
  });
});
