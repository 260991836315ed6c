import { ATTENTION_REASONS } from '../../src/core/attention';
import { buildDemoWorkbook } from '../../dev/playground/demo';
import {
  checkIn,
  harness,
  type Harness,
  NOW,
  ownDocumentCalls,
  type RpcResult,
  SAMPLE_CLIENT,
  withClient,
} from './helpers';

const DAY = 86_400_000;

/** Three clients: two ended (known lifespans), one active. */
function portfolio(): Harness {
  const h = harness();
  h.call('menuSetUpWorkbook');
  const add = (name: string, startDate: string, yearlyProfit: string, clientType = 'Savvy') =>
    h.call<RpcResult>('rpcCreateClient', {
      ...SAMPLE_CLIENT,
      name,
      startDate,
      yearlyProfit,
      monthlyCosts: '',
      clientType,
    });
  add('Ended One', '2022-01-01', '12000');
  add('Ended Two', '2022-07-01', '6000');
  add('Active', '2024-05-01', '9000', 'Micromanager');
  const off = (clientId: string, endDate: string, noticeDate: string) =>
    h.call<RpcResult>('rpcOffboardClient', {
      clientId,
      endDate,
      reason: 'Program completed',
      noticeDate,
      endAtPeriodClose: false,
    });
  expect(off('C-0001', '2023-01-01', '2022-11-01').ok).toBe(true);
  expect(off('C-0002', '2023-07-01', '2023-05-01').ok).toBe(true);
  return h;
}

