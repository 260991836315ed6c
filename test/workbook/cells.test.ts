/**
 * Text a user typed reads as typed whatever the column's number format (src/workbook/cells.ts): in a
 * column the user formatted as plain text ("@") no escaping apostrophe may show, and elsewhere no text
 * may turn into a formula, a number or a date.
 */
import { checkIn, harness, SAMPLE_CLIENT, type Harness } from './helpers';

type R = { ok: boolean; value?: Record<string, unknown>; message?: string };

/** The cell of `sheet` under header `label` (header row 1 unless given) on 1-based `row`. */
function at(h: Harness, sheet: string, label: string, row: number, headerRow = 1) {
  const header = h.sheet(sheet).getRange(`${headerRow}:${headerRow}`).getValues()[0] as string[];
  const column = header.indexOf(label);
  if (column < 0) throw new Error(`no ${label} in ${sheet}`);
  return h.sheet(sheet).getRange(row, column + 1);
}

/** Formats the whole column under `label` as plain text, as a user does with Format > Number > Plain text. */
function plainText(h: Harness, sheet: string, label: string, headerRow = 1): void {
  const column = at(h, sheet, label, 1, headerRow).getColumn();
  const rows = h.sheet(sheet).getMaxRows() - headerRow;
  h.sheet(sheet)
    .getRange(headerRow + 1, column, rows, 1)
    .setNumberFormat('@');
}

const TYPED = ['=SUM(A1) 30', '007', '+1 client', '3/4', 'TRUE', "'quoted", 'plain words'];

describe.each(['@', 'General'])('issue 9 #7: text reads as typed in a column formatted %s', (format) => {
  test.each(TYPED)('%s', (typed) => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    if (format === '@') {
      for (const label of ['Client', 'Program']) plainText(h, 'Clients', label);
      plainText(h, 'Payments', 'Note');
      plainText(h, 'Requests', 'Request');
    }
    const name = `${typed} x`; // a tab name, so never only a quote mark
    expect(h.call<R>('rpcCreateClient', { ...SAMPLE_CLIENT, name, program: typed }).ok).toBe(true);
    if (format === '@') for (const label of ['Wins', 'Notes', 'Entered by']) plainText(h, name, label, 12);
    expect(
      h.call<R>('rpcSaveCheckIn', {
        ...checkIn('C-0001', '2024-06-03'),
        wins: typed,
        notes: typed,
        enteredBy: typed,
      }).ok,
    ).toBe(true);
    expect(
      h.call<R>('rpcRecordPayment', {
        clientId: 'C-0001',
        due: '2024-06-01',
        paid: '',
        amount: '10',
        note: typed,
      }).ok,
    ).toBe(true);
    expect(
      h.call<R>('rpcLogRequest', {
        clientId: 'C-0001',
        date: '2024-06-05',
        request: typed,
        decision: 'Open',
        fee: '',
      }).ok,
    ).toBe(true);
    const cells = [
      at(h, 'Clients', 'Client', 2),
      at(h, 'Clients', 'Program', 2),
      at(h, 'Payments', 'Note', 2),
      at(h, 'Requests', 'Request', 2),
      at(h, name, 'Wins', 13, 12),
      at(h, name, 'Notes', 13, 12),
      at(h, name, 'Entered by', 13, 12),
    ];
    const expected = [name, typed, typed, typed, typed, typed, typed];
    expect(cells.map((c) => c.getDisplayValue())).toEqual(expected);
    expect(cells.map((c) => c.getValue())).toEqual(expected);
    expect(cells.map((c) => c.getFormula())).toEqual(expected.map(() => ''));
  });
});

test('issue 9 #7: the needs-attention list reads as typed in columns the user formatted as plain text', () => {
  const h = harness();
  h.call('menuSetUpWorkbook');
  expect(h.call<R>('rpcCreateClient', { ...SAMPLE_CLIENT, name: '=SUM(A1) 30' }).ok).toBe(true);
  for (const label of ['Client', 'Detail', 'Client ID']) plainText(h, 'Dashboard', label, 2);
  h.call('menuRefreshDashboard');
  const cells = ['Client', 'Client ID'].map((label) => at(h, 'Dashboard', label, 3, 2));
  expect(cells.map((c) => c.getDisplayValue())).toEqual(['=SUM(A1) 30', 'C-0001']);
  expect(cells.map((c) => c.getFormula())).toEqual(['', '']);
  expect(at(h, 'Dashboard', 'Detail', 3, 2).getDisplayValue()).not.toMatch(/^'/);
});
