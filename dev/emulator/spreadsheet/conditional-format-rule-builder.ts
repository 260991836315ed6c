/**
 * Apps Script's ConditionalFormatRuleBuilder
 * (developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder).
 */
import { EmuObject } from '../calls';
import { Runtime } from '../runtime';
import { BooleanConditionImpl, spanRange } from './boolean-condition';
import { CfModel, ConditionalFormatRuleImpl } from './conditional-format-rule';
import { GradientConditionImpl } from './gradient-condition';
import { RangeImpl } from './range';

export function structuredCloneRule(m: CfModel): CfModel {
  return {
    ranges: m.ranges.slice(),
    bool: m.bool ? { type: m.bool.type, values: m.bool.values.slice() } : undefined,
    gradient: m.gradient ? { ...m.gradient } : undefined,
    format: { ...m.format },
  };
}

export class ConditionalFormatRuleBuilderImpl extends EmuObject {
  static emuClass = 'ConditionalFormatRuleBuilder';
  m: CfModel = { ranges: [], format: {} };
  constructor(private rt: Runtime) {
    super();
  }
  #when(type: string, values: unknown[]) {
    this.m.gradient = undefined;
    this.m.bool = { type, values };
    return this;
  }
  #point(which: 'min' | 'mid' | 'max', color: string, type: string, value: string) {
    this.m.bool = undefined;
    this.m.gradient = { ...this.m.gradient, [which]: [color, type, value] };
    return this;
  }
  setGradientMinpointWithValue(color: string, type: string, value: string) {
    return this.#point('min', color, type, String(value));
  }
  setGradientMaxpointWithValue(color: string, type: string, value: string) {
    return this.#point('max', color, type, String(value));
  }
  whenNumberLessThan(number: number) {
    return this.#when('NUMBER_LESS_THAN', [number]);
  }
  whenNumberGreaterThan(number: number) {
    return this.#when('NUMBER_GREATER_THAN', [number]);
  }
  whenNumberBetween(start: number, end: number) {
    return this.#when('NUMBER_BETWEEN', [start, end]);
  }
  whenTextStartsWith(text: string) {
    return this.#when('TEXT_STARTS_WITH', [text]);
  }
  setBackground(color: string | null) {
    this.m.format.background = color ?? undefined;
    return this;
  }
  setFontColor(color: string | null) {
    this.m.format.fontColor = color ?? undefined;
    return this;
  }
  setRanges(ranges: RangeImpl[]) {
    if (!Array.isArray(ranges)) throw new Error('Invalid argument: ranges');
    this.m.ranges = ranges.map((r) => r.span());
    return this;
  }
  getRanges() {
    return this.m.ranges.map((s) => spanRange(this.rt, s));
  }
  getBooleanCondition() {
    return this.m.bool ? new BooleanConditionImpl(this.m) : null;
  }
  getGradientCondition() {
    return this.m.gradient ? new GradientConditionImpl(this.m) : null;
  }
  build() {
    if (!this.m.bool && !this.m.gradient) throw new Error('Conditional format rule must have a condition.');
    return new ConditionalFormatRuleImpl(this.rt, structuredCloneRule(this.m));
  }
  copy() {
    const b = new ConditionalFormatRuleBuilderImpl(this.rt);
    b.m = structuredCloneRule(this.m);
    return b;
  }
}
