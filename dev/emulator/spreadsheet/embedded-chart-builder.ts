/**
 * Apps Script's EmbeddedChartBuilder
 * (developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder).
 */
import { EmuObject } from '../calls';
import { ChartModel, SheetModel } from '../model';
import { Runtime } from '../runtime';
import { spanRange } from './boolean-condition';
import { EmbeddedChartImpl } from './embedded-chart';
import { RangeImpl } from './range';

let chartSeq = 0;

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
