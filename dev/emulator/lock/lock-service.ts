/** Apps Script's LockService (developers.google.com/apps-script/reference/lock/lock-service). */
import { EmuObject } from '../calls';
import { Runtime } from '../runtime';
import { LockImpl } from './lock';

export class LockServiceImpl extends EmuObject {
  static emuClass = 'LockService';
  constructor(private rt: Runtime) {
    super();
  }
  getDocumentLock() {
    return new LockImpl(this.rt, 'document', this.rt.execution);
  }
}
