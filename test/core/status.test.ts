import { parseIsoDay } from '../../src/core/dates';
import { clientState, owesCheckIns, statusOn, statusPhrases, type StatusInput } from '../../src/core/status';

const day = (iso: string) => parseIsoDay(iso) as number;
const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
// Wednesday 2024-06-12; the week started Monday 06-10.
const base: StatusInput = {
  stored: 'Active',
  endDay: null,
  startDay: day('2024-01-08'),
  cadenceDays: 7,
  lastCheckIn: day('2024-06-05'),
  today: day('2024-06-12'),
  weekStartDay: day('2024-06-10'),
  latePayments: 0,
};

describe('statusOn: the status on a day', () => {
  test('serving notice until the end date, Ended from that day on', () => {
    const end = day('2024-07-01');
    expect(statusOn('Serving notice', end, day('2024-06-30'))).toBe('Serving notice');
    expect(statusOn('Serving notice', end, day('2024-07-01'))).toBe('Ended');
    expect(statusOn('Serving notice', end, day('2024-09-01'))).toBe('Ended');
  });
  test('an Ended whose end date is still ahead (written by earlier versions) is serving notice', () => {
    expect(statusOn('Ended', day('2024-07-01'), day('2024-06-12'))).toBe('Serving notice');
    expect(statusOn('ended', day('2024-06-01'), day('2024-06-12'))).toBe('Ended');
    expect(statusOn('Ended', null, day('2024-06-12'))).toBe('Ended');
  });
  test('Active and Paused are what the user set; unreadable text reads as Active', () => {
    expect(statusOn('Paused', day('2024-01-01'), day('2024-06-12'))).toBe('Paused');
    expect(statusOn('Active', day('2024-01-01'), day('2024-06-12'))).toBe('Active');
    expect(statusOn('??', null, day('2024-06-12'))).toBe('Active');
    expect(statusOn(' serving  NOTICE ', null, day('2024-06-12'))).toBe('Serving notice');
  });
  test('check-ins are owed by active clients and by clients serving notice', () => {
    expect(owesCheckIns('Active')).toBe(true);
    expect(owesCheckIns('Serving notice')).toBe(true);
    expect(owesCheckIns('Paused')).toBe(false);
    expect(owesCheckIns('Ended')).toBe(false);
  });
});

describe('clientState: one verdict for card, due list and Dashboard', () => {
  const phrases = (input: StatusInput) => statusPhrases(clientState(input), input.endDay, iso);

  test('logged this week, nothing late: good', () => {
    const state = clientState({ ...base, lastCheckIn: day('2024-06-10') });
    expect(state).toMatchObject({ status: 'Active', checkIn: 'done', tone: 'good' });
  });

  test('not logged this week and paying late is never "On schedule" in green', () => {
    const state = clientState({ ...base, latePayments: 1 });
    expect(state).toMatchObject({ checkIn: 'due', paysLate: true, tone: 'bad' });
    expect(phrases({ ...base, latePayments: 1 })).toEqual(['Nothing logged this week', 'Paying late']);
  });

  test('overdue by the cadence with nothing logged this week', () => {
    const input = { ...base, lastCheckIn: day('2024-05-20') }; // due 05-27
    expect(clientState(input)).toMatchObject({ checkIn: 'overdue', overdueBy: 16, tone: 'bad' });
    expect(phrases(input)).toEqual(['Check-in overdue by 16 days']);
  });

  test('on schedule when the next check-in falls after this week', () => {
    const input = { ...base, cadenceDays: 14, lastCheckIn: day('2024-06-07') }; // next 06-21
    expect(clientState(input)).toMatchObject({
      checkIn: 'on-schedule',
      tone: 'good',
      nextCheckInDay: day('2024-06-21'),
    });
  });

  test('serving notice: still owes check-ins until the end date, then Ended with none due', () => {
    const serving = { ...base, stored: 'Serving notice', endDay: day('2024-07-01') };
    expect(clientState(serving)).toMatchObject({ status: 'Serving notice', checkIn: 'due' });
    expect(clientState({ ...serving, lastCheckIn: day('2024-06-10') })).toMatchObject({
      checkIn: 'done',
      tone: '',
    });
    expect(phrases(serving)).toEqual(['Serving notice until 2024-07-01', 'Nothing logged this week']);
    const after = { ...serving, today: day('2024-07-03'), weekStartDay: day('2024-07-01') };
    expect(clientState(after)).toMatchObject({
      status: 'Ended',
      checkIn: 'inactive',
      overdueBy: null,
      nextCheckInDay: null,
      tone: '',
    });
    expect(phrases(after)).toEqual(['Ended on 2024-07-01: no check-ins due']);
  });

  test('paused: nothing due, but a late payment still shows', () => {
    const input = { ...base, stored: 'Paused', latePayments: 2 };
    expect(clientState(input)).toMatchObject({ checkIn: 'inactive', tone: 'bad' });
    expect(phrases(input)).toEqual(['Paused: no check-ins due', 'Paying late']);
  });
});
