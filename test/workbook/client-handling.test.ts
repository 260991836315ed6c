/**
 * Handling advice by client type (src/workbook/client-handling.ts), on the built bundle: the one-liner
 * from Settings (editable per type, blank → default) and what it means this week, on the card and in the
 * check-in form; Set up adds the rows to an older workbook without touching the user's cells.
 */
import { DEFAULT_HANDLING_ADVICE } from '../../src/core/client-handling';
import type { CheckInForm, ClientCard } from '../../src/ui/rpc-types';
import { harness, SAMPLE_CLIENT, checkIn, type Harness } from './helpers';

// The harness's today is Wednesday 2024-06-12.
function client(h: Harness, clientType: string, name = 'Acme Co'): string {
  const created = h.call<{ ok: boolean; value: { clientId: string } }>('rpcCreateClient', {
    ...SAMPLE_CLIENT,
    name,
    clientType,
  });
  expect(created.ok).toBe(true);
  return created.value.clientId;
}

function logWeeks(h: Harness, clientId: string, weeks: string[]): void {
  for (const week of weeks)
    expect(h.call<{ ok: boolean }>('rpcSaveCheckIn', checkIn(clientId, week)).ok).toBe(true);
}

/** The 1-based row of a Settings label, and the sheet. */
function settingsRow(h: Harness, label: string): number {
  const values = h.sheet('Settings').getDataRange().getValues();
  const index = values.findIndex((row) => row[0] === label);
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

describe('handling advice by client type', () => {
  test(
    'a laissez-faire client silent three weeks: the card and the check-in say call this week, ' +
      'with the type’s advice',
    () => {
      const h = harness();
      h.call('menuSetUpWorkbook');
      const id = client(h, 'Laissez-faire');
      logWeeks(h, id, ['2024-05-06', '2024-05-20']); // last check-in 23 days before 2024-06-12
      const card = h.call<ClientCard>('rpcGetClientCard', id);
      expect(card.handling).toEqual({
        clientType: 'Laissez-faire',
        advice: DEFAULT_HANDLING_ADVICE['Laissez-faire'],
        thisWeek: 'Call this week: no reply in 3 weeks.',
        act: true,
      });
      expect(h.call<CheckInForm>('rpcGetCheckInForm', id).handling).toEqual(card.handling);
    },
  );

  test(
    'the advice edited in Settings shows on the card and in the check-in; a blank cell brings the ' +
      'default back',
    () => {
      const h = harness();
      h.call('menuSetUpWorkbook');
      const id = client(h, 'Savvy');
      logWeeks(h, id, ['2024-06-03']);
      const row = settingsRow(h, 'Handling advice: Savvy');
      const typed = '=Send them our quarterly benchmark, they love numbers';
      h.sheet('Settings').getRange(row, 2).setValue(`'${typed}`);
      const card = h.call<ClientCard>('rpcGetClientCard', id);
      expect(card.handling.advice).toBe(typed);
      expect(card.handling.thisWeek).toBe(
        'In touch: last touch 6/3/2024. Send an article or idea by 7/1/2024.',
      );
      expect(h.call<CheckInForm>('rpcGetCheckInForm', id).handling.advice).toBe(typed);
      // Another type's advice is its own.
      expect(
        h.call<ClientCard>('rpcGetClientCard', client(h, 'Micromanager', 'Beta Ltd')).handling.advice,
      ).toBe(DEFAULT_HANDLING_ADVICE.Micromanager);
      h.sheet('Settings').getRange(row, 2).setValue('');
      expect(h.call<ClientCard>('rpcGetClientCard', id).handling.advice).toBe(DEFAULT_HANDLING_ADVICE.Savvy);
    },
  );

  test(
    'a conversation logged in the Conversations sheet is a contact: a micromanager over the ' +
      'weekly rhythm is told to keep to it',
    () => {
      const h = harness();
      h.call('menuSetUpWorkbook');
      const id = client(h, 'Micromanager');
      logWeeks(h, id, ['2024-06-03', '2024-06-10']);
      expect(h.call<ClientCard>('rpcGetClientCard', id).handling).toMatchObject({
        thisWeek: 'On rhythm: next check-in on 6/17/2024, not before.',
        act: false,
      });
      const talk = {
        clientId: id,
        reason: 'Daily emails',
        ownPart: 'I answered each one.',
        outcome: 'A weekly slot.',
        listen: '',
        restate: '',
      };
      for (const date of ['2024-06-05', '2024-06-11'])
        expect(h.call<{ ok: boolean }>('rpcSaveConversation', { ...talk, date }).ok).toBe(true);
      expect(h.call<ClientCard>('rpcGetClientCard', id).handling).toMatchObject({
        thisWeek:
          'Keep to the rhythm: 4 contacts in the last 2 weeks against one every 7 days. Next on 6/18/2024, not before.',
        act: true,
      });
    },
  );

  test('a client with no type: the card says so and suggests Edit client; nothing for this week', () => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    const id = client(h, 'Micromanager');
    const roster = h.sheet('Clients');
    const header = roster.getRange(1, 1, 1, roster.getLastColumn()).getValues()[0];
    roster.getRange(2, header.indexOf('Client type') + 1).setValue('');
    expect(h.call<ClientCard>('rpcGetClientCard', id).handling).toEqual({
      clientType: null,
      advice: 'No client type set: choose one in Edit client to get handling advice.',
      thisWeek: null,
      act: false,
    });
  });

  test('reading the card and the check-in form writes nothing', () => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    const id = client(h, 'Laissez-faire');
    logWeeks(h, id, ['2024-05-20']);
    const before = h.snapshot();
    h.call('rpcGetClientCard', id);
    h.call('rpcGetCheckInForm', id);
    expect(h.snapshot()).toEqual(before);
  });

  test('Set up on a workbook without the rows adds them after the last setting, keeping every cell of the user', () => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    const settings = h.sheet('Settings');
    // An older workbook: no handling rows, and a note of the user's two rows under the settings.
    const values = settings.getDataRange().getValues();
    const kept = values.filter((row) => !String(row[0]).startsWith('Handling advice: '));
    settings.getRange(1, 1, values.length, values[0].length).clearContent();
    settings.getRange(1, 1, kept.length, kept[0].length).setValues(kept);
    settings.getRange(kept.length + 2, 1).setValue('My note: prices go up in June');
    settings.getRange(2, 2).setValue('€');
    h.call('menuSetUpWorkbook');
    const after = settings.getDataRange().getValues();
    expect(after.slice(0, kept.length).map((r) => r.slice(0, 3))).toEqual(
      kept.map((r, i) => (i === 1 ? ['Currency symbol', '€', r[2]] : r.slice(0, 3))),
    );
    expect(after[kept.length + 1][0]).toBe('My note: prices go up in June');
    const added = after.slice(kept.length + 2).filter((r) => String(r[0]).startsWith('Handling advice: '));
    expect(added.map((r) => [r[0], r[1]])).toEqual(
      Object.entries(DEFAULT_HANDLING_ADVICE).map(([type, advice]) => [`Handling advice: ${type}`, advice]),
    );
  });
});
