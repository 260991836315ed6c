/** A1 and header helpers of src/core/layout.ts. */
import {
  absoluteA1,
  columnLetter,
  findHeaderRow,
  quoteSheetName,
  refersToSheet,
} from '../../src/core/layout';

describe('layout helpers', () => {
  test('header rows by label, letters, quoted names', () => {
    expect(findHeaderRow([['x'], ['Week of', 'Revenue']], ['week of'])?.row).toBe(1);
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(28)).toBe('AB');
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
  });
});

describe('refersToSheet: a formula into a tab, quoted as we write it or bare as Sheets may rewrite it', () => {
  test.each([
    ['=IFERROR(\'Ann\'!$B$13,"")', 'Ann', true],
    ['=IFERROR(Ann!$B$13,"")', 'Ann', true],
    ['=SUM({Ann!$B$13:$B,Ann!$C$13:$C})', 'Ann', true],
    ["='Bob''s'!A1", "Bob's", true],
    ['=Bob!A1', "Bob's", false],
    ['=Anna!A1', 'Ann', false],
    ['=Joann!A1', 'Ann', false],
    ["='Ann log'!A1", 'Ann', false],
    ['="Ann!"', 'Ann', false],
    ['="\'Ann\'!"&B2', 'Ann', false],
    ['=1+1', 'Ann', false],
  ])('%s into %j: %s', (formula, name, expected) => {
    expect(refersToSheet(formula, name)).toBe(expected);
  });
});

describe('absoluteA1', () => {
  test('fixes columns and rows of cells, open-ended column ranges and row ranges', () => {
    expect(absoluteA1('B12')).toBe('$B$12');
    expect(absoluteA1('A13:A')).toBe('$A$13:$A');
    expect(absoluteA1('C5:5')).toBe('$C$5:$5');
    expect(absoluteA1('AB2:AB9')).toBe('$AB$2:$AB$9');
  });
  test('a reference already fixed stays as it is', () => {
    expect(absoluteA1('$B$12')).toBe('$B$12');
    expect(absoluteA1('$A13:A')).toBe('$A$13:$A');
  });
});
