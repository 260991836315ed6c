/**
 * Two people saving at once, on the built bundle. In Apps Script another execution can run while
 * this one still holds writes back (the Lock reference: flush before releasing the lock); the
 * emulator runs the second save right after the first lets the lock go, before the first one ends.
 */
import { checkIn, harness, type Harness, SAMPLE_CLIENT, withClient, offboarding } from './helpers';

type R = { ok: boolean; value?: Record<string, unknown>; message?: string };

/** Week-of dates in the client's log, in row order (blank rows left out). */
function loggedWeeks(h: Harness, tab: string): string[] {
  const sheet = h.sheet(tab);
  const values = sheet.getRange(13, 1, sheet.getMaxRows() - 12, 1).getValues();
  return values.filter((r) => r[0] instanceof Date).map((r) => (r[0] as Date).toISOString().slice(0, 10));
}

describe('withDocumentLock: saves that overlap', () => {
  test('two VAs log the same client for different weeks at once: both rows land, in distinct rows', () => {
    const h = withClient();
    const second = h.emu.interleave('after', 'Lock.releaseLock', () =>
      h.call<R>('rpcSaveCheckIn', { ...checkIn('C-0001', '2024-06-03'), enteredBy: 'VA Two' }),
    );
    const first = h.call<R>('rpcSaveCheckIn', { ...checkIn('C-0001', '2024-06-10'), enteredBy: 'VA One' });
    expect(second.ran).toBe(true);
    expect(second.error).toBeUndefined();
    expect(first.ok).toBe(true);
    expect((second.value as R).ok).toBe(true);
    expect(first.value?.row).not.toBe((second.value as R).value?.row);
    expect(loggedWeeks(h, 'Acme Co').sort()).toEqual(['2024-06-03', '2024-06-10']);
    const enteredBy = h.sheet('Acme Co').getRange('H13:H14').getValues().flat().sort();
    expect(enteredBy).toEqual(['VA One', 'VA Two']);
  });

  test('two New client saves at once: distinct roster rows, distinct IDs, both tabs', () => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    const second = h.emu.interleave('after', 'Lock.releaseLock', () =>
      h.call<R>('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Beta LLC' }),
    );
    const first = h.call<R>('rpcCreateClient', SAMPLE_CLIENT);
    expect(second.error).toBeUndefined();
    expect(first.ok).toBe(true);
    expect((second.value as R).ok).toBe(true);
    const roster = h.sheet('Clients').getDataRange().getValues();
    const names = roster.map((r) => r[1]).filter((n) => n === 'Acme Co' || n === 'Beta LLC');
    expect(names.sort()).toEqual(['Acme Co', 'Beta LLC']);
    const ids = roster.filter((r) => names.includes(r[1] as string)).map((r) => r[0]);
    expect(new Set(ids).size).toBe(2);
    expect(h.emu.spreadsheet.getSheetByName('Acme Co')).not.toBeNull();
    expect(h.emu.spreadsheet.getSheetByName('Beta LLC')).not.toBeNull();
  });

  test('a save that waits for the lock while another one saves: it gets the lock after, and sees that row', () => {
    const h = withClient();
    const other = h.emu.interleave('before', 'Lock.waitLock', () =>
      h.call<R>('rpcSaveCheckIn', { ...checkIn('C-0001', '2024-06-03'), enteredBy: 'VA Two' }),
    );
    const mine = h.call<R>('rpcSaveCheckIn', { ...checkIn('C-0001', '2024-06-10'), enteredBy: 'VA One' });
    expect((other.value as R).value?.row).toBe(13);
    expect(mine.value?.row).toBe(14);
    expect(loggedWeeks(h, 'Acme Co')).toEqual(['2024-06-03', '2024-06-10']);
  });

  test('another save that starts while this one holds the lock waits 10 s on the clock, then is told to retry', () => {
    const h = withClient();
    const before = h.snapshot(['Acme Co']);
    let waited = 0;
    const other = h.emu.interleave('after', 'Lock.waitLock', () => {
      const t0 = (h.bundle.context.Date as DateConstructor).now();
      const result = h.call<R>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-03'));
      waited = (h.bundle.context.Date as DateConstructor).now() - t0;
      return result;
    });
    const mine = h.call<R>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10'));
    expect(mine.ok).toBe(true);
    expect(other.value).toEqual({
      ok: false,
      errors: [],
      message: 'Someone else is saving to this spreadsheet right now. Try again in a moment.',
    });
    expect(waited).toBe(10_000);
    expect(loggedWeeks(h, 'Acme Co')).toEqual(['2024-06-10']);
    expect(h.snapshot(['Acme Co'])).not.toEqual(before);
  });
});

/** Two clients, each with an open invoice and an open request. */
function twoClients(): { h: Harness; ids: string[] } {
  const h = harness();
  h.call('menuSetUpWorkbook');
  const ids = ['Acme Co', 'Beta LLC'].map((name) => {
    const { clientId } = h.call<R>('rpcCreateClient', { ...SAMPLE_CLIENT, name }).value as {
      clientId: string;
    };
    expect(h.call<R>('rpcCreateInvoice', { clientId, due: '2024-06-01', amount: '2,000', note: '' }).ok).toBe(
      true,
    );
    expect(
      h.call<R>('rpcLogRequest', {
        clientId,
        date: '2024-06-05',
        request: `Extra deck for ${name}`,
        decision: 'Open',
        fee: '',
      }).ok,
    ).toBe(true);
    return clientId;
  });
  return { h, ids };
}

