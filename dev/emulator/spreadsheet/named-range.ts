/** Apps Script's NamedRange (developers.google.com/apps-script/reference/spreadsheet/named-range). */
import { EmuObject } from '../calls';
import { Runtime } from '../runtime';
import { RangeImpl } from './range';

export class NamedRangeImpl extends EmuObject {
  static emuClass = 'NamedRange';
  constructor(
    private rt: Runtime,
    private name: string,
  ) {
    super();
  }
  getName() {
    return this.name;
  }
  getRange() {
    const sp = this.rt.wb.namedRanges.get(this.name)!;
    return new RangeImpl(this.rt, sp.sheet, sp.row, sp.col, sp.numRows, sp.numCols);
  }
  setName(name: string) {
    const sp = this.rt.wb.namedRanges.get(this.name)!;
    this.rt.wb.namedRanges.delete(this.name);
    this.rt.wb.namedRanges.set(name, sp);
    this.rt.wb.touch();
    this.name = name;
    return this;
  }
  remove() {
    this.rt.wb.namedRanges.delete(this.name);
    this.rt.wb.touch();
  }
}
