/** Range.sort (dev/emulator/spreadsheet/range-sort.ts): the Apps Script reference's spec forms, rows moving whole. */
import { createEmulator } from '../../dev/emulator';

function sheet() {
  const emu = createEmulator();
  const s = emu.spreadsheet.getSheetByName('Sheet1')!;
  s.getRange('A1:C1').setValues([['Name', 'Score', 'Note']]);
  s.getRange('A2:C5').setValues([
    ['bob', 3, 'b'],
    ['Ann', 10, ''],
    ['cid', '', 'c'],
    ['dee', 3, 'd'],
  ]);
  return { emu, s };
}

describe('Range.sort', () => {
  test('a column number sorts ascending; the header row outside the range stays put', () => {
    const { s } = sheet();
    const range = s.getRange('A2:C5');
    expect(range.sort(2)).toBe(range);
    expect(s.getRange('A1:A5').getValues().flat()).toEqual(['Name', 'bob', 'dee', 'Ann', 'cid']);
  });

  test('{column, ascending: false} sorts descending, blanks still last, ties in their old order', () => {
    const { s } = sheet();
    s.getRange('A2:C5').sort({ column: 2, ascending: false });
    expect(s.getRange('A2:B5').getValues()).toEqual([
      ['Ann', 10],
      ['bob', 3],
      ['dee', 3],
      ['cid', ''],
    ]);
  });

  test('text sorts without case; an array breaks ties with the next spec', () => {
    const { s } = sheet();
    s.getRange('A2:C5').sort({ column: 1 });
    expect(s.getRange('A2:A5').getValues().flat()).toEqual(['Ann', 'bob', 'cid', 'dee']);
    s.getRange('A2:C5').sort([
      { column: 2, ascending: true },
      { column: 1, ascending: false },
    ]);
    expect(s.getRange('A2:A5').getValues().flat()).toEqual(['dee', 'bob', 'Ann', 'cid']);
  });

  test('column numbers count from column A of the sheet, not of the range', () => {
    const { s } = sheet();
    s.getRange('B2:C5').sort(3);
    // Only B:C moved: column A keeps its order.
    expect(s.getRange('A2:C5').getValues()).toEqual([
      ['bob', 3, 'b'],
      ['Ann', '', 'c'],
      ['cid', 3, 'd'],
      ['dee', 10, ''],
    ]);
  });

  test('whole rows move: formulas (their own-row references too), formats and notes', () => {
    const { s } = sheet();
    s.getRange('D2:D5').setFormulas([['=B2*2'], ['=B3*2'], ['=B4*2'], ['=B5*2']]);
    s.getRange('B3').setNumberFormat('0.00').setNote('best');
    s.getRange('A2:D5').sort({ column: 2, ascending: false });
    expect(s.getRange('A2').getValue()).toBe('Ann');
    expect(s.getRange('B2').getNumberFormat()).toBe('0.00');
    expect(s.getRange('B2').getNote()).toBe('best');
    expect(s.getRange('B3').getNote()).toBe('');
    expect(s.getRange('D2:D5').getFormulas().flat()).toEqual(['=B2*2', '=B3*2', '=B4*2', '=B5*2']);
    expect(s.getRange('D2:D5').getValues().flat()).toEqual([20, 6, 6, 0]);
  });

  test('a column outside the range or a malformed spec throws and moves nothing', () => {
    const { s } = sheet();
    const before = s.getRange('A1:C5').getValues();
    expect(() => s.getRange('A2:C5').sort(4)).toThrow('column 4 is outside the range');
    expect(() => s.getRange('B2:C5').sort(1)).toThrow('column 1 is outside the range');
    expect(() => s.getRange('A2:C5').sort({ ascending: false })).toThrow(
      'a column number or {column, ascending}',
    );
    expect(() => s.getRange('A2:C5').sort([])).toThrow('empty');
    expect(s.getRange('A1:C5').getValues()).toEqual(before);
  });

  test('formulas elsewhere that read the sorted cells see the new order', () => {
    const { s } = sheet();
    s.getRange('F1').setFormula('=A2');
    expect(s.getRange('F1').getValue()).toBe('bob');
    s.getRange('A2:C5').sort(1);
    expect(s.getRange('F1').getFormula()).toBe('=A2');
    expect(s.getRange('F1').getValue()).toBe('Ann');
  });
});
