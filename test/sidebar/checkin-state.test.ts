/** The check-in's round and Save rules (src/sidebar/views/checkin-state.ts), without a browser. */
import { CheckInRound, checkSave, draftOf, typedValue } from '../../src/sidebar/views/checkin-state';
import type { CheckInForm, DueClient, DueList } from '../../src/ui/rpc-types';

const dueClient = (clientId: string, doneThisWeek = false): DueClient => ({
  clientId,
  name: `Client ${clientId}`,
  tabName: clientId,
  status: 'Active',
  clientType: 'Savvy',
  startDate: '2024-01-01',
  programMonths: 6,
  endDate: null,
  cadenceDays: 7,
  lastCheckIn: null,
  doneThisWeek,
});

function list(over: Partial<DueList> = {}): DueList {
  const clients = [dueClient('A'), dueClient('B', true), dueClient('C'), dueClient('D')];
  return { weekOf: '2024-06-10', clients, doneCount: 1, totalDue: 4, enteredBy: '', skipped: {}, ...over };
}

describe('the round through the clients due', () => {
  test('start: clients logged this week are done; the server’s skips come back with what was typed', () => {
    const round = new CheckInRound();
    round.start(list({ skipped: { C: { 'values.Revenue': '12' }, D: {}, B: { notes: 'x' } } }));
    expect(['A', 'B', 'C', 'D'].map((id) => round.stateOf(id))).toEqual([
      'pending',
      'done',
      'skipped',
      'skipped',
    ]);
    expect(round.drafts.get('C')).toEqual({ 'values.Revenue': '12' });
    expect(round.drafts.has('D')).toBe(false); // an empty draft is a skip with nothing kept
    expect(round.drafts.has('B')).toBe(false); // done since it was skipped
  });

  test('next: goes round the list from the client just done, passing over done and skipped ones', () => {
    const round = new CheckInRound();
    expect(round.nextPending(null)).toBeNull(); // no list yet
    round.start(list({ skipped: { C: {} } }));
    expect(round.nextPending(null)).toBe('A');
    expect(round.nextPending('A')).toBe('D');
    expect(round.nextPending('D')).toBe('A');
    round.saved('A');
    round.saved('D');
    expect(round.nextPending('D')).toBeNull();
  });

  test('opening a skipped client makes it current and no longer skipped', () => {
    const round = new CheckInRound();
    round.start(list({ skipped: { C: {} } }));
    expect(round.open('C')?.name).toBe('Client C');
    expect(round.stateOf('C')).toBe('current');
    expect(round.skipped.has('C')).toBe(false);
    expect(round.open('Z')).toBeNull(); // a client not due this week still opens (from the card)
  });

  test('done count: the list’s count plus those saved since, never more than are due', () => {
    const round = new CheckInRound();
    expect(round.doneCount()).toBe(0);
    round.start(list());
    expect(round.doneCount()).toBe(1);
    round.saved('A');
    round.saved('B'); // already counted by the list
    expect(round.doneCount()).toBe(2);
    round.start(list({ doneCount: 4 }));
    expect(round.doneCount()).toBe(4);
  });

  test('skip keeps what was typed; a save forgets it (and says the server should too)', () => {
    const round = new CheckInRound();
    round.start(list());
    expect(round.skip('A', { satisfaction: '8' })).toBe(true);
    expect(round.skip('C', {})).toBe(false);
    expect(round.drafts.get('A')).toEqual({ satisfaction: '8' });
    expect(round.saved('A')).toBe(true);
    expect(round.saved('C')).toBe(false);
    expect(round.drafts.size).toBe(0);
  });

  test(
    'at the end: the skipped and not done are left out; going back clears the skips and starts ' +
      'with the first',
    () => {
      const round = new CheckInRound();
      round.start(list());
      round.open('D');
      round.skip('C', {});
      round.skip('D', { notes: 'call back' });
      round.saved('A');
      round.finish();
      expect(round.currentId).toBeNull();
      expect(round.leftOut().map((c) => c.clientId)).toEqual(['C', 'D']);
      expect(round.backToSkipped()).toBe('C');
      expect(round.skipped.size).toBe(0);
      expect(round.drafts.get('D')).toEqual({ notes: 'call back' }); // the typed values come back with the form
    },
  );
});

