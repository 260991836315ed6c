import { checkIn, NOW, withClient } from './helpers';

type Due = { weekOf: string; skipped?: Record<string, Record<string, string>> };
type R = { ok: boolean; message?: string };

describe('issue 10: a skip is kept for the week, with what was typed', () => {
  test('the next sidebar (a new execution) still has the skip and the values; a new week starts clean', () => {
    const h = withClient();
    const { weekOf } = h.call<Due>('rpcGetDueList');
    const before = h.snapshot();
    const draft = { 'values.Revenue': '12000', notes: 'Call back Thursday' };
    expect(h.call<R>('rpcSkipCheckIn', { clientId: 'C-0001', weekOf, draft })).toEqual({
      ok: true,
      value: null,
    });
    expect(h.snapshot()).toEqual(before); // a skip writes no cell
    expect(h.call<Due>('rpcGetDueList').skipped).toEqual({ 'C-0001': draft });
    // Saved afterwards: the sidebar forgets the skip.
    expect(h.call<R>('rpcSaveCheckIn', checkIn('C-0001', weekOf)).ok).toBe(true);
    expect(h.call<R>('rpcSkipCheckIn', { clientId: 'C-0001', weekOf, draft: null }).ok).toBe(true);
    expect(h.call<Due>('rpcGetDueList').skipped).toEqual({});
    // Skipped with nothing typed: still a skip. Next week it is gone.
    h.call('rpcSkipCheckIn', { clientId: 'C-0001', weekOf, draft: {} });
    expect(h.call<Due>('rpcGetDueList').skipped).toEqual({ 'C-0001': {} });
    h.setNow(NOW + 7 * 86_400_000);
    expect(h.call<Due>('rpcGetDueList').skipped).toEqual({});
  });

  test('a draft too big to keep is refused with a message, and the earlier skips stay', () => {
    const h = withClient();
    const { weekOf } = h.call<Due>('rpcGetDueList');
    h.call('rpcSkipCheckIn', { clientId: 'C-0001', weekOf, draft: { notes: 'short' } });
    const refused = h.call<R>('rpcSkipCheckIn', {
      clientId: 'C-0002',
      weekOf,
      draft: { notes: 'é'.repeat(4500) },
    });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/Too much is typed to keep/) });
    expect(h.call<Due>('rpcGetDueList').skipped).toEqual({ 'C-0001': { notes: 'short' } });
  });

  test('skips are kept per spreadsheet: the same Client ID in another workbook of the VA is not skipped', () => {
    const h = withClient();
    const { weekOf } = h.call<Due>('rpcGetDueList');
    h.call('rpcSkipCheckIn', { clientId: 'C-0001', weekOf, draft: { notes: 'here' } });
    const keys = [...h.emu.properties.user.keys()].filter((key) => key.startsWith('clienttabs.skipped'));
    expect(keys).toEqual([`clienttabs.skipped.${h.emu.spreadsheet.getId()}`]);
    // What another spreadsheet of the same user kept (user properties follow the user, not the file).
    h.emu.properties.user.set(
      'clienttabs.skipped.another-spreadsheet',
      JSON.stringify({ weekOf, drafts: { 'C-0002': { notes: 'there' } } }),
    );
    expect(h.call<Due>('rpcGetDueList').skipped).toEqual({ 'C-0001': { notes: 'here' } });
  });
});
