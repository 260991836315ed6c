/**
 * Apps Script's ConditionalFormatRule
 * (developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule).
 */
import { EmuObject } from '../calls';
import { ConditionalRuleModel } from '../model';
import { Runtime } from '../runtime';
import { BooleanConditionImpl, spanRange } from './boolean-condition';
import { ConditionalFormatRuleBuilderImpl, structuredCloneRule } from './conditional-format-rule-builder';
import { GradientConditionImpl } from './gradient-condition';

export interface CfModel extends ConditionalRuleModel {
  bool?: { type: string; values: unknown[] };
  gradient?: {
    min?: [string, string, string];
    mid?: [string, string, string];
    max?: [string, string, string];
  };
  format: {
    background?: string;
    fontColor?: string;
    bold?: boolean;
    italic?: boolean;
    strikethrough?: boolean;
  };
}

export class ConditionalFormatRuleImpl extends EmuObject {
  static emuClass = 'ConditionalFormatRule';
  constructor(
    private rt: Runtime,
    readonly model: CfModel,
  ) {
    super();
  }
  getRanges() {
    return this.model.ranges.map((s) => spanRange(this.rt, s));
  }
  getBooleanCondition() {
    return this.model.bool ? new BooleanConditionImpl(this.model) : null;
  }
  getGradientCondition() {
    return this.model.gradient ? new GradientConditionImpl(this.model) : null;
  }
  copy() {
    const b = new ConditionalFormatRuleBuilderImpl(this.rt);
    b.m = structuredCloneRule(this.model);
    return b;
  }
}
