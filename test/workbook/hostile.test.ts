/**
 * Hostile input on every server function the sidebar can call: whatever arrives (missing fields, wrong
 * types, huge strings, formulas, impossible dates, unknown clients), a mutation answers a clear Result
 * error and the workbook is exactly as before. Text that is valid is stored as text, never run.
 */
import { checkIn, type Harness, type RpcResult, SAMPLE_CLIENT, withCheckIn, offboarding } from './helpers';

const FORMULA = '=IMPORTXML("https://evil.example/x","//a")';
const SCRIPT = '<script>alert(1)</script>';
const HUGE = 'x'.repeat(100_000);

/** The call is refused with a readable message, and no cell of any sheet changed. */
function expectRefused(h: Harness, name: string, input: unknown, field?: string): RpcResult {
  const before = h.snapshot();
  const result = h.call<RpcResult>(name, input);
  expect(result.ok).toBe(false);
  expect(typeof result.message).toBe('string');
  const messages = [result.message as string, ...(result.errors ?? []).map((e) => e.message)];
  for (const message of messages) {
    expect(message.length).toBeGreaterThan(5);
    expect(message.length).toBeLessThan(400);
    expect(message).not.toMatch(
      /TypeError|Cannot read|undefined|\[object Object\]|xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx/,
    );
  }
  if (field) expect(result.errors?.map((e) => e.field)).toContain(field);
  expect(h.snapshot()).toEqual(before);
  return result;
}

describe('hostile input: rpcSaveCheckIn', () => {
  const h = withCheckIn('2024-06-03');
  const good = checkIn('C-0001', '2024-06-10');
  test.each([
    ['nothing', undefined, 'clientId'],
    ['null', null, 'clientId'],
    ['a string', 'C-0001', 'clientId'],
    ['a number', 42, 'clientId'],
    ['an empty object', {}, 'clientId'],
    ['a numeric client ID', { ...good, clientId: 1 }, 'clientId'],
    ['an unknown client ID', { ...good, clientId: 'C-9999' }, undefined],
    ['a huge client ID', { ...good, clientId: HUGE }, undefined],
    ['a formula as client ID', { ...good, clientId: FORMULA }, undefined],
    ['no week', { ...good, weekOf: undefined }, 'weekOf'],
    ['February 30th', { ...good, weekOf: '2024-02-30' }, 'weekOf'],
    ['month 13', { ...good, weekOf: '2024-13-01' }, 'weekOf'],
    ['year 24', { ...good, weekOf: '0024-06-10' }, 'weekOf'],
    ['a number as week', { ...good, weekOf: 20240610 }, 'weekOf'],
    ['a formula as week', { ...good, weekOf: FORMULA }, 'weekOf'],
    ['values as text', { ...good, values: 'Revenue=5' }, 'values'],
    ['values as a list', { ...good, values: ['5'] }, 'values'],
    ['a formula as a metric value', { ...good, values: { Revenue: FORMULA } }, 'values.Revenue'],
    ['an infinite metric value', { ...good, values: { Revenue: '1e999' } }, 'values.Revenue'],
    ['an object as a metric value', { ...good, values: { Revenue: { n: 5 } } }, 'values.Revenue'],
    ['an unknown metric', { ...good, values: { [HUGE]: '5' } }, undefined],
    ['satisfaction 0', { ...good, satisfaction: '0' }, 'satisfaction'],
    ['satisfaction 11', { ...good, satisfaction: 11 }, 'satisfaction'],
    ['satisfaction 7.5', { ...good, satisfaction: '7.5' }, 'satisfaction'],
    ['satisfaction as an object', { ...good, satisfaction: { score: 8 } }, 'satisfaction'],
    ['wins as a number', { ...good, wins: 123 }, 'wins'],
    ['notes as a list', { ...good, notes: ['a'] }, 'notes'],
    ['blockers over 5000 characters', { ...good, blockers: HUGE }, 'blockers'],
  ])('%s is refused and nothing is written', (_label, input, field) => {
    expectRefused(h, 'rpcSaveCheckIn', input, field);
  });

  test('formulas and markup in every text field are stored as text', () => {
    const saved = h.call<RpcResult>('rpcSaveCheckIn', {
      ...good,
      wins: FORMULA,
      blockers: SCRIPT,
      notes: '+1',
      enteredBy: '@va',
    });
    expect(saved.ok).toBe(true);
    const row = h.sheet('Acme Co').getRange('E14:H14');
    expect(row.getValues()[0]).toEqual([FORMULA, SCRIPT, '+1', '@va']);
    expect(row.getFormulas()[0]).toEqual(['', '', '', '']);
  });
});

