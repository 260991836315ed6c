/** Apps Script's Properties (developers.google.com/apps-script/reference/properties/properties). */
import { EmuObject } from '../calls';
import { fail } from '../errors';
import { Runtime } from '../runtime';

const PROPERTY_VALUE_MAX = 9 * 1024;

export class PropertiesImpl extends EmuObject {
  static emuClass = 'Properties';
  constructor(
    private rt: Runtime,
    private store: Map<string, string>,
    private kind: 'document' | 'script' | 'user',
  ) {
    super();
  }
  /** "Custom Functions in Google Sheets": editors can't set user properties in a custom function. */
  #writable(method: string) {
    if (this.kind === 'user' && this.rt.authMode === 'CUSTOM_FUNCTION')
      fail(`You do not have permission to call Properties.${method}`);
  }
  getProperty(key: string) {
    return this.store.get(String(key)) ?? null;
  }
  setProperty(key: string, value: unknown) {
    this.#writable('setProperty');
    const v = String(value);
    if (Buffer.byteLength(v) > PROPERTY_VALUE_MAX) fail('Argument too large: value');
    this.store.set(String(key), v);
    return this;
  }
  getProperties() {
    return Object.fromEntries(this.store);
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false) {
    this.#writable('setProperties');
    if (properties === null || typeof properties !== 'object') fail('Invalid argument: properties');
    const entries = Object.entries(properties).map(([k, v]) => [k, String(v)] as const);
    for (const [, v] of entries)
      if (Buffer.byteLength(v) > PROPERTY_VALUE_MAX) fail('Argument too large: value');
    if (deleteAllOthers) this.store.clear();
    for (const [k, v] of entries) this.store.set(k, v);
    return this;
  }
  deleteProperty(key: string) {
    this.#writable('deleteProperty');
    this.store.delete(String(key));
    return this;
  }
  deleteAllProperties() {
    this.#writable('deleteAllProperties');
    this.store.clear();
    return this;
  }
}