describe('Dashboard', () => {
  test('CLIENT_* formulas over roster columns compute the portfolio numbers, as of the TODAY() cell', () => {
    const h = portfolio();
    const dash = h.sheet('Dashboard');
    const starts = `'Clients'!E2:E,'Clients'!F2:F`;
    expect(dash.getRange('B11').getFormula()).toBe('=TODAY()');
    expect(dash.getRange('B4').getFormula()).toBe(`=CLIENT_LIFESPAN(${starts},"simple",B11)`);
    expect(dash.getRange('B5').getFormula()).toBe(`=CLIENT_LIFESPAN(${starts},"km",B11)`);
    expect(dash.getRange('J2').getFormula()).toBe(`=CLIENT_RETENTION(${starts},12,B11)`);
    expect(dash.getRange('B12').getFormula()).toBe(`=CLIENT_CHURN(${starts},B10,B11)`);
    // Every number is computed: Sheets' own functions by the engine, CLIENT_* by the bundle.
    expect(dash.getRange('B2').getValue()).toBe(1); // one Active client
    expect(dash.getRange('B3').getValue()).toBe(3);
    expect(dash.getRange('B6').getValue()).toBe(9000); // (12000 + 6000 + 9000) / 3
    const today = dash.getRange('B11').getValue() as Date;
    expect(today).toBeInstanceOf(Date);
    expect(h.emu.spreadsheet.getSpreadsheetTimeZone()).toBe('America/New_York');
    expect(dash.getRange('B11').getDisplayValue()).toBe('6/12/2024');
    expect(dash.getRange('B10').getDisplayValue()).toBe('6/12/2023');
    // Lifespans as of 2024-06-12: 365 and 365 days ended, the active client 42 days so far.
    const simple = dash.getRange('B4').getValue() as number;
    expect(simple).toBeCloseTo((365 + 365 + 42) / 3 / 365.25, 9);
    expect(dash.getRange('B7').getValue()).toBeCloseTo(9000 * (dash.getRange('B5').getValue() as number), 6);
    expect(dash.getRange('B9').getValue()).toBeCloseTo((dash.getRange('B7').getValue() as number) / 3, 6);
    // Ended Two was the only client active on 2023-06-12, and it ended within the 12 months: churn 1/1.
    expect(dash.getRange('B12').getValue()).toBe(1);
    // The retention table spills a header and one row per cohort month.
    expect(dash.getRange('J2:L2').getValues()[0]).toEqual(['Cohort', 'Month 0', 'Month 1']);
    expect(dash.getRange('K3').getValue()).toBe(1);
    // Active clients by month: one active at the end of each of the last months (Active started 2024-05-01).
    expect(dash.getRange('A27').getDisplayValue()).toBe('Jun 2024');
    expect(dash.getRange('B27').getValue()).toBe(1);
    expect(dash.getRange('B26').getValue()).toBe(1); // end of May 2024
    expect(dash.getRange('B25').getValue()).toBe(0); // end of April 2024
    expect(h.sheet('Dashboard').getConditionalFormatRules().length).toBe(1);
    expect(h.sheet('Dashboard').getCharts().length).toBe(1);
  });

  test('a month later the Dashboard has moved on, with no edit and no recalculation', () => {
    const h = portfolio();
    const dash = h.sheet('Dashboard');
    const before = dash.getRange('B4').getValue() as number;
    h.setNow(NOW + 30 * DAY);
    expect(dash.getRange('B11').getDisplayValue()).toBe('7/12/2024');
    const after = dash.getRange('B4').getValue() as number;
    // Only the active client's stay grows: 30 more days out of three clients.
    expect(after - before).toBeCloseTo(30 / 3 / 365.25, 9);
    expect(dash.getRange('B5').getValue()).not.toBe(0);
  });

  test('Set up brings a Dashboard made by 0.1 up to date, and leaves the cells a user changed', () => {
    const h = portfolio();
    const dash = h.sheet('Dashboard');
    const starts = `'Clients'!E2:E,'Clients'!F2:F`;
    // What 0.1 wrote: CLIENT_* that read the clock themselves. The user rewrote B5 their own way.
    dash.getRange('B4').setFormula(`=CLIENT_LIFESPAN(${starts},"simple")`);
    dash.getRange('B5').setFormula(`=CLIENT_LIFESPAN(${starts},"churn")`);
    dash.getRange('B10').setFormula('=EDATE(TODAY(),-12)');
    dash.getRange('J2').setFormula(`=CLIENT_RETENTION(${starts},12)`);
    h.call('menuSetUpWorkbook');
    expect(dash.getRange('B4').getFormula()).toBe(`=CLIENT_LIFESPAN(${starts},"simple",B11)`);
    expect(dash.getRange('B5').getFormula()).toBe(`=CLIENT_LIFESPAN(${starts},"churn")`);
    expect(dash.getRange('B10').getFormula()).toBe('=EDATE(B11,-12)');
    expect(dash.getRange('J2').getFormula()).toBe(`=CLIENT_RETENTION(${starts},12,B11)`);
    expect(h.emu.ui.toasts.at(-1)?.message).toContain('Updated 3 Dashboard formulas');
  });

  test('its native formulas compute: counts, average, churn period, month ends, active by month', () => {
    const h = portfolio();
    const dash = h.sheet('Dashboard');
    // Two ended, one active; yearly profits 12,000, 6,000 and 9,000.
    expect(dash.getRange('B2:B3').getValues()).toEqual([[1], [3]]);
    expect(dash.getRange('B6').getValue()).toBe(9000);
    // TODAY() is 2024-06-12 on the harness clock; the churn period is the 12 months before it.
    expect(dash.getRange('B10:B11').getValues()).toEqual([
      [new Date('2023-06-12T04:00:00Z')],
      [new Date('2024-06-12T04:00:00Z')],
    ]);
    // Month ends (EOMONTH) and clients active at each (COUNTIFS): Ended Two left on 2023-07-01,
    // Active started on 2024-05-01.
    expect(dash.getRange('A16:B16').getDisplayValues()[0]).toEqual(['Jul 2023', '0']);
    expect(dash.getRange('A26:B27').getDisplayValues()).toEqual([
      ['May 2024', '1'],
      ['Jun 2024', '1'],
    ]);
    expect(dash.getRange('A16').getValue()).toEqual(new Date('2023-07-31T04:00:00Z'));

    // A month later, with no recalculation, the period and the month ends have moved.
    h.setNow(NOW + 30 * DAY);
    expect(dash.getRange('B11').getValue()).toEqual(new Date('2024-07-12T04:00:00Z'));
    expect(dash.getRange('A27:B27').getDisplayValues()[0]).toEqual(['Jul 2024', '1']);
  });

  test('the simple lifespan of ended clients is exact', () => {
    const h = portfolio();
    // Make the active client ended too, so "today" does not matter: 365, 365 and 31 days.
    h.call('rpcOffboardClient', {
      clientId: 'C-0003',
      endDate: '2024-06-01',
      reason: 'Poor fit',
      noticeDate: '2024-05-01',
      endAtPeriodClose: false,
    });
    const simple = h.sheet('Dashboard').getRange('B4').getValue() as number;
    expect(simple).toBeCloseTo((365 + 365 + 31) / 3 / 365.25, 9);
  });

  test('Refresh writes the needs-attention list in one write, with a call count independent of log rows', () => {
    const h = withClient({ name: 'Logged', startDate: '2024-01-01' });
    h.call('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Quiet', startDate: '2024-01-01' });
    h.call('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'New', startDate: '2024-06-05' });
    h.call('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10'));
    h.call('rpcSaveCheckIn', checkIn('C-0002', '2024-05-20'));
    h.call('rpcRecordPayment', {
      clientId: 'C-0001',
      due: '2024-05-01',
      paid: '',
      amount: '$2,000',
      note: '',
    });
    h.call('rpcRecordPayment', { clientId: 'C-0002', due: '2024-06-10', paid: '', amount: '2000', note: '' });
    h.call('rpcLogRequest', {
      clientId: 'C-0003',
      date: '2024-06-11',
      request: 'Extra landing page',
      decision: 'Open',
      fee: '',
    });
    h.emu.calls.reset();
    h.call('menuRefreshDashboard');
    const few = ownDocumentCalls(h);
    expect(h.emu.calls.count('Range.setValues')).toBe(1);
    const list = h.sheet('Dashboard').getRange('D3:I9').getValues();
    // Most urgent first; the two 6-month programs that started 2024-01-01 end on 2024-07-01.
    expect(list.map((r) => [r[0], r[1]])).toEqual([
      ['Quiet', 'Health in the red'],
      ['Quiet', 'Check-in overdue'],
      ['Logged', 'Late payment'],
      ['Logged', 'Program ending soon'],
      ['Quiet', 'Program ending soon'],
      ['New', 'Open out-of-scope request'],
      ['New', 'Nothing logged this week'],
    ]);
    expect(list[1][2]).toBe('16 days late; every 7 days');
    expect(list[2][2]).toBe('$2,000 unpaid, 42 days past due'); // in Settings' currency
    expect(list[3][2]).toBe('Program ends 2024-07-01, in 19 days');
    expect(list[2][5]).toBe('Send a reminder.'); // what to do
    // 30 more weeks of log rows: same number of calls.
    for (let week = 0; week < 30; week++) {
      const day = new Date(Date.UTC(2023, 10, 6) + week * 7 * DAY).toISOString().slice(0, 10);
      h.call('rpcSaveCheckIn', checkIn('C-0001', day));
    }
    h.emu.calls.reset();
    h.call('menuRefreshDashboard');
    expect(ownDocumentCalls(h)).toBe(few);
    // The payment gets paid: the list shrinks and the old rows are blanked in the same single write.
    h.sheet('Payments').getRange('D2').setValue(new Date(NOW));
    h.call('menuRefreshDashboard');
    expect(
      h
        .sheet('Dashboard')
        .getRange('D3:D9')
        .getValues()
        .map((r) => r[0]),
    ).toEqual(['Quiet', 'Quiet', 'Logged', 'Quiet', 'New', 'New', '']);
  });
});

