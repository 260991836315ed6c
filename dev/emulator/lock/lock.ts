/** Apps Script's Lock (developers.google.com/apps-script/reference/lock/lock). */
import { EmuObject } from '../calls';
import { fail } from '../errors';
import { LockKind, Runtime } from '../runtime';

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

export class LockImpl extends EmuObject {
  static emuClass = 'Lock';
  constructor(
    private rt: Runtime,
    private kind: LockKind,
    private execution: number,
  ) {
    super();
  }
  /**
   * Waits on the emulator clock: takes the lock if it is free, or if the simulated other execution
   * lets it go within the timeout (the clock moves to that moment); otherwise the whole timeout passes.
   */
  #acquire(timeoutInMillis: number): boolean {
    const holder = this.rt.locks[this.kind];
    if (holder === null || holder === this.execution) {
      this.rt.locks[this.kind] = this.execution;
      return true;
    }
    const timeout = Math.max(0, Number(timeoutInMillis) || 0);
    const releaseAt = holder === 'external' ? this.rt.externalReleaseAt : null;
    if (releaseAt !== null) {
      const wait = releaseAt - this.rt.now().getTime();
      if (wait <= timeout) {
        if (wait > 0) this.rt.advanceClock(wait);
        this.rt.externalReleaseAt = null;
        this.rt.locks[this.kind] = this.execution;
        return true;
      }
    }
    this.rt.advanceClock(timeout);
    return false;
  }
  tryLock(timeoutInMillis: number) {
    return this.#acquire(timeoutInMillis);
  }
  waitLock(timeoutInMillis: number) {
    if (!this.#acquire(timeoutInMillis)) fail(LOCK_TIMEOUT);
  }
  releaseLock() {
    if (this.rt.locks[this.kind] === this.execution) this.rt.locks[this.kind] = null;
  }
  hasLock() {
    return this.rt.locks[this.kind] === this.execution;
  }
}
