/** Structure changes run under the document lock, so two people saving at once cannot interleave rows. */

export class LockTimeout extends Error {
  constructor() {
    super('Someone else is saving to this spreadsheet right now. Try again in a moment.');
    this.name = 'LockTimeout';
  }
}

const WAIT_MS = 10_000;

/**
 * Runs `work` holding the document lock; throws LockTimeout when it cannot be had in 10 s. Always flushes and
 * releases.
 */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  try {
    lock.waitLock(WAIT_MS);
  } catch {
    throw new LockTimeout();
  }
  try {
    return work();
  } finally {
    try {
      // Apps Script may hold writes until the execution ends: the next holder must see them (Lock.releaseLock).
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  }
}
