/**
 * Dates written by the flows land on the calendar day the user chose, shown in the spreadsheet's time
 * zone, however far it is from UTC (and from the script's zone); "today" is today where the sheet is.
 */
import { harness, SAMPLE_CLIENT } from './helpers';

type R = { ok: boolean; value?: Record<string, unknown>; errors?: unknown[]; message?: string };

/** Sunday 2024-06-16, 20:00 UTC: already Monday 17 June in Auckland, still Sunday 16 June in Los Angeles. */
const SUNDAY_EVENING_UTC = Date.parse('2024-06-16T20:00:00Z');

describe.each([
  ['Pacific/Auckland', '2024-06-17', '2024-06-17'],
  ['America/Los_Angeles', '2024-06-16', '2024-06-10'],
])('a spreadsheet in %s', (timeZone, today, thisWeek) => {
  const h = harness({ timeZone, now: SUNDAY_EVENING_UTC });
  h.call('menuSetUpWorkbook');
  h.call('rpcCreateClient', SAMPLE_CLIENT);
  const shown = (sheet: string, a1: string) => h.sheet(sheet).getRange(a1).getDisplayValue();

  test('"today" and "this week" are the spreadsheet\'s', () => {
    expect(h.call<{ today: string }>('rpcGetNewClientDefaults').today).toBe(today);
    expect(h.call<{ weekOf: string }>('rpcGetCheckInForm', 'C-0001').weekOf).toBe(thisWeek);
  });

  test('start, check-in, payment, request and offboarding dates show the day that was typed, and read back', () => {
    expect(shown('Clients', 'E2')).toBe('1/8/2024');
    expect(shown('Acme Co', 'B3')).toBe('1/8/2024');
    expect(
      h.call<R>('rpcSaveCheckIn', {
        clientId: 'C-0001',
        weekOf: '2024-06-05',
        values: { Revenue: '1' },
        satisfaction: '',
        wins: '',
        blockers: '',
        notes: '',
      }).ok,
    ).toBe(true);
    expect(shown('Acme Co', 'A13')).toBe('6/3/2024'); // the Monday of that week
    expect(
      h.call<R>('rpcRecordPayment', {
        clientId: 'C-0001',
        due: '2024-06-01',
        paid: '2024-06-30',
        amount: '5',
        note: '',
      }).ok,
    ).toBe(true);
    expect([shown('Payments', 'C2'), shown('Payments', 'D2')]).toEqual(['6/1/2024', '6/30/2024']);
    expect(
      h.call<R>('rpcLogRequest', {
        clientId: 'C-0001',
        date: '2024-01-01',
        request: 'x',
        decision: 'Open',
        fee: '',
      }).ok,
    ).toBe(true);
    expect(shown('Requests', 'C2')).toBe('1/1/2024');
    expect(
      h.call<R>('rpcOffboardClient', {
        clientId: 'C-0001',
        endDate: '2024-12-31',
        reason: 'Poor fit',
        noticeDate: '2024-11-01',
        endAtPeriodClose: false,
      }).ok,
    ).toBe(true);
    expect([shown('Clients', 'F2'), shown('Clients', 'Y2')]).toEqual(['12/31/2024', '11/1/2024']);
    const card = h.call<{
      startDate: string;
      lastCheckIn: string;
      payments: { due: string; paid: string }[];
    }>('rpcGetClientCard', 'C-0001');
    expect(card).toMatchObject({
      startDate: '2024-01-08',
      lastCheckIn: '2024-06-03',
      payments: [{ due: '2024-06-01', paid: '2024-06-30' }],
    });
    const again = h.call<R>('rpcSaveCheckIn', {
      clientId: 'C-0001',
      weekOf: '2024-06-09',
      values: {},
      satisfaction: '',
      wins: '',
      blockers: '',
      notes: '',
    });
    expect(again).toMatchObject({
      ok: false,
      message: expect.stringMatching(/week of 2024-06-03 is already logged/),
    });
  });
});

test('a date typed straight into a Wins cell east of UTC comes back as that day, so Replace keeps it', () => {
  const h = harness({ timeZone: 'Europe/Berlin' });
  h.call('menuSetUpWorkbook');
  h.call('rpcCreateClient', SAMPLE_CLIENT);
  const week = {
    clientId: 'C-0001',
    weekOf: '2024-06-10',
    values: { Revenue: '1' },
    satisfaction: '',
    wins: '',
    blockers: '',
    notes: '',
  };
  expect(h.call<R>('rpcSaveCheckIn', week).ok).toBe(true);
  const wins = h.sheet('Acme Co').getRange('E13');
  wins.setValue('2024-06-10'); // Sheets makes it a date cell: midnight in Berlin, 22:00 UTC the day before
  expect(wins.getDisplayValue()).toBe('6/10/2024');
  const form = h.call<{ existing: { wins: string } }>('rpcGetCheckInForm', 'C-0001');
  expect(form.existing.wins).toBe('2024-06-10');
  expect(h.call<R>('rpcSaveCheckIn', { ...week, wins: form.existing.wins, replace: true }).ok).toBe(true);
  expect(wins.getDisplayValue()).toBe('2024-06-10');
});
