/** SpreadsheetApp, Spreadsheet, Sheet, Range (and NamedRange, Protection) over the model. */
import { formatA1, parseA1, resolveA1 } from './a1';
import {
  ConditionalFormatRuleBuilderImpl,
  ConditionalFormatRuleImpl,
  DataValidationBuilderImpl,
  DataValidationImpl,
  EmbeddedChartBuilderImpl,
  EmbeddedChartImpl,
} from './builders';
import { EmuObject } from './calls';
import { isDate } from './dates';
import * as Enums from './enums';
import { rewriteRefs } from './formula';
import { Cell, overlaps, ProtectionModel, SheetModel, Span, Style } from './model';
import { Runtime } from './runtime';
import { sortSpan } from './sort';
import { UiImpl } from './services';
import { CellValue, displayValue, parseUserInput } from './values';

function fail(message: string): never {
  throw new Error(message);
}

function typeName(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return '';
  if (typeof x === 'number') return 'number';
  if (typeof x === 'string') return 'String';
  if (typeof x === 'boolean') return 'Boolean';
  if (isDate(x)) return 'Date';
  if (Array.isArray(x)) return Array.isArray(x[0]) ? 'Object[][]' : 'Object[]';
  if (x instanceof EmuObject) return (x.constructor as typeof EmuObject).emuClass;
  return 'Object';
}

export function signatureError(args: unknown[], cls: string, method: string): never {
  const types = args.filter((a) => a !== undefined).map(typeName);
  fail(
    `The parameters (${types.join(',')}) don't match the method signature for SpreadsheetApp.${cls}.${method}.`,
  );
}

function copyValue(v: CellValue): CellValue {
  return isDate(v) ? new Date((v as Date).getTime()) : v;
}

/**
 * Sheets' cap: 10 million cells per spreadsheet, every cell of every sheet counted, empty ones too
 * (Google Drive Help, "Files you can store in Google Drive"). The message is the one Apps Script and
 * the Sheets API users report; Google's docs do not print it.
 */
export const CELL_LIMIT = 10_000_000;
/** a sheet insertSheet adds: 1,000 rows by 26 columns (what the model creates) */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;

/** Throws Sheets' message, changing nothing, when `added` more cells would pass the cap. */
function checkCellLimit(rt: Runtime, added: number): void {
  if (added <= 0) return;
  let cells = 0;
  for (const s of rt.wb.sheets) cells += s.maxRows * s.maxCols;
  if (cells + added > CELL_LIMIT)
    fail(
      `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`,
    );
}

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
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

