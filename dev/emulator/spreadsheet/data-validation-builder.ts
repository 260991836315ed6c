/**
 * Apps Script's DataValidationBuilder
 * (developers.google.com/apps-script/reference/spreadsheet/data-validation-builder).
 */
import { EmuObject } from '../calls';
import { DataValidationImpl, DvModel } from './data-validation';
import { RangeImpl } from './range';

export class DataValidationBuilderImpl extends EmuObject {
  static emuClass = 'DataValidationBuilder';
  m: DvModel = { type: '', values: [], allowInvalid: true, helpText: '' };
  #set(type: string, values: unknown[]) {
    this.m.type = type;
    this.m.values = values;
    return this;
  }
  requireValueInList(values: string[], showDropdown = true) {
    if (!Array.isArray(values)) throw new Error('Invalid argument: values');
    return this.#set('VALUE_IN_LIST', [values.slice(), showDropdown]);
  }
  requireValueInRange(range: RangeImpl, showDropdown = true) {
    return this.#set('VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireNumberBetween(start: number, end: number) {
    return this.#set('NUMBER_BETWEEN', [start, end]);
  }
  requireDate() {
    return this.#set('DATE_IS_VALID_DATE', []);
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown) {
    const vals =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    return this.#set('CHECKBOX', vals);
  }
  setAllowInvalid(allowInvalidData: boolean) {
    this.m.allowInvalid = !!allowInvalidData;
    return this;
  }
  setHelpText(helpText: string) {
    this.m.helpText = String(helpText);
    return this;
  }
  getCriteriaType() {
    return this.m.type;
  }
  getCriteriaValues() {
    return this.m.values.slice();
  }
  getAllowInvalid() {
    return this.m.allowInvalid;
  }
  getHelpText() {
    return this.m.helpText || null;
  }
  build() {
    if (!this.m.type) throw new Error('You must specify a validation criteria.');
    return new DataValidationImpl({ ...this.m, values: this.m.values.slice() });
  }
  copy() {
    const b = new DataValidationBuilderImpl();
    b.m = { ...this.m, values: this.m.values.slice() };
    return b;
  }
}