describe('hostile input: rpcCreateClient', () => {
  const h = withCheckIn('2024-06-03');
  const metric = SAMPLE_CLIENT.metrics[0];
  test.each([
    ['nothing', undefined, 'name'],
    ['null', null, 'name'],
    ['a string', 'Acme', 'name'],
    ['an empty object', {}, 'name'],
    ['a numeric name', { ...SAMPLE_CLIENT, name: 42 }, 'name'],
    ['a huge name', { ...SAMPLE_CLIENT, name: HUGE }, 'name'],
    ['a name with a tab character', { ...SAMPLE_CLIENT, name: 'Acme\tCo' }, 'name'],
    ['February 30th', { ...SAMPLE_CLIENT, name: 'B', startDate: '2024-02-30' }, 'startDate'],
    ['a start date without zeros', { ...SAMPLE_CLIENT, name: 'B', startDate: '2024-2-3' }, 'startDate'],
    ['a start date in 1800', { ...SAMPLE_CLIENT, name: 'B', startDate: '1800-01-01' }, 'startDate'],
    ['a numeric start date', { ...SAMPLE_CLIENT, name: 'B', startDate: 20240101 }, 'startDate'],
    ['program length true', { ...SAMPLE_CLIENT, name: 'B', programMonths: true }, 'programMonths'],
    ['program length 6.5', { ...SAMPLE_CLIENT, name: 'B', programMonths: '6.5' }, 'programMonths'],
    ['a negative fee', { ...SAMPLE_CLIENT, name: 'B', monthlyFee: '-1' }, 'monthlyFee'],
    ['a formula as fee', { ...SAMPLE_CLIENT, name: 'B', monthlyFee: FORMULA }, 'monthlyFee'],
    ['an object as fee', { ...SAMPLE_CLIENT, name: 'B', monthlyFee: { n: 1 } }, 'monthlyFee'],
    ['words as yearly profit', { ...SAMPLE_CLIENT, name: 'B', yearlyProfit: 'lots' }, 'yearlyProfit'],
    ['a numeric client type', { ...SAMPLE_CLIENT, name: 'B', clientType: 5 }, 'clientType'],
    ['an unknown client type', { ...SAMPLE_CLIENT, name: 'B', clientType: SCRIPT }, 'clientType'],
    ['cadence 0', { ...SAMPLE_CLIENT, name: 'B', cadenceDays: '0' }, 'cadenceDays'],
    ['cadence in words', { ...SAMPLE_CLIENT, name: 'B', cadenceDays: 'weekly' }, 'cadenceDays'],
    [
      'a huge definition of success',
      { ...SAMPLE_CLIENT, name: 'B', definitionOfSuccess: HUGE },
      'definitionOfSuccess',
    ],
    ['a numeric scope', { ...SAMPLE_CLIENT, name: 'B', scope: 42 }, 'scope'],
    ['metrics as text', { ...SAMPLE_CLIENT, name: 'B', metrics: 'Revenue' }, 'metrics'],
    [
      'a formula as metric name',
      { ...SAMPLE_CLIENT, name: 'B', metrics: [{ ...metric, name: FORMULA }] },
      'metrics.0.name',
    ],
    [
      'a metric named like a log column',
      { ...SAMPLE_CLIENT, name: 'B', metrics: [{ ...metric, name: 'Week of' }] },
      'metrics.0.name',
    ],
    ['a metric twice', { ...SAMPLE_CLIENT, name: 'B', metrics: [metric, metric] }, 'metrics.1.name'],
    [
      'a numeric direction',
      { ...SAMPLE_CLIENT, name: 'B', metrics: [{ ...metric, direction: 1 }] },
      'metrics.0.direction',
    ],
    [
      'a baseline in words',
      { ...SAMPLE_CLIENT, name: 'B', metrics: [{ ...metric, baseline: 'low' }] },
      'metrics.0.baseline',
    ],
    [
      'eleven metrics',
      {
        ...SAMPLE_CLIENT,
        name: 'B',
        metrics: Array.from({ length: 11 }, (_, i) => ({ ...metric, name: `M${i}` })),
      },
      'metrics',
    ],
  ])('%s is refused and nothing is written', (_label, input, field) => {
    expectRefused(h, 'rpcCreateClient', input, field);
  });

  test('numbers sent as numbers or as typed text are both read', () => {
    const created = h.call<RpcResult>('rpcCreateClient', {
      ...SAMPLE_CLIENT,
      name: 'Numbers',
      programMonths: 6,
      monthlyFee: 1500,
      monthlyCosts: '$500.00',
      cadenceDays: '10',
    });
    expect(created.ok).toBe(true);
    const roster = h.sheet('Clients').getRange('H3:K3').getValues()[0];
    expect(roster).toEqual([6, 1500, 12000, 10]);
  });

  test('formulas and markup in every text field are stored as text', () => {
    const created = h.call<RpcResult>('rpcCreateClient', {
      ...SAMPLE_CLIENT,
      name: SCRIPT,
      program: FORMULA,
      definitionOfSuccess: FORMULA,
      scope: '-scope',
      metrics: [{ ...metric, unit: '=1+1' }],
    });
    expect(created.ok).toBe(true);
    const tab = h.sheet(SCRIPT);
    expect(
      tab
        .getRange('B1:B6')
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    expect(tab.getRange('B1').getValue()).toBe(SCRIPT);
    expect(tab.getRange('B4').getValue()).toBe(`${FORMULA} (6 months)`);
    expect(tab.getRange('B5:B6').getValues()).toEqual([[FORMULA], ['-scope']]);
    expect(tab.getRange('B9').getValue()).toBe('=1+1');
    expect(tab.getRange('B9').getFormula()).toBe('');
    const row = h.sheet('Clients').getRange('A4:G4');
    expect(row.getValues()[0][1]).toBe(SCRIPT);
    expect(row.getValues()[0][6]).toBe(FORMULA);
    expect(row.getFormulas()[0].every((f) => f === '')).toBe(true);
  });
});

describe('hostile input: payments, requests, offboarding, adoption', () => {
  const h = withCheckIn('2024-06-03');
  const payment = { clientId: 'C-0001', due: '2024-06-01', paid: '', amount: '2000', note: '' };
  const request = { clientId: 'C-0001', date: '2024-06-05', request: 'Logo', decision: 'Open', fee: '' };
  const offboard = offboarding();

  test.each([
    ['nothing', undefined, 'clientId'],
    ['an empty object', {}, 'clientId'],
    ['an unknown client', { ...payment, clientId: 'C-9999' }, 'clientId'],
    ['a numeric client ID', { ...payment, clientId: 1 }, 'clientId'],
    ['February 30th', { ...payment, due: '2024-02-30' }, 'due'],
    ['a paid date in words', { ...payment, paid: 'yesterday' }, 'paid'],
    ['no amount', { ...payment, amount: '' }, 'amount'],
    ['a formula as amount', { ...payment, amount: FORMULA }, 'amount'],
    ['an object as amount', { ...payment, amount: { n: 1 } }, 'amount'],
    ['a numeric note', { ...payment, note: 42 }, 'note'],
    ['a huge note', { ...payment, note: HUGE }, 'note'],
  ])('payment: %s is refused and nothing is written', (_label, input, field) => {
    expectRefused(h, 'rpcRecordPayment', input, field);
  });

  test('payment: an unknown client is named in the message', () => {
    const result = expectRefused(h, 'rpcRecordPayment', { ...payment, clientId: 'C-9999' }, 'clientId');
    expect(result.message).toMatch(/No client with ID C-9999/);
  });

  test.each([
    ['nothing', undefined, 'clientId'],
    ['an unknown client', { ...request, clientId: FORMULA }, 'clientId'],
    ['no date', { ...request, date: '' }, 'date'],
    ['no request', { ...request, request: '  ' }, 'request'],
    ['a numeric request', { ...request, request: 42 }, 'request'],
    ['a huge request', { ...request, request: HUGE }, 'request'],
    ['an unknown decision', { ...request, decision: 'Maybe' }, 'decision'],
    ['a numeric decision', { ...request, decision: 3 }, 'decision'],
    ['a change order without fee', { ...request, decision: 'Change order' }, 'fee'],
    ['a fee in words', { ...request, decision: 'Change order', fee: 'some' }, 'fee'],
    ['a fee on a declined request', { ...request, decision: 'Declined', fee: '100' }, 'fee'],
  ])('request: %s is refused and nothing is written', (_label, input, field) => {
    expectRefused(h, 'rpcLogRequest', input, field);
  });

  test.each([
    ['nothing', undefined, 'clientId'],
    ['an unknown client', { ...offboard, clientId: 'C-9999' }, 'clientId'],
    ['February 30th', { ...offboard, endDate: '2024-02-30' }, 'endDate'],
    ['a notice date in words', { ...offboard, noticeDate: 'today' }, 'noticeDate'],
    ['a reason outside the taxonomy', { ...offboard, reason: FORMULA }, 'reason'],
    ['a period close flag in words', { ...offboard, endAtPeriodClose: 'yes' }, 'endAtPeriodClose'],
    ['notice under 30 days', { ...offboard, noticeDate: '2024-09-15' }, 'noticeDate'],
    ['an end before the start', { ...offboard, endDate: '2023-12-01', noticeDate: '2023-10-01' }, 'endDate'],
  ])('offboarding: %s is refused and nothing is written', (_label, input, field) => {
    expectRefused(h, 'rpcOffboardClient', input, field);
  });

  test.each([
    ['a tab name as text', 'Acme Co'],
    ['a number', 42],
    ['an object', { tab: 'Acme Co' }],
    ['null', null],
  ])('adoption: %s instead of a list is refused', (_label, input) => {
    expectRefused(h, 'rpcAdoptTabs', input, 'tabNames');
  });

  test('adoption: tabs that are not client tabs, or do not exist, are reported and nothing is written', () => {
    const before = h.snapshot();
    const result = h.call<RpcResult>('rpcAdoptTabs', ['Clients', HUGE, 'Acme Co', 7]);
    expect(result).toMatchObject({ ok: true, value: { adopted: [], done: true } });
    const failed = (result.value?.failed ?? []) as { tabName: string; reason: string }[];
    expect(failed.map((f) => f.reason)).toEqual([
      'This is a ClientTabs sheet, not a client tab.',
      'There is no tab with this name any more.',
      'Already in the roster.',
    ]);
    expect(h.snapshot()).toEqual(before);
  });

  test('read calls: a bad client ID gets a clear error or no card', () => {
    expect(() => h.call('rpcGetCheckInForm', undefined)).toThrow('Choose a client.');
    expect(() => h.call('rpcGetCheckInForm', { id: 1 })).toThrow('Choose a client.');
    expect(() => h.call('rpcGetCheckInForm', HUGE)).toThrow(/^No client with ID x{39}…\.$/);
    expect(h.call('rpcGetClientCard', 'C-9999')).toBeNull();
  });
});