describe('Refresh when a live link cannot be read', () => {
  test('the last check-in comes from the tab itself, found by its Tab ID, with or without the index', () => {
    const h = withClient({ name: 'Quiet', startDate: '2024-01-01' });
    h.call('rpcSaveCheckIn', checkIn('C-0001', '2024-05-20'));
    const roster = h.sheet('Clients');
    const header = roster.getRange('1:1').getValues()[0] as string[];
    // The user typed over the Last check-in link, and the index entry is gone (a new copy of the file).
    roster.getRange(2, header.indexOf('Last check-in') + 1).setValue('see tab');
    for (const key of [...h.emu.properties.document.keys()])
      if (key.startsWith('clienttabs.client.')) h.emu.properties.document.delete(key);
    h.call('menuRefreshDashboard');
    const rows = h.sheet('Dashboard').getRange('D3:F8').getValues();
    // Last check-in 2024-05-20 on a 7-day cadence: due 05-27, 16 days late on 06-12 (not "No check-in yet").
    expect(rows).toContainEqual(['Quiet', 'Check-in overdue', '16 days late; every 7 days']);
    // Health counts the same check-in: three weeks without one.
    expect(rows[0]).toEqual([
      'Quiet',
      'Health in the red',
      expect.stringMatching(/3 weeks without a check-in/),
    ]);
  });
});

