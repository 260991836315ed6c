/** Advice on the client card (src/workbook/card-advice.ts), on the built bundle: health, triage, growth. */
import { clientHealth } from '../../src/core/health';
import { harness, SAMPLE_CLIENT, checkIn, type Harness } from './helpers';
import type { ClientCard } from '../../src/ui/rpc-types';

const WEEKS = ['2024-05-06', '2024-05-13', '2024-05-20', '2024-05-27', '2024-06-03', '2024-06-10'];

function client(h: Harness, name: string, metrics = SAMPLE_CLIENT.metrics): string {
  const created = h.call<{ ok: boolean; value: { clientId: string } }>('rpcCreateClient', {
    ...SAMPLE_CLIENT,
    name,
    metrics,
  });
  expect(created.ok).toBe(true);
  return created.value.clientId;
}

function log(
  h: Harness,
  clientId: string,
  rows: [week: string, revenue: string, costPerLead: string, satisfaction: string][],
) {
  for (const [week, revenue, cost, satisfaction] of rows) {
    const saved = h.call<{ ok: boolean }>(
      'rpcSaveCheckIn',
      checkIn(clientId, week, { values: { Revenue: revenue, 'Cost per lead': cost }, satisfaction }),
    );
    expect(saved.ok).toBe(true);
  }
}

describe('the card’s advice', () => {
  test(
    'satisfaction that fell from 9 to 5: yellow health from the one formula, triage says unhappy, ' +
      'and what moved',
    () => {
      const h = harness();
      h.call('menuSetUpWorkbook');
      const id = client(h, 'Acme Co');
      log(
        h,
        id,
        WEEKS.map((week, i) => [week, String(11_000 + 500 * i), '27', ['9', '9', '9', '8', '8', '5'][i]]),
      );
      const card = h.call<ClientCard>('rpcGetClientCard', id);
      // On 2024-06-12: 2 days since the 06-10 check-in (cadence 7); revenue 13,500 of 10,000 → 20,000 (35%),
      // cost per lead 27 of 30 → 20 (30%); satisfaction 5; no payments yet (no data); no open requests.
      const expected = clientHealth({
        daysSinceCheckIn: 2,
        cadenceDays: 7,
        progress: (3_500 / 10_000 + -3 / -10) / 2,
        satisfaction: 5,
        latePayments: null,
        openRequests: 0,
      });
      expect(card.advice?.health).toMatchObject({
        score: expected.score,
        band: 'Yellow',
        signalsWithData: 4,
        reasons: expected.reasons,
      });
      expect(card.advice?.triage).toMatchObject({
        reason: 'Unhappy with the experience',
        evidence: 'satisfaction fell from 9 to 5',
      });
      expect(card.advice?.health.moved).toContainEqual(
        expect.objectContaining({ name: 'Satisfaction', before: '8/10', now: '5/10', direction: 'worse' }),
      );
      expect(card.advice?.growth.ready).toBe(false);
    },
  );

  test('a client at every target in good health: time to offer the next step, and no triage', () => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    const id = client(h, 'Acme Co');
    log(
      h,
      id,
      WEEKS.map((week, i) => [week, String(17_000 + 1_000 * i), '19', '9']),
    );
    const card = h.call<ClientCard>('rpcGetClientCard', id);
    expect(card.advice?.health.band).toBe('Green');
    expect(card.advice?.triage).toBeNull();
    expect(card.advice?.growth).toMatchObject({
      ready: true,
      atTarget: 2,
      measured: 2,
      message: expect.stringMatching(/time to offer the next step/),
    });
  });

  test(
    'a silence after good progress: triage says they may have found something better; a late ' +
      'payment shows in the drivers',
    () => {
      const h = harness();
      h.call('menuSetUpWorkbook');
      const id = client(h, 'Acme Co');
      // Progress rose from 10% to 60% in April, then nothing for five weeks.
      log(h, id, [
        ['2024-04-01', '11000', '29', '8'],
        ['2024-04-15', '13000', '26', '8'],
        ['2024-05-06', '16000', '24', '9'],
      ]);
      h.call('rpcRecordPayment', {
        clientId: id,
        due: '2024-05-01',
        paid: '2024-05-20',
        amount: '2000',
        note: '',
      });
      const card = h.call<ClientCard>('rpcGetClientCard', id);
      expect(card.advice?.health.band).toMatch(/Red|Yellow/);
      expect(card.advice?.triage).toMatchObject({
        reason: 'Found a better service',
        evidence: expect.stringMatching(/^5 weeks of silence after progress/),
      });
      expect(card.advice?.health.drivers).toContainEqual(
        expect.objectContaining({ name: 'Payments', reading: '1 late payment' }),
      );
    },
  );

  test('an ended client gets no advice; reading the card writes nothing', () => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    const id = client(h, 'Acme Co');
    log(h, id, [['2024-05-06', '11000', '29', '8']]);
    const before = h.snapshot();
    expect(h.call<ClientCard>('rpcGetClientCard', id).advice).not.toBeNull();
    expect(h.snapshot()).toEqual(before);
    // Ended today (an end date still ahead is serving notice, which keeps its advice).
    h.call('rpcOffboardClient', {
      clientId: id,
      endDate: '2024-06-12',
      reason: 'Program completed',
      noticeDate: '2024-06-12',
      endAtPeriodClose: false,
    });
    expect(h.call<ClientCard>('rpcGetClientCard', id).advice).toBeNull();
  });
});

describe('the card’s health uses Settings’ weights (one rule with the roster)', () => {
  test('a weight changed in Settings moves the card’s score exactly as it moves the roster’s Health', () => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    const id = client(h, 'Acme Co');
    log(h, id, [
      ['2024-05-20', '12000', '27', '4'],
      ['2024-06-10', '12500', '27', '4'],
    ]);
    // Paid on time: both the card and the roster count 0 late payments as data.
    h.call('rpcRecordPayment', {
      clientId: id,
      due: '2024-06-01',
      paid: '2024-06-01',
      amount: '2000',
      note: '',
    });
    const roster = h.sheet('Clients');
    const header = roster.getRange(1, 1, 1, roster.getLastColumn()).getValues()[0] as string[];
    const rosterHealth = () => roster.getRange(2, header.indexOf('Health') + 1).getValue();
    const cardScore = () => h.call<ClientCard>('rpcGetClientCard', id).advice?.health.score;
    const before = cardScore();
    expect(before).toBe(rosterHealth());

    // All the weight on satisfaction (4/10 → 33): the card follows Settings, not the defaults.
    const settings = h.sheet('Settings');
    const labels = settings
      .getDataRange()
      .getValues()
      .map((row) => row[0] as string);
    for (const signal of ['check-ins', 'progress', 'late payments', 'open requests'])
      settings.getRange(labels.indexOf(`Health weight: ${signal}`) + 1, 2).setValue(0);
    expect(cardScore()).toBe(33);
    expect(rosterHealth()).toBe(33);
    expect(before).not.toBe(33);
  });
});
