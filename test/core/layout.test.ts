import { columnLetter, findHeaderRow, quoteSheetName } from '../../src/core/layout';

describe('layout helpers', () => {
  test('header rows by label, letters, quoted names', () => {
    expect(findHeaderRow([['x'], ['Week of', 'Revenue']], ['week of'])?.row).toBe(1);
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(28)).toBe('AB');
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
  });
});
