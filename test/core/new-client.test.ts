import { checkClientName, parseNewClient } from '../../src/core/new-client';

describe('new client form', () => {
  test('names', () => {
    expect(checkClientName('', [])).toMatch(/Enter/);
    expect(checkClientName('Acme', ['ACME'])).toMatch(/already/);
    expect(checkClientName('=SUM(1)', [])).toBeNull();
  });
  test('derives yearly profit from fee and costs, cadence from type', () => {
    const parsed = parseNewClient(
      {
        name: 'A',
        startDate: '2024-01-01',
        program: '',
        programMonths: '',
        monthlyFee: '1,000',
        yearlyProfit: '',
        monthlyCosts: '400',
        clientType: 'Savvy',
        cadenceDays: '',
        definitionOfSuccess: '',
        scope: '',
        metrics: [],
      },
      [],
    );
    expect(parsed).toMatchObject({
      ok: true,
      value: { yearlyProfit: 7200, cadenceDays: 14, clientType: 'Savvy' },
    });
  });
});
