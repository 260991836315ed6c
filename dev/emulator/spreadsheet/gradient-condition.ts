/** Apps Script's GradientCondition (developers.google.com/apps-script/reference/spreadsheet/gradient-condition). */
import { EmuObject } from '../calls';
import { CfModel } from './conditional-format-rule';

export class GradientConditionImpl extends EmuObject {
  static emuClass = 'GradientCondition';
  constructor(private m: CfModel) {
    super();
  }
  getMaxColor() {
    return this.m.gradient!.max?.[0] ?? '';
  }
}
