import { createEmulator } from '../../dev/emulator';

const CODE =
  `function CLIENT_SUM(r) { var s = 0; (Array.isArray(r) ? r : [[r]]).forEach(function ` +
  `(row) { row.forEach(function (v) { if (typeof v === 'number') s += v; }); }); return s; }`;

function setup() {
  const emu = createEmulator();
  emu.loadBundle(CODE);
  const ss = emu.spreadsheet;
  const acme = ss.insertSheet('Acme Co');
  const roster = ss.getSheetByName('Sheet1')!;
  return { emu, ss, acme, roster };
}

describe('inserting and deleting rows and columns', () => {
  it('shifts cells and adjusts same-sheet and cross-sheet references', () => {
    const { acme, roster } = setup();
    acme.getRange('B2:B4').setValues([[10], [20], [30]]);
    acme.getRange('D1').setFormula('=CLIENT_SUM(B2:B4)');
    roster.getRange('A1').setFormula("=CLIENT_SUM('Acme Co'!B4)");
    roster.getRange('A2').setFormula("=CLIENT_SUM('Acme Co'!B2:B)");
    roster.getRange('A3').setFormula("=CLIENT_SUM('Acme Co'!$B$3)");
    expect(roster.getRange('A1:A3').getValues()).toEqual([[30], [60], [20]]);

    acme.insertRowsBefore(3, 2); // rows 3.. move down by 2
    expect(acme.getRange('B2:B6').getValues()).toEqual([[10], [''], [''], [20], [30]]);
    expect(acme.getRange('D1').getFormula()).toBe('=CLIENT_SUM(B2:B6)');
    expect(roster.getRange('A1:A3').getFormulas()).toEqual([
      ["=CLIENT_SUM('Acme Co'!B6)"],
      ["=CLIENT_SUM('Acme Co'!B2:B)"],
      ["=CLIENT_SUM('Acme Co'!$B$5)"],
    ]);
    expect(acme.getMaxRows()).toBe(1002);
    acme.getRange('B3').setValue(5);
    expect(acme.getRange('D1').getValue()).toBe(65);
    expect(roster.getRange('A1:A3').getValues()).toEqual([[30], [65], [20]]);
  });

  it('insertRowsAfter and columns shift too', () => {
    const { acme, roster } = setup();
    acme.getRange('B2').setValue(7);
    roster.getRange('A1').setFormula("=CLIENT_SUM('Acme Co'!B2)");
    acme.insertRowsAfter(1, 1);
    acme.insertColumnsBefore(1, 2);
    expect(acme.getRange('D3').getValue()).toBe(7);
    expect(roster.getRange('A1').getFormula()).toBe("=CLIENT_SUM('Acme Co'!D3)");
    expect(roster.getRange('A1').getValue()).toBe(7);
    expect(acme.getMaxColumns()).toBe(28);
  });

  it('deleting shrinks ranges and turns deleted references into #REF!', () => {
    const { emu, acme, roster } = setup();
    acme.getRange('B2:B5').setValues([[1], [2], [3], [4]]);
    roster.getRange('A1').setFormula("=CLIENT_SUM('Acme Co'!B2:B5)");
    roster.getRange('A2').setFormula("=CLIENT_SUM('Acme Co'!B3)");
    roster.getRange('A3').setFormula("=CLIENT_SUM('Acme Co'!B5)");
    acme.deleteRows(3, 2);
    expect(acme.getRange('B2:B3').getValues()).toEqual([[1], [4]]);
    expect(roster.getRange('A1:A3').getFormulas()).toEqual([
      ["=CLIENT_SUM('Acme Co'!B2:B3)"],
      ["=CLIENT_SUM('Acme Co'!#REF!)"],
      ["=CLIENT_SUM('Acme Co'!B3)"],
    ]);
    expect(roster.getRange('A1:A3').getValues()).toEqual([[5], ['#REF!'], [4]]);
    expect(emu.explain('Sheet1', 'A2')).toBe('Reference does not exist.');
    acme.deleteColumn(1);
    expect(roster.getRange('A1').getFormula()).toBe("=CLIENT_SUM('Acme Co'!A2:A3)");
  });

  it('rejects out-of-bounds and delete-everything', () => {
    const { acme } = setup();
    expect(() => acme.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
    expect(() => acme.deleteRows(1, 1000)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(() => acme.deleteColumns(1, 26)).toThrow(
      'Sorry, it is not possible to delete all non-frozen columns.',
    );
  });

  it('inserted rows take the formatting and validation of their neighbour', () => {
    const { emu, acme } = setup();
    const rule = app(emu).newDataValidation().requireValueInList(['Yes', 'No']).build();
    acme.getRange('A2:B2').setNumberFormat('0.00').setDataValidation(rule);
    acme.insertRowsAfter(2, 1);
    expect(acme.getRange('A3').getNumberFormat()).toBe('0.00');
    expect(acme.getRange('B3').getDataValidation()!.getCriteriaValues()[0]).toEqual(['Yes', 'No']);
  });

  it('named ranges and protections move with inserted rows', () => {
    const { ss, acme } = setup();
    ss.setNamedRange('Fees', acme.getRange('C2:C4'));
    const p = acme.getRange('A5:B6').protect().setDescription('log');
    acme.insertRowsBefore(1, 1);
    expect(ss.getRangeByName('Fees')!.getA1Notation()).toBe('C3:C5');
    expect(p.getRange().getA1Notation()).toBe('A6:B7');
  });
});

function app(emu: ReturnType<typeof createEmulator>) {
  return (emu.globals() as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp }).SpreadsheetApp;
}

describe('sheets', () => {
  it('insertSheet / setName reject duplicates (case-insensitive) with the Apps Script message', () => {
    const { ss, acme } = setup();
    expect(() => ss.insertSheet('acme co')).toThrow(
      'A sheet with the name "acme co" already exists. Please enter another name.',
    );
    expect(() => ss.getSheetByName('Sheet1')!.setName('Acme Co')).toThrow(
      'A sheet with the name "Acme Co" already exists. Please enter another name.',
    );
    expect(() => acme.setName('')).toThrow();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Acme Co']);
    expect(acme.getIndex()).toBe(2);
    expect(ss.getActiveSheet().getName()).toBe('Acme Co');
  });

  it('renaming rewrites references; deleting turns them into #REF!', () => {
    const { ss, acme, roster } = setup();
    acme.getRange('A1').setValue(3);
    roster.getRange('A1').setFormula("=CLIENT_SUM('Acme Co'!A1)");
    acme.setName('Acme, Inc');
    expect(roster.getRange('A1').getFormula()).toBe("=CLIENT_SUM('Acme, Inc'!A1)");
    expect(roster.getRange('A1').getValue()).toBe(3);
    expect(ss.getSheetByName('acme, inc')!.getSheetId()).toBe(acme.getSheetId());
    ss.deleteSheet(acme);
    expect(roster.getRange('A1').getFormula()).toBe("=CLIENT_SUM('Acme, Inc'!#REF!)");
    expect(roster.getRange('A1').getValue()).toBe('#REF!');
    expect(() => ss.deleteSheet(roster)).toThrow("You can't remove all the sheets in a document.");
  });

  it('getSheetId is stable, insertSheet(name, index) places the sheet', () => {
    const { ss } = setup();
    expect(ss.getSheetByName('Sheet1')!.getSheetId()).toBe(0);
    const first = ss.insertSheet('First', 0);
    expect(ss.getSheets()[0].getName()).toBe('First');
    expect(ss.getSheetById(first.getSheetId())!.getName()).toBe('First');
    ss.setActiveSheet(ss.getSheetByName('Sheet1')!);
    ss.moveActiveSheet(1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'First', 'Acme Co']);
  });
});

