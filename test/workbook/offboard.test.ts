/** Offboarding on the built bundle: notice by whose side ends it, serving notice until the end date, then Ended. */
import { checkIn, harness, SAMPLE_CLIENT, type Harness } from './helpers';

type R = {
  ok: boolean;
  value?: { endDate: string; status: string };
  errors?: { field: string; message: string }[];
  message?: string;
};
type Due = { clients: { clientId: string; status: string }[] };
type Summary = { clientId: string; status: string };
type Card = { state: { status: string; checkIn: string }; nextCheckIn: string | null };

// Today in the harness: Wednesday 2024-06-12 (New York). Acme starts 2024-01-08, weekly (Micromanager).
function withAcme(opts: Parameters<typeof harness>[0] = {}): Harness {
  const h = harness(opts);
  h.call('menuSetUpWorkbook');
  h.call('rpcCreateClient', SAMPLE_CLIENT);
  h.call('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Beta' });
  return h;
}
const statusCell = (h: Harness, row = 2) => h.sheet('Clients').getRange(`C${row}`).getValue();
const offboard = (h: Harness, form: Record<string, unknown>) =>
  h.call<R>('rpcOffboardClient', { clientId: 'C-0001', endAtPeriodClose: false, ...form });

describe('a client serving notice', () => {
  test('an end date months away keeps them due, in the pickers and on the card until then', () => {
    const h = withAcme();
    const saved = offboard(h, { endDate: '2024-09-30', noticeDate: '2024-06-12', reason: 'Unprofitable' });
    expect(saved).toEqual({
      ok: true,
      value: { clientId: 'C-0001', endDate: '2024-09-30', status: 'Serving notice' },
    });
    expect(statusCell(h)).toBe('Serving notice');
    expect(h.call<Due>('rpcGetDueList').clients.map((c) => [c.clientId, c.status])).toEqual([
      ['C-0001', 'Serving notice'],
      ['C-0002', 'Active'],
    ]);
    expect(h.call<Summary[]>('rpcListClients').find((c) => c.clientId === 'C-0001')?.status).toBe(
      'Serving notice',
    );
    expect(h.call<Card>('rpcGetClientCard', 'C-0001')).toMatchObject({
      state: { status: 'Serving notice', checkIn: 'overdue' },
      nextCheckIn: '2024-01-15',
    });
    // Chased by the Dashboard like any client who owes a check-in.
    h.call('menuRefreshDashboard');
    const listed = h.sheet('Dashboard').getRange('D3:E20').getValues();
    expect(listed.filter((row) => row[1] === 'Check-in overdue')).toEqual([
      ['Acme Co', 'Check-in overdue'],
      ['Beta', 'Check-in overdue'],
    ]);
    // The VA's round goes on: the check-in saves, and the client shows done this week.
    expect(h.call<R>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10')).ok).toBe(true);
    expect(h.call<Card>('rpcGetClientCard', 'C-0001').state).toMatchObject({
      status: 'Serving notice',
      checkIn: 'done',
    });
    // Offboarding twice is refused, saying until when.
    expect(
      offboard(h, { endDate: '2024-12-31', noticeDate: '2024-06-12', reason: 'Poor fit' }),
    ).toMatchObject({
      ok: false,
      errors: [{ field: 'clientId', message: 'Acme Co is already serving notice until 9/30/2024.' }],
    });
  });

  test('on the end date they are Ended everywhere; reads write nothing, Refresh and Set up write Ended', () => {
    const h = withAcme();
    offboard(h, { endDate: '2024-06-30', noticeDate: '2024-05-31', reason: 'Scope creep' });
    expect(h.call<Due>('rpcGetDueList').clients.map((c) => c.clientId)).toContain('C-0001');
    h.setNow(Date.parse('2024-06-30T16:00:00Z')); // the end date, noon in New York
    expect(h.call<Due>('rpcGetDueList').clients.map((c) => c.clientId)).toEqual(['C-0002']);
    expect(h.call<Summary[]>('rpcListClients').find((c) => c.clientId === 'C-0001')?.status).toBe('Ended');
    expect(h.call<Card>('rpcGetClientCard', 'C-0001')).toMatchObject({
      state: { status: 'Ended', checkIn: 'inactive' },
      nextCheckIn: null,
    });
    expect(statusCell(h)).toBe('Serving notice'); // the reads above wrote nothing
    h.call('menuRefreshDashboard');
    expect(statusCell(h)).toBe('Ended');
    expect(statusCell(h, 3)).toBe('Active');
  });

  test('a Refresh that refuses (its list header is gone) writes no status either', () => {
    const h = withAcme();
    offboard(h, { endDate: '2024-06-30', noticeDate: '2024-05-31', reason: 'Scope creep' });
    h.setNow(Date.parse('2024-07-02T16:00:00Z'));
    h.sheet('Dashboard')
      .getRange('D2:H2')
      .setValues([['My', 'own', 'labels', 'here', 'now']]);
    const before = h.snapshot();
    h.emu.ui.respond({ button: 'OK' });
    h.call('menuRefreshDashboard');
    expect(h.snapshot()).toEqual(before);
    expect(statusCell(h)).toBe('Serving notice');
  });

  test('Set up also brings the Status cell to the calendar, and touches only cells that disagree', () => {
    const h = withAcme();
    offboard(h, { endDate: '2024-06-20', noticeDate: '2024-06-12', reason: 'Found a better service' });
    h.sheet('Clients').getRange('C3').setValue('Paused'); // the user's
    h.setNow(Date.parse('2024-07-01T16:00:00Z'));
    h.call('menuSetUpWorkbook');
    expect([statusCell(h), statusCell(h, 3)]).toEqual(['Ended', 'Paused']);
  });

  test('an end date today or past is Ended at once', () => {
    const h = withAcme();
    expect(
      offboard(h, { endDate: '2024-06-12', noticeDate: '2024-06-01', reason: 'Could not keep up' }).value
        ?.status,
    ).toBe('Ended');
    expect(statusCell(h)).toBe('Ended');
    expect(h.call<Due>('rpcGetDueList').clients.map((c) => c.clientId)).toEqual(['C-0002']);
  });
});

describe('the 30-day rule: only endings we initiate', () => {
  test.each(['Found a better service', 'Could not keep up', 'Program completed'])(
    'a client-initiated ending (%s) with 5 days of notice is accepted',
    (reason) => {
      const h = withAcme();
      expect(offboard(h, { endDate: '2024-06-17', noticeDate: '2024-06-12', reason })).toMatchObject({
        ok: true,
        value: { endDate: '2024-06-17' },
      });
    },
  );

  test('our side with 5 days of notice is refused, in the locale date format, and nothing changes', () => {
    const h = withAcme();
    const before = h.snapshot();
    expect(offboard(h, { endDate: '2024-06-17', noticeDate: '2024-06-12', reason: 'Pays late' })).toEqual({
      ok: false,
      errors: [
        {
          field: 'noticeDate',
          message:
            "An ending on our side needs at least 30 days' notice: for an end on 6/17/2024 the " +
            'notice date must be 5/18/2024 or earlier.',
        },
      ],
      message:
        "An ending on our side needs at least 30 days' notice: for an end on 6/17/2024 the notice " +
        'date must be 5/18/2024 or earlier.',
    });
    expect(h.snapshot()).toEqual(before);
  });

  test('in a de_DE spreadsheet the dates are written as its date cells show them', () => {
    const h = withAcme({ locale: 'de_DE', timeZone: 'Europe/Berlin' });
    const refused = offboard(h, { endDate: '2024-06-17', noticeDate: '2024-06-12', reason: 'Poor fit' });
    expect(refused.errors?.[0].message).toMatch(
      /end on 17\.06\.2024 the notice date must be 18\.05\.2024 or earlier/,
    );
    expect(h.sheet('Clients').getRange('E2').getDisplayValue()).toBe('08.01.2024'); // the start date, same format
  });

  test("Settings' Date format, when the coach changes it, is the one messages use", () => {
    const h = withAcme();
    const settings = h.sheet('Settings');
    const row =
      settings
        .getRange('A:A')
        .getValues()
        .findIndex(([label]) => label === 'Date format') + 1;
    settings.getRange(row, 2).setValue('d mmm yyyy');
    const refused = offboard(h, { endDate: '2024-06-17', noticeDate: '2024-06-12', reason: 'Poor fit' });
    expect(refused.errors?.[0].message).toContain(
      'for an end on 17 Jun 2024 the notice date must be 18 May 2024 or earlier',
    );
  });
});

describe('the end date shown is the one saved', () => {
  test('period close: the date the form computed is saved; another one is refused and nothing changes', () => {
    const h = withAcme();
    // 2024-01-08 + 6 months × 2 = 2025-01-08: the first period close on or after 2024-12-30.
    const form = {
      endDate: '2024-12-30',
      noticeDate: '2024-06-12',
      reason: 'Unprofitable',
      endAtPeriodClose: true,
    };
    const before = h.snapshot();
    const stale = offboard(h, { ...form, expectedEndDate: '2024-12-30' });
    expect(stale).toMatchObject({
      ok: false,
      errors: [
        { field: 'endDate', message: expect.stringContaining('now 1/8/2025, not the 12/30/2024 shown') },
      ],
    });
    expect(h.snapshot()).toEqual(before);
    expect(offboard(h, { ...form, expectedEndDate: '2025-01-08' })).toMatchObject({
      ok: true,
      value: { endDate: '2025-01-08' },
    });
    expect(h.sheet('Clients').getRange('F2').getDisplayValue()).toBe('1/8/2025');
  });
});
