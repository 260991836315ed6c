import { progressFormula } from '../../src/core/progress';
/**
 * What users do to a workbook between our runs: reorder and add columns in the roster and the shared
 * logs, insert rows and columns in a client tab, rename tabs, type next to the dashboard's list. The
 * flows keep writing into the right cells and never into the user's.
 */
import {
  checkIn,
  harness,
  type Harness,
  ownDocumentCalls,
  type RpcResult,
  SAMPLE_CLIENT,
  withClient,
  withCheckIn,
  offboarding,
} from './helpers';

/** Every non-blank cell of `before` is the same value and formula in `after`. */
function expectTypedCellsKept(
  before: { values: unknown[][]; formulas: string[][] },
  after: { values: unknown[][]; formulas: string[][] },
): void {
  before.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== '' || before.formulas[r][c] !== '') {
        expect([r, c, after.values[r]?.[c], after.formulas[r]?.[c]]).toEqual([
          r,
          c,
          value,
          before.formulas[r][c],
        ]);
      }
    }),
  );
}

/** The row of `sheet` as label → value, by the header in row `headerRow`. */
function byLabel(h: Harness, sheet: string, row: number, headerRow = 1): Record<string, unknown> {
  const values = h.sheet(sheet).getDataRange().getValues();
  const header = values[headerRow - 1] as string[];
  return Object.fromEntries(header.map((label, i) => [label, values[row - 1]?.[i]]));
}

describe('a roster and shared logs with columns reordered and columns of the user', () => {
  function reordered(): Harness {
    const h = harness();
    const ss = h.emu.spreadsheet;
    ss.insertSheet('Clients')
      .getRange('A1:F2')
      .setValues([
        ['Client', 'Account manager', 'Status', 'Client ID', 'Start date', 'Monthly fee'],
        ['', 'Priya', '', '', '', ''],
      ]);
    ss.insertSheet('Payments')
      .getRange('A1:G1')
      .setValues([['Amount', 'Client', 'Invoice #', 'Client ID', 'Paid', 'Due', 'Note']]);
    ss.insertSheet('Requests')
      .getRange('A1:G1')
      .setValues([['Decision', 'Client ID', 'Client', 'Ticket', 'Date', 'Request', 'Change-order fee']]);
    h.call('menuSetUpWorkbook');
    return h;
  }

  test('Set up keeps the user order and columns; flows write by label, never into the user column', () => {
    const h = reordered();
    expect(h.sheet('Clients').getRange('A1:F1').getValues()[0]).toEqual([
      'Client',
      'Account manager',
      'Status',
      'Client ID',
      'Start date',
      'Monthly fee',
    ]);
    expect(h.call<RpcResult>('rpcCreateClient', SAMPLE_CLIENT).ok).toBe(true);
    const client = byLabel(h, 'Clients', 3);
    expect(client).toMatchObject({
      Client: 'Acme Co',
      'Account manager': '',
      Status: 'Active',
      'Client ID': 'C-0001',
      'Monthly fee': 2000,
      'Yearly profit': 14400,
    });
    expect(byLabel(h, 'Clients', 2)['Account manager']).toBe('Priya');
    // The Progress formula points at this row's Latest cell, wherever that column now is.
    const header = h.sheet('Clients').getRange('1:1').getValues()[0] as string[];
    const formulas = h.sheet('Clients').getRange('3:3').getFormulas()[0];
    const latestLetter = String.fromCharCode(65 + header.indexOf('Latest 1'));
    expect(formulas[header.indexOf('Progress 1')]).toBe(
      progressFormula(`'Acme Co'!$D$9`, `${latestLetter}3`, `'Acme Co'!$E$9`),
    );

    h.sheet('Payments').getRange('C2').setValue('INV-7'); // theirs, on the row the payment will take
    expect(
      h.call<RpcResult>('rpcRecordPayment', {
        clientId: 'C-0001',
        due: '2024-06-01',
        paid: '',
        amount: '2000',
        note: 'June',
      }),
    ).toMatchObject({ ok: true, value: { row: 3 } });
    expect(byLabel(h, 'Payments', 3)).toMatchObject({
      Amount: 2000,
      Client: 'Acme Co',
      'Invoice #': '',
      'Client ID': 'C-0001',
      Paid: '',
      Note: 'June',
    });
    expect(h.sheet('Payments').getRange('C2').getValue()).toBe('INV-7');

    expect(
      h.call<RpcResult>('rpcLogRequest', {
        clientId: 'C-0001',
        date: '2024-06-05',
        request: 'Logo',
        decision: 'Change order',
        fee: '450',
      }).ok,
    ).toBe(true);
    expect(byLabel(h, 'Requests', 2)).toMatchObject({
      Decision: 'Change order',
      'Client ID': 'C-0001',
      Client: 'Acme Co',
      Ticket: '',
      Request: 'Logo',
      'Change-order fee': 450,
    });

    expect(h.call<RpcResult>('rpcOffboardClient', offboarding()).ok).toBe(true);
    expect(byLabel(h, 'Clients', 3)).toMatchObject({
      Status: 'Serving notice',
      'Why they left': 'Poor fit',
      'Account manager': '',
    });
    // The tab's payment preview filters the Payments columns by their labels, not their positions.
    expect(h.sheet('Acme Co').getRange('H3').getFormula()).toContain(
      `FILTER({'Payments'!F2:F,'Payments'!E2:E,'Payments'!A2:A},'Payments'!D2:D=$B$2)`,
    );
  });

  test('a column the user inserts into the roster after Set up is never written', () => {
    const h = withClient();
    const roster = h.sheet('Clients');
    roster.insertColumnsBefore(3, 1);
    roster.getRange('C1:C2').setValues([['My notes'], ['=1+1']]);
    h.call('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Beta' });
    h.call<RpcResult>('rpcOffboardClient', offboarding());
    expect(roster.getRange('C2:C3').getFormulas()).toEqual([['=1+1'], ['']]);
    expect(roster.getRange('C3').getValue()).toBe('');
    expect(byLabel(h, 'Clients', 3)).toMatchObject({
      Client: 'Beta',
      Status: 'Active',
      'Client ID': 'C-0002',
    });
    expect(byLabel(h, 'Clients', 2)).toMatchObject({ Status: 'Serving notice', 'Why they left': 'Poor fit' });
  });
});

