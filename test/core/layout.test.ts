/** A1 and header helpers of src/core/layout.ts. */
import { absoluteA1, columnLetter, findHeaderRow, quoteSheetName } from '../../src/core/layout';

describe('layout helpers', () => {
  test('header rows by label, letters, quoted names', () => {
    expect(findHeaderRow([['x'], ['Week of', 'Revenue']], ['week of'])?.row).toBe(1);
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(28)).toBe('AB');
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
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
