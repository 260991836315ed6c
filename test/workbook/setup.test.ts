import { progressFormula } from '../../src/core/progress';
import { checkIn, harness, ownDocumentCalls, type RpcResult, SAMPLE_CLIENT, withClient } from './helpers';

/** SpreadsheetApp.ProtectionType.RANGE, as the emulator takes it. */
const RANGE = 'RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;

describe('Set up workbook', () => {
  test('creates every managed sheet, with headers, settings, frozen headers and dropdowns', () => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    const names = h.emu.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toEqual(
      expect.arrayContaining(['Clients', 'Dashboard', 'Settings', 'Payments', 'Requests', 'Client template']),
    );
    const clients = h.sheet('Clients');
    expect(clients.getRange('A1:C1').getValues()[0]).toEqual(['Client ID', 'Client', 'Status']);
    expect(clients.getFrozenRows()).toBe(1);
    expect(clients.getRange('C2').getDataValidation()?.getCriteriaValues()[0]).toEqual([
      'Active',
      'Serving notice',
      'Paused',
      'Ended',
    ]);
    const settings = h.sheet('Settings').getDataRange().getValues();
    expect(settings).toEqual(expect.arrayContaining([expect.arrayContaining(['Week starts on', 'Monday'])]));
    expect(settings).toEqual(
      expect.arrayContaining([expect.arrayContaining(['Check-in every (days): Micromanager', 7])]),
    );
  });

  test('header rows frozen and warning-protected; dropdowns for status, client type and why a client left', () => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    for (const name of ['Clients', 'Payments', 'Requests']) {
      const sheet = h.sheet(name);
      expect([name, sheet.getFrozenRows()]).toEqual([name, 1]);
      const protections = sheet.getProtections(RANGE) as GoogleAppsScript.Spreadsheet.Protection[];
      expect(
        protections.map((p) => [p.getRange().getA1Notation().replace(/\d+$/, ''), p.isWarningOnly()]),
      ).toEqual([[expect.stringMatching(/^A1:[A-Z]+$/), true]]);
      expect(protections[0].getRange().getRow()).toBe(1);
    }
    const roster = h.sheet('Clients');
    const header = roster.getRange('1:1').getValues()[0] as string[];
    const choices = (label: string) =>
      roster
        .getRange(2, header.indexOf(label) + 1)
        .getDataValidation()
        ?.getCriteriaValues()[0];
    expect(choices('Client type')).toEqual(['Laissez-faire', 'Micromanager', 'In the dark', 'Savvy']);
    expect(choices('Why they left')).toEqual(
      expect.arrayContaining(['Could not keep up', 'Scope creep', 'Program completed']),
    );
    expect(choices('Why they left')).toHaveLength(9);
    expect(h.sheet('Requests').getRange('E2').getDataValidation()?.getCriteriaValues()[0]).toEqual([
      'Open',
      'Change order',
      'Declined',
      'Included in scope',
    ]);
    // Running again adds no second protection.
    h.call('menuSetUpWorkbook');
    expect(roster.getProtections(RANGE)).toHaveLength(1);
  });

  test.each([
    ['en_US', '$', 'm/d/yyyy', '1/8/2024', '$2,000.00'],
    ['en_GB', '£', 'dd/mm/yyyy', '08/01/2024', '£2,000.00'],
    ['de_DE', '€', 'dd.mm.yyyy', '08.01.2024', '€2.000,00'],
  ])(
    'date and currency formats follow the locale (%s) through Settings',
    (locale, currency, dateFormat, start, fee) => {
      const h = harness({ locale });
      h.call('menuSetUpWorkbook');
      const settings = h.sheet('Settings').getDataRange().getValues();
      expect(settings).toEqual(
        expect.arrayContaining([
          expect.arrayContaining(['Currency symbol', currency]),
          expect.arrayContaining(['Date format', dateFormat]),
        ]),
      );
      h.call('rpcCreateClient', { ...SAMPLE_CLIENT, monthlyFee: '2000' });
      expect(h.sheet('Clients').getRange('E2').getDisplayValue()).toBe(start);
      expect(h.sheet('Clients').getRange('I2').getNumberFormat()).toBe(`"${currency}"#,##0.00`);
      expect(h.sheet('Clients').getRange('I2').getDisplayValue().replace(/\s/g, '')).toBe(fee);
      expect(h.sheet('Payments').getRange('C2').getNumberFormat()).toBe(dateFormat);
    },
  );

  test('a currency and date format typed in Settings are used by the next Set up', () => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    const settings = h.sheet('Settings');
    const labels = settings
      .getRange('A:A')
      .getValues()
      .map((r) => r[0]);
    settings.getRange(labels.indexOf('Currency symbol') + 1, 2).setValue('CHF ');
    settings.getRange(labels.indexOf('Date format') + 1, 2).setValue('yyyy-mm-dd');
    h.call('menuSetUpWorkbook');
    expect(h.sheet('Clients').getRange('I2').getNumberFormat()).toBe('"CHF "#,##0.00');
    expect(h.sheet('Clients').getRange('E2').getNumberFormat()).toBe('yyyy-mm-dd');
  });

  test('on a half-set-up workbook it adds what is missing and changes no typed value', () => {
    const h = harness();
    const ss = h.emu.spreadsheet;
    const clients = ss.insertSheet('Clients');
    clients.getRange('A1:C3').setValues([
      ['Client ID', 'Client', 'My own column'],
      ['C-0007', 'Old client', 'keep me'],
      ['C-0008', '=typed as formula?', 42],
    ]);
    const settings = ss.insertSheet('Settings');
    settings.getRange('A1:B3').setValues([
      ['Setting', 'Value'],
      ['Week starts on', 'Sunday'],
      ['LTV:CAC target', 4],
    ]);
    const before = h.snapshot(['Clients', 'Settings']);
    h.call('menuSetUpWorkbook');
    const after = h.snapshot(['Clients', 'Settings']);
    for (const name of ['Clients', 'Settings']) {
      before[name].values.forEach((row, r) =>
        row.forEach((value, c) =>
          expect([name, r, c, after[name].values[r][c]]).toEqual([name, r, c, value]),
        ),
      );
    }
    expect(after.Clients.values[0]).toEqual(expect.arrayContaining(['Status', 'Tab ID', 'Last check-in']));
    expect(after.Settings.values.map((r) => r[0])).toEqual(
      expect.arrayContaining(['Currency symbol', 'Date format']),
    );
    // Run again: nothing more to add, nothing changes.
    const again = h.snapshot();
    h.call('menuSetUpWorkbook');
    expect(h.snapshot()).toEqual(again);
  });

  test('call budget: constant, whatever the number of clients', () => {
    const counts: number[] = [];
    for (const clients of [0, 1, 8]) {
      const h = harness();
      h.call('menuSetUpWorkbook');
      for (let i = 0; i < clients; i++) h.call('rpcCreateClient', { ...SAMPLE_CLIENT, name: `Client ${i}` });
      h.emu.calls.reset();
      h.call('menuSetUpWorkbook');
      counts.push(ownDocumentCalls(h));
    }
    expect(counts[1]).toBe(counts[0] + 1); // + getFormulas of the roster's rows
    expect(counts[2]).toBe(counts[1]);
  });

  test('renaming a client tab: Set up repairs the roster link label', () => {
    const h = withClient();
    h.sheet('Acme Co').setName('Acme Corporation');
    const link = () => h.sheet('Clients').getRange('W2').getFormula();
    expect(link()).toContain('"Acme Co"');
    h.call('menuSetUpWorkbook');
    expect(link()).toMatch(/^=HYPERLINK\("#gid=\d+","Acme Corporation"\)$/);
    expect(h.sheet('Clients').getRange('L2').getFormula()).toContain("'Acme Corporation'!$A$13:$A");
    // Check-ins still find the tab (the index follows the rename).
    expect(h.call<RpcResult>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10')).ok).toBe(true);
  });

  test('running Set up again keeps what the index learnt: the next check-in still reads the tab in one call', () => {
    const h = withClient();
    h.call('menuSetUpWorkbook');
    h.emu.calls.reset();
    expect(h.call<RpcResult>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10', { notes: 'Fine' })).ok).toBe(
      true,
    );
    // The zone (2) and Settings (3), read the tab, write the row, flush before the lock is released.
    expect(ownDocumentCalls(h)).toBeLessThanOrEqual(8);
  });

  test('a roster made by 0.1: CLIENT_PROGRESS cells become native arithmetic, a user formula stays', () => {
    const h = withClient();
    h.call('rpcCreateClient', { ...SAMPLE_CLIENT, name: "O'Brien, Ltd" });
    h.call('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10'));
    const roster = h.sheet('Clients');
    const header = roster.getRange('1:1').getValues()[0] as string[];
    const progress = (n: number) => header.indexOf(`Progress ${n}`) + 1;
    const latest = (n: number) => String.fromCharCode(64 + header.indexOf(`Latest ${n}`) + 1);
    // What 0.1 wrote, per client and metric; and a formula of the user's own in client 2's second slot.
    roster.getRange(2, progress(1)).setFormula(`=CLIENT_PROGRESS('Acme Co'!D9,${latest(1)}2,'Acme Co'!E9)`);
    roster.getRange(2, progress(2)).setFormula(`=CLIENT_PROGRESS('Acme Co'!D10,${latest(2)}2,'Acme Co'!E10)`);
    roster
      .getRange(3, progress(1))
      .setFormula(`=CLIENT_PROGRESS('O''Brien, Ltd'!D9,${latest(1)}3,'O''Brien, Ltd'!E9)`);
    roster.getRange(3, progress(2)).setFormula('=CLIENT_PROGRESS(30,25,20)');
    h.call('menuSetUpWorkbook');
    expect(roster.getRange(2, progress(1)).getFormula()).toBe(
      progressFormula(`'Acme Co'!D9`, `${latest(1)}2`, `'Acme Co'!E9`),
    );
    expect(roster.getRange(3, progress(1)).getFormula()).toBe(
      progressFormula(`'O''Brien, Ltd'!D9`, `${latest(1)}3`, `'O''Brien, Ltd'!E9`),
    );
    expect(roster.getRange(3, progress(2)).getFormula()).toBe('=CLIENT_PROGRESS(30,25,20)');
    // Revenue 10,000 → 12,000 of the way to 20,000; cost per lead 30 → 27 of the way to 20.
    expect(roster.getRange(2, progress(1)).getValue()).toBeCloseTo(0.2, 12);
    expect(roster.getRange(2, progress(2)).getValue()).toBeCloseTo(0.3, 12);
    expect(h.emu.ui.toasts.at(-1)?.message).toContain('Updated 3 roster Progress cells');
  });
});

