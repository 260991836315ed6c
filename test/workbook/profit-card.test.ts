/** The card's fee and profitability (src/workbook/profit-card.ts) on the built bundle. */
import type { ClientCard } from '../../src/ui/rpc-types';
import type { ProfitCardData } from '../../src/workbook/profit-card';
import { type Harness, SAMPLE_CLIENT, withClient } from './helpers';

/** The sample client since 2023-05-01 at $12,000 profit a year ($2,000 a month); today is 2024-06-12. */
const withProfitableClient = () => withClient({ startDate: '2023-05-01', yearlyProfit: '12,000' });

function setSetting(h: Harness, label: string, value: unknown) {
  const settings = h.sheet('Settings');
  const row = settings
    .getDataRange()
    .getValues()
    .findIndex((r) => r[0] === label);
  settings.getRange(row + 1, 2).setValue(value);
}

describe('fee and profitability on the card', () => {
  test(
    'after a raise, hours and an absorbed request: fee history, next review, effective rate and ' +
      'LTV net of absorbed work',
    () => {
      const h = withProfitableClient();
      setSetting(h, 'Hourly cost', 40);
      expect(
        h.call<{ ok: boolean }>('rpcSetClientHours', { clientId: 'C-0001', hoursPerMonth: '10' }).ok,
      ).toBe(true);
      expect(
        h.call<{ ok: boolean }>('rpcRecordRaise', {
          clientId: 'C-0001',
          from: '2024-05-01',
          monthlyFee: '2,200',
          note: 'Yearly review',
        }).ok,
      ).toBe(true);
      h.call('rpcLogRequest', {
        clientId: 'C-0001',
        date: '2024-06-03',
        request: 'Extra workshop',
        decision: 'Open',
        fee: '',
      });
      const row = h.call<ClientCard>('rpcGetClientCard', 'C-0001').money!.undecided[0].row;
      expect(
        h.call<{ ok: boolean }>('rpcDecideRequest', {
          clientId: 'C-0001',
          row,
          request: 'Extra workshop',
          decision: 'Included in scope',
          fee: '',
          hours: '6',
        }).ok,
      ).toBe(true);

      const before = h.snapshot();
      const profit = h.call<ProfitCardData>('rpcGetClientProfit', 'C-0001');
      expect(h.snapshot()).toEqual(before); // reads never write
      expect(profit.fees).toEqual([
        { from: '2024-05-01', monthlyFee: 2200, note: 'Yearly review' },
        { from: '2023-05-01', monthlyFee: 2000, note: 'Fee before the first raise' },
      ]);
      expect(profit).toMatchObject({
        monthlyFee: 2200,
        hoursPerMonth: 10,
        yearlyProfit: 14_400,
        absorbedHours: 6,
        hourlyCost: 40,
      });
      expect(profit.nextReview).toBe('2025-05-01'); // a year after the raise
      expect(profit.reviewDue).toBe(false);
      // 2,200 ÷ (10 + 6 ÷ 12) hours a month.
      expect(profit.effectiveRate).toBeCloseTo(2200 / 10.5, 9);
      // The one client, active since 2023-05-01: 408 days observed, so far the expected stay.
      expect(profit.expectedYears).toBeCloseTo(408 / 365.25, 9);
      // (14,400 − 6 h × $40) × 1.117 years.
      expect(profit.netLtv).toBeCloseTo((14_400 - 6 * 40) * (408 / 365.25), 6);
    },
  );

  test('no raise yet: the review is a year after the start (due within 30 days), no rate without hours', () => {
    const h = withProfitableClient();
    h.call('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Beta LLC', startDate: '2023-07-01' });
    const profit = h.call<ProfitCardData>('rpcGetClientProfit', 'C-0002');
    expect(profit).toMatchObject({
      fees: [],
      nextReview: '2024-07-01',
      reviewDue: true,
      effectiveRate: null,
    });
    expect(h.call('rpcGetClientProfit', 'C-9999')).toBeNull();
  });
});
