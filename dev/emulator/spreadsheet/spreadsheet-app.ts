/** Apps Script's SpreadsheetApp (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app). */
import { UiImpl } from '../base/ui';
import { EmuObject, otherSpreadsheetRefusal } from '../calls';
import * as Enums from '../enums';
import { fail } from '../errors';
import { Runtime } from '../runtime';
import { ConditionalFormatRuleBuilderImpl } from './conditional-format-rule-builder';
import { DataValidationBuilderImpl } from './data-validation-builder';
import { RangeImpl } from './range';
import { SheetImpl } from './sheet';
import { SpreadsheetImpl } from './spreadsheet';

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
    return fail(otherSpreadsheetRefusal('SpreadsheetApp.openById'));
  }
  openByUrl(): never {
    return fail(otherSpreadsheetRefusal('SpreadsheetApp.openByUrl'));
  }
  create(): never {
    return fail(otherSpreadsheetRefusal('SpreadsheetApp.create'));
  }
}