describe("Sheets' 10-million-cell cap (every cell of every sheet, empty ones included)", () => {
  const MESSAGE =
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
  it('refuses inserts and new sheets past it, and changes nothing', () => {
    const emu = createEmulator();
    const ss = emu.spreadsheet;
    const sheet = ss.getSheets()[0];
    sheet.getRange('A1').setValue('kept');
    sheet.insertColumnsAfter(26, 9974); // 1,000 rows x 10,000 columns: exactly the cap
    expect(sheet.getMaxColumns()).toBe(10_000);
    expect(() => sheet.insertRowsAfter(1, 1)).toThrow(MESSAGE);
    expect(() => sheet.insertColumnBefore(1)).toThrow(MESSAGE);
    expect(() => ss.insertSheet('One more')).toThrow(MESSAGE);
    expect(() => sheet.appendRow(['x'])).not.toThrow(); // row 2 exists: nothing grows
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), ss.getNumSheets()]).toEqual([1000, 10_000, 1]);
    expect(sheet.getRange('A1').getValue()).toBe('kept');
    sheet.deleteColumns(1001, 9000); // 1,000 x 1,000 left
    expect(ss.insertSheet('Fits').getMaxRows()).toBe(1000);
  });

  it('counts a row appendRow adds past the last one', () => {
    const emu = createEmulator();
    const sheet = emu.spreadsheet.getSheets()[0];
    sheet.insertColumnsAfter(26, 9974);
    sheet.getRange(1000, 1).setValue('last row');
    expect(() => sheet.appendRow(['one too many'])).toThrow(MESSAGE);
    expect(sheet.getMaxRows()).toBe(1000);
  });
});