describe('Payments, requests, offboarding', () => {
  test('a payment and a request are appended, keyed by Client ID, and validated', () => {
    const h = withClient();
    expect(
      h.call<RpcResult>('rpcRecordPayment', {
        clientId: 'C-0001',
        due: '2024-06-01',
        paid: '2024-06-03',
        amount: '2,000.50',
        note: '=late?',
      }),
    ).toMatchObject({ ok: true, value: { row: 2 } });
    expect(h.sheet('Payments').getRange('A2:F2').getValues()[0]).toEqual([
      'C-0001',
      'Acme Co',
      expect.any(Object),
      expect.any(Object),
      2000.5,
      '=late?',
    ]);
    const bad = h.call<RpcResult>('rpcRecordPayment', {
      clientId: 'C-0001',
      due: 'soon',
      paid: '',
      amount: '-5',
      note: '',
    });
    expect(bad.errors?.map((e) => e.field).sort()).toEqual(['amount', 'due']);
    const changeOrder = (fee: string) =>
      h.call<RpcResult>('rpcLogRequest', {
        clientId: 'C-0001',
        date: '2024-06-05',
        request: 'New logo',
        decision: 'Change order',
        fee,
      });
    expect(changeOrder('').errors?.[0].field).toBe('fee');
    expect(changeOrder('450').ok).toBe(true);
    expect(h.sheet('Requests').getRange('A2:F2').getValues()[0]).toEqual([
      'C-0001',
      'Acme Co',
      expect.any(Object),
      'New logo',
      'Change order',
      450,
    ]);
    const card = h.call<{ payments: unknown[]; openRequests: unknown[] }>('rpcGetClientCard', 'C-0001');
    expect(card.payments).toEqual([
      { due: '2024-06-01', paid: '2024-06-03', amount: 2000.5, paidAmount: 2000.5, late: false },
    ]);
    expect(card.openRequests).toEqual([]);
  });

  test('offboarding: notice at least 30 days before the end, else nothing changes', () => {
    const h = withClient(); // starts 2024-01-08, 6-month program
    const before = h.snapshot();
    const late = h.call<RpcResult>('rpcOffboardClient', {
      clientId: 'C-0001',
      endDate: '2024-07-01',
      reason: 'Pays late',
      noticeDate: '2024-06-12',
      endAtPeriodClose: false,
    });
    expect(late).toMatchObject({
      ok: false,
      errors: [
        {
          field: 'noticeDate',
          message: expect.stringMatching(/at least 30 days.*7\/1\/2024 .*6\/1\/2024 or earlier/),
        },
      ],
    });
    expect(
      h.call<RpcResult>('rpcOffboardClient', {
        clientId: 'C-0001',
        endDate: '2024-07-01',
        reason: 'Bored',
        noticeDate: '2024-05-01',
        endAtPeriodClose: false,
      }).errors?.[0].field,
    ).toBe('reason');
    expect(h.snapshot()).toEqual(before);
    // Moved to the close of the current program period: 2024-01-08 + 6 months = 2024-07-08.
    const ok = h.call<RpcResult>('rpcOffboardClient', {
      clientId: 'C-0001',
      endDate: '2024-07-01',
      reason: 'Scope creep',
      noticeDate: '2024-06-01',
      endAtPeriodClose: true,
    });
    expect(ok).toEqual({
      ok: true,
      value: { clientId: 'C-0001', endDate: '2024-07-08', status: 'Serving notice' },
    });
    const row = h.sheet('Clients').getRange('A2:Y2').getValues()[0];
    expect(row[2]).toBe('Serving notice'); // until 2024-07-08: see test/workbook/offboard.test.ts
    expect((row[5] as Date).toISOString()).toBe('2024-07-08T04:00:00.000Z');
    expect(row[23]).toBe('Scope creep');
    // Still in the roster, so lifespan and churn count them.
    expect(h.call<unknown[]>('rpcListClients')).toHaveLength(1);
  });
});

