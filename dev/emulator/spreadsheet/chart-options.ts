/** Apps Script's ChartOptions (developers.google.com/apps-script/reference/spreadsheet/chart-options). */
import { EmuObject } from '../calls';

export class ChartOptionsImpl extends EmuObject {
  static emuClass = 'ChartOptions';
  constructor(private options: Record<string, unknown>) {
    super();
  }
  get(option: string) {
    return this.options[option] ?? null;
  }
}
