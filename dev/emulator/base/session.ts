/** Apps Script's Session (developers.google.com/apps-script/reference/base/session). */
import * as crypto from 'node:crypto';
import { EmuObject } from '../calls';
import { Runtime } from '../runtime';
import { UserImpl } from './user';

export class SessionImpl extends EmuObject {
  static emuClass = 'Session';
  private key = crypto.randomUUID();
  constructor(
    private rt: Runtime,
    private scriptTimeZone: string,
    private locale: string,
  ) {
    super();
  }
  #user() {
    // custom functions run as an anonymous user
    return new UserImpl(this.rt.authMode === 'CUSTOM_FUNCTION' ? '' : this.rt.userEmail);
  }
  getActiveUser() {
    return this.#user();
  }
  getEffectiveUser() {
    return this.#user();
  }
  getScriptTimeZone() {
    return this.scriptTimeZone;
  }
  getActiveUserLocale() {
    return this.locale.split(/[_-]/)[0];
  }
  getTemporaryActiveUserKey() {
    return this.key;
  }
}
