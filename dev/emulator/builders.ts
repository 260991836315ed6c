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
  requireNumberGreaterThan(number: number) {
    return this.set('NUMBER_GREATER_THAN', [number]);
  }
  requireNumberGreaterThanOrEqualTo(number: number) {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberLessThanOrEqualTo(number: number) {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  requireDate() {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireDateOnOrAfter(date: Date) {
    return this.set('DATE_ON_OR_AFTER', [date]);
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
  requireTextIsEmail() {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl() {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireFormulaSatisfied(formula: string) {
    return this.set('CUSTOM_FORMULA', [formula]);
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
  getFontColor() {
    return this.m.format.fontColor ?? null;
  }
  getBold() {
    return this.m.format.bold ?? null;
  }
}

export class GradientConditionImpl extends EmuObject {
  static emuClass = 'GradientCondition';
  constructor(private m: CfModel) {
    super();
  }
  getMinColor() {
    return this.m.gradient!.min?.[0] ?? '';
  }
  getMinType() {
    return this.m.gradient!.min?.[1] ?? null;
  }
  getMinValue() {
    return this.m.gradient!.min?.[2] ?? '';
  }
  getMidColor() {
    return this.m.gradient!.mid?.[0] ?? '';
  }
  getMidType() {
    return this.m.gradient!.mid?.[1] ?? null;
  }
  getMidValue() {
    return this.m.gradient!.mid?.[2] ?? '';
  }
  getMaxColor() {
    return this.m.gradient!.max?.[0] ?? '';
  }
  getMaxType() {
    return this.m.gradient!.max?.[1] ?? null;
  }
  getMaxValue() {
    return this.m.gradient!.max?.[2] ?? '';
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
  setGradientMinpoint(color: string) {
    return this.point('min', color, 'MIN', '');
  }
  setGradientMaxpoint(color: string) {
    return this.point('max', color, 'MAX', '');
  }
  setGradientMinpointWithValue(color: string, type: string, value: string) {
    return this.point('min', color, type, String(value));
  }
  setGradientMidpointWithValue(color: string, type: string, value: string) {
    return this.point('mid', color, type, String(value));
  }
  setGradientMaxpointWithValue(color: string, type: string, value: string) {
    return this.point('max', color, type, String(value));
  }
  whenCellEmpty() {
    return this.when('CELL_EMPTY', []);
  }
  whenCellNotEmpty() {
    return this.when('CELL_NOT_EMPTY', []);
  }
  whenNumberLessThan(number: number) {
    return this.when('NUMBER_LESS_THAN', [number]);
  }
  whenNumberLessThanOrEqualTo(number: number) {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  whenNumberGreaterThan(number: number) {
    return this.when('NUMBER_GREATER_THAN', [number]);
  }
  whenNumberGreaterThanOrEqualTo(number: number) {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  whenNumberBetween(start: number, end: number) {
    return this.when('NUMBER_BETWEEN', [start, end]);
  }
  whenNumberEqualTo(number: number) {
    return this.when('NUMBER_EQUAL_TO', [number]);
  }
  whenTextContains(text: string) {
    return this.when('TEXT_CONTAINS', [text]);
  }
  whenTextEqualTo(text: string) {
    return this.when('TEXT_EQUAL_TO', [text]);
  }
  whenTextStartsWith(text: string) {
    return this.when('TEXT_STARTS_WITH', [text]);
  }
  whenFormulaSatisfied(formula: string) {
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  setBackground(color: string | null) {
    this.m.format.background = color ?? undefined;
    return this;
  }
  setFontColor(color: string | null) {
    this.m.format.fontColor = color ?? undefined;
    return this;
  }
  setBold(bold: boolean | null) {
    this.m.format.bold = bold ?? undefined;
    return this;
  }
  setItalic(italic: boolean | null) {
    this.m.format.italic = italic ?? undefined;
    return this;
  }
  setStrikethrough(strikethrough: boolean | null) {
    this.m.format.strikethrough = strikethrough ?? undefined;
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
  getOrDefault(option: string) {
    return this.options[option] ?? null;
  }
}

export class ContainerInfoImpl extends EmuObject {
  static emuClass = 'ContainerInfo';
  constructor(private m: ChartModel) {
    super();
  }
  getAnchorRow() {
    return this.m.anchorRow;
  }
  getAnchorColumn() {
    return this.m.anchorCol;
  }
  getOffsetX() {
    return this.m.offsetX;
  }
  getOffsetY() {
    return this.m.offsetY;
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
  getChartId() {
    return this.model.id;
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
  getNumHeaders() {
    return this.model.numHeaders;
  }
  getTransposeRowsAndColumns() {
    return this.model.transpose;
  }
  getHiddenDimensionStrategy() {
    return this.model.hidden;
  }
  getMergeStrategy() {
    return this.model.merge;
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
  asColumnChart() {
    return this.setChartType('COLUMN');
  }
  asBarChart() {
    return this.setChartType('BAR');
  }
  asPieChart() {
    return this.setChartType('PIE');
  }
  asAreaChart() {
    return this.setChartType('AREA');
  }
  asScatterChart() {
    return this.setChartType('SCATTER');
  }
  addRange(range: RangeImpl) {
    this.m.ranges.push(range.span());
    return this;
  }
  removeRange(range: RangeImpl) {
    const s = range.span();
    this.m.ranges = this.m.ranges.filter(
      (r) =>
        !(
          r.sheet === s.sheet &&
          r.row === s.row &&
          r.col === s.col &&
          r.numRows === s.numRows &&
          r.numCols === s.numCols
        ),
    );
    return this;
  }
  clearRanges() {
    this.m.ranges = [];
    return this;
  }
  getRanges() {
    return this.m.ranges.map((s) => spanRange(this.rt, s));
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number) {
    Object.assign(this.m, { anchorRow: anchorRowPos, anchorCol: anchorColPos, offsetX, offsetY });
    return this;
  }
  getContainer() {
    return new ContainerInfoImpl(this.m);
  }
  setOption(option: string, value: unknown) {
    this.m.options[option] = value;
    return this;
  }
  setNumHeaders(headers: number) {
    this.m.numHeaders = headers;
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean) {
    this.m.transpose = transpose;
    return this;
  }
  setHiddenDimensionStrategy(strategy: string) {
    this.m.hidden = strategy;
    return this;
  }
  setMergeStrategy(strategy: string) {
    this.m.merge = strategy;
    return this;
  }
  build() {
    const model = { ...this.m, ranges: this.m.ranges.slice(), options: { ...this.m.options } };
    if (!model.id) model.id = `u${++chartSeq}`;
    this.m.id = model.id;
    return new EmbeddedChartImpl(this.rt, model);
  }
}
