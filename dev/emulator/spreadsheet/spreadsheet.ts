/** Apps Script's Spreadsheet (developers.google.com/apps-script/reference/spreadsheet/spreadsheet). */
import { parseA1 } from '../a1';
import { EmuObject } from '../calls';
import { fail, isInt, signatureError } from '../errors';
import { Runtime } from '../runtime';
import { NEW_SHEET_COLUMNS, NEW_SHEET_ROWS, checkCellLimit } from './cell-limit';
import { NamedRangeImpl } from './named-range';
import { ProtectionImpl } from './protection';
import { RangeImpl, rangeFromA1 } from './range';
import { SheetImpl, checkSheetName } from './sheet';

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
}