function clearContent(cell: Cell): void {
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

// -----------------------------------------------------------------------------------------------

export class SpreadsheetAppImpl extends EmuObject {
  static emuClass = 'SpreadsheetApp';
  ProtectionType = Enums.ProtectionType;
  DataValidationCriteria = Enums.DataValidationCriteria;
  BorderStyle = Enums.BorderStyle;
  WrapStrategy = Enums.WrapStrategy;
  InterpolationType = Enums.InterpolationType;
  Dimension = Enums.Dimension;
  BooleanCriteria = Enums.BooleanCriteria;
  CopyPasteType = Enums.CopyPasteType;
  SheetType = Enums.SheetType;

  constructor(private rt: Runtime) {
    super();
  }
  getActive() {
    return new SpreadsheetImpl(this.rt);
  }
  getActiveSpreadsheet() {
    return new SpreadsheetImpl(this.rt);
  }
  getActiveSheet() {
    return new SheetImpl(this.rt, this.rt.wb.active);
  }
  getActiveRange() {
    return new SpreadsheetImpl(this.rt).getActiveRange();
  }
  getCurrentCell() {
    return new SpreadsheetImpl(this.rt).getCurrentCell();
  }
  setActiveSheet(sheet: SheetImpl) {
    return new SpreadsheetImpl(this.rt).setActiveSheet(sheet);
  }
  setActiveRange(range: RangeImpl) {
    return new SpreadsheetImpl(this.rt).setActiveRange(range);
  }
  setActiveSpreadsheet() {}
  getUi() {
    return new UiImpl(this.rt);
  }
  flush() {
    this.rt.wb.ensureCalculated();
  }
  newDataValidation() {
    return new DataValidationBuilderImpl();
  }
  newConditionalFormatRule() {
    return new ConditionalFormatRuleBuilderImpl(this.rt);
  }
  openById(): never {
    return fail(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  }
  openByUrl(): never {
    return fail(
      'You do not have permission to call SpreadsheetApp.openByUrl. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  }
  create(): never {
    return fail(
      'You do not have permission to call SpreadsheetApp.create. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  }
}

// -----------------------------------------------------------------------------------------------

function checkSheetName(rt: Runtime, name: unknown, self?: SheetModel): string {
  if (typeof name !== 'string') fail(`Invalid argument: sheetName`);
  if (name.trim() === '') fail('Invalid argument: sheetName');
  if (name.length > 100) fail('Invalid argument: sheetName');
  const other = rt.wb.findSheet(name);
  if (other && other !== self)
    fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
  return name;
}

export class SpreadsheetImpl extends EmuObject {
  static emuClass = 'Spreadsheet';
  constructor(private rt: Runtime) {
    super();
  }
  private get wb() {
    return this.rt.wb;
  }
  getId() {
    return this.wb.id;
  }
  getName() {
    return this.wb.name;
  }
  rename(name: string) {
    this.wb.name = String(name);
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this.wb.id}/edit`;
  }
  getSpreadsheetLocale() {
    return this.wb.locale;
  }
  setSpreadsheetLocale(locale: string) {
    this.wb.locale = locale;
    this.wb.touch();
  }
  getSpreadsheetTimeZone() {
    return this.wb.timeZone;
  }
  setSpreadsheetTimeZone(tz: string) {
    this.wb.timeZone = tz;
    this.wb.touch();
  }
  toast(msg: unknown, title?: unknown, _timeoutSeconds?: number) {
    this.rt.ui.toasts.push({
      message: String(msg),
      title: title === undefined || title === null ? '' : String(title),
    });
  }
  getSheets() {
    return this.wb.sheets.map((s) => new SheetImpl(this.rt, s));
  }
  getNumSheets() {
    return this.wb.sheets.length;
  }
  getSheetByName(name: string) {
    const s = typeof name === 'string' ? this.wb.findSheet(name) : undefined;
    return s ? new SheetImpl(this.rt, s) : null;
  }
  getSheetById(id: number) {
    const s = this.wb.sheets.find((x) => x.id === id);
    return s ? new SheetImpl(this.rt, s) : null;
  }
  insertSheet(...args: unknown[]) {
    let name: string | undefined;
    let index: number | undefined;
    for (const a of args) {
      if (typeof a === 'string') name = a;
      else if (typeof a === 'number') index = a;
      else if (a !== undefined && (a === null || typeof a !== 'object'))
        signatureError(args, 'Spreadsheet', 'insertSheet');
    }
    if (name === undefined) {
      let n = this.wb.sheets.length + 1;
      while (this.wb.findSheet(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    } else checkSheetName(this.rt, name);
    if (index !== undefined && (index < 0 || index > this.wb.sheets.length))
      fail(`Invalid argument: sheetIndex`);
    checkCellLimit(this.rt, NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
    const current = this.wb.sheets.indexOf(this.wb.active);
    const s = this.wb.addSheet(name, index ?? current + 1);
    this.wb.active = s;
    this.wb.activeRange = null;
    return new SheetImpl(this.rt, s);
  }
  deleteSheet(sheet: SheetImpl) {
    if (!(sheet instanceof SheetImpl)) signatureError([sheet], 'Spreadsheet', 'deleteSheet');
    if (this.wb.sheets.length <= 1) fail("You can't remove all the sheets in a document.");
    this.wb.deleteSheet(sheet.model);
  }
  getActiveSheet() {
    return new SheetImpl(this.rt, this.wb.active);
  }
  setActiveSheet(sheet: SheetImpl) {
    this.wb.active = sheet.model;
    this.wb.activeRange = null;
    return new SheetImpl(this.rt, sheet.model);
  }
  getActiveRange() {
    const ar = this.wb.activeRange;
    if (ar && ar.sheet === this.wb.active)
      return new RangeImpl(this.rt, ar.sheet, ar.row, ar.col, ar.numRows, ar.numCols);
    return new RangeImpl(this.rt, this.wb.active, 1, 1, 1, 1);
  }
  setActiveRange(range: RangeImpl) {
    this.wb.active = range.sheet;
    this.wb.activeRange = range.span();
    return range;
  }
  getCurrentCell() {
    const r = this.getActiveRange();
    return new RangeImpl(this.rt, r.sheet, r.row, r.col, 1, 1);
  }
  getActiveCell() {
    return this.getCurrentCell();
  }
  moveActiveSheet(pos: number) {
    const s = this.wb.active;
    const list = this.wb.sheets;
    if (!isInt(pos) || pos < 1 || pos > list.length) fail('Invalid argument: pos');
    list.splice(list.indexOf(s), 1);
    list.splice(pos - 1, 0, s);
  }
  getRange(a1: string) {
    if (typeof a1 !== 'string') signatureError([a1], 'Spreadsheet', 'getRange');
    const ref = parseA1(a1);
    if (!ref) fail('Range not found');
    const sheet = ref.sheetName === null ? this.wb.active : this.wb.findSheet(ref.sheetName);
    if (!sheet) fail('Range not found');
    return rangeFromA1(this.rt, sheet, a1);
  }
  getDataRange() {
    return new SheetImpl(this.rt, this.wb.active).getDataRange();
  }
  getLastRow() {
    return new SheetImpl(this.rt, this.wb.active).getLastRow();
  }
  getLastColumn() {
    return new SheetImpl(this.rt, this.wb.active).getLastColumn();
  }
  setNamedRange(name: string, range: RangeImpl) {
    if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || parseA1(name))
      fail(`Named range name "${name}" is invalid.`);
    this.wb.namedRanges.set(name, range.span());
    this.wb.touch();
  }
  getRangeByName(name: string) {
    const sp = this.wb.namedRanges.get(name);
    return sp ? new RangeImpl(this.rt, sp.sheet, sp.row, sp.col, sp.numRows, sp.numCols) : null;
  }
  getNamedRanges() {
    return [...this.wb.namedRanges.keys()].map((n) => new NamedRangeImpl(this.rt, n));
  }
  removeNamedRange(name: string) {
    this.wb.namedRanges.delete(name);
    this.wb.touch();
  }
  getProtections(type: string) {
    return this.wb.protections.filter((p) => p.kind === type).map((p) => new ProtectionImpl(this.rt, p));
  }
  getOwner() {
    return null;
  }
}

export class NamedRangeImpl extends EmuObject {
  static emuClass = 'NamedRange';
  constructor(
    private rt: Runtime,
    private name: string,
  ) {
    super();
  }
  getName() {
    return this.name;
  }
  getRange() {
    const sp = this.rt.wb.namedRanges.get(this.name)!;
    return new RangeImpl(this.rt, sp.sheet, sp.row, sp.col, sp.numRows, sp.numCols);
  }
  setName(name: string) {
    const sp = this.rt.wb.namedRanges.get(this.name)!;
    this.rt.wb.namedRanges.delete(this.name);
    this.rt.wb.namedRanges.set(name, sp);
    this.rt.wb.touch();
    this.name = name;
    return this;
  }
  setRange(range: RangeImpl) {
    this.rt.wb.namedRanges.set(this.name, range.span());
    this.rt.wb.touch();
    return this;
  }
  remove() {
    this.rt.wb.namedRanges.delete(this.name);
    this.rt.wb.touch();
  }
}

// -----------------------------------------------------------------------------------------------

function rangeFromA1(rt: Runtime, sheet: SheetModel, a1: string): RangeImpl {
  const ref = parseA1(a1);
  if (!ref) fail('Range not found');
  const g = resolveA1(ref, sheet.maxRows, sheet.maxCols);
  return rangeAt(rt, sheet, g.row, g.col, g.numRows, g.numCols);
}

function rangeAt(
  rt: Runtime,
  sheet: SheetModel,
  row: number,
  col: number,
  numRows = 1,
  numCols = 1,
): RangeImpl {
  if (row < 1) fail('The starting row of the range is too small.');
  if (col < 1) fail('The starting column of the range is too small.');
  if (numRows < 1) fail('The number of rows in the range must be at least 1.');
  if (numCols < 1) fail('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols)
    fail('The coordinates of the range are outside the dimensions of the sheet.');
  return new RangeImpl(rt, sheet, Math.floor(row), Math.floor(col), Math.floor(numRows), Math.floor(numCols));
}

export class SheetImpl extends EmuObject {
  static emuClass = 'Sheet';
  constructor(
    private rt: Runtime,
    readonly model: SheetModel,
  ) {
    super();
  }
  private get wb() {
    return this.rt.wb;
  }
  getName() {
    return this.model.name;
  }
  getSheetName() {
    return this.model.name;
  }
  setName(name: string) {
    checkSheetName(this.rt, name, this.model);
    if (name !== this.model.name) this.wb.renameSheet(this.model, name);
    return this;
  }
  getSheetId() {
    return this.model.id;
  }
  getIndex() {
    return this.wb.sheets.indexOf(this.model) + 1;
  }
  getParent() {
    return new SpreadsheetImpl(this.rt);
  }
  getType() {
    return Enums.SheetType.GRID;
  }
  activate() {
    this.wb.active = this.model;
    this.wb.activeRange = null;
    return this;
  }
  getRange(...args: unknown[]) {
    const [a, b, c, d] = args;
    if (typeof a === 'string' && args.length === 1) {
      const ref = parseA1(a);
      if (!ref) fail('Range not found');
      const sheet = ref.sheetName === null ? this.model : this.wb.findSheet(ref.sheetName);
      if (!sheet) fail('Range not found');
      return rangeFromA1(this.rt, sheet, a);
    }
    if (
      !isInt(a) ||
      !isInt(b) ||
      (c !== undefined && !isInt(c)) ||
      (d !== undefined && !isInt(d)) ||
      args.length > 4
    )
      signatureError(args, 'Sheet', 'getRange');
    return rangeAt(this.rt, this.model, a, b, (c as number) ?? 1, (d as number) ?? 1);
  }
  getDataRange() {
    this.wb.ensureCalculated(this.model);
    return new RangeImpl(
      this.rt,
      this.model,
      1,
      1,
      Math.max(this.model.lastRow(), 1),
      Math.max(this.model.lastColumn(), 1),
    );
  }
  getSheetValues(row: number, col: number, numRows: number, numCols: number) {
    if (numRows === -1 || numCols === -1) this.wb.ensureCalculated(this.model);
    const nr = numRows === -1 ? this.model.lastRow() - row + 1 : numRows;
    const nc = numCols === -1 ? this.model.lastColumn() - col + 1 : numCols;
    return rangeAt(this.rt, this.model, row, col, nr, nc).getValues();
  }
  getLastRow() {
    this.wb.ensureCalculated(this.model);
    return this.model.lastRow();
  }
  getLastColumn() {
    this.wb.ensureCalculated(this.model);
    return this.model.lastColumn();
  }
  getMaxRows() {
    return this.model.maxRows;
  }
  getMaxColumns() {
    return this.model.maxCols;
  }

  // --- structure ---------------------------------------------------------------------------
  private insert(axis: 'row' | 'col', at: number, count: number, inheritFrom: number | null) {
    const max = axis === 'row' ? this.model.maxRows : this.model.maxCols;
    if (!isInt(at) || !isInt(count) || count < 1 || at < 1 || at > max + 1)
      fail(axis === 'row' ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.');
    checkCellLimit(this.rt, count * (axis === 'row' ? this.model.maxCols : this.model.maxRows));
    this.wb.shift(this.model, axis, at, count);
    // new rows/columns take the formatting (number format, style, validation) of their neighbour
    if (inheritFrom !== null && inheritFrom >= 1) {
      const src = inheritFrom >= at ? inheritFrom + count : inheritFrom;
      const other = axis === 'row' ? this.model.maxCols : this.model.maxRows;
      for (let k = 1; k <= other; k++) {
        const from = axis === 'row' ? this.model.cell(src, k) : this.model.cell(k, src);
        if (!from || (from.nf === undefined && from.st === undefined && from.dv === undefined)) continue;
        for (let n = 0; n < count; n++) {
          const to = axis === 'row' ? this.model.ensure(at + n, k) : this.model.ensure(k, at + n);
          to.nf = from.nf;
          to.st = from.st ? { ...from.st } : undefined;
          to.dv = from.dv;
        }
      }
    }
  }
  insertRowBefore(beforePosition: number) {
    this.insert('row', beforePosition, 1, beforePosition);
    return this;
  }
  insertRowAfter(afterPosition: number) {
    this.insert('row', afterPosition + 1, 1, afterPosition);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number) {
    this.insert('row', beforePosition, howMany, beforePosition);
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number) {
    this.insert('row', afterPosition + 1, howMany, afterPosition);
    return this;
  }
  insertRows(rowIndex: number, numRows = 1) {
    this.insert('row', rowIndex, numRows, null);
  }
  insertColumnBefore(beforePosition: number) {
    this.insert('col', beforePosition, 1, beforePosition);
    return this;
  }
  insertColumnAfter(afterPosition: number) {
    this.insert('col', afterPosition + 1, 1, afterPosition);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number) {
    this.insert('col', beforePosition, howMany, beforePosition);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number) {
    this.insert('col', afterPosition + 1, howMany, afterPosition);
    return this;
  }
  insertColumns(columnIndex: number, numColumns = 1) {
    this.insert('col', columnIndex, numColumns, null);
  }
  private remove(axis: 'row' | 'col', at: number, count: number) {
    const max = axis === 'row' ? this.model.maxRows : this.model.maxCols;
    const frozen = axis === 'row' ? this.model.frozenRows : this.model.frozenCols;
    if (!isInt(at) || !isInt(count) || count < 1 || at < 1 || at + count - 1 > max)
      fail(axis === 'row' ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.');
    if (at <= frozen + 1 && at + count - 1 >= max)
      fail(
        axis === 'row'
          ? 'Sorry, it is not possible to delete all non-frozen rows.'
          : 'Sorry, it is not possible to delete all non-frozen columns.',
      );
    this.wb.shift(this.model, axis, at, -count);
  }
  deleteRow(rowPosition: number) {
    this.remove('row', rowPosition, 1);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number) {
    this.remove('row', rowPosition, howMany);
  }
  deleteColumn(columnPosition: number) {
    this.remove('col', columnPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number) {
    this.remove('col', columnPosition, howMany);
  }
  appendRow(rowContents: unknown[]) {
    if (!Array.isArray(rowContents)) signatureError([rowContents], 'Sheet', 'appendRow');
    this.wb.ensureCalculated(this.model);
    const r = this.model.lastRow() + 1;
    const rows = Math.max(r, this.model.maxRows);
    const cols = Math.max(rowContents.length, this.model.maxCols);
    checkCellLimit(this.rt, rows * cols - this.model.maxRows * this.model.maxCols);
    if (r > this.model.maxRows) this.model.maxRows = r;
    if (rowContents.length > this.model.maxCols) this.model.maxCols = rowContents.length;
    rowContents.forEach((v, j) => writeInput(this.rt, this.model, r, j + 1, v));
    this.wb.touch({
      sheet: this.model,
      row: r,
      col: 1,
      numRows: 1,
      numCols: Math.max(rowContents.length, 1),
    });
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }) {
    this.fullRange().clear(options);
    return this;
  }
  clearContents() {
    this.fullRange().clearContent();
    return this;
  }
  clearFormats() {
    this.fullRange().clearFormat();
    return this;
  }
  clearNotes() {
    this.fullRange().clearNote();
    return this;
  }
  private fullRange() {
    return new RangeImpl(this.rt, this.model, 1, 1, this.model.maxRows, this.model.maxCols);
  }
  setFrozenRows(rows: number) {
    if (!isInt(rows) || rows < 0 || rows >= this.model.maxRows) fail('Invalid argument: rows');
    this.model.frozenRows = rows;
  }
  getFrozenRows() {
    return this.model.frozenRows;
  }
  setFrozenColumns(columns: number) {
    if (!isInt(columns) || columns < 0 || columns >= this.model.maxCols) fail('Invalid argument: columns');
    this.model.frozenCols = columns;
  }
  getFrozenColumns() {
    return this.model.frozenCols;
  }
  setColumnWidth(columnPosition: number, width: number) {
    this.model.colWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number) {
    for (let i = 0; i < numColumns; i++) this.model.colWidths.set(startColumn + i, width);
    return this;
  }
  getColumnWidth(columnPosition: number) {
    return this.model.colWidths.get(columnPosition) ?? 100;
  }
  setRowHeight(rowPosition: number, height: number) {
    this.model.rowHeights.set(rowPosition, height);
    return this;
  }
  setRowHeights(startRow: number, numRows: number, height: number) {
    for (let i = 0; i < numRows; i++) this.model.rowHeights.set(startRow + i, height);
    return this;
  }
  getRowHeight(rowPosition: number) {
    return this.model.rowHeights.get(rowPosition) ?? 21;
  }
  autoResizeColumns(_startColumn: number, _numColumns: number) {
    return this;
  }
  autoResizeColumn(_columnPosition: number) {
    return this;
  }
  hideColumns(columnIndex: number, numColumns = 1) {
    for (let i = 0; i < numColumns; i++) this.model.hiddenCols.add(columnIndex + i);
  }
  showColumns(columnIndex: number, numColumns = 1) {
    for (let i = 0; i < numColumns; i++) this.model.hiddenCols.delete(columnIndex + i);
  }
  hideRows(rowIndex: number, numRows = 1) {
    for (let i = 0; i < numRows; i++) this.model.hiddenRows.add(rowIndex + i);
  }
  showRows(rowIndex: number, numRows = 1) {
    for (let i = 0; i < numRows; i++) this.model.hiddenRows.delete(rowIndex + i);
  }
  isColumnHiddenByUser(columnPosition: number) {
    return this.model.hiddenCols.has(columnPosition);
  }
  isRowHiddenByUser(rowPosition: number) {
    return this.model.hiddenRows.has(rowPosition);
  }
  hideSheet() {
    if (this.wb.sheets.filter((s) => !s.hidden && s !== this.model).length === 0)
      fail("You can't hide all the sheets in a document.");
    this.model.hidden = true;
    if (this.wb.active === this.model) this.wb.active = this.wb.sheets.find((s) => !s.hidden)!;
    return this;
  }
  showSheet() {
    this.model.hidden = false;
    return this;
  }
  isSheetHidden() {
    return this.model.hidden;
  }
  setTabColor(color: string | null) {
    this.model.tabColor = color;
    return this;
  }
  getTabColor() {
    return this.model.tabColor;
  }
  getProtections(type: string) {
    return this.wb.protections
      .filter((p) => p.sheet === this.model && p.kind === type)
      .map((p) => new ProtectionImpl(this.rt, p));
  }
  protect() {
    const existing = this.wb.protections.find((p) => p.sheet === this.model && p.kind === 'SHEET');
    if (existing) return new ProtectionImpl(this.rt, existing);
    const p: ProtectionModel = {
      kind: 'SHEET',
      sheet: this.model,
      span: null,
      description: '',
      warningOnly: false,
      unprotected: [],
      editors: [this.rt.userEmail],
      domainEdit: false,
    };
    this.wb.protections.push(p);
    return new ProtectionImpl(this.rt, p);
  }
  newChart() {
    return new EmbeddedChartBuilderImpl(this.rt, this.model, null);
  }
  insertChart(chart: EmbeddedChartImpl) {
    this.model.charts.push(chart.model);
  }
  getCharts() {
    return this.model.charts.map((c) => new EmbeddedChartImpl(this.rt, c));
  }
  removeChart(chart: EmbeddedChartImpl) {
    this.model.charts = this.model.charts.filter((c) => c.id !== chart.model.id);
  }
  updateChart(chart: EmbeddedChartImpl) {
    const i = this.model.charts.findIndex((c) => c.id === chart.model.id);
    if (i === -1) fail('The chart does not exist on this sheet.');
    this.model.charts[i] = chart.model;
  }
  setConditionalFormatRules(rules: ConditionalFormatRuleImpl[]) {
    if (!Array.isArray(rules)) signatureError([rules], 'Sheet', 'setConditionalFormatRules');
    this.model.conditionalRules = rules.map((r) => r.model);
  }
  getConditionalFormatRules() {
    return this.model.conditionalRules.map(
      (m) => new ConditionalFormatRuleImpl(this.rt, m as ConditionalFormatRuleImpl['model']),
    );
  }
}

// -----------------------------------------------------------------------------------------------

export class ProtectionImpl extends EmuObject {
  static emuClass = 'Protection';
  constructor(
    private rt: Runtime,
    readonly model: ProtectionModel,
  ) {
    super();
  }
  getProtectionType() {
    return this.model.kind;
  }
  getDescription() {
    return this.model.description;
  }
  setDescription(description: string) {
    this.model.description = String(description);
    return this;
  }
  isWarningOnly() {
    return this.model.warningOnly;
  }
  setWarningOnly(warningOnly: boolean) {
    this.model.warningOnly = !!warningOnly;
    return this;
  }
  getRange() {
    const sp = this.model.span;
    if (!sp)
      return new RangeImpl(
        this.rt,
        this.model.sheet,
        1,
        1,
        this.model.sheet.maxRows,
        this.model.sheet.maxCols,
      );
    return new RangeImpl(this.rt, sp.sheet, sp.row, sp.col, sp.numRows, sp.numCols);
  }
  getRangeName() {
    return null;
  }
  setUnprotectedRanges(ranges: RangeImpl[]) {
    this.model.unprotected = ranges.map((r) => r.span());
    return this;
  }
  getUnprotectedRanges() {
    return this.model.unprotected.map(
      (sp) => new RangeImpl(this.rt, sp.sheet, sp.row, sp.col, sp.numRows, sp.numCols),
    );
  }
  remove() {
    this.rt.wb.protections = this.rt.wb.protections.filter((p) => p !== this.model);
  }
  canEdit() {
    return true;
  }
  canDomainEdit() {
    return this.model.domainEdit;
  }
  setDomainEdit(editable: boolean) {
    this.model.domainEdit = !!editable;
    return this;
  }
  getEditors() {
    return [];
  }
  addEditor(email: string) {
    this.model.editors.push(String(email));
    return this;
  }
  addEditors(emails: string[]) {
    this.model.editors.push(...emails.map(String));
    return this;
  }
  removeEditor(email: string) {
    this.model.editors = this.model.editors.filter((e) => e !== email);
    return this;
  }
  removeEditors(emails: string[]) {
    this.model.editors = this.model.editors.filter((e) => !emails.includes(e));
    return this;
  }
}

// -----------------------------------------------------------------------------------------------

const DEFAULT_STYLE: Required<
  Pick<Style, 'fontWeight' | 'fontColor' | 'background' | 'fontSize' | 'fontStyle'>
> = {
  fontWeight: 'normal',
  fontColor: '#000000',
  background: '#ffffff',
  fontSize: 10,
  fontStyle: 'normal',
};

export class RangeImpl extends EmuObject {
  static emuClass = 'Range';
  constructor(
    private rt: Runtime,
    readonly sheet: SheetModel,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {
    super();
  }
  private get wb() {
    return this.rt.wb;
  }
  span(): Span {
    return { sheet: this.sheet, row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols };
  }
  private cells<T>(fn: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const row: T[] = [];
      for (let j = 0; j < this.numCols; j++) row.push(fn(this.row + i, this.col + j));
      out.push(row);
    }
    return out;
  }
  private each(fn: (cell: Cell, r: number, c: number) => void, create = true): void {
    for (let i = 0; i < this.numRows; i++)
      for (let j = 0; j < this.numCols; j++) {
        const r = this.row + i;
        const c = this.col + j;
        const cell = create ? this.sheet.ensure(r, c) : this.sheet.cell(r, c);
        if (cell) fn(cell, r, c);
      }
  }
  private checkShape(values: unknown, method: string): unknown[][] {
    if (!Array.isArray(values) || values.some((r) => !Array.isArray(r)))
      signatureError([values], 'Range', method);
    if (values.length !== this.numRows)
      fail(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.numRows}.`,
      );
    for (const row of values as unknown[][]) {
      if (row.length !== this.numCols)
        fail(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.numCols}.`,
        );
    }
    return values as unknown[][];
  }

  // --- coordinates -----------------------------------------------------------------------
  getA1Notation() {
    return formatA1(this.row, this.col, this.numRows, this.numCols);
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getRowIndex() {
    return this.row;
  }
  getLastRow() {
    return this.row + this.numRows - 1;
  }
  getLastColumn() {
    return this.col + this.numCols - 1;
  }
  getNumRows() {
    return this.numRows;
  }
  getNumColumns() {
    return this.numCols;
  }
  getHeight() {
    return this.numRows;
  }
  getWidth() {
    return this.numCols;
  }
  getSheet() {
    return new SheetImpl(this.rt, this.sheet);
  }
  getGridId() {
    return this.sheet.id;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number) {
    return rangeAt(
      this.rt,
      this.sheet,
      this.row + rowOffset,
      this.col + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numCols,
    );
  }
  getCell(row: number, column: number) {
    if (row < 1 || column < 1 || row > this.numRows || column > this.numCols)
      fail('Cell reference out of range');
    return new RangeImpl(this.rt, this.sheet, this.row + row - 1, this.col + column - 1, 1, 1);
  }
  activate() {
    this.wb.active = this.sheet;
    this.wb.activeRange = this.span();
    return this;
  }
  activateAsCurrentCell() {
    return this.activate();
  }

  // --- values ------------------------------------------------------------------------------
  getValue() {
    this.wb.ensureCalculated(this.span());
    return copyValue(this.sheet.valueAt(this.row, this.col));
  }
  getValues() {
    this.wb.ensureCalculated(this.span());
    return this.cells((r, c) => copyValue(this.sheet.valueAt(r, c)));
  }
  getDisplayValue() {
    return this.getDisplayValues()[0][0];
  }
  getDisplayValues() {
    this.wb.ensureCalculated(this.span());
    const { locale, timeZone } = this.wb;
    return this.cells((r, c) =>
      displayValue(this.sheet.valueAt(r, c), this.sheet.cell(r, c)?.nf, locale, timeZone),
    );
  }
  setValue(value: unknown) {
    if (Array.isArray(value)) signatureError([value], 'Range', 'setValue');
    for (let i = 0; i < this.numRows; i++)
      for (let j = 0; j < this.numCols; j++)
        writeInput(this.rt, this.sheet, this.row + i, this.col + j, value);
    this.wb.touch(this.span());
    return this;
  }
  setValues(values: unknown[][]) {
    const v = this.checkShape(values, 'setValues');
    for (let i = 0; i < this.numRows; i++) {
      const row = v[i];
      for (let j = 0; j < this.numCols; j++)
        writeInput(this.rt, this.sheet, this.row + i, this.col + j, row[j]);
    }
    this.wb.touch(this.span());
    return this;
  }
  isBlank() {
    this.wb.ensureCalculated(this.span());
    for (let i = 0; i < this.numRows; i++)
      for (let j = 0; j < this.numCols; j++) {
        if (this.sheet.hasContent(this.row + i, this.col + j)) return false;
        if (this.sheet.valueAt(this.row + i, this.col + j) !== '') return false;
      }
    return true;
  }
  getFormula() {
    return this.getFormulas()[0][0];
  }
  getFormulas() {
    return this.cells((r, c) => this.sheet.cell(r, c)?.f ?? '');
  }
  setFormula(formula: string) {
    if (typeof formula !== 'string') signatureError([formula], 'Range', 'setFormula');
    this.each((cell, r, c) => {
      if (formula === '') return clearContent(cell);
      if (!formula.startsWith('=')) return writeInput(this.rt, this.sheet, r, c, formula);
      clearContent(cell);
      cell.f = offsetFormula(formula, r - this.row, c - this.col);
    });
    this.wb.touch(this.span());
    return this;
  }
  setFormulas(formulas: string[][]) {
    const f = this.checkShape(formulas, 'setFormulas');
    for (let i = 0; i < this.numRows; i++)
      for (let j = 0; j < this.numCols; j++) {
        const text = f[i][j];
        const r = this.row + i;
        const c = this.col + j;
        if (text === '' || text === null || text === undefined) {
          const cell = this.sheet.cell(r, c);
          if (cell) clearContent(cell);
        } else if (typeof text === 'string' && text.startsWith('=')) {
          const cell = this.sheet.ensure(r, c);
          clearContent(cell);
          cell.f = text;
        } else writeInput(this.rt, this.sheet, r, c, text);
      }
    this.wb.touch(this.span());
    return this;
  }

  // --- clearing ------------------------------------------------------------------------------
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }) {
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    this.each((cell) => {
      if (!any || o.contentsOnly) clearContent(cell);
      if (!any || o.formatOnly) {
        cell.nf = undefined;
        cell.st = undefined;
      }
      if (o.validationsOnly) cell.dv = undefined;
      if (o.commentsOnly) cell.note = undefined;
    }, false);
    this.wb.touch(this.span());
    return this;
  }
  clearContent() {
    return this.clear({ contentsOnly: true });
  }
  clearFormat() {
    return this.clear({ formatOnly: true });
  }
  clearDataValidations() {
    return this.clear({ validationsOnly: true });
  }
  clearNote() {
    this.each((cell) => (cell.note = undefined), false);
    return this;
  }

  // --- formats -------------------------------------------------------------------------------
  getNumberFormat() {
    return this.sheet.cell(this.row, this.col)?.nf ?? 'General';
  }
  getNumberFormats() {
    return this.cells((r, c) => this.sheet.cell(r, c)?.nf ?? 'General');
  }
  setNumberFormat(numberFormat: string) {
    this.each((cell) => (cell.nf = numberFormat === null ? undefined : String(numberFormat)));
    return this;
  }
  setNumberFormats(numberFormats: string[][]) {
    const f = this.checkShape(numberFormats, 'setNumberFormats');
    this.each((cell, r, c) => {
      const v = f[r - this.row][c - this.col];
      cell.nf = v === null || v === undefined || v === '' ? undefined : String(v);
    });
    return this;
  }
  private setStyle<K extends keyof Style>(k: K, v: Style[K] | null) {
    this.each((cell) => {
      cell.st = { ...cell.st, [k]: v === null ? undefined : v };
    });
    return this;
  }
  private setStyles<K extends keyof Style>(k: K, values: (Style[K] | null)[][], method: string) {
    const f = this.checkShape(values, method) as (Style[K] | null)[][];
    this.each((cell, r, c) => {
      const v = f[r - this.row][c - this.col];
      cell.st = { ...cell.st, [k]: v === null ? undefined : v };
    });
    return this;
  }
  private getStyle<K extends keyof typeof DEFAULT_STYLE>(k: K, r = this.row, c = this.col) {
    return this.sheet.cell(r, c)?.st?.[k] ?? DEFAULT_STYLE[k];
  }
  setFontWeight(fontWeight: string | null) {
    return this.setStyle('fontWeight', fontWeight);
  }
  setFontWeights(fontWeights: (string | null)[][]) {
    return this.setStyles('fontWeight', fontWeights, 'setFontWeights');
  }
  getFontWeight() {
    return this.getStyle('fontWeight');
  }
  getFontWeights() {
    return this.cells((r, c) => this.getStyle('fontWeight', r, c));
  }
  setFontColor(color: string | null) {
    return this.setStyle('fontColor', color);
  }
  setFontColors(colors: (string | null)[][]) {
    return this.setStyles('fontColor', colors, 'setFontColors');
  }
  getFontColor() {
    return this.getStyle('fontColor');
  }
  setFontSize(size: number) {
    return this.setStyle('fontSize', size);
  }
  getFontSize() {
    return this.getStyle('fontSize');
  }
  setFontStyle(fontStyle: string | null) {
    return this.setStyle('fontStyle', fontStyle);
  }
  getFontStyle() {
    return this.getStyle('fontStyle');
  }
  setFontFamily(fontFamily: string | null) {
    return this.setStyle('fontFamily', fontFamily);
  }
  setBackground(color: string | null) {
    return this.setStyle('background', color === null ? null : String(color).toLowerCase());
  }
  setBackgrounds(colors: (string | null)[][]) {
    return this.setStyles('background', colors, 'setBackgrounds');
  }
  getBackground() {
    return this.getStyle('background');
  }
  getBackgrounds() {
    return this.cells((r, c) => this.getStyle('background', r, c));
  }
  setHorizontalAlignment(alignment: string | null) {
    return this.setStyle('hAlign', alignment);
  }
  setHorizontalAlignments(alignments: (string | null)[][]) {
    return this.setStyles('hAlign', alignments, 'setHorizontalAlignments');
  }
  getHorizontalAlignment() {
    return this.sheet.cell(this.row, this.col)?.st?.hAlign ?? 'general';
  }
  setVerticalAlignment(alignment: string | null) {
    return this.setStyle('vAlign', alignment);
  }
  setWrap(isWrapEnabled: boolean) {
    return this.setStyle('wrap', !!isWrapEnabled);
  }
  setWraps(isWrapEnabled: boolean[][]) {
    return this.setStyles('wrap', isWrapEnabled, 'setWraps');
  }
  getWrap() {
    return this.sheet.cell(this.row, this.col)?.st?.wrap ?? false;
  }
  setWrapStrategy(strategy: string) {
    return this.setStyle('wrapStrategy', strategy);
  }
  setBorder(...args: unknown[]) {
    this.sheet.borders.push({ span: this.span(), args });
    return this;
  }
  merge() {
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, this.span()));
    this.sheet.merges.push(this.span());
    this.each((cell, r, c) => {
      if (r !== this.row || c !== this.col) clearContent(cell);
    }, false);
    this.wb.touch(this.span());
    return this;
  }
  mergeAcross() {
    for (let i = 0; i < this.numRows; i++)
      new RangeImpl(this.rt, this.sheet, this.row + i, this.col, 1, this.numCols).merge();
    return this;
  }
  mergeVertically() {
    for (let j = 0; j < this.numCols; j++)
      new RangeImpl(this.rt, this.sheet, this.row, this.col + j, this.numRows, 1).merge();
    return this;
  }
  breakApart() {
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, this.span()));
    return this;
  }
  isPartOfMerge() {
    return this.sheet.merges.some((m) => overlaps(m, this.span()));
  }

  // --- notes ---------------------------------------------------------------------------------
  getNote() {
    return this.sheet.cell(this.row, this.col)?.note ?? '';
  }
  getNotes() {
    return this.cells((r, c) => this.sheet.cell(r, c)?.note ?? '');
  }
  setNote(note: string | null) {
    this.each((cell) => (cell.note = note === null || note === '' ? undefined : String(note)));
    return this;
  }
  setNotes(notes: (string | null)[][]) {
    const f = this.checkShape(notes, 'setNotes');
    this.each((cell, r, c) => {
      const n = f[r - this.row][c - this.col];
      cell.note = n === null || n === undefined || n === '' ? undefined : String(n);
    });
    return this;
  }

  // --- validation ----------------------------------------------------------------------------
  setDataValidation(rule: DataValidationImpl | null) {
    if (rule !== null && !(rule instanceof DataValidationImpl))
      signatureError([rule], 'Range', 'setDataValidation');
    this.each((cell) => (cell.dv = rule ?? undefined));
    return this;
  }
  setDataValidations(rules: (DataValidationImpl | null)[][]) {
    const f = this.checkShape(rules, 'setDataValidations') as (DataValidationImpl | null)[][];
    this.each((cell, r, c) => (cell.dv = f[r - this.row][c - this.col] ?? undefined));
    return this;
  }
  getDataValidation() {
    return (this.sheet.cell(this.row, this.col)?.dv as DataValidationImpl | undefined) ?? null;
  }
  getDataValidations() {
    return this.cells((r, c) => (this.sheet.cell(r, c)?.dv as DataValidationImpl | undefined) ?? null);
  }
  insertCheckboxes() {
    const rule = new DataValidationBuilderImpl().requireCheckbox().build();
    this.each((cell) => {
      cell.dv = rule;
      if (cell.f === undefined && (cell.v === undefined || cell.v === '')) cell.v = false;
    });
    this.wb.touch(this.span());
    return this;
  }
  removeCheckboxes() {
    this.each((cell) => {
      if ((cell.dv as DataValidationImpl | undefined)?.getCriteriaType() === 'CHECKBOX') {
        cell.dv = undefined;
        clearContent(cell);
      }
    }, false);
    this.wb.touch(this.span());
    return this;
  }
  check() {
    return this.setValue(true);
  }
  uncheck() {
    return this.setValue(false);
  }
  isChecked() {
    const vals = this.getValues().flat();
    if (vals.every((v) => v === true)) return true;
    if (vals.every((v) => v === false)) return false;
    return null;
  }

  // --- other ---------------------------------------------------------------------------------
  protect() {
    const p: ProtectionModel = {
      kind: 'RANGE',
      sheet: this.sheet,
      span: this.span(),
      description: '',
      warningOnly: false,
      unprotected: [],
      editors: [this.rt.userEmail],
      domainEdit: false,
    };
    this.wb.protections.push(p);
    return new ProtectionImpl(this.rt, p);
  }
  sort(sortSpecObj: unknown) {
    sortSpan(this.rt, this.span(), sortSpecObj);
    return this;
  }
  copyTo(destination: RangeImpl, options?: { contentsOnly?: boolean; formatOnly?: boolean }) {
    const o = options ?? {};
    const src: { cell: Cell | undefined; i: number; j: number }[] = [];
    for (let i = 0; i < this.numRows; i++)
      for (let j = 0; j < this.numCols; j++)
        src.push({ cell: this.sheet.cell(this.row + i, this.col + j), i, j });
    const dr = destination.row - this.row;
    const dc = destination.col - this.col;
    for (const { cell, i, j } of src) {
      const r = destination.row + i;
      const c = destination.col + j;
      if (r > destination.sheet.maxRows || c > destination.sheet.maxCols) continue;
      const to = destination.sheet.ensure(r, c);
      if (!o.formatOnly) {
        clearContent(to);
        if (cell?.f !== undefined) {
          to.f = cell.bad ? cell.f : offsetFormula(cell.f, dr, dc);
          to.bad = cell.bad;
        } else if (cell?.v !== undefined) to.v = copyValue(cell.v);
      }
      if (!o.contentsOnly) {
        to.nf = cell?.nf;
        to.st = cell?.st ? { ...cell.st } : undefined;
        to.dv = cell?.dv;
      }
    }
    this.wb.touch({ ...destination.span(), numRows: this.numRows, numCols: this.numCols });
  }
}
