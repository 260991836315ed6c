/** Apps Script's Utilities (developers.google.com/apps-script/reference/utilities/utilities). */
import * as crypto from 'node:crypto';
import { EmuObject } from '../calls';
import { formatJavaDate, isDate } from '../dates';
import { fail } from '../errors';

export class UtilitiesImpl extends EmuObject {
  static emuClass = 'Utilities';
  formatDate(date: Date, timeZone: string, format: string) {
    if (!isDate(date) || isNaN(date.getTime())) fail('Invalid argument: date');
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
    } catch {
      fail('Invalid argument: timeZone');
    }
    return formatJavaDate(date, timeZone, String(format));
  }
  formatString(template: string, ...args: unknown[]) {
    let i = 0;
    return String(template).replace(
      /%(-?\d*)(?:\.(\d+))?([sdfi%])/g,
      (_m, width: string, prec: string, conv: string) => {
        if (conv === '%') return '%';
        const a = args[i++];
        let s: string;
        if (conv === 'd' || conv === 'i') s = String(Math.trunc(Number(a)));
        else if (conv === 'f') s = Number(a).toFixed(prec === undefined ? 6 : Number(prec));
        else s = String(a);
        const w = Number(width);
        if (w) s = w < 0 ? s.padEnd(-w) : s.padStart(w);
        return s;
      },
    );
  }
  sleep(_milliseconds: number) {}
  getUuid() {
    return crypto.randomUUID();
  }
}
