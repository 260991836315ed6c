/** Apps Script's Range (developers.google.com/apps-script/reference/spreadsheet/range). */
import { formatA1, parseA1, resolveA1 } from '../a1';
import { EmuObject } from '../calls';
import { fail, signatureError } from '../errors';
import { Cell, SheetModel, Span, Style, overlaps } from '../model';
import { Runtime } from '../runtime';
import { displayValue } from '../values';
import { clearContent, copyValue, offsetFormula, writeInput } from './cell-writes';
import { DataValidationImpl } from './data-validation';
import { addProtection } from './protection';
import { sortSpan } from './range-sort';
import { SheetImpl } from './sheet';

export function rangeFromA1(rt: Runtime, sheet: SheetModel, a1: string): RangeImpl {
  const ref = parseA1(a1);
  if (!ref) fail('Range not found');
  const g = resolveA1(ref, sheet.maxRows, sheet.maxCols);
  return rangeAt(rt, sheet, g.row, g.col, g.numRows, g.numCols);
}

export function rangeAt(
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
  #cells<T>(fn: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const row: T[] = [];
      for (let j = 0; j < this.numCols; j++) row.push(fn(this.row + i, this.col + j));
      out.push(row);
    }
    return out;
  }
  #each(fn: (cell: Cell, r: number, c: number) => void, create = true): void {
    for (let i = 0; i < this.numRows; i++)
      for (let j = 0; j < this.numCols; j++) {
        const r = this.row + i;
        const c = this.col + j;
        const cell = create ? this.sheet.ensure(r, c) : this.sheet.cell(r, c);
        if (cell) fn(cell, r, c);
      }
  }
  #checkShape(values: unknown, method: string): unknown[][] {
    if (!Array.isArray(values) || values.some((r) => !Array.isArray(r)))
      signatureError([values], 'Range', method);
    if (values.length !== this.numRows)
      fail(
        'The number of rows in the data does not match the number of rows in the range. ' +
          `The data has ${values.length} but the range has ${this.numRows}.`,
      );
    for (const row of values as unknown[][]) {
      if (row.length !== this.numCols)
        fail(
          'The number of columns in the data does not match the number of columns in the range. ' +
            `The data has ${row.length} but the range has ${this.numCols}.`,
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

  // --- values ------------------------------------------------------------------------------
  getValue() {
    this.wb.ensureCalculated(this.span());
    return copyValue(this.sheet.valueAt(this.row, this.col));
  }
  getValues() {
    this.wb.ensureCalculated(this.span());
    return this.#cells((r, c) => copyValue(this.sheet.valueAt(r, c)));
  }
  getDisplayValue() {
    return this.getDisplayValues()[0][0];
  }
  getDisplayValues() {
    this.wb.ensureCalculated(this.span());
    const { locale, timeZone } = this.wb;
    return this.#cells((r, c) =>
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
    const v = this.#checkShape(values, 'setValues');
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
    return this.#cells((r, c) => this.sheet.cell(r, c)?.f ?? '');
  }
  setFormula(formula: string) {
    if (typeof formula !== 'string') signatureError([formula], 'Range', 'setFormula');
    this.#each((cell, r, c) => {
      if (formula === '') return clearContent(cell);
      if (!formula.startsWith('=')) return writeInput(this.rt, this.sheet, r, c, formula);
      clearContent(cell);
      cell.f = offsetFormula(formula, r - this.row, c - this.col);
    });
    this.wb.touch(this.span());
    return this;
  }
  setFormulas(formulas: string[][]) {
    const f = this.#checkShape(formulas, 'setFormulas');
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
    this.#each((cell) => {
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
    this.#each((cell) => (cell.note = undefined), false);
    return this;
  }

  // --- formats -------------------------------------------------------------------------------
  getNumberFormat() {
    return this.sheet.cell(this.row, this.col)?.nf ?? 'General';
  }
  setNumberFormat(numberFormat: string) {
    this.#each((cell) => (cell.nf = numberFormat === null ? undefined : String(numberFormat)));
    return this;
  }
  setNumberFormats(numberFormats: string[][]) {
    const f = this.#checkShape(numberFormats, 'setNumberFormats');
    this.#each((cell, r, c) => {
      const v = f[r - this.row][c - this.col];
      cell.nf = v === null || v === undefined || v === '' ? undefined : String(v);
    });
    return this;
  }
  #setStyle<K extends keyof Style>(k: K, v: Style[K] | null) {
    this.#each((cell) => {
      cell.st = { ...cell.st, [k]: v === null ? undefined : v };
    });
    return this;
  }
  #setStyles<K extends keyof Style>(k: K, values: (Style[K] | null)[][], method: string) {
    const f = this.#checkShape(values, method) as (Style[K] | null)[][];
    this.#each((cell, r, c) => {
      const v = f[r - this.row][c - this.col];
      cell.st = { ...cell.st, [k]: v === null ? undefined : v };
    });
    return this;
  }
  #getStyle<K extends keyof typeof DEFAULT_STYLE>(k: K, r = this.row, c = this.col) {
    return this.sheet.cell(r, c)?.st?.[k] ?? DEFAULT_STYLE[k];
  }
  setFontWeight(fontWeight: string | null) {
    return this.#setStyle('fontWeight', fontWeight);
  }
  setFontWeights(fontWeights: (string | null)[][]) {
    return this.#setStyles('fontWeight', fontWeights, 'setFontWeights');
  }
  getFontWeights() {
    return this.#cells((r, c) => this.#getStyle('fontWeight', r, c));
  }
  setFontColor(color: string | null) {
    return this.#setStyle('fontColor', color);
  }
  setFontColors(colors: (string | null)[][]) {
    return this.#setStyles('fontColor', colors, 'setFontColors');
  }
  setFontSize(size: number) {
    return this.#setStyle('fontSize', size);
  }
  setBackground(color: string | null) {
    return this.#setStyle('background', color === null ? null : String(color).toLowerCase());
  }
  setBackgrounds(colors: (string | null)[][]) {
    return this.#setStyles('background', colors, 'setBackgrounds');
  }
  getBackground() {
    return this.#getStyle('background');
  }
  getBackgrounds() {
    return this.#cells((r, c) => this.#getStyle('background', r, c));
  }
  setHorizontalAlignment(alignment: string | null) {
    return this.#setStyle('hAlign', alignment);
  }
  setHorizontalAlignments(alignments: (string | null)[][]) {
    return this.#setStyles('hAlign', alignments, 'setHorizontalAlignments');
  }
  setVerticalAlignment(alignment: string | null) {
    return this.#setStyle('vAlign', alignment);
  }
  setWrap(isWrapEnabled: boolean) {
    return this.#setStyle('wrap', !!isWrapEnabled);
  }
  setWraps(isWrapEnabled: boolean[][]) {
    return this.#setStyles('wrap', isWrapEnabled, 'setWraps');
  }
  merge() {
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, this.span()));
    this.sheet.merges.push(this.span());
    this.#each((cell, r, c) => {
      if (r !== this.row || c !== this.col) clearContent(cell);
    }, false);
    this.wb.touch(this.span());
    return this;
  }
  breakApart() {
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, this.span()));
    return this;
  }

  // --- notes ---------------------------------------------------------------------------------
  getNote() {
    return this.sheet.cell(this.row, this.col)?.note ?? '';
  }
  getNotes() {
    return this.#cells((r, c) => this.sheet.cell(r, c)?.note ?? '');
  }
  setNote(note: string | null) {
    this.#each((cell) => (cell.note = note === null || note === '' ? undefined : String(note)));
    return this;
  }
  setNotes(notes: (string | null)[][]) {
    const f = this.#checkShape(notes, 'setNotes');
    this.#each((cell, r, c) => {
      const n = f[r - this.row][c - this.col];
      cell.note = n === null || n === undefined || n === '' ? undefined : String(n);
    });
    return this;
  }

  // --- validation ----------------------------------------------------------------------------
  setDataValidation(rule: DataValidationImpl | null) {
    if (rule !== null && !(rule instanceof DataValidationImpl))
      signatureError([rule], 'Range', 'setDataValidation');
    this.#each((cell) => (cell.dv = rule ?? undefined));
    return this;
  }
  setDataValidations(rules: (DataValidationImpl | null)[][]) {
    const f = this.#checkShape(rules, 'setDataValidations') as (DataValidationImpl | null)[][];
    this.#each((cell, r, c) => (cell.dv = f[r - this.row][c - this.col] ?? undefined));
    return this;
  }
  getDataValidation() {
    return (this.sheet.cell(this.row, this.col)?.dv as DataValidationImpl | undefined) ?? null;
  }
  getDataValidations() {
    return this.#cells((r, c) => (this.sheet.cell(r, c)?.dv as DataValidationImpl | undefined) ?? null);
  }
  check() {
    return this.setValue(true);
  }
  isChecked() {
    const vals = this.getValues().flat();
    if (vals.every((v) => v === true)) return true;
    if (vals.every((v) => v === false)) return false;
    return null;
  }

  // --- other ---------------------------------------------------------------------------------
  protect() {
    return addProtection(this.rt, 'RANGE', this.sheet, this.span());
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
