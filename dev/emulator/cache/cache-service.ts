/** Apps Script's CacheService (developers.google.com/apps-script/reference/cache/cache-service). */
import { EmuObject } from '../calls';
import { Runtime } from '../runtime';
import { CacheImpl } from './cache';

export class CacheServiceImpl extends EmuObject {
  static emuClass = 'CacheService';
  constructor(private rt: Runtime) {
    super();
  }
  getDocumentCache() {
    return new CacheImpl(this.rt, this.rt.caches.document);
  }
  getScriptCache() {
    return new CacheImpl(this.rt, this.rt.caches.script);
  }
}
