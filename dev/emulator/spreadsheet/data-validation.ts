/** Apps Script's DataValidation (developers.google.com/apps-script/reference/spreadsheet/data-validation). */
import { EmuObject } from '../calls';
import { DataValidationBuilderImpl } from './data-validation-builder';

export interface DvModel {
  type: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export class DataValidationImpl extends EmuObject {
  static emuClass = 'DataValidation';
  constructor(readonly model: Readonly<DvModel>) {
    super();
  }
  getCriteriaType() {
    return this.model.type;
  }
  getCriteriaValues() {
    return this.model.values.slice();
  }
  getAllowInvalid() {
    return this.model.allowInvalid;
  }
  getHelpText() {
    return this.model.helpText || null;
  }
  copy() {
    const b = new DataValidationBuilderImpl();
    b.m = { ...this.model, values: this.model.values.slice() };
    return b;
  }
}
