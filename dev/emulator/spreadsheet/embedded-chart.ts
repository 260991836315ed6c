/** Apps Script's EmbeddedChart (developers.google.com/apps-script/reference/spreadsheet/embedded-chart). */
import { EmuObject } from '../calls';
import { ChartModel } from '../model';
import { Runtime } from '../runtime';
import { spanRange } from './boolean-condition';
import { ChartOptionsImpl } from './chart-options';
import { ContainerInfoImpl } from './container-info';
import { EmbeddedChartBuilderImpl } from './embedded-chart-builder';

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
