import { type Harness, type RpcResult, withClient } from './helpers';

/** The sample client, started 2023-05-01 at $2,000 a month. */
const withClientSince2023 = () => withClient({ startDate: '2023-05-01' });
const rosterValue = (h: Harness, label: string) => {
  const values = h.sheet('Clients').getDataRange().getValues();
  return values[1][(values[0] as string[]).indexOf(label)];
};

describe('recording a raise', () => {
  test('keeps the old fee from the start and the new one from its day; the roster shows the new fee', () => {
    const h = withClientSince2023();
    const profit = rosterValue(h, 'Yearly profit') as number;
    const raised = h.call<RpcResult>('rpcRecordRaise', {
      clientId: 'C-0001',
      from: '2024-05-01',
      monthlyFee: '$2,200',
    });
    expect(raised).toEqual({
      ok: true,
      value: { clientId: 'C-0001', from: '2024-05-01', monthlyFee: 2200, previousFee: 2000 },
    });
    const rates = h.sheet('Rates').getDataRange().getDisplayValues();
    expect(rates).toEqual([
      ['Client ID', 'Client', 'From', 'Monthly fee', 'Note'],
      ['C-0001', 'Acme Co', '5/1/2023', '$2,000.00', 'Fee before the first raise'],
      ['C-0001', 'Acme Co', '5/1/2024', '$2,200.00', ''],
    ]);
    expect(rosterValue(h, 'Monthly fee')).toBe(2200);
    expect(rosterValue(h, 'Yearly profit')).toBe(profit + 12 * 200);
    // The next review is a year after the raise, not after the start.
    expect((rosterValue(h, 'Next rate review') as Date).toISOString().slice(0, 10)).toBe('2025-05-01');
    // A second raise adds one row; the first two stay as they were.
    expect(
      h.call<RpcResult>('rpcRecordRaise', {
        clientId: 'C-0001',
        from: '2024-06-01',
        monthlyFee: '2300',
        note: '=ask',
      }).ok,
    ).toBe(true);
    const after = h.sheet('Rates').getDataRange().getValues();
    expect(after).toHaveLength(4);
    expect(after[3].slice(3)).toEqual([2300, '=ask']);
    expect(h.sheet('Rates').getRange('A2:E3').getDisplayValues()).toEqual(rates.slice(1));
  });

  test('bad input gets a clear message and changes nothing', () => {
    const h = withClientSince2023();
    h.call('rpcRecordRaise', { clientId: 'C-0001', from: '2024-05-01', monthlyFee: '2200' });
    const before = h.snapshot();
    const again = h.call<RpcResult>('rpcRecordRaise', {
      clientId: 'C-0001',
      from: '2024-05-01',
      monthlyFee: '2500',
    });
    expect(again.errors?.[0]).toMatchObject({
      field: 'from',
      message: expect.stringMatching(/already has a fee from 2024-05-01.*never overwrites/),
    });
    expect(
      h.call<RpcResult>('rpcRecordRaise', { clientId: 'C-0001', from: '2023-04-01', monthlyFee: '2500' })
        .errors?.[0].message,
    ).toMatch(/after the client's start \(2023-05-01\)/);
    expect(
      h
        .call<RpcResult>('rpcRecordRaise', { clientId: 'C-0001', from: 'soon', monthlyFee: 'lots' })
        .errors?.map((e) => e.field),
    ).toEqual(['from', 'monthlyFee']);
    expect(
      h.call<RpcResult>('rpcRecordRaise', { clientId: 'C-9999', from: '2024-05-02', monthlyFee: '1' })
        .errors?.[0].message,
    ).toMatch(/No client with ID C-9999/);
    expect(h.snapshot()).toEqual(before);
  });
});

describe('hours per month', () => {
  test('set from the sidebar, they give the effective rate on the roster; bad hours change nothing', () => {
    const h = withClientSince2023();
    expect(h.call<RpcResult>('rpcSetClientHours', { clientId: 'C-0001', hoursPerMonth: '16' }).ok).toBe(true);
    expect(rosterValue(h, 'Hours per month')).toBe(16);
    expect(rosterValue(h, 'Effective rate (per hour)')).toBe(125); // $2,000 / 16 h
    const before = h.snapshot();
    expect(
      h.call<RpcResult>('rpcSetClientHours', { clientId: 'C-0001', hoursPerMonth: '-3' }).errors?.[0].field,
    ).toBe('hoursPerMonth');
    expect(
      h.call<RpcResult>('rpcSetClientHours', { clientId: 'C-0001', hoursPerMonth: 'ten' }).errors?.[0].field,
    ).toBe('hoursPerMonth');
    expect(h.snapshot()).toEqual(before);
  });

  test('hours too small to be a rate (5e-324, found by `npm run fuzz`) are refused: no error in the rate', () => {
    const h = withClient();
    expect(h.call<RpcResult>('rpcSetClientHours', { clientId: 'C-0001', hoursPerMonth: '0.01' }).ok).toBe(
      true,
    );
    expect(rosterValue(h, 'Effective rate (per hour)')).toBe(200000);
    const before = h.snapshot();
    for (const hoursPerMonth of [5e-324, '0.001', '745'])
      expect(h.call<RpcResult>('rpcSetClientHours', { clientId: 'C-0001', hoursPerMonth }).errors).toEqual([
        {
          field: 'hoursPerMonth',
          message: `Hours per month must be a number of hours from 0.01 to 744; got "${hoursPerMonth}".`,
        },
      ]);
    expect(h.snapshot()).toEqual(before);
  });
});
