import {
  columnToLetters,
  formatA1,
  lettersToColumn,
  parseA1,
  quoteSheetName,
  resolveA1,
} from '../../dev/emulator/a1';

describe('A1 notation', () => {
  it('parses cells and ranges, with $ markers', () => {
    expect(parseA1('A1')).toEqual({ sheetName: null, startRow: 1, startCol: 1, endRow: 1, endCol: 1 });
    expect(parseA1('$B$2:c3')).toEqual({ sheetName: null, startRow: 2, startCol: 2, endRow: 3, endCol: 3 });
    expect(parseA1('C3:A1')).toEqual({ sheetName: null, startRow: 1, startCol: 1, endRow: 3, endCol: 3 });
  });

  it('parses open-ended ranges, whole columns and whole rows', () => {
    expect(parseA1('B2:B')).toEqual({ sheetName: null, startRow: 2, startCol: 2, endRow: null, endCol: 2 });
    expect(parseA1('A:C')).toEqual({ sheetName: null, startRow: null, startCol: 1, endRow: null, endCol: 3 });
    expect(parseA1('2:5')).toEqual({ sheetName: null, startRow: 2, startCol: null, endRow: 5, endCol: null });
    expect(resolveA1(parseA1('B2:B')!, 1000, 26)).toEqual({ row: 2, col: 2, numRows: 999, numCols: 1 });
    expect(resolveA1(parseA1('2:5')!, 1000, 26)).toEqual({ row: 2, col: 1, numRows: 4, numCols: 26 });
  });

  it('parses sheet names, quoted with escaped quotes or bare', () => {
    expect(parseA1("'Acme Co'!A2:F")).toEqual({
      sheetName: 'Acme Co',
      startRow: 2,
      startCol: 1,
      endRow: null,
      endCol: 6,
    });
    expect(parseA1("'O''Brien'!A1")!.sheetName).toBe("O'Brien");
    expect(parseA1('Sheet1!A1')!.sheetName).toBe('Sheet1');
  });

  it('rejects malformed input', () => {
    for (const bad of ['', 'A', '5', 'A1:', '1A', "'Open!A1", 'A1:B2:C3', 'A0'])
      expect(parseA1(bad)).toBeNull();
  });

  it('formats and converts columns', () => {
    expect(columnToLetters(1)).toBe('A');
    expect(columnToLetters(27)).toBe('AA');
    expect(lettersToColumn('AZ')).toBe(52);
    expect(formatA1(2, 3)).toBe('C2');
    expect(formatA1(2, 3, 4, 2)).toBe('C2:D5');
    expect(quoteSheetName('Acme Co')).toBe("'Acme Co'");
    expect(quoteSheetName("O'Brien")).toBe("'O''Brien'");
    expect(quoteSheetName('Clients')).toBe('Clients');
    expect(quoteSheetName('A1')).toBe("'A1'");
  });

  it('Sheet.getRange accepts the same notations', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createEmulator } = require('../../dev/emulator') as typeof import('../../dev/emulator');
    const emu = createEmulator();
    const sh = emu.spreadsheet.insertSheet('Acme Co');
    expect(sh.getRange('B2:B').getA1Notation()).toBe('B2:B1000');
    expect(emu.spreadsheet.getRange("'Acme Co'!A2:F").getSheet().getName()).toBe('Acme Co');
    expect(emu.spreadsheet.getRange("'Acme Co'!A2:F").getNumColumns()).toBe(6);
    expect(() => emu.spreadsheet.getRange("'Missing'!A1")).toThrow('Range not found');
  });
});
