/** Apps Script's ScriptApp (developers.google.com/apps-script/reference/script/script-app). */
import { EmuObject } from '../calls';
import * as Enums from '../enums';

export class ScriptAppImpl extends EmuObject {
  static emuClass = 'ScriptApp';
  AuthMode = Enums.AuthMode;
}
