/**
 * Reads never write: every sidebar read (card, due list, pickers, forms, previews, notes, profit) runs on
 * the built bundle against a lived-in workbook and makes no write call: no cell, format or sheet, no
 * document or user property. A save reads what it needs; it never depends on a read having primed it.
 */
import { checkIn, harness, SAMPLE_CLIENT, type Harness } from './helpers';

/** The read RPCs, each with the arguments the sidebar sends. */
const READS: Record<string, (ids: { first: string; second: string }) => unknown[]> = {
  rpcListClients: () => [],
  rpcGetDueList: () => [],
  rpcGetCheckInForm: ({ first }) => [first],
  rpcGetClientCard: ({ first }) => [first],
  rpcGetNewClientDefaults: () => [],
  rpcGetClientEdit: ({ first }) => [first],
  rpcScanForAdoption: () => [],
  rpcGetInvoices: ({ first }) => [first],
  rpcGetBoot: () => [],
  rpcGetClientNotes: ({ first }) => [first],
  rpcGetClientProfit: ({ first }) => [first],
  rpcGetMetricHistory: () => [],
};

/** Server functions that change the workbook (or, the self-check, make and delete their own probe sheets). */
const WRITES = new Set([
  'rpcSaveCheckIn',
  'rpcSkipCheckIn',
  'rpcCreateClient',
  'rpcEditClient',
  'rpcAdoptTabs',
  'rpcRecordPayment',
  'rpcLogRequest',
  'rpcPayInvoice',
  'rpcCreateInvoice',
  'rpcDecideRequest',
  'rpcOffboardClient',
  'rpcRunSelfCheck',
  'rpcSaveConversation',
  'rpcSaveNeed',
  'rpcMakeProgressReport',
  'rpcRecordRaise',
  'rpcSetClientHours',
]);

/** A call that changes a document, a property or the UI: every Apps Script writer starts with one of these. */
const WRITER = new RegExp(
  '\\.(set|insert|delete|clear|append|add|remove|move|hide|show|protect|copy|duplicate|merge|sort|auto|' +
    'create|activate|flush|trim|expand|collapse|group|ungroup|update|apply|build|randomize|uncheck|check|break)',
);

function livedIn(): { h: Harness; first: string; second: string } {
  const h = harness();
  h.call('menuSetUpWorkbook');
  const made = (name: string) =>
    h.call<{ ok: boolean; value: { clientId: string } }>('rpcCreateClient', { ...SAMPLE_CLIENT, name });
  const first = made('Acme Co').value.clientId;
  const second = made('Birch Ltd').value.clientId;
  for (const week of ['2024-05-27', '2024-06-03', '2024-06-10'])
    expect(h.call<{ ok: boolean }>('rpcSaveCheckIn', checkIn(first, week)).ok).toBe(true);
  h.call('rpcCreateInvoice', { clientId: first, due: '2024-05-01', amount: '1500', note: '' });
  h.call('rpcLogRequest', {
    clientId: first,
    date: '2024-06-01',
    request: 'Extra deck',
    decision: 'Open',
    fee: '',
  });
  h.call('rpcSaveNeed', { clientId: first, date: '', need: 'Hiring help' });
  // A tab of the coach's own, for the adoption scan.
  const own = h.emu.spreadsheet.insertSheet('Old client');
  own.getRange(1, 1, 3, 2).setValues([
    ['Date', 'Revenue'],
    [new Date('2024-05-01T12:00:00Z'), 100],
    [new Date('2024-05-08T12:00:00Z'), 120],
  ]);
  return { h, first, second };
}

/** Empties the document's client index, as in a copied spreadsheet or one a user cleared: reads must not refill it. */
function forgetIndex(h: Harness): void {
  const { PropertiesService } = h.emu.globals() as {
    PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  };
  const properties = PropertiesService.getDocumentProperties();
  for (const key of Object.keys(properties.getProperties()))
    if (key.startsWith('clienttabs.client.')) properties.deleteProperty(key);
}

function writesOf(h: Harness, name: string, args: unknown[]): string[] {
  h.emu.calls.reset();
  h.call(name, ...args);
  return h.emu.calls.log().filter((call) => WRITER.test(call));
}

test('every rpc* server function is listed here as a read or a write', () => {
  const { bundle } = harness();
  const rpcs = bundle.functions.filter((name) => name.startsWith('rpc'));
  expect(rpcs.filter((name) => !(name in READS) && !WRITES.has(name))).toEqual([]);
});

describe('with a fresh client index', () => {
  // Reads change nothing, so one lived-in workbook serves every read; each test counts its own calls.
  let workbook: ReturnType<typeof livedIn>;
  beforeAll(() => (workbook = livedIn()));

  test.each(Object.keys(READS))('%s writes nothing: no cell, sheet or property', (name) => {
    const { h, first, second } = workbook;
    const before = h.snapshot();
    expect(writesOf(h, name, READS[name]({ first, second }))).toEqual([]);
    expect(h.snapshot()).toEqual(before);
  });
});

describe('with the client index emptied and a tab widened since', () => {
  let workbook: ReturnType<typeof livedIn>;
  beforeAll(() => {
    workbook = livedIn();
    forgetIndex(workbook.h);
    workbook.h.sheet('Acme Co').insertColumnsAfter(1, 2);
  });

  test.each(Object.keys(READS))('%s writes nothing, not even to repair the index', (name) => {
    const { h, first, second } = workbook;
    expect(writesOf(h, name, READS[name]({ first, second }))).toEqual([]);
  });
});
