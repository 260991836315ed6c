/** A value written into a cell as Sheets stores it (strings read as typed), and a formula copied elsewhere. */
import { isDate } from '../dates';
import { rewriteRefs } from '../formula';
import { Cell, SheetModel } from '../model';
import { Runtime } from '../runtime';
import { CellValue, parseUserInput } from '../values';

export function copyValue(v: CellValue): CellValue {
  return isDate(v) ? new Date((v as Date).getTime()) : v;
}

/** Store a value written by a script into a cell, like Sheets does (strings are parsed as typed). */
export function writeInput(rt: Runtime, sheet: SheetModel, r: number, c: number, v: unknown): void {
  const existing = sheet.cell(r, c);
  if (v === null || v === undefined || v === '') {
    if (existing) clearContent(existing);
    return;
  }
  const cell = existing ?? sheet.ensure(r, c);
  clearContent(cell);
  if (typeof v === 'string') {
    const p = parseUserInput(v, rt.wb.locale, rt.wb.timeZone, cell.nf);
    if (p.kind === 'formula') cell.f = p.formula;
    else if (p.kind === 'badFormula') {
      cell.f = p.formula;
      cell.bad = true;
    } else {
      cell.v = p.value;
      if (p.numberFormat && !cell.nf) cell.nf = p.numberFormat;
    }
  } else if (typeof v === 'number' || typeof v === 'boolean') cell.v = v;
  else if (isDate(v)) cell.v = new Date((v as Date).getTime());
  else cell.v = String(v);
}

export function clearContent(cell: Cell): void {
  cell.v = undefined;
  cell.f = undefined;
  cell.bad = undefined;
  cell.cv = undefined;
  cell.why = undefined;
}

/** A formula copied (dr, dc) cells away: relative references move, absolute ones stay. */
export function offsetFormula(f: string, dr: number, dc: number): string {
  if (!dr && !dc) return f;
  return rewriteRefs(f, (ref) => {
    const move = (c: typeof ref.a) => ({
      ...c,
      row: c.row !== null && !c.absRow ? c.row + dr : c.row,
      col: c.col !== null && !c.absCol ? c.col + dc : c.col,
    });
    const a = move(ref.a);
    const b = ref.b ? move(ref.b) : null;
    if ((a.row !== null && a.row < 1) || (a.col !== null && a.col < 1)) return '#REF!';
    if (b && ((b.row !== null && b.row < 1) || (b.col !== null && b.col < 1))) return '#REF!';
    return { sheet: ref.sheet, a, b };
  });
}