describe('New client', () => {
  test('creates the tab and the roster row with live links; constant calls whatever the client count', () => {
    const counts: number[] = [];
    for (const existing of [0, 10]) {
      const h = harness();
      h.call('menuSetUpWorkbook');
      for (let i = 0; i < existing; i++) h.call('rpcCreateClient', { ...SAMPLE_CLIENT, name: `Client ${i}` });
      h.emu.calls.reset();
      const created = h.call<RpcResult>('rpcCreateClient', SAMPLE_CLIENT);
      counts.push(ownDocumentCalls(h));
      expect(created).toMatchObject({
        ok: true,
        value: { name: 'Acme Co', clientId: `C-${String(existing + 1).padStart(4, '0')}` },
      });
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(40);
  });

  test('tab layout, profile as text, roster live link formulas', () => {
    const h = withClient();
    const tab = h.sheet('Acme Co');
    expect(tab.getRange('A1:B2').getValues()).toEqual([
      ['Client', 'Acme Co'],
      ['Client ID', 'C-0001'],
    ]);
    expect(tab.getRange('A8:E8').getValues()[0]).toEqual([
      'Metric',
      'Unit',
      'Direction',
      'Baseline',
      'Target',
    ]);
    expect(tab.getRange('A12:H12').getValues()[0]).toEqual([
      'Week of',
      'Revenue',
      'Cost per lead',
      'Satisfaction (1–10)',
      'Wins',
      'Blockers',
      'Notes',
      'Entered by',
    ]);
    expect(tab.getRange('H3').getFormula()).toMatch(
      /^=IFERROR\(ARRAY_CONSTRAIN\(SORT\(FILTER\(.*'Payments'!A2:A=\$B\$2/,
    );
    const roster = h.sheet('Clients');
    const row = roster.getRange('A2:Z2').getValues()[0];
    expect(row.slice(0, 4)).toEqual(['C-0001', 'Acme Co', 'Active', 'Micromanager']);
    expect(row[9]).toBe(14400); // 12 × (2000 − 800)
    expect(row[10]).toBe(7); // Micromanager cadence from Settings
    const formulas = roster.getRange('A2:Z2').getFormulas()[0];
    expect(formulas[11]).toBe(`=IF(COUNT('Acme Co'!$A$13:$A)=0,"",MAX('Acme Co'!$A$13:$A))`);
    expect(formulas[14]).toBe(progressFormula(`'Acme Co'!$D$9`, `N2`, `'Acme Co'!$E$9`));
    expect(formulas[21]).toContain('SPARKLINE');
    expect(formulas[22]).toBe(`=HYPERLINK("#gid=${tab.getSheetId()}","Acme Co")`);
    expect(row[25]).toBe(tab.getSheetId());
  });

  test.each([
    ['', 'name', /Enter the client's name/],
    ['   ', 'name', /Enter the client's name/],
    ['x'.repeat(101), 'name', /100 characters/],
    ['Acme\nCo', 'name', /line breaks/],
    ['Clients', 'name', /already/],
    ['acme co', 'name', /already/],
    ['Sheet1', 'name', /already a tab called "Sheet1"/],
    [' sheet1 ', 'name', /already a tab called "sheet1"|Sheets would not create a tab called "sheet1"/],
  ])('refuses the name %j with a clear message and writes nothing', (name, field, message) => {
    const h = withClient();
    const before = h.snapshot();
    const result = h.call<RpcResult>('rpcCreateClient', { ...SAMPLE_CLIENT, name });
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining([{ field, message: expect.stringMatching(message) }]),
    );
    expect(h.snapshot()).toEqual(before);
  });

  test('the live links and the tab previews show computed values, as Sheets computes them', () => {
    const h = withClient();
    h.call('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Beta LLC', startDate: '2023-02-01' });
    h.call('rpcSaveCheckIn', checkIn('C-0001', '2024-06-03'));
    h.call(
      'rpcSaveCheckIn',
      checkIn('C-0001', '2024-06-10', { values: { Revenue: '15000', 'Cost per lead': '25' } }),
    );
    h.call('rpcRecordPayment', {
      clientId: 'C-0001',
      due: '2024-06-01',
      paid: '2024-06-03',
      amount: '2000',
      note: '',
    });
    h.call('rpcRecordPayment', { clientId: 'C-0002', due: '2024-06-15', paid: '', amount: '999', note: '' });
    h.call('rpcRecordPayment', { clientId: 'C-0001', due: '2024-07-01', paid: '', amount: '2000', note: '' });
    h.call('rpcLogRequest', {
      clientId: 'C-0001',
      date: '2024-06-05',
      request: 'Extra call',
      decision: 'Open',
      fee: '',
    });

    const roster = h.sheet('Clients');
    // Last check-in, Metric 1, Latest 1, Progress 1 ... Trend, Tab
    expect(roster.getRange('L2:W2').getDisplayValues()[0]).toEqual([
      '6/10/2024',
      'Revenue',
      '15,000',
      '50%',
      'Cost per lead',
      '25',
      '50%',
      '',
      '',
      '',
      '',
      'Acme Co',
    ]);
    expect(roster.getRange('L2').getValue()).toEqual(new Date('2024-06-10T04:00:00Z'));
    // The trend is an image in Sheets: the cell reads blank; its data is the Revenue log, oldest first.
    expect(roster.getRange('V2').getValue()).toBe('');
    expect(h.emu.sparkline('Clients', 'V2')).toEqual([12000, 15000]);
    // A client with no check-in yet: blanks, not errors.
    expect(roster.getRange('L3:N3').getValues()[0]).toEqual(['', 'Revenue', '']);

    // The tab's previews: this client's payments, newest due date first; its requests.
    const tab = h.sheet('Acme Co');
    expect(tab.getRange('H2:I5').getDisplayValues()).toEqual([
      ['Due', 'Paid'],
      ['7/1/2024', ''],
      ['6/1/2024', '6/3/2024'],
      ['', ''],
    ]);
    expect(tab.getRange('J3:J5').getValues()).toEqual([[2000], [2000], ['']]);
    expect(tab.getRange('M3:N3').getValues()[0]).toEqual([new Date('2024-06-05T04:00:00Z'), 'Extra call']);
    expect(h.sheet('Beta LLC').getRange('H3:J3').getValues()[0]).toEqual([
      new Date('2024-06-15T04:00:00Z'),
      '',
      999,
    ]);
    expect(h.sheet('Beta LLC').getRange('M3').getValue()).toBe('No requests yet');

    // No formula the add-on wrote shows an error or hits something the engine does not compute.
    const problems: string[] = [];
    for (const sheet of h.emu.spreadsheet.getSheets()) {
      const range = sheet.getDataRange();
      const values = range.getValues();
      range.getFormulas().forEach((row, i) =>
        row.forEach((formula, j) => {
          if (!formula) return;
          const a1 = sheet.getRange(i + 1, j + 1).getA1Notation();
          const why = h.emu.explain(sheet.getName(), a1);
          if (why !== undefined || /^#/.test(String(values[i][j])))
            problems.push(`${sheet.getName()}!${a1} ${formula}: ${String(values[i][j])} ${why}`);
        }),
      );
    }
    expect(problems).toEqual([]);
  });

  test('a name starting with = + - @ is stored as text, not a formula', () => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    for (const name of ['=SUM(1)', '+Plus', '-Minus', '@At']) {
      expect(h.call<RpcResult>('rpcCreateClient', { ...SAMPLE_CLIENT, name }).ok).toBe(true);
    }
    const roster = h.sheet('Clients');
    expect(
      roster
        .getRange('B2:B5')
        .getValues()
        .map((r) => r[0]),
    ).toEqual(['=SUM(1)', '+Plus', '-Minus', '@At']);
    expect(
      roster
        .getRange('B2:B5')
        .getFormulas()
        .map((r) => r[0]),
    ).toEqual(['', '', '', '']);
    expect(h.sheet('=SUM(1)').getRange('B1').getValue()).toBe('=SUM(1)');
  });

  test('bad numbers and metrics are refused field by field', () => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    const result = h.call<RpcResult>('rpcCreateClient', {
      ...SAMPLE_CLIENT,
      startDate: '2024-13-01',
      monthlyFee: 'lots',
      clientType: 'Grumpy',
      metrics: [{ name: 'Revenue', unit: '', direction: 'sideways', baseline: '5', target: '5' }],
    });
    expect(result.ok).toBe(false);
    expect(result.errors?.map((e) => e.field).sort()).toEqual(
      ['clientType', 'metrics.0.direction', 'metrics.0.target', 'monthlyFee', 'startDate'].sort(),
    );
    expect(h.emu.spreadsheet.getSheetByName('Acme Co')).toBeNull();
  });
});

describe('issue 9: Set up repairs only its own, and never writes into a tab of the user', () => {
  const column = (h: ReturnType<typeof harness>, label: string) =>
    (h.sheet('Clients').getRange('1:1').getValues()[0] as string[]).indexOf(label) + 1;

  test('#2 a Tab cell holding the user’s formula or note is left as it is; a renamed tab’s link is mended', () => {
    const h = withClient();
    h.call('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Beta' });
    const roster = h.sheet('Clients');
    const tab = column(h, 'Tab');
    roster.getRange(2, tab).setFormula('="u40"');
    roster.getRange(4, tab).setNumberFormat('@');
    roster.getRange(4, tab).setValue('my note'); // a row of the user's own, below the clients
    h.sheet('Beta').setName('Beta Ltd');
    h.call('menuSetUpWorkbook');
    expect(roster.getRange(2, tab).getFormula()).toBe('="u40"');
    expect(roster.getRange(3, tab).getFormula()).toMatch(/^=HYPERLINK\("#gid=\d+","Beta Ltd"\)$/);
    expect(roster.getRange(4, tab).getValue()).toBe('my note');
    expect(roster.getRange(4, tab).getFormula()).toBe('');
  });

  test.each([
    ['Sheet1 renamed to Settings', (h: ReturnType<typeof harness>) => h.sheet('Sheet1').setName('Settings')],
    [
      'the names of Settings and a user tab swapped',
      (h: ReturnType<typeof harness>) => {
        h.call('menuSetUpWorkbook');
        h.sheet('Settings').setName('Old settings');
        h.sheet('Sheet1').setName('Settings');
      },
    ],
  ])('#3 %s, with rows of the user: refused with a message, nothing written', (_, arrange) => {
    const h = harness();
    h.sheet('Sheet1')
      .getRange('A1:B3')
      .setValues([
        ['Rent', 1200],
        ['Phone', 40],
        ['Gym', 35],
      ]);
    arrange(h);
    const before = h.snapshot();
    const names = h.emu.spreadsheet.getSheets().map((s) => s.getName());
    h.emu.ui.respond({ button: 'OK' });
    h.call('menuSetUpWorkbook');
    expect(h.snapshot()).toEqual(before);
    expect(h.emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(names);
    expect(h.emu.ui.alerts.at(-1)?.prompt).toMatch(/"Settings".*rename/i);
  });
});

describe('issue 12: Set up brings a 0.1 workbook up to the advice columns and settings', () => {
  test('weights keep their scale, the roster gets its health formulas, and Settings’ weights drive Health', () => {
    const h = withClient();
    h.call('rpcSaveCheckIn', checkIn('C-0001', '2024-05-20'));
    // Back to 0.1: no advice columns, no Rates, three weights 0.4/0.3/0.3, none of the new settings.
    const roster = h.sheet('Clients');
    const header = () => roster.getRange(1, 1, 1, roster.getLastColumn()).getValues()[0] as string[];
    const firstAdvice = header().indexOf('Hours per month') + 1;
    roster.deleteColumns(firstAdvice, roster.getMaxColumns() - firstAdvice + 1);
    h.emu.spreadsheet.deleteSheet(h.sheet('Rates'));
    const settings = h.sheet('Settings');
    const labels = () =>
      settings
        .getDataRange()
        .getValues()
        .map((row) => row[0] as string);
    const firstNew = labels().indexOf('Health weight: late payments') + 1;
    settings.deleteRows(firstNew, labels().length - firstNew + 1);
    const weightsAt = labels().indexOf('Health weight: check-ins') + 1;
    settings.getRange(weightsAt, 2, 3, 1).setValues([[0.4], [0.3], [0.3]]);

    h.call('menuSetUpWorkbook');
    const rows = settings.getDataRange().getValues();
    const value = (label: string) => rows.find((row) => row[0] === label)?.[1];
    expect([0.4, 0.3, 0.3]).toEqual(
      ['check-ins', 'satisfaction', 'progress'].map((s) => value(`Health weight: ${s}`)),
    );
    // 10 of 80 of the existing total (1.0) each: the defaults' share, on the workbook's own scale.
    expect(value('Health weight: late payments')).toBe(0.125);
    expect(value('Health weight: open requests')).toBe(0.125);
    expect(value('Rate floor (per hour)')).toBe(50);
    expect(h.sheet('Rates').getRange('A1:E1').getValues()[0]).toEqual([
      'Client ID',
      'Client',
      'From',
      'Monthly fee',
      'Note',
    ]);
    const at = (label: string) => roster.getRange(2, header().indexOf(label) + 1);
    expect(roster.getRange(1, header().indexOf('Health') + 1).getFormula()).toMatch(
      /^=\{"Health";CLIENT_HEALTH\(/,
    );
    expect(at('Late payments (12 months)').getFormula()).toMatch(/^=COUNTIFS\('Payments'!/);
    // The old row has no satisfaction links (they need its tab): that signal has no data and is left out.
    // (0.4 × 0 [23 days on a 7-day cadence] + 0.3 × 0.2 + 0.125 × 1 + 0.125 × 1) / 0.95 = 33.
    expect(at('Health drivers').getValue()).toBe(
      'Red 33 (4 of 5 signals): 3 weeks without a check-in; 20% of the way to target',
    );
    const before = at('Health').getValue() as number;

    // Settings' weights are the roster's: all the weight on open requests (none) makes the client green.
    settings.getRange(weightsAt, 2, 3, 1).setValues([[0], [0], [0]]);
    settings.getRange(labels().indexOf('Health weight: late payments') + 1, 2).setValue(0);
    expect(at('Health').getValue()).toBe(100);
    expect(before).toBe(33);

    // Run again: nothing more to add, nothing changes.
    const again = h.snapshot();
    h.call('menuSetUpWorkbook');
    expect(h.snapshot()).toEqual(again);
  });
});
