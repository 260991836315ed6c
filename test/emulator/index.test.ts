/** The execution model of dev/emulator/index.ts: held writes, interleaved executions, lock waits on the clock. */
import { createEmulator } from '../../dev/emulator';

const CODE = `
  function write(v) {
    SpreadsheetApp.getActiveSheet().getRange('A1').setValue(v);
    SpreadsheetApp.getActiveSheet().getRange('B1').getValue();
    return SpreadsheetApp.getActiveSheet().getRange('A1').getValue();
  }
  function writeAndFlush(v) {
    SpreadsheetApp.getActiveSheet().getRange('A1').setValue(v);
    SpreadsheetApp.flush();
    SpreadsheetApp.getActiveSheet().getRange('B1').getValue();
  }
  function read() { return SpreadsheetApp.getActiveSheet().getRange('A1').getValue(); }
  function writeB(v) { SpreadsheetApp.getActiveSheet().getRange('B2').setValue(v); }
  function addTab(name) {
    var s = SpreadsheetApp.getActiveSpreadsheet().insertSheet(name);
    s.getRange('A1').setValue('mine');
    SpreadsheetApp.getActiveSheet().getRange('B1').getValue();
  }
  function wait(ms) {
    var l = LockService.getDocumentLock();
    var t = Date.now();
    try { l.waitLock(ms); var waited = Date.now() - t; l.releaseLock(); return ['got', waited]; }
    catch (e) { return [e.message, Date.now() - t]; }
  }
  function attempt(ms) {
    var l = LockService.getDocumentLock();
    var t = Date.now();
    var ok = l.tryLock(ms); var waited = Date.now() - t; l.releaseLock(); return [ok, waited];
  }
`;

function setup() {
  let t = Date.UTC(2024, 5, 12, 16);
  const emu = createEmulator({ now: () => new Date(t) });
  const b = emu.loadBundle(CODE);
  const sheet = emu.spreadsheet.getActiveSheet();
  return { emu, b, sheet, setTime: (x: number) => (t = x) };
}

describe('writes are held until flush or the end of the execution', () => {
  it('another execution does not see them; the execution itself does', () => {
    const { emu, b, sheet } = setup();
    sheet.getRange('A1').setValue('before');
    const other = emu.interleave('before', 'Range.getValue', () => b.call('read'));
    expect(b.call('write', 'mine')).toBe('mine');
    expect(other).toEqual({ ran: true, value: 'before' });
    expect(sheet.getRange('A1').getValue()).toBe('mine');
  });

  it('flush makes them visible to the others', () => {
    const { emu, b } = setup();
    const other = emu.interleave('before', 'Range.getValue', () => b.call('read'));
    b.call('writeAndFlush', 'flushed');
    expect(other.value).toBe('flushed');
  });

  it('held writes land on top of what the other execution committed meanwhile', () => {
    const { emu, b, sheet } = setup();
    const other = emu.interleave('before', 'Range.getValue', () => {
      b.call('write', 'theirs');
      b.call('writeB', 'theirs too');
    });
    b.call('write', 'mine');
    expect(other.ran).toBe(true);
    expect(sheet.getRange('A1').getValue()).toBe('mine');
    expect(sheet.getRange('B2').getValue()).toBe('theirs too');
  });

  it('a new tab and what is written on it survive another execution in between', () => {
    const { emu, b } = setup();
    const other = emu.interleave('before', 'Range.getValue', () => b.call('writeB', 'x'));
    b.call('addTab', 'New');
    expect(other.ran).toBe(true);
    expect(emu.spreadsheet.getSheetByName('New')!.getRange('A1').getValue()).toBe('mine');
  });

  it('runs each scheduled execution once, only inside script executions, and keeps what it threw', () => {
    const { emu, b, sheet } = setup();
    const runs: number[] = [];
    const other = emu.interleave('after', 'Range.setValue', () => {
      runs.push(1);
      throw new Error('boom');
    });
    sheet.getRange('C1').setValue('the test itself is no execution');
    expect(other.ran).toBe(false);
    b.call('writeB', 1);
    b.call('writeB', 2);
    expect(runs).toEqual([1]);
    expect((other.error as Error).message).toBe('boom');
    expect(() => emu.interleave('after', 'setValue', () => 0)).toThrow("call must be 'Class.method'");
  });
});

describe('lock waits spend emulator time', () => {
  it('waitLock gets the lock when the other execution lets it go within the timeout', () => {
    const { emu, b } = setup();
    emu.holdDocumentLock({ forMs: 3000 });
    expect(b.call('wait', 5000)).toEqual(['got', 3000]);
  });

  it('waitLock times out with Apps Script message after the whole timeout; tryLock says false', () => {
    const { emu, b } = setup();
    const release = emu.holdDocumentLock({ forMs: 60_000 });
    expect(b.call('wait', 10_000)).toEqual([
      'Lock timeout: another process was holding the lock for too long.',
      10_000,
    ]);
    expect(b.call('attempt', 500)).toEqual([false, 500]);
    release();
    expect(b.call('attempt', 500)).toEqual([true, 0]);
  });

  it('an execution that waits while the lock holder is suspended around it times out', () => {
    const { emu, b } = setup();
    const other = emu.interleave('after', 'Lock.waitLock', () => b.call('wait', 2000));
    // the holder got the lock at once; the other's 2 s wait passed on the shared clock meanwhile
    expect(b.call('wait', 1000)).toEqual(['got', 2000]);
    expect(other.value).toEqual(['Lock timeout: another process was holding the lock for too long.', 2000]);
  });
});
