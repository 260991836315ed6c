import {
  clientHandling,
  DEFAULT_HANDLING_ADVICE,
  handlingAdviceFor,
  NO_TYPE_ADVICE,
  type HandlingRecord,
} from '../../src/core/client-handling';
import { parseIsoDay } from '../../src/core/dates';

const day = (iso: string) => parseIsoDay(iso) as number;
// Wednesday 2025-03-12.
const today = day('2025-03-12');
const record = (over: Partial<HandlingRecord>): HandlingRecord => ({
  clientType: 'Laissez-faire',
  current: true,
  today,
  startDay: day('2024-06-03'),
  cadenceDays: 21,
  checkIns: [],
  conversations: [],
  satisfaction: 8,
  ...over,
});
const handle = (over: Partial<HandlingRecord>, settings = {}) =>
  clientHandling(record(over), settings, 'm/d/yyyy');

describe('the one-liner per type', () => {
  test('each type has its default; Settings text replaces it; a blank Settings cell means the default', () => {
    expect(handlingAdviceFor('Savvy')).toBe(DEFAULT_HANDLING_ADVICE.Savvy);
    expect(handlingAdviceFor('micromanager', { Micromanager: '  Fridays only.  ' })).toBe('Fridays only.');
    expect(handlingAdviceFor('In the dark', { 'In the dark': '   ' })).toBe(
      DEFAULT_HANDLING_ADVICE['In the dark'],
    );
    expect(handlingAdviceFor('')).toBeNull();
  });
  test(
    'a client with no type (or one not in the list) is told to set one in Edit client, nothing ' +
      'for this week',
    () => {
      for (const clientType of ['', 'Grumpy', null]) {
        expect(handle({ clientType })).toEqual({
          clientType: null,
          advice: NO_TYPE_ADVICE,
          thisWeek: null,
          act: false,
        });
      }
    },
  );
  test('a paused or ended client keeps the one-liner but has nothing to do this week', () => {
    expect(handle({ current: false })).toEqual({
      clientType: 'Laissez-faire',
      advice: DEFAULT_HANDLING_ADVICE['Laissez-faire'],
      thisWeek: null,
      act: false,
    });
  });
});

describe('laissez-faire: a call before silence turns into leaving', () => {
  test('silent three weeks (last check-in 2025-02-19, 21 days ago): call this week', () => {
    expect(handle({ checkIns: [day('2025-01-29'), day('2025-02-19')] })).toMatchObject({
      thisWeek: 'Call this week: no reply in 3 weeks.',
      act: true,
    });
  });
  test('20 days is still quiet-and-fine, and says the day the call comes due', () => {
    expect(handle({ checkIns: [day('2025-02-20')] })).toMatchObject({
      thisWeek: 'Quiet is fine: last heard from 2/20/2025. Call if still silent on 3/13/2025.',
      act: false,
    });
  });
  test('a conversation logged counts as a reply; a conversation dated ahead does not', () => {
    const base = { checkIns: [day('2025-01-29')] };
    expect(handle({ ...base, conversations: [day('2025-03-03')] }).act).toBe(false);
    expect(handle({ ...base, conversations: [day('2025-03-20')] }).thisWeek).toBe(
      'Call this week: no reply in 6 weeks.',
    );
  });
  test('never checked in: counted from the start', () => {
    expect(handle({ startDay: day('2025-02-10') }).thisWeek).toBe(
      'Call this week: no reply since the start 4 weeks ago.',
    );
    expect(handle({ startDay: day('2025-03-03') }).thisWeek).toBe(
      'Quiet is fine: started 3/3/2025. Call if still silent on 3/24/2025.',
    );
  });
});

describe('micromanager: agree a rhythm and keep to it', () => {
  const mm = (over: Partial<HandlingRecord>) =>
    handle({ clientType: 'Micromanager', cadenceDays: 7, ...over });
  test(
    'four contacts in the last two weeks against a weekly rhythm: keep to the rhythm, next a week ' +
      'after the last',
    () => {
      const checkIns = [day('2025-03-03'), day('2025-03-10')];
      const conversations = [day('2025-03-05'), day('2025-03-11')];
      expect(mm({ checkIns, conversations })).toMatchObject({
        thisWeek:
          'Keep to the rhythm: 4 contacts in the last 2 weeks against one every 7 days. Next on 3/18/2025, not before.',
        act: true,
      });
    },
  );
  test('two weekly check-ins in two weeks is the rhythm: on rhythm, with the next day', () => {
    expect(mm({ checkIns: [day('2025-03-03'), day('2025-03-10')] })).toMatchObject({
      thisWeek: 'On rhythm: next check-in on 3/17/2025, not before.',
      act: false,
    });
  });
  test('a week since the last contact: check in this week, as agreed', () => {
    expect(mm({ checkIns: [day('2025-03-05')] }).thisWeek).toBe(
      'Check in this week, as agreed: one every 7 days; the last was 3/5/2025.',
    );
  });
  test('a cadence shorter than a week is not a rhythm to keep: agree a weekly one', () => {
    expect(mm({ cadenceDays: 2 })).toMatchObject({
      thisWeek:
        'Agree a rhythm: a check-in every 2 days is more than once a week. Settle on weekly and keep to it.',
      act: true,
    });
  });
});

describe('in the dark: explain the basics, encourage questions', () => {
  const dark = (over: Partial<HandlingRecord>) =>
    handle({ clientType: 'In the dark', cadenceDays: 7, ...over });
  test('in the first six weeks: explain one basic, with the week number', () => {
    expect(dark({ startDay: day('2025-02-24') }).thisWeek).toBe(
      'Explain one basic this week and ask what questions they have: week 3 of working together.',
    );
    expect(dark({ startDay: day('2025-01-29') }).act).toBe(false); // week 7, satisfaction 8
  });
  test('later, a low satisfaction (6 or under) brings it back', () => {
    expect(dark({ satisfaction: 6 })).toMatchObject({
      thisWeek:
        'Explain one basic this week and ask what questions they have: satisfaction 6/10 at the last check-in.',
      act: true,
    });
    expect(dark({ satisfaction: 7 })).toMatchObject({
      thisWeek: 'Settled in: ask whether anything is unclear at the next check-in.',
      act: false,
    });
  });
});

describe('savvy: keep in touch, show you think of them', () => {
  const savvy = (over: Partial<HandlingRecord>) => handle({ clientType: 'Savvy', cadenceDays: 14, ...over });
  test('no touch in four weeks: send an article or idea', () => {
    expect(savvy({ checkIns: [day('2025-02-12')] })).toMatchObject({
      thisWeek: 'Send something this week (an article, an idea): no touch in 4 weeks.',
      act: true,
    });
  });
  test('touched 15 days ago: in touch, with the day to send something by', () => {
    expect(savvy({ checkIns: [day('2025-02-25')] })).toMatchObject({
      thisWeek: 'In touch: last touch 2/25/2025. Send an article or idea by 3/25/2025.',
      act: false,
    });
  });
  test('dates follow Settings’ Date format', () => {
    const handling = clientHandling(
      record({ clientType: 'Savvy', checkIns: [day('2025-02-25')] }),
      {},
      'dd.mm.yyyy',
    );
    expect(handling.thisWeek).toBe('In touch: last touch 25.02.2025. Send an article or idea by 25.03.2025.');
  });
});
