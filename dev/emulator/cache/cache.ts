/** Apps Script's Cache (developers.google.com/apps-script/reference/cache/cache). */
import { EmuObject } from '../calls';
import { fail } from '../errors';
import { Runtime } from '../runtime';

export class CacheImpl extends EmuObject {
  static emuClass = 'Cache';
  constructor(
    private rt: Runtime,
    private store: Map<string, { value: string; expires: number }>,
  ) {
    super();
  }
  get(key: string) {
    const e = this.store.get(String(key));
    if (!e) return null;
    if (this.rt.now().getTime() >= e.expires) {
      this.store.delete(String(key));
      return null;
    }
    return e.value;
  }
  put(key: string, value: string, expirationInSeconds = 600) {
    const k = String(key);
    const v = String(value);
    if (k.length > 250) fail('Argument too large: key');
    if (Buffer.byteLength(v) > 100 * 1024) fail('Argument too large: value');
    const secs = Math.min(Math.max(Number(expirationInSeconds), 1), 21600);
    this.store.set(k, { value: v, expires: this.rt.now().getTime() + secs * 1000 });
  }
  getAll(keys: string[]) {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  putAll(values: Record<string, string>, expirationInSeconds = 600) {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }
  remove(key: string) {
    this.store.delete(String(key));
  }
}