describe('issue 9: Refresh writes the list by its header labels', () => {
  test('#1 a column the user inserts inside the list, and notes of theirs, survive Refresh', () => {
    const h = withClient();
    h.call('menuRefreshDashboard');
    const dashboard = h.sheet('Dashboard');
    dashboard.insertColumnsBefore(7, 1); // between "Detail" and "Since"
    dashboard.getRange('G2:G3').setValues([['My column'], ['call Acme back']]);
    h.call('menuRefreshDashboard');
    expect(dashboard.getRange('G2:G3').getValues()).toEqual([['My column'], ['call Acme back']]);
    const header = dashboard.getRange('2:2').getValues()[0] as string[];
    const row = dashboard.getRange('3:3').getValues()[0];
    expect(row[header.indexOf('Client')]).toBe('Acme Co');
    expect(row[header.indexOf('Client ID')]).toBe('C-0001');
    expect(row[header.indexOf('Why')]).toMatch(/\w/);
  });

  test('a list longer than the sheet (hundreds of clients, or rows deleted) gets rows, not an error', () => {
    const h = withClient();
    h.call('menuRefreshDashboard');
    const dashboard = h.sheet('Dashboard');
    // The sheet ends right below what it holds: every further item needs a row the sheet does not have.
    const last = dashboard.getLastRow();
    dashboard.deleteRows(last + 1, dashboard.getMaxRows() - last);
    const names = Array.from({ length: 30 }, (_, i) => `Client ${i + 2}`);
    for (const name of names)
      expect(h.call<RpcResult>('rpcCreateClient', { ...SAMPLE_CLIENT, name }).ok).toBe(true);
    h.emu.ui.respond({ button: 'OK' });
    const alerts = h.emu.ui.alerts.length;
    h.call('menuRefreshDashboard');
    expect(h.emu.ui.alerts.slice(alerts).map((a) => a.prompt)).toEqual([]);
    const values = dashboard.getDataRange().getValues();
    const header = values.findIndex((row) => row.includes('Why'));
    const listed = values.slice(header + 1).map((row) => row[values[header].indexOf('Client')]);
    expect(['Acme Co', ...names].filter((name) => !listed.includes(name))).toEqual([]);
    expect(dashboard.getMaxRows()).toBeGreaterThan(last);
  });

  test('#1 without the list header row (the user deleted it), Refresh refuses and changes nothing', () => {
    const h = withClient();
    const dashboard = h.sheet('Dashboard');
    dashboard.getRange('D2:H2').setValues([['My', 'own', 'labels', 'here', 'now']]);
    const before = h.snapshot();
    h.emu.ui.respond({ button: 'OK' });
    h.call('menuRefreshDashboard');
    expect(h.snapshot()).toEqual(before);
    expect(h.emu.ui.alerts.at(-1)?.prompt).toMatch(/Needs attention.*header/i);
  });
});

