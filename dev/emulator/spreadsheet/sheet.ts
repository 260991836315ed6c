/** Apps Script's Sheet (developers.google.com/apps-script/reference/spreadsheet/sheet). */
import { parseA1 } from '../a1';
import { EmuObject } from '../calls';
import { fail, isInt, signatureError } from '../errors';
import { SheetModel } from '../model';
import { Runtime } from '../runtime';
import { checkCellLimit } from './cell-limit';
import { writeInput } from './cell-writes';
import { ConditionalFormatRuleImpl } from './conditional-format-rule';
import { EmbeddedChartImpl } from './embedded-chart';
import { EmbeddedChartBuilderImpl } from './embedded-chart-builder';
import { ProtectionImpl, addProtection } from './protection';
import { RangeImpl, rangeAt, rangeFromA1 } from './range';
import { SpreadsheetImpl } from './spreadsheet';

export function checkSheetName(rt: Runtime, name: unknown, self?: SheetModel): string {
  if (typeof name !== 'string') fail(`Invalid argument: sheetName`);
  if (name.trim() === '') fail('Invalid argument: sheetName');
  if (name.length > 100) fail('Invalid argument: sheetName');
  const other = rt.wb.findSheet(name);
  if (other && other !== self)
    fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
  return name;
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
  #insert(axis: 'row' | 'col', at: number, count: number, inheritFrom: number | null) {
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
  insertRowsBefore(beforePosition: number, howMany: number) {
    this.#insert('row', beforePosition, howMany, beforePosition);
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number) {
    this.#insert('row', afterPosition + 1, howMany, afterPosition);
    return this;
  }
  insertRows(rowIndex: number, numRows = 1) {
    this.#insert('row', rowIndex, numRows, null);
  }
  insertColumnBefore(beforePosition: number) {
    this.#insert('col', beforePosition, 1, beforePosition);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number) {
    this.#insert('col', beforePosition, howMany, beforePosition);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number) {
    this.#insert('col', afterPosition + 1, howMany, afterPosition);
    return this;
  }
  #remove(axis: 'row' | 'col', at: number, count: number) {
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
    this.#remove('row', rowPosition, 1);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number) {
    this.#remove('row', rowPosition, howMany);
  }
  deleteColumn(columnPosition: number) {
    this.#remove('col', columnPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number) {
    this.#remove('col', columnPosition, howMany);
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
    this.#fullRange().clear(options);
    return this;
  }
  #fullRange() {
    return new RangeImpl(this.rt, this.model, 1, 1, this.model.maxRows, this.model.maxCols);
  }
  setFrozenRows(rows: number) {
    if (!isInt(rows) || rows < 0 || rows >= this.model.maxRows) fail('Invalid argument: rows');
    this.model.frozenRows = rows;
  }
  getFrozenRows() {
    return this.model.frozenRows;
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
  hideColumns(columnIndex: number, numColumns = 1) {
    for (let i = 0; i < numColumns; i++) this.model.hiddenCols.add(columnIndex + i);
  }
  showColumns(columnIndex: number, numColumns = 1) {
    for (let i = 0; i < numColumns; i++) this.model.hiddenCols.delete(columnIndex + i);
  }
  isColumnHiddenByUser(columnPosition: number) {
    return this.model.hiddenCols.has(columnPosition);
  }
  hideSheet() {
    if (this.wb.sheets.filter((s) => !s.hidden && s !== this.model).length === 0)
      fail("You can't hide all the sheets in a document.");
    this.model.hidden = true;
    if (this.wb.active === this.model) this.wb.active = this.wb.sheets.find((s) => !s.hidden)!;
    return this;
  }
  isSheetHidden() {
    return this.model.hidden;
  }
  getProtections(type: string) {
    return this.wb.protections
      .filter((p) => p.sheet === this.model && p.kind === type)
      .map((p) => new ProtectionImpl(this.rt, p));
  }
  protect() {
    const existing = this.wb.protections.find((p) => p.sheet === this.model && p.kind === 'SHEET');
    if (existing) return new ProtectionImpl(this.rt, existing);
    return addProtection(this.rt, 'SHEET', this.model, null);
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