type Open = { open: { row: number; due: string | null; stillDue: number }[] };
type Card = { money?: { undecided: { row: number; request: string }[] } };

/** The newer flows that write under the lock: the RPC each makes for a client, and what shows it landed. */
const NEWER: Record<
  string,
  { form(h: Harness, clientId: string): [string, unknown]; landed(h: Harness, ids: string[]): void }
> = {
  'new invoice': {
    form: (_, clientId) => [
      'rpcCreateInvoice',
      { clientId, due: '2024-07-01', amount: '1,500', note: `July ${clientId}` },
    ],
    landed(h, ids) {
      const notes = h
        .sheet('Payments')
        .getDataRange()
        .getValues()
        .map((row) => row.find((c) => String(c).startsWith('July')));
      expect(notes.filter(Boolean).sort()).toEqual(ids.map((id) => `July ${id}`));
    },
  },
  'record payment': {
    form(h, clientId) {
      const open = h.call<Open>('rpcGetInvoices', clientId).open[0];
      return [
        'rpcPayInvoice',
        {
          clientId,
          row: open.row,
          due: open.due,
          paid: '2024-06-10',
          amount: String(open.stillDue),
          note: '',
        },
      ];
    },
    landed: (h, ids) =>
      expect(ids.map((id) => h.call<Open>('rpcGetInvoices', id).open.length)).toEqual([0, 0]),
  },
  'decide request': {
    form(h, clientId) {
      const { row, request } = h.call<Card>('rpcGetClientCard', clientId).money!.undecided[0];
      return [
        'rpcDecideRequest',
        { clientId, row, request, decision: 'Change order', fee: '150', hours: '' },
      ];
    },
    landed: (h, ids) =>
      expect(ids.map((id) => h.call<Card>('rpcGetClientCard', id).money!.undecided.length)).toEqual([0, 0]),
  },
  'log a conversation': {
    form: (_, clientId) => [
      'rpcSaveConversation',
      {
        clientId,
        date: '2024-06-12',
        reason: `Late for ${clientId}`,
        ownPart: 'I moved our call',
        outcome: 'On time',
        listen: 'What went wrong?',
        restate: 'On time',
      },
    ],
    landed(h, ids) {
      const about = h
        .sheet('Conversations')
        .getDataRange()
        .getValues()
        .map((row) => row.find((c) => String(c).startsWith('Late for')));
      expect(about.filter(Boolean).sort()).toEqual(ids.map((id) => `Late for ${id}`));
    },
  },
  'client needs': {
    form: (_, clientId) => ['rpcSaveNeed', { clientId, date: '', need: `Hiring help ${clientId}` }],
    landed(h, ids) {
      const needs = h
        .sheet('Client needs')
        .getDataRange()
        .getValues()
        .map((row) => row.find((c) => String(c).startsWith('Hiring')));
      expect(needs.filter(Boolean).sort()).toEqual(ids.map((id) => `Hiring help ${id}`));
    },
  },
  'edit client': {
    form(h, clientId) {
      const data = h.call<{
        clientType: string;
        cadenceDays: number;
        definitionOfSuccess: string;
        scope: string;
      }>('rpcGetClientEdit', clientId);
      return [
        'rpcEditClient',
        {
          clientId,
          clientType: data.clientType,
          cadenceDays: String(data.cadenceDays),
          monthlyFee: '2,750',
          yearlyProfit: '',
          monthlyCosts: '',
          definitionOfSuccess: data.definitionOfSuccess,
          scope: data.scope,
        },
      ];
    },
    landed: (h, ids) =>
      expect(ids.map((id) => h.call<{ monthlyFee: number }>('rpcGetClientEdit', id).monthlyFee)).toEqual([
        2750, 2750,
      ]),
  },
  offboard: {
    form: (_, clientId) => ['rpcOffboardClient', offboarding(clientId)],
    landed(h, ids) {
      const values = h.sheet('Clients').getDataRange().getValues();
      const [id, why] = ['Client ID', 'Why they left'].map((label) => values[0].indexOf(label));
      expect(values.filter((row) => ids.includes(row[id] as string)).map((row) => row[why])).toEqual([
        'Poor fit',
        'Poor fit',
      ]);
    },
  },
};

describe.each([
  ['right after the first releases the lock', 'after', 'Lock.releaseLock'],
  ['while the first waits for the lock', 'before', 'Lock.waitLock'],
] as const)('the newer flows, two at once %s', (_, when, call) => {
  test.each(Object.keys(NEWER))('%s for two clients at once: both land, neither is told to retry', (name) => {
    const { h, ids } = twoClients();
    const flow = NEWER[name];
    const [first, second] = ids.map((id) => flow.form(h, id));
    const other = h.emu.interleave(when, call, () => h.call<R>(second[0], second[1]));
    const mine = h.call<R>(first[0], first[1]);
    expect(other.ran).toBe(true);
    expect(other.error).toBeUndefined();
    expect([mine.ok, mine.message]).toEqual([true, undefined]);
    expect([(other.value as R).ok, (other.value as R).message]).toEqual([true, undefined]);
    flow.landed(h, ids);
  });
});
