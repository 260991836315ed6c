/** New client (src/workbook/new-client.ts): what the form refuses, on the built bundle. */
import { harness, type Harness, type RpcResult, SAMPLE_CLIENT } from './helpers';

function setUp(): Harness {
  const h = harness();
  h.call('menuSetUpWorkbook');
  return h;
}

/** Refused on `field` with `message`, and no cell of any sheet changed. */
function expectRefused(h: Harness, input: unknown, field: string, message: RegExp): void {
  const before = h.snapshot();
  const result = h.call<RpcResult>('rpcCreateClient', input);
  expect(result.ok).toBe(false);
  expect(result.errors).toEqual(expect.arrayContaining([{ field, message: expect.stringMatching(message) }]));
  expect(h.snapshot()).toEqual(before);
}

describe('issue 9: New client', () => {
  test.each(['Satisfaction', 'satisfaction score', 'Week of', 'Notes', ' ENTERED BY '])(
    '#5 a metric named "%s" would share a column of the log: refused',
    (name) => {
      const h = setUp();
      const metrics = [{ name, unit: '', direction: 'up', baseline: '1', target: '5' }];
      expectRefused(h, { ...SAMPLE_CLIENT, metrics }, 'metrics.0.name', /column ClientTabs already keeps/);
    },
  );

  test.each([
    ['monthlyFee', '1e308'],
    ['monthlyFee', '-5'],
    ['monthlyCosts', '1e308'],
    ['yearlyProfit', '1e308'],
    ['yearlyProfit', '-1e308'],
  ])('#9 %s of %s is out of bounds: refused with the one money message', (field, value) => {
    const h = setUp();
    expectRefused(h, { ...SAMPLE_CLIENT, [field]: value }, field, /must be an amount of money from/);
  });

  test('#9 payments and change-order fees share those bounds and that message', () => {
    const h = setUp();
    expect(h.call<RpcResult>('rpcCreateClient', SAMPLE_CLIENT).ok).toBe(true);
    const payment = { clientId: 'C-0001', due: '2024-06-01', paid: '', amount: '1e308', note: '' };
    const request = {
      clientId: 'C-0001',
      date: '2024-06-05',
      request: 'Logo',
      decision: 'Change order',
      fee: '1e308',
    };
    const before = h.snapshot();
    const paid = h.call<RpcResult>('rpcRecordPayment', payment);
    const fee = h.call<RpcResult>('rpcLogRequest', request);
    expect(paid.errors).toEqual([
      { field: 'amount', message: expect.stringMatching(/^Amount must be an amount of money from/) },
    ]);
    expect(fee.errors).toEqual([
      { field: 'fee', message: expect.stringMatching(/^Fee must be an amount of money from/) },
    ]);
    expect(h.snapshot()).toEqual(before);
  });

  test('#9 a yearly profit at the bound is kept and shown as a number, never ±Infinity', () => {
    const h = setUp();
    expect(
      h.call<RpcResult>('rpcCreateClient', {
        ...SAMPLE_CLIENT,
        monthlyFee: '1,000,000,000',
        monthlyCosts: '0',
      }).ok,
    ).toBe(true);
    const values = h.sheet('Clients').getDataRange().getValues();
    const profit = values[1][(values[0] as string[]).indexOf('Yearly profit')];
    expect(profit).toBe(12_000_000_000);
  });
});

describe('issue 10: where a new client tab goes', () => {
  test("after the last client tab, not after the user's own tabs", () => {
    const h = setUp();
    expect(h.call<RpcResult>('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Ana Ruiz' }).ok).toBe(true);
    h.emu.spreadsheet.insertSheet('My notes', h.emu.spreadsheet.getNumSheets());
    h.emu.spreadsheet.insertSheet('Budget 2024', h.emu.spreadsheet.getNumSheets());
    expect(h.call<RpcResult>('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Ben Ode' }).ok).toBe(true);
    const names = h.emu.spreadsheet.getSheets().map((s) => s.getName());
    expect(names.slice(names.indexOf('Ana Ruiz'))).toEqual([
      'Ana Ruiz',
      'Ben Ode',
      'My notes',
      'Budget 2024',
    ]);
  });

  test('the first client tab goes after the ClientTabs sheets, before the tabs the user added', () => {
    const h = setUp();
    h.emu.spreadsheet.insertSheet('My notes', h.emu.spreadsheet.getNumSheets());
    expect(h.call<RpcResult>('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Ana Ruiz' }).ok).toBe(true);
    const names = h.emu.spreadsheet.getSheets().map((s) => s.getName());
    expect(names.slice(-2)).toEqual(['Ana Ruiz', 'My notes']);
  });
});
