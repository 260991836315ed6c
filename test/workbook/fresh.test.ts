/**
 * A spreadsheet that was never set up, or lost one of its managed sheets: every menu item either works
 * or tells the user to run Set up (never a raw exception), and Set up puts back what is missing.
 */
import { harness, type Harness, SAMPLE_CLIENT, withClient, offboarding } from './helpers';

type R = { ok: boolean; value?: Record<string, unknown>; errors?: unknown[]; message?: string };

const MENU_ITEMS = [
  'menuCheckIn',
  'menuCheckInThisClient',
  'menuClientCard',
  'menuNewClient',
  'menuRecordPayment',
  'menuLogRequest',
  'menuOffboardClient',
  'menuRefreshDashboard',
  'menuAdoptTabs',
] as const;

describe('a fresh spreadsheet (not set up)', () => {
  test.each(MENU_ITEMS)('%s tells the user to run Set up, and changes nothing', (item) => {
    const h = harness();
    h.emu.spreadsheet.getSheets()[0].getRange('A1').setValue('my data');
    const before = h.snapshot();
    h.emu.ui.respond({ button: 'OK' });
    expect(() => h.call(item)).not.toThrow();
    const alerts = h.emu.ui.alerts as { prompt: string }[];
    expect(alerts).toHaveLength(1);
    expect(alerts[0].prompt).toMatch(/Set up workbook/);
    expect(h.emu.ui.sidebars).toHaveLength(0);
    expect(h.snapshot()).toEqual(before);
  });

  test.each([
    ['menuSetUpWorkbook', (h: Harness) => expect(h.emu.spreadsheet.getSheetByName('Clients')).not.toBeNull()],
    [
      'menuShowHelp',
      (h: Harness) => expect(h.emu.ui.dialogs.map((d) => d.title)).toEqual(['ClientTabs help']),
    ],
    [
      'menuShowFormulas',
      (h: Harness) => expect(h.emu.ui.dialogs.map((d) => d.title)).toEqual(['ClientTabs formulas']),
    ],
    ['onOpen', (h: Harness) => expect(h.emu.ui.menus).toHaveLength(1)],
  ])('%s works', (item, check) => {
    const h = harness();
    h.call(item);
    expect(h.emu.ui.alerts).toHaveLength(0);
    check(h);
  });

  test.each([
    ['rpcRecordPayment', { clientId: 'C-0001', due: '2024-06-01', paid: '', amount: '10', note: '' }],
    ['rpcLogRequest', { clientId: 'C-0001', date: '2024-06-01', request: 'x', decision: 'Open', fee: '' }],
    ['rpcOffboardClient', offboarding()],
    ['rpcCreateClient', SAMPLE_CLIENT],
    ['rpcAdoptTabs', ['Sheet1']],
    [
      'rpcSaveCheckIn',
      {
        clientId: 'C-0001',
        weekOf: '2024-06-10',
        values: {},
        satisfaction: '',
        wins: '',
        blockers: '',
        notes: '',
      },
    ],
  ])('%s answers a Result that says to run Set up', (name, input) => {
    const h = harness();
    const before = h.snapshot();
    const result = h.call<R>(name, input);
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Clients sheet is missing.*Set up workbook/),
    });
    expect(h.snapshot()).toEqual(before);
  });

  test('the read-only calls answer empty rather than fail', () => {
    const h = harness();
    expect(h.call('rpcListClients')).toEqual([]);
    expect(h.call('rpcGetDueList')).toMatchObject({ clients: [], totalDue: 0 });
    expect(h.call('rpcGetClientCard', null)).toBeNull();
    expect(h.call('rpcGetNewClientDefaults')).toMatchObject({
      today: '2024-06-12',
      cadenceByType: { Micromanager: 7, Savvy: 14 },
    });
  });
});

describe('a managed sheet the user deleted', () => {
  test('a payment before Set up gets a clear message; Set up recreates Payments, then it works', () => {
    const h = withClient();
    h.emu.spreadsheet.deleteSheet(h.sheet('Payments'));
    const payment = { clientId: 'C-0001', due: '2024-06-01', paid: '', amount: '2000', note: '' };
    const before = h.snapshot();
    expect(h.call<R>('rpcRecordPayment', payment)).toEqual({
      ok: false,
      errors: [],
      message: 'The Payments sheet is missing or has no header row. Run ClientTabs > Set up workbook.',
    });
    expect(h.snapshot()).toEqual(before);
    h.call('menuSetUpWorkbook');
    expect(h.emu.ui.toasts.at(-1)?.message).toMatch(/Created Payments\./);
    expect(h.sheet('Payments').getRange('A1:F1').getValues()[0]).toEqual([
      'Client ID',
      'Client',
      'Due',
      'Paid',
      'Amount',
      'Note',
    ]);
    expect(h.call<R>('rpcRecordPayment', payment)).toMatchObject({ ok: true, value: { row: 2 } });
    // The rest was left as it was: the client, their tab, the other sheets.
    expect(h.sheet('Clients').getRange('B2').getValue()).toBe('Acme Co');
  });

  test('Refresh with the Dashboard deleted says to run Set up (no raw error); Set up recreates it', () => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    h.emu.spreadsheet.deleteSheet(h.sheet('Dashboard'));
    h.emu.ui.respond({ button: 'OK' });
    expect(() => h.call('menuRefreshDashboard')).not.toThrow();
    expect((h.emu.ui.alerts.at(-1) as { prompt: string }).prompt).toBe(
      'The Dashboard sheet is missing. Run ClientTabs > Set up workbook.',
    );
    h.call('menuSetUpWorkbook');
    expect(h.sheet('Dashboard').getRange('B2').getFormula()).toBe(
      `=COUNTIF('Clients'!C2:C,"Active")+COUNTIFS('Clients'!C2:C,"Serving notice",'Clients'!F2:F,">"&B11)`,
    );
  });

  test('check in this client on a tab that is not a client tab: a clear message, no sidebar', () => {
    const h = withClient();
    h.emu.spreadsheet.setActiveSheet(h.sheet('Dashboard'));
    h.emu.ui.respond({ button: 'OK' });
    h.call('menuCheckInThisClient');
    expect(h.emu.ui.sidebars).toHaveLength(0);
    expect((h.emu.ui.alerts.at(-1) as { prompt: string }).prompt).toBe(
      '"Dashboard" is not a client tab. Open a client\'s tab (or use Log a check-in to pick a client).',
    );
  });
});
