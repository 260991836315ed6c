/** Apps Script's Logger (developers.google.com/apps-script/reference/base/logger). */
import { EmuObject } from '../calls';
import { Runtime } from '../runtime';

export function formatLog(data: unknown, values: unknown[]): string {
  const s =
    typeof data === 'string'
      ? data
      : data instanceof Error
        ? String(data)
        : (JSON.stringify(data) ?? String(data));
  if (!values.length) return s;
  let i = 0;
  return s.replace(/%s|%d/g, () => String(values[i++]));
}

export class LoggerImpl extends EmuObject {
  static emuClass = 'Logger';
  constructor(private rt: Runtime) {
    super();
  }
  log(data: unknown, ...values: unknown[]) {
    this.rt.logs.push(formatLog(data, values));
    return this;
  }
  clear() {
    this.rt.logs.length = 0;
  }
}