const form = (over: Partial<CheckInForm> = {}): CheckInForm => ({
  client: { clientId: 'A', name: 'Acme', tabName: 'Acme', status: 'Active', clientType: 'Micromanager' },
  weekOf: '2024-06-10',
  metrics: [{ name: 'Revenue', unit: 'USD', direction: 'up', baseline: 10000, target: 20000, last: 12000 }],
  fields: { satisfaction: true, wins: true, blockers: true, notes: true },
  previousWeekOf: '2024-06-03',
  existing: null,
  handling: { clientType: 'Micromanager', advice: '', thisWeek: null, act: false },
  ...over,
});
const fields =
  (typed: Record<string, string>) =>
  (key: string): string =>
    (typed[key] ?? '').trim();
const options = {
  enteredBy: 'Sam',
  noContact: false,
  replace: false,
  pending: new Map<string, string>(),
  locale: 'en_US',
};

describe('what a Save sends or refuses', () => {
  test('a normal week: the entry carries the values as typed and nothing is refused', () => {
    const { entry, errors, warnings } = checkSave(
      form(),
      fields({ 'values.Revenue': '12,500', satisfaction: '8', wins: 'A deal' }),
      options,
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(entry).toEqual({
      clientId: 'A',
      weekOf: '2024-06-10',
      values: { Revenue: '12,500' },
      satisfaction: '8',
      wins: 'A deal',
      blockers: '',
      notes: '',
      enteredBy: 'Sam',
      noContact: false,
      confirmed: [],
    });
  });

  test('a value it cannot read and a satisfaction out of range are refused beside their fields', () => {
    const { errors } = checkSave(form(), fields({ 'values.Revenue': 'abc', satisfaction: '100' }), options);
    expect(errors.map((e) => e.field)).toEqual(['values.Revenue', 'satisfaction']);
    expect(errors[1].message).toBe('Satisfaction must be a whole number from 1 to 10; got "100".');
  });

  test('nothing measured is refused unless "No contact this week"; ticked with a value, it is a contradiction', () => {
    expect(checkSave(form(), fields({ wins: 'Nice call' }), options).errors.map((e) => e.field)).toEqual([
      'noContact',
    ]);
    expect(checkSave(form(), fields({}), { ...options, noContact: true }).errors).toEqual([]);
    const both = checkSave(form(), fields({ satisfaction: '7' }), { ...options, noContact: true });
    expect(both.errors[0].message).toMatch(/is ticked but a metric or the satisfaction is typed/);
  });

  test('a week already logged needs Replace ticked, and then says so', () => {
    const existing = {
      clientId: 'A',
      weekOf: '2024-06-10',
      values: {},
      satisfaction: '',
      wins: '',
      blockers: '',
      notes: '',
    };
    const typed = fields({ satisfaction: '7' });
    expect(checkSave(form({ existing }), typed, options).errors.map((e) => e.field)).toEqual(['replace']);
    const replaced = checkSave(form({ existing }), typed, { ...options, replace: true });
    expect(replaced.errors).toEqual([]);
    expect(replaced.entry.replace).toBe(true);
  });

  test('a value 10 times the last one is asked once; the same text again is confirmed and sent as such', () => {
    const typed = fields({ 'values.Revenue': '120000' });
    const first = checkSave(form(), typed, options);
    expect(first.warnings.map((w) => w.field)).toEqual(['values.Revenue']);
    const again = checkSave(form(), typed, { ...options, pending: new Map([['Revenue', '120000']]) });
    expect(again.warnings).toEqual([]);
    expect(again.entry.confirmed).toEqual(['Revenue']);
    const changed = checkSave(form(), fields({ 'values.Revenue': '130000' }), {
      ...options,
      pending: new Map([['Revenue', '120000']]),
    });
    expect(changed.warnings).toHaveLength(1);
  });
});

describe('what a skip keeps', () => {
  test('only the fields with text, by their form keys; a metric named like a built-in is a key like any other', () => {
    const f = form({ metrics: [...form().metrics, { ...form().metrics[0], name: '__proto__' }] });
    const draft = draftOf(
      f,
      fields({ 'values.Revenue': '', 'values.__proto__': '3', satisfaction: '9', notes: ' ' }),
    );
    expect(Object.keys(draft)).toEqual(['values.__proto__', 'satisfaction']);
    expect(typedValue(draft, 'satisfaction', '')).toBe('9');
    expect(typedValue(draft, 'wins', 'from the row')).toBe('from the row');
    expect(typedValue(null, 'toString', '')).toBe('');
  });
});
