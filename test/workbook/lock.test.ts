/**
 * Two people saving at once, on the built bundle. In Apps Script another execution can run while
 * this one still holds writes back (the Lock reference: flush before releasing the lock); the
 * emulator runs the second save right after the first lets the lock go, before the first one ends.
 */
import { checkIn, harness, SAMPLE_CLIENT, type Harness } from './helpers';

type R = { ok: boolean; value?: Record<string, unknown>; message?: string };

function withClient(): Harness {
  const h = harness();
  h.call('menuSetUpWorkbook');
  h.call('rpcCreateClient', SAMPLE_CLIENT);
  return h;
}

/** Week-of dates in the client's log, in row order (blank rows left out). */
function loggedWeeks(h: Harness, tab: string): string[] {
  const sheet = h.sheet(tab);
  const values = sheet.getRange(13, 1, sheet.getMaxRows() - 12, 1).getValues();
  return values.filter((r) => r[0] instanceof Date).map((r) => (r[0] as Date).toISOString().slice(0, 10));
}

describe('withDocumentLock: saves that overlap', () => {
  test('two VAs log the same client for different weeks at once: both rows land, in distinct rows', () => {
    const h = withClient();
    const second = h.emu.interleave('after', 'Lock.releaseLock', () =>
      h.call<R>('rpcSaveCheckIn', { ...checkIn('C-0001', '2024-06-03'), enteredBy: 'VA Two' }),
    );
    const first = h.call<R>('rpcSaveCheckIn', { ...checkIn('C-0001', '2024-06-10'), enteredBy: 'VA One' });
    expect(second.ran).toBe(true);
    expect(second.error).toBeUndefined();
    expect(first.ok).toBe(true);
    expect((second.value as R).ok).toBe(true);
    expect(first.value?.row).not.toBe((second.value as R).value?.row);
    expect(loggedWeeks(h, 'Acme Co').sort()).toEqual(['2024-06-03', '2024-06-10']);
    const enteredBy = h.sheet('Acme Co').getRange('H13:H14').getValues().flat().sort();
    expect(enteredBy).toEqual(['VA One', 'VA Two']);
  });

  test('two New client saves at once: distinct roster rows, distinct IDs, both tabs', () => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    const second = h.emu.interleave('after', 'Lock.releaseLock', () =>
      h.call<R>('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Beta LLC' }),
    );
    const first = h.call<R>('rpcCreateClient', SAMPLE_CLIENT);
    expect(second.error).toBeUndefined();
    expect(first.ok).toBe(true);
    expect((second.value as R).ok).toBe(true);
    const roster = h.sheet('Clients').getDataRange().getValues();
    const names = roster.map((r) => r[1]).filter((n) => n === 'Acme Co' || n === 'Beta LLC');
    expect(names.sort()).toEqual(['Acme Co', 'Beta LLC']);
    const ids = roster.filter((r) => names.includes(r[1] as string)).map((r) => r[0]);
    expect(new Set(ids).size).toBe(2);
    expect(h.emu.spreadsheet.getSheetByName('Acme Co')).not.toBeNull();
    expect(h.emu.spreadsheet.getSheetByName('Beta LLC')).not.toBeNull();
  });

  test('a save that waits for the lock while another one saves: it gets the lock after, and sees that row', () => {
    const h = withClient();
    const other = h.emu.interleave('before', 'Lock.waitLock', () =>
      h.call<R>('rpcSaveCheckIn', { ...checkIn('C-0001', '2024-06-03'), enteredBy: 'VA Two' }),
    );
    const mine = h.call<R>('rpcSaveCheckIn', { ...checkIn('C-0001', '2024-06-10'), enteredBy: 'VA One' });
    expect((other.value as R).value?.row).toBe(13);
    expect(mine.value?.row).toBe(14);
    expect(loggedWeeks(h, 'Acme Co')).toEqual(['2024-06-03', '2024-06-10']);
  });

  test('another save that starts while this one holds the lock waits 10 s on the clock, then is told to retry', () => {
    const h = withClient();
    const before = h.snapshot(['Acme Co']);
    let waited = 0;
    const other = h.emu.interleave('after', 'Lock.waitLock', () => {
      const t0 = (h.bundle.context.Date as DateConstructor).now();
      const result = h.call<R>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-03'));
      waited = (h.bundle.context.Date as DateConstructor).now() - t0;
      return result;
    });
    const mine = h.call<R>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10'));
    expect(mine.ok).toBe(true);
    expect(other.value).toEqual({
      ok: false,
      errors: [],
      message: 'Someone else is saving to this spreadsheet right now. Try again in a moment.',
    });
    expect(waited).toBe(10_000);
    expect(loggedWeeks(h, 'Acme Co')).toEqual(['2024-06-10']);
    expect(h.snapshot(['Acme Co'])).not.toEqual(before);
  });
});
