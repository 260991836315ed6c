/** Apps Script's Charts (developers.google.com/apps-script/reference/charts/charts). */
import { EmuObject } from '../calls';
import * as Enums from '../enums';

export class ChartsImpl extends EmuObject {
  static emuClass = 'Charts';
  ChartType = Enums.ChartType;
}
