/**
 * A1 notation, as Sheets and Apps Script read it.
 *
 *   'A1', 'A1:C3', '$A$1', 'B2:B' (open-ended: to the last row), 'A:A' (whole column),
 *   '2:5' (whole rows), "'Acme Co'!A2:F" (quoted sheet name, '' escapes a quote), 'Sheet1!A1'.
 *
 * Rows and columns are 1-based. A missing bound is `null` and means "to the edge of the grid".
 */

export interface A1Ref {
  sheetName: string | null;
  /** null: the range starts at row 1 (a whole-column range like 'A:C'). */
  startRow: number | null;
  /** null: the range starts at column 1 (a whole-row range like '2:5'). */
  startCol: number | null;
  /** null: open-ended, down to the sheet's last row ('B2:B', 'A:A'). */
  endRow: number | null;
  /** null: open-ended, to the sheet's last column ('2:5', 'A2:2'). */
  endCol: number | null;
}

export interface GridRange {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

const MAX_COLUMN = 18278; // ZZZ

export function columnToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Quote a sheet name for use in A1 notation when Sheets would ("Acme Co" -> "'Acme Co'"). */
export function quoteSheetName(name: string): string {
  if (
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name)
  )
    return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** Split "'Acme Co'!A2:F" into the sheet name and the range part. Returns null when malformed. */
export function splitSheetName(input: string): { sheetName: string | null; rest: string } | null {
  const s = input.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = '';
    for (;;) {
      if (i >= s.length) return null;
      const ch = s[i];
      if (ch === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    if (s[i + 1] !== '!') return null;
    return { sheetName: name, rest: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf('!');
  if (bang === -1) return { sheetName: null, rest: s };
  const name = s.slice(0, bang);
  if (!name) return null;
  return { sheetName: name, rest: s.slice(bang + 1) };
}

const PART = /^\$?([A-Za-z]{1,3})?\$?([0-9]+)?$/;

interface Part {
  col: number | null;
  row: number | null;
}

function parsePart(p: string): Part | null {
  const m = PART.exec(p);
  if (!m || (!m[1] && !m[2])) return null;
  const col = m[1] ? lettersToColumn(m[1]) : null;
  const row = m[2] ? Number(m[2]) : null;
  if (row !== null && row < 1) return null;
  if (col !== null && col > MAX_COLUMN) return null;
  return { col, row };
}

/** Parse A1 notation. Returns null when it is not valid A1 notation. */
export function parseA1(input: string): A1Ref | null {
  const split = splitSheetName(input);
  if (!split) return null;
  const rest = split.rest.trim();
  if (!rest) return null;
  const pieces = rest.split(':');
  if (pieces.length > 2) return null;
  const a = parsePart(pieces[0]);
  if (!a) return null;
  if (pieces.length === 1) {
    // A single part must be a cell ('A1'); 'A' or '5' alone is not a range.
    if (a.col === null || a.row === null) return null;
    return { sheetName: split.sheetName, startRow: a.row, startCol: a.col, endRow: a.row, endCol: a.col };
  }
  const b = parsePart(pieces[1]);
  if (!b) return null;
  // 'A:B' columns, '2:5' rows, 'A1:C3' cells, 'B2:B' open rows, 'A2:2' open columns.
  if (a.row === null && a.col !== null) {
    // starts with a bare column: only 'A:B' (or 'A:B5' which Sheets reads as A1:B5)
    if (b.col === null) return null;
    return norm(split.sheetName, null, a.col, b.row, b.col);
  }
  if (a.col === null && a.row !== null) {
    if (b.col !== null && b.row === null) return null;
    return norm(split.sheetName, a.row, null, b.row, b.col);
  }
  return norm(split.sheetName, a.row, a.col, b.row, b.col);
}

function norm(
  sheetName: string | null,
  r1: number | null,
  c1: number | null,
  r2: number | null,
  c2: number | null,
): A1Ref {
  let startRow = r1;
  let endRow = r2;
  let startCol = c1;
  let endCol = c2;
  if (startRow !== null && endRow !== null && endRow < startRow) [startRow, endRow] = [endRow, startRow];
  if (startCol !== null && endCol !== null && endCol < startCol) [startCol, endCol] = [endCol, startCol];
  return { sheetName, startRow, startCol, endRow, endCol };
}

/** Resolve open bounds against the grid size. */
export function resolveA1(ref: A1Ref, maxRows: number, maxCols: number): GridRange {
  const row = ref.startRow ?? 1;
  const col = ref.startCol ?? 1;
  const endRow = ref.endRow ?? maxRows;
  const endCol = ref.endCol ?? maxCols;
  return {
    row,
    col,
    numRows: Math.max(endRow - row + 1, 1),
    numCols: Math.max(endCol - col + 1, 1),
  };
}

/** 'A1' for one cell, 'A1:C3' otherwise (what Range.getA1Notation returns). */
export function formatA1(row: number, col: number, numRows = 1, numCols = 1): string {
  const a = columnToLetters(col) + row;
  if (numRows === 1 && numCols === 1) return a;
  return `${a}:${columnToLetters(col + numCols - 1)}${row + numRows - 1}`;
}