describe('a client tab the user changed', () => {
  test.each([3, 150])('%i rows inserted above the log header: the check-in appends under the log', (rows) => {
    const h = withCheckIn('2024-05-27');
    const tab = h.sheet('Acme Co');
    tab.insertRowsBefore(11, rows);
    tab.getRange('A11').setValue('Notes of mine above the log');
    const before = h.snapshot(['Acme Co'])['Acme Co'];
    const saved = h.call<RpcResult>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10'));
    expect(saved).toMatchObject({ ok: true, value: { row: 14 + rows } });
    expectTypedCellsKept(before, h.snapshot(['Acme Co'])['Acme Co']);
    expect(tab.getRange(14 + rows, 2, 1, 2).getValues()[0]).toEqual([12000, 27]);
    // The same week again is still recognised as a duplicate.
    expect(h.call<RpcResult>('rpcSaveCheckIn', checkIn('C-0001', '2024-05-29')).ok).toBe(false);
  });

  test('a tab renamed by the user: the check-in still finds it, without Set up', () => {
    const h = withCheckIn('2024-05-27');
    h.sheet('Acme Co').setName('Acme (2024)');
    h.emu.spreadsheet.insertSheet('Acme Co'); // someone else's tab now has the old name
    const saved = h.call<RpcResult>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10'));
    expect(saved).toMatchObject({ ok: true, value: { row: 14 } });
    expect(h.sheet('Acme (2024)').getRange('B14').getValue()).toBe(12000);
    expect(h.sheet('Acme Co').getDataRange().getValues()).toEqual([['']]);
    expect(h.call<{ client: { tabName: string } }>('rpcGetCheckInForm', 'C-0001').client.tabName).toBe(
      'Acme (2024)',
    );
  });

  test('a client renamed in the roster: links, check-ins and the client list follow', () => {
    const h = withCheckIn('2024-05-27');
    const roster = h.sheet('Clients');
    roster.getRange('B2').setValue('Acme Corporation');
    const link = roster.getRange('W2').getFormula();
    h.call('menuSetUpWorkbook');
    expect(roster.getRange('W2').getFormula()).toBe(link); // the link goes by the tab's gid: nothing to repair
    expect(link).toBe(`=HYPERLINK("#gid=${h.sheet('Acme Co').getSheetId()}","Acme Co")`);
    expect(h.call<RpcResult>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10')).ok).toBe(true);
    expect(h.call<{ name: string; tabName: string }[]>('rpcListClients')).toMatchObject([
      { name: 'Acme Corporation', tabName: 'Acme Co' },
    ]);
  });

  test('live links are open-ended and follow rows and columns inserted in the tab', () => {
    const h = withCheckIn('2024-05-27');
    const tab = h.sheet('Acme Co');
    tab.insertColumnsBefore(1, 2);
    tab.insertRowsBefore(1, 3);
    const formulas = h.sheet('Clients').getRange('L2:W2').getFormulas()[0];
    expect(formulas[0]).toBe(`=IF(COUNT('Acme Co'!$C$16:$C)=0,"",MAX('Acme Co'!$C$16:$C))`);
    expect(formulas[1]).toBe(`='Acme Co'!$D$15`);
    expect(formulas[2]).toBe(
      `=IFERROR(INDEX(SORT(FILTER({'Acme Co'!$C$16:$C,'Acme Co'!$D$16:$D},'Acme ` +
        `Co'!$C$16:$C<>"",'Acme Co'!$D$16:$D<>""),1,FALSE),1,2),"")`,
    );
    expect(formulas[3]).toBe(progressFormula(`'Acme Co'!$F$12`, `N2`, `'Acme Co'!$G$12`));
    expect(formulas[10]).toContain(`SPARKLINE(SORT(FILTER({'Acme Co'!$C$16:$C,'Acme Co'!$D$16:$D}`);
    // Every range into the log stays open-ended (…16:C, not …16:C1000).
    for (const formula of formulas.filter((f) => f.includes('16:')))
      expect(formula).not.toMatch(/16:[A-Z]+\d/);
    // The metric the roster shows is read live from the shifted header cell.
    expect(h.sheet('Clients').getRange('M2').getValue()).toBe('Revenue');
    // Latest revenue 12,000 from a 10,000 baseline towards 20,000, read through the shifted cells: 0.2.
    expect(h.sheet('Clients').getRange('N2').getValue()).toBe(12000);
    expect(h.sheet('Clients').getRange('O2').getValue()).toBeCloseTo(0.2, 12);
  });

  test('columns inserted beyond the width the index knows: the log still gets every field', () => {
    const h = withCheckIn('2024-05-27');
    const tab = h.sheet('Acme Co');
    tab.insertColumnsAfter(3, 25); // 25 columns of theirs after Cost per lead: Notes moves to column AH
    tab.getRange('D12').setValue('Theirs');
    h.emu.calls.reset();
    const saved = h.call<RpcResult>(
      'rpcSaveCheckIn',
      checkIn('C-0001', '2024-06-10', { wins: 'Signed', notes: 'Keep' }),
    );
    // The zone (2) and Settings (3), read the tab, read it again in full width (it is wider than the index
    // knew), write the two runs, flush before the lock is released.
    expect(ownDocumentCalls(h)).toBeLessThanOrEqual(10);
    expect(saved).toMatchObject({ ok: true, value: { row: 14 } });
    const header = tab.getRange('A12:AK12').getValues()[0] as string[];
    const row = tab.getRange('A14:AK14').getValues()[0];
    expect(row[header.indexOf('Wins')]).toBe('Signed');
    expect(row[header.indexOf('Notes')]).toBe('Keep');
    expect(row[header.indexOf('Theirs')]).toBe('');
    // An index that only knows the old width (and not the rows in use) reads too narrow a range: it
    // notices the log's columns are missing and reads the tab in full instead of dropping the notes.
    const key = 'clienttabs.client.C-0001';
    const stale = JSON.parse(h.emu.properties.document.get(key) as string) as Record<string, unknown>;
    h.emu.properties.document.set(
      key,
      JSON.stringify({ sheetId: stale.sheetId, name: stale.name, width: 26 }),
    );
    const again = h.call<RpcResult>(
      'rpcSaveCheckIn',
      checkIn('C-0001', '2024-06-17', { notes: 'Also kept' }),
    );
    expect(again).toMatchObject({ ok: true, value: { row: 15 } });
    expect(tab.getRange(15, header.indexOf('Notes') + 1).getValue()).toBe('Also kept');
    expect(JSON.parse(h.emu.properties.document.get(key) as string)).toMatchObject({
      width: tab.getMaxColumns(),
    });
  });

  test('a log column the user removed: a value typed for it is refused, not dropped', () => {
    const h = withCheckIn('2024-05-27');
    const tab = h.sheet('Acme Co');
    tab.getRange('G12').setValue('My own notes'); // the Notes header renamed
    const before = h.snapshot();
    const refused = h.call<RpcResult>(
      'rpcSaveCheckIn',
      checkIn('C-0001', '2024-06-10', { notes: 'important' }),
    );
    expect(refused).toMatchObject({
      ok: false,
      errors: [{ field: 'notes', message: expect.stringMatching(/no "Notes" column/) }],
    });
    expect(h.snapshot()).toEqual(before);
    expect(h.call<RpcResult>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10', { notes: '' })).ok).toBe(true);
    expect(tab.getRange('G14').getValue()).toBe('');
  });

  test('a client tab the user deleted: the message says how to get it back, not to run Set up (it cannot)', () => {
    const h = withCheckIn('2024-05-27');
    h.emu.spreadsheet.deleteSheet(h.sheet('Acme Co'));
    h.call('menuSetUpWorkbook');
    const gone =
      'The tab of Acme Co (C-0001) is gone. Bring it back with Edit > Undo or File > Version history; ' +
      'if they are no longer a client, offboard them.';
    expect(() => h.call('rpcGetCheckInForm', 'C-0001')).toThrow(gone);
    expect(() => h.call('rpcGetClientCard', 'C-0001')).toThrow(gone);
    expect(h.call<RpcResult>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10'))).toMatchObject({
      ok: false,
      message: expect.stringContaining(gone),
    });
    // The way out it names works without the tab.
    const offboard = offboarding();
    expect(h.call<RpcResult>('rpcOffboardClient', offboard).ok).toBe(true);
  });
});

describe('the dashboard list and what the user types near it', () => {
  test('Refresh never overwrites a cell the user typed below the list', () => {
    const h = withClient({ name: 'Quiet', startDate: '2024-01-01' });
    h.call('menuRefreshDashboard');
    const dash = h.sheet('Dashboard');
    expect(dash.getRange('D3:E6').getValues()).toEqual([
      ['Quiet', 'Health in the red'],
      ['Quiet', 'Check-in overdue'],
      ['Quiet', 'Program ending soon'],
      ['', ''],
    ]);
    dash.getRange('D6').setValue('call Quiet on Friday'); // right under the list
    for (const name of ['Two', 'Three'])
      h.call('rpcCreateClient', { ...SAMPLE_CLIENT, name, startDate: '2024-01-01' });
    const before = h.snapshot(['Dashboard']);
    h.emu.ui.respond({ button: 'OK' });
    h.call('menuRefreshDashboard');
    expect((h.emu.ui.alerts.at(-1) as { prompt: string }).prompt).toMatch(
      /D6 on the Dashboard has content of yours/,
    );
    expect(h.snapshot(['Dashboard'])).toEqual(before);
    // Moved away, the list grows into the rows.
    dash.getRange('D6').setValue('');
    h.call('menuRefreshDashboard');
    expect(dash.getRange('D3:D11').getValues().flat()).toEqual([
      'Quiet',
      'Three',
      'Two',
      'Quiet',
      'Three',
      'Two',
      'Quiet',
      'Three',
      'Two',
    ]);
  });

  test('Refresh rewrites only the list: every other dashboard cell and formula is kept', () => {
    const h = withClient({ name: 'Quiet', startDate: '2024-01-01' });
    const dash = h.sheet('Dashboard');
    dash.getRange('A30').setValue('my own note');
    const before = h.snapshot(['Dashboard']).Dashboard;
    h.call('menuRefreshDashboard');
    const after = h.snapshot(['Dashboard']).Dashboard;
    before.formulas.forEach((row, r) =>
      row.forEach((formula, c) => {
        const inList = r >= 2 && c >= 3 && c <= 8; // D:I, What to do included
        if (!inList)
          expect([r, c, after.formulas[r][c], after.values[r][c]]).toEqual([
            r,
            c,
            formula,
            before.values[r][c],
          ]);
      }),
    );
    expect(dash.getRange('D3:E3').getValues()[0]).toEqual(['Quiet', 'Health in the red']);
  });
});
