/** Apps Script's ContainerInfo (developers.google.com/apps-script/reference/spreadsheet/container-info). */
import { EmuObject } from '../calls';
import { ChartModel } from '../model';

export class ContainerInfoImpl extends EmuObject {
  static emuClass = 'ContainerInfo';
  constructor(private m: ChartModel) {
    super();
  }
  getAnchorColumn() {
    return this.m.anchorCol;
  }
}
