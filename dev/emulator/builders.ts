/** Builders and what they build: data validation, conditional format rules, embedded charts. */
import { EmuObject } from './calls';
import { ChartModel, ConditionalRuleModel, SheetModel, Span } from './model';
import { Runtime } from './runtime';
import { RangeImpl } from './spreadsheet';

// --- data validation -----------------------------------------------------------------------------

interface DvModel {
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

export class DataValidationBuilderImpl extends EmuObject {
  static emuClass = 'DataValidationBuilder';
  m: DvModel = { type: '', values: [], allowInvalid: true, helpText: '' };
  private set(type: string, values: unknown[]) {
    this.m.type = type;
    this.m.values = values;
    return this;
  }
  requireValueInList(values: string[], showDropdown = true) {
    if (!Array.isArray(values)) throw new Error('Invalid argument: values');
    return this.set('VALUE_IN_LIST', [values.slice(), showDropdown]);
  }
  requireValueInRange(range: RangeImpl, showDropdown = true) {
    return this.set('VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireNumberBetween(start: number, end: number) {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireDate() {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown) {
    const vals =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    return this.set('CHECKBOX', vals);
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

// --- conditional formatting ----------------------------------------------------------------------

interface CfModel extends ConditionalRuleModel {
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

function spanRange(rt: Runtime, s: Span) {
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

export class GradientConditionImpl extends EmuObject {
  static emuClass = 'GradientCondition';
  constructor(private m: CfModel) {
    super();
  }
  getMaxColor() {
    return this.m.gradient!.max?.[0] ?? '';
  }
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

function structuredCloneRule(m: CfModel): CfModel {
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
  private when(type: string, values: unknown[]) {
    this.m.gradient = undefined;
    this.m.bool = { type, values };
    return this;
  }
  private point(which: 'min' | 'mid' | 'max', color: string, type: string, value: string) {
    this.m.bool = undefined;
    this.m.gradient = { ...this.m.gradient, [which]: [color, type, value] };
    return this;
  }
  setGradientMinpointWithValue(color: string, type: string, value: string) {
    return this.point('min', color, type, String(value));
  }
  setGradientMaxpointWithValue(color: string, type: string, value: string) {
    return this.point('max', color, type, String(value));
  }
  whenNumberLessThan(number: number) {
    return this.when('NUMBER_LESS_THAN', [number]);
  }
  whenNumberGreaterThan(number: number) {
    return this.when('NUMBER_GREATER_THAN', [number]);
  }
  whenNumberBetween(start: number, end: number) {
    return this.when('NUMBER_BETWEEN', [start, end]);
  }
  whenTextStartsWith(text: string) {
    return this.when('TEXT_STARTS_WITH', [text]);
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

// --- charts --------------------------------------------------------------------------------------

let chartSeq = 0;

export class ChartOptionsImpl extends EmuObject {
  static emuClass = 'ChartOptions';
  constructor(private options: Record<string, unknown>) {
    super();
  }
  get(option: string) {
    return this.options[option] ?? null;
  }
}

export class ContainerInfoImpl extends EmuObject {
  static emuClass = 'ContainerInfo';
  constructor(private m: ChartModel) {
    super();
  }
  getAnchorColumn() {
    return this.m.anchorCol;
  }
}

export class EmbeddedChartImpl extends EmuObject {
  static emuClass = 'EmbeddedChart';
  constructor(
    private rt: Runtime,
    readonly model: ChartModel,
  ) {
    super();
  }
  getId() {
    return this.model.id;
  }
  getRanges() {
    return this.model.ranges.map((s) => spanRange(this.rt, s));
  }
  getOptions() {
    return new ChartOptionsImpl({ ...this.model.options });
  }
  getContainerInfo() {
    return new ContainerInfoImpl(this.model);
  }
  /** Not in the Apps Script API (use modify().getChartType()); handy in tests. */
  getChartType() {
    return this.model.type;
  }
  modify() {
    const sheet = this.rt.wb.sheets.find((s) => s.charts.some((c) => c.id === this.model.id));
    return new EmbeddedChartBuilderImpl(this.rt, sheet ?? this.rt.wb.active, this.model);
  }
}

export class EmbeddedChartBuilderImpl extends EmuObject {
  static emuClass = 'EmbeddedChartBuilder';
  private m: ChartModel;
  constructor(
    private rt: Runtime,
    _sheet: SheetModel,
    from: ChartModel | null,
  ) {
    super();
    this.m = from
      ? { ...from, ranges: from.ranges.slice(), options: { ...from.options } }
      : {
          id: '',
          type: 'LINE',
          ranges: [],
          options: {},
          anchorRow: 1,
          anchorCol: 1,
          offsetX: 0,
          offsetY: 0,
          hidden: 'IGNORE_BOTH',
          merge: 'MERGE_COLUMNS',
          numHeaders: -1,
          transpose: false,
        };
  }
  setChartType(type: string) {
    this.m.type = type;
    return this;
  }
  getChartType() {
    return this.m.type;
  }
  asLineChart() {
    return this.setChartType('LINE');
  }
  addRange(range: RangeImpl) {
    this.m.ranges.push(range.span());
    return this;
  }
  getRanges() {
    return this.m.ranges.map((s) => spanRange(this.rt, s));
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number) {
    Object.assign(this.m, { anchorRow: anchorRowPos, anchorCol: anchorColPos, offsetX, offsetY });
    return this;
  }
  setOption(option: string, value: unknown) {
    this.m.options[option] = value;
    return this;
  }
  build() {
    const model = { ...this.m, ranges: this.m.ranges.slice(), options: { ...this.m.options } };
    if (!model.id) model.id = `u${++chartSeq}`;
    this.m.id = model.id;
    return new EmbeddedChartImpl(this.rt, model);
  }
}
