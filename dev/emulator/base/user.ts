/** Apps Script's User (developers.google.com/apps-script/reference/base/user). */
import { EmuObject } from '../calls';

export class UserImpl extends EmuObject {
  static emuClass = 'User';
  constructor(private email: string) {
    super();
  }
  getEmail() {
    return this.email;
  }
  toString() {
    return this.email;
  }
}
