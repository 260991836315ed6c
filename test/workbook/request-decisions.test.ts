/** Deciding out-of-scope requests from the card, on the built bundle. */
import { type Harness, type RpcResult, withClient, rowsByLabel } from './helpers';

type Card = {
  money: { undecided: { row: number; date: string; request: string }[] };
  openRequests: unknown[];
};

function withRequests(): Harness {
  const h = withClient();
  for (const request of ['New logo', 'Extra workshop', 'Board deck'])
    h.call('rpcLogRequest', { clientId: 'C-0001', date: '2024-06-03', request, decision: 'Open', fee: '' });
  return h;
}

const decide = (h: Harness, row: number, request: string, decision: string, fee = '', hours = '') =>
  h.call<RpcResult>('rpcDecideRequest', { clientId: 'C-0001', row, request, decision, fee, hours });

describe('deciding a request from the card', () => {
  test('the card lists the undecided requests; each decision is written onto its own row with the day', () => {
    const h = withRequests();
    const card = h.call<Card>('rpcGetClientCard', 'C-0001');
    expect(card.money.undecided).toEqual([
      { row: 2, date: '2024-06-03', request: 'New logo' },
      { row: 3, date: '2024-06-03', request: 'Extra workshop' },
      { row: 4, date: '2024-06-03', request: 'Board deck' },
    ]);
    expect(decide(h, 2, 'New logo', 'Change order', '$450')).toMatchObject({
      ok: true,
      value: { row: 2, decision: 'Change order' },
    });
    expect(decide(h, 3, 'Extra workshop', 'Included in scope', '', '3.5').ok).toBe(true);
    expect(decide(h, 4, 'Board deck', 'Declined').ok).toBe(true);
    const rows = rowsByLabel(h, 'Requests');
    // 2024-06-12 in New York is the day decided (the Decided cell is midnight there: 04:00 UTC).
    expect(
      rows.map((r) => [r.Request, r.Decision, r['Change-order fee'], r['Hours absorbed'], r.Decided]),
    ).toEqual([
      ['New logo', 'Change order', 450, '', '2024-06-12'],
      ['Extra workshop', 'Included in scope', '', 3.5, '2024-06-12'],
      ['Board deck', 'Declined', '', '', '2024-06-12'],
    ]);
    expect(rows).toHaveLength(3); // decided in place, never a new row
    expect(h.call<Card>('rpcGetClientCard', 'C-0001').money.undecided).toEqual([]);
    h.call('menuRefreshDashboard');
    expect(h.sheet('Dashboard').getRange('E3:E8').getValues().flat()).not.toContain(
      'Open out-of-scope request',
    );
  });

  test.each([
    ['a change order without its fee', 'Change order', '', '', 'fee'],
    ['a fee on a declined request', 'Declined', '100', '', 'fee'],
    ['absorbing without the hours', 'Included in scope', '', '', 'hours'],
    ['hours in words', 'Included in scope', '', 'a few', 'hours'],
    ['hours on a change order', 'Change order', '450', '2', 'hours'],
    ['deciding it Open', 'Open', '', '', 'decision'],
  ])('%s is refused with a message and nothing changes', (_label, decision, fee, hours, field) => {
    const h = withRequests();
    const before = h.snapshot();
    const result = decide(h, 2, 'New logo', decision, fee, hours);
    expect(result.ok).toBe(false);
    expect(result.errors?.map((e) => e.field)).toContain(field);
    expect(h.snapshot()).toEqual(before);
  });

  test('a request decided already is refused with what was decided, and nothing changes', () => {
    const h = withRequests();
    decide(h, 2, 'New logo', 'Declined');
    const before = h.snapshot();
    const again = decide(h, 2, 'New logo', 'Change order', '450');
    expect(again.errors).toEqual([
      { field: 'request', message: '"New logo" is already decided: Declined. Nothing was changed.' },
    ]);
    expect(h.snapshot()).toEqual(before);
  });

  test('the request is found by its text when rows moved, and a user column between ours is left alone', () => {
    const h = withRequests();
    const sheet = h.sheet('Requests');
    sheet.insertColumnsAfter(5, 1); // after Decision
    sheet.getRange('F1').setValue('Owner');
    sheet.getRange('F3:F4').setValues([['Ann'], ['Bo']]);
    sheet.insertRowsBefore(2, 1);
    expect(decide(h, 3, 'Extra workshop', 'Change order', '300').ok).toBe(true);
    const rows = rowsByLabel(h, 'Requests');
    expect(rows.map((r) => [r.Request, r.Decision, r.Owner, r['Change-order fee']])).toEqual([
      ['New logo', 'Open', '', ''],
      ['Extra workshop', 'Change order', 'Ann', 300],
      ['Board deck', 'Open', 'Bo', ''],
    ]);
  });
});

/** Declining the request on row 2, New logo: each case below spoils one field. */
const DECLINE_LOGO = {
  clientId: 'C-0001',
  row: 2,
  request: 'New logo',
  decision: 'Declined',
  fee: '',
  hours: '',
};
test.each([
  ['nothing', undefined, 'clientId'],
  ['an unknown client', { ...DECLINE_LOGO, clientId: 'C-9999' }, 'clientId'],
  ['no request', { ...DECLINE_LOGO, request: '  ' }, 'request'],
  ['a request that is not there', { ...DECLINE_LOGO, request: 'Logo v2' }, 'request'],
  ['a formula for the fee', { ...DECLINE_LOGO, decision: 'Change order', fee: '=450' }, 'fee'],
])('deciding with %s is refused with a message and nothing changes', (_label, input, field) => {
  const h = withRequests();
  const before = h.snapshot();
  const result = h.call<RpcResult>('rpcDecideRequest', input);
  expect(result.ok).toBe(false);
  expect(result.errors?.map((e) => e.field)).toContain(field);
  for (const message of [result.message, ...(result.errors ?? []).map((e) => e.message)])
    expect(message).not.toMatch(/TypeError|undefined|\[object Object\]/);
  expect(h.snapshot()).toEqual(before);
});