describe('issue 12: the demo workbook’s advice', () => {
  /** Reasons that are chores of the week, not a risk: a healthy client may have them. */
  const CHORES = ['Open out-of-scope request', 'Nothing logged this week'];
  let h: Harness;
  let list: string[][];
  beforeAll(() => {
    h = harness();
    buildDemoWorkbook((name, ...args) => h.call(name, ...args), '2024-06-12');
    const values = h.sheet('Dashboard').getDataRange().getValues();
    const header = values.findIndex((row) => row[3] === 'Client' && row[4] === 'Why');
    list = values
      .slice(header + 1)
      .filter((row) => row[3] !== '')
      .map((row) => row.slice(3, 9) as string[]);
  }, 600_000);
  const reasons = (client: string) => list.filter((row) => row[0] === client).map((row) => row[1]);

  test('the Dashboard flags the at-risk clients it was built with, each with why and what to do', () => {
    expect(reasons('Castillo Accounting')).toContain('Chronic late payer');
    expect(reasons('Northline Roofing')).toContain('Check-in overdue');
    expect(reasons('Redwood Outfitters')).toContain('Satisfaction falling');
    expect(reasons('Maya Okafor')).toContain('Below the rate floor');
    expect(reasons('Tom Becker')).toContain('Past program end');
    for (const row of list) expect(row[5]).toMatch(/\w/); // what to do
    const maya = list.find((row) => row[0] === 'Maya Okafor' && row[1] === 'Below the rate floor');
    expect(maya?.[2]).toBe('$28.13 an hour; the floor is $50');
  });

  test('it raises nothing but the week’s chores on the healthy clients, and nothing on ended ones', () => {
    for (const healthy of ['Harbor & Vine Bistro', 'Bloom Pediatric Dental', 'Lumen Yoga Studio'])
      for (const reason of reasons(healthy))
        expect([healthy, CHORES.includes(reason)]).toEqual([healthy, true]);
    for (const ended of ['Priya Raman', 'Greta Lind', 'Sam Whitaker', 'Oak & Ember Candles'])
      expect(reasons(ended)).toEqual([]);
  });

  test('most urgent first: the list follows the reasons’ order', () => {
    const order = Object.values(ATTENTION_REASONS) as string[];
    const ranks = list.map((row) => order.indexOf(row[1]));
    expect(ranks.every((rank) => rank >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  test('the roster shows health, its band, trend and drivers, the effective rate and the growth hint', () => {
    const roster = h.sheet('Clients').getDataRange().getValues();
    const header = roster[0] as string[];
    const row = (name: string) => roster.find((r) => r[header.indexOf('Client')] === name) as unknown[];
    const at = (name: string, label: string) => row(name)[header.indexOf(label)];
    for (const healthy of ['Harbor & Vine Bistro', 'Bloom Pediatric Dental', 'Lumen Yoga Studio']) {
      expect(at(healthy, 'Health')).toBeGreaterThan(75);
      expect(at(healthy, 'Health drivers')).toMatch(/^Green \d+ \(5 of 5 signals\)/);
      expect(typeof at(healthy, 'Health trend')).toBe('number');
    }
    expect(at('Bloom Pediatric Dental', 'Effective rate (per hour)')).toBeCloseTo(3200 / 24, 6);
    expect(at('Maya Okafor', 'Effective rate (per hour)')).toBeCloseTo(450 / 16, 6);
    expect(at('Redwood Outfitters', 'Satisfaction')).toBe(4);
    expect(at('Redwood Outfitters', 'Satisfaction 4 weeks ago')).toBe(7);
    expect(at('Northline Roofing', 'Health drivers')).toMatch(/weeks without a check-in/);
    // Ended clients: no check-in signal, so no "weeks without a check-in" on someone who left.
    expect(at('Greta Lind', 'Health drivers')).not.toMatch(/without a check-in/);
    // Green health and the main metric at target: time to offer the next step.
    const growth = roster.slice(1).filter((r) => r[header.indexOf('Growth')] === 'Offer the next step');
    for (const r of growth) expect(r[header.indexOf('Health')]).toBeGreaterThan(75);
    // The band colors: one rule per band on Health and on its drivers.
    expect(h.sheet('Clients').getConditionalFormatRules()).toHaveLength(6);
  });

  test('a recalculation costs the same custom-function executions with 12 clients as with 1', () => {
    const count = (sheet: GoogleAppsScript.Spreadsheet.Sheet) =>
      sheet
        .getDataRange()
        .getFormulas()
        .flat()
        .join('\n')
        .match(/CLIENT_[A-Z_]+\(/g)?.length ?? 0;
    const small = harness();
    small.call('menuSetUpWorkbook');
    small.call('rpcCreateClient', SAMPLE_CLIENT);
    expect(count(h.sheet('Clients'))).toBe(count(small.sheet('Clients')));
    expect(count(h.sheet('Clients'))).toBe(4); // Health, Health 4 weeks ago, Health drivers, Effective rate
  });
});
