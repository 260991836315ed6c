/** Apps Script's BooleanCondition (developers.google.com/apps-script/reference/spreadsheet/boolean-condition). */
import { EmuObject } from '../calls';
import { Span } from '../model';
import { Runtime } from '../runtime';
import { CfModel } from './conditional-format-rule';
import { RangeImpl } from './range';

export function spanRange(rt: Runtime, s: Span) {
  return new RangeImpl(rt, s.sheet, s.row, s.col, s.numRows, s.numCols);
}

export class BooleanConditionImpl extends EmuObject {
  static emuClass = 'BooleanCondition';
  constructor(private m: CfModel) {
    super();
  }
  getCriteriaType() {
    return this.m.bool!.type;
  }
  getCriteriaValues() {
    return this.m.bool!.values.slice();
  }
  getBackground() {
    return this.m.format.background ?? null;
  }
}
