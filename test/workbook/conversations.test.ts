/** Conversation prep and mentioned needs (src/workbook/conversations.ts), on the built bundle. */
import { harness, type Harness, type RpcResult, SAMPLE_CLIENT } from './helpers';
import type { ClientNotes } from '../../src/ui/rpc-types';

function setUp(): { h: Harness; id: string } {
  const h = harness();
  h.call('menuSetUpWorkbook');
  const created = h.call<{ value: { clientId: string } }>('rpcCreateClient', SAMPLE_CLIENT);
  return { h, id: created.value.clientId };
}

const plan = (clientId: string, extra: Record<string, unknown> = {}) => ({
  clientId,
  date: '2024-06-12',
  reason: 'Unhappy with the experience',
  ownPart: 'I moved our call twice in May.',
  outcome: '=IMPORTXML("http://x","//a")',
  listen: '+1 what went wrong for you?',
  restate: '@team: weekly call stays on Tuesdays',
  ...extra,
});

describe('difficult-conversation prep', () => {
  test('the first save creates the Conversations sheet; the plan is saved dated, every step as text', () => {
    const { h, id } = setUp();
    expect(h.emu.spreadsheet.getSheetByName('Conversations')).toBeNull();
    const saved = h.call<RpcResult>('rpcSaveConversation', plan(id));
    expect(saved).toMatchObject({
      ok: true,
      value: { date: '2024-06-12', outcome: '=IMPORTXML("http://x","//a")' },
    });
    const sheet = h.sheet('Conversations');
    const values = sheet.getDataRange().getValues();
    expect(values[0]).toEqual([
      'Client ID',
      'Client',
      'Date',
      'About',
      'Own your part',
      'Outcome wanted',
      'Listen and validate',
      'Restate the outcome',
    ]);
    expect(values[1].slice(3)).toEqual([
      'Unhappy with the experience',
      'I moved our call twice in May.',
      '=IMPORTXML("http://x","//a")',
      '+1 what went wrong for you?',
      '@team: weekly call stays on Tuesdays',
    ]);
    expect(sheet.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
    // Dated as the spreadsheet writes dates (Settings' format for en_US).
    expect(sheet.getRange(2, 3).getDisplayValue()).toBe('6/12/2024');
  });

  test('earlier plans stay readable, newest first, and only this client’s', () => {
    const { h, id } = setUp();
    const other = h.call<{ value: { clientId: string } }>('rpcCreateClient', {
      ...SAMPLE_CLIENT,
      name: 'Beta LLC',
    }).value.clientId;
    h.call('rpcSaveConversation', plan(id, { date: '2024-05-01', reason: 'First' }));
    h.call('rpcSaveConversation', plan(other, { reason: 'Not theirs' }));
    h.call('rpcSaveConversation', plan(id, { date: '2024-06-01', reason: 'Second' }));
    const notes = h.call<ClientNotes>('rpcGetClientNotes', id);
    expect(notes.conversations.map((c) => [c.date, c.reason])).toEqual([
      ['2024-06-01', 'Second'],
      ['2024-05-01', 'First'],
    ]);
    expect(notes.conversations[0].restate).toBe('@team: weekly call stays on Tuesdays');
  });

  test.each([
    [
      'no step written',
      { ownPart: '', outcome: ' ', listen: '', restate: '' },
      'ownPart',
      /at least one of the four steps/,
    ],
    ['a step that is not text', { listen: { evil: true } }, 'listen', /must be text/],
    ['a step too long', { ownPart: 'x'.repeat(2001) }, 'ownPart', /under 2000 characters/],
    ['an impossible date', { date: '2024-02-30' }, 'date', /Date/],
    ['an unknown client', { clientId: 'C-9999' }, 'clientId', /No client with ID C-9999/],
  ])('%s: refused with a message, nothing written and no sheet created', (_name, extra, field, message) => {
    const { h, id } = setUp();
    const before = h.snapshot();
    const result = h.call<RpcResult>('rpcSaveConversation', plan(id, extra));
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual({ field, message: expect.stringMatching(message) });
    expect(h.snapshot()).toEqual(before);
    expect(h.emu.spreadsheet.getSheetByName('Conversations')).toBeNull();
  });

  test('a tab of the user’s named Conversations is never written: refused, naming it', () => {
    const { h, id } = setUp();
    h.emu.spreadsheet
      .insertSheet('Conversations')
      .getRange('A1:B2')
      .setValues([
        ['My notes', ''],
        ['call mum', 'Sunday'],
      ]);
    const before = h.snapshot();
    const result = h.call<RpcResult>('rpcSaveConversation', plan(id));
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/The tab "Conversations" holds something else/),
    });
    expect(h.snapshot()).toEqual(before);
  });
});

describe('needs outside the scope', () => {
  test('saved with the client, dated, as text; read back newest first', () => {
    const { h, id } = setUp();
    expect(
      h.call<RpcResult>('rpcSaveNeed', { clientId: id, date: '2024-06-01', need: 'Help hiring a VA' }).ok,
    ).toBe(true);
    expect(
      h.call<RpcResult>('rpcSaveNeed', { clientId: id, date: '2024-06-12', need: '2024 tax plan' }).ok,
    ).toBe(true);
    const rows = h.sheet('Client needs').getDataRange().getValues();
    expect(rows.map((r) => r[3])).toEqual(['Need mentioned', 'Help hiring a VA', '2024 tax plan']);
    expect(h.call<ClientNotes>('rpcGetClientNotes', id).needs).toEqual([
      { date: '2024-06-12', need: '2024 tax plan' },
      { date: '2024-06-01', need: 'Help hiring a VA' },
    ]);
  });

  test('a need sent without a date is dated today in the spreadsheet’s time zone', () => {
    const { h, id } = setUp();
    // 02:00 UTC on 2024-06-13 is still 2024-06-12 in New York.
    h.setNow(Date.parse('2024-06-13T02:00:00Z'));
    expect(h.call<RpcResult>('rpcSaveNeed', { clientId: id, date: '', need: 'Bookkeeping' })).toMatchObject({
      ok: true,
      value: { date: '2024-06-12' },
    });
  });

  test('an empty need is refused and nothing is created', () => {
    const { h, id } = setUp();
    const before = h.snapshot();
    expect(h.call<RpcResult>('rpcSaveNeed', { clientId: id, date: '2024-06-12', need: '  ' })).toMatchObject({
      ok: false,
      errors: [{ field: 'need', message: 'Describe what they need.' }],
    });
    expect(h.snapshot()).toEqual(before);
  });

  test('reading notes writes nothing, and a workbook without the sheets answers empty lists', () => {
    const { h, id } = setUp();
    const before = h.snapshot();
    expect(h.call<ClientNotes>('rpcGetClientNotes', id)).toEqual({ conversations: [], needs: [] });
    expect(h.snapshot()).toEqual(before);
  });
});
