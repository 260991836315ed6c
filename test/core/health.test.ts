import { clientHealth, explainHealth, healthBand, type HealthInput } from '../../src/core/health';

const NONE: HealthInput = {
  daysSinceCheckIn: null,
  cadenceDays: null,
  progress: null,
  satisfaction: null,
  latePayments: null,
  openRequests: null,
};

describe('clientHealth', () => {
  test('a client on time, at target, happy, paying and with no open request is 100 and Green', () => {
    const health = clientHealth({
      daysSinceCheckIn: 5,
      cadenceDays: 7,
      progress: 1,
      satisfaction: 10,
      latePayments: 0,
      openRequests: 0,
    });
    expect(health).toEqual({
      score: 100,
      band: 'Green',
      signalsWithData: 5,
      signalsTotal: 5,
      reasons: [],
      noScore: null,
    });
  });

  test('worked example: three weeks silent on a weekly cadence, 2 late payments, the rest unknown', () => {
    // Check-ins: 21 days / 7 = 3 cadences, 2 missed → 0. Late payments: 1 − 2/3 = 1/3.
    // (30 × 0 + 10 × 1/3) / (30 + 10) = 8.33 → 8.
    const health = clientHealth({ ...NONE, daysSinceCheckIn: 21, cadenceDays: 7, latePayments: 2 });
    expect(health.score).toBe(8);
    expect(health.band).toBe('Red');
    expect(health.signalsWithData).toBe(2);
    expect(explainHealth(health)).toBe('Red 8 (2 of 5 signals): 3 weeks without a check-in; 2 late payments');
  });

  test('a signal with no data is left out, not counted as bad', () => {
    const known = clientHealth({ ...NONE, satisfaction: 10 });
    expect(known.score).toBe(100);
    expect(known.signalsWithData).toBe(1);
    expect(clientHealth(NONE)).toMatchObject({ score: null, band: null, signalsWithData: 0 });
    expect(explainHealth(clientHealth(NONE))).toBe(
      'No score yet: no check-in, progress or satisfaction logged (0 of 5 signals)',
    );
  });

  test('a brand-new client (0 open requests, no check-in yet) has no score, not "100 Green (1 of 5 signals)"', () => {
    const fresh = clientHealth({ ...NONE, cadenceDays: 7, openRequests: 0 });
    expect(fresh).toMatchObject({ score: null, band: null, signalsWithData: 1 });
    expect(explainHealth(fresh)).toBe(
      'No score yet: no check-in, progress or satisfaction logged (1 of 5 signals)',
    );
    // Paying on time and no requests still say only that nothing went wrong yet.
    expect(clientHealth({ ...NONE, latePayments: 0, openRequests: 0 }).score).toBeNull();
  });

  test('worked example: one engagement signal is enough, and the others then count', () => {
    // Satisfaction 7 → 6/9; late payments 1 → 2/3; open requests 0 → 1.
    // (25 × 6/9 + 10 × 2/3 + 10 × 1) / (25 + 10 + 10) = 33.33 / 45 = 74.07 → 74.
    const health = clientHealth({ ...NONE, satisfaction: 7, latePayments: 1, openRequests: 0 });
    expect(health).toMatchObject({ score: 74, band: 'Yellow', signalsWithData: 3, noScore: null });
    // The first check-in 2 days ago on a weekly cadence (on time → 1) is one as well: (30 + 10) / 40 = 100.
    expect(clientHealth({ ...NONE, daysSinceCheckIn: 2, cadenceDays: 7, openRequests: 0 }).score).toBe(100);
  });

  test('engagement data with all its weight at 0 and nothing else weighted: no score, and it says why', () => {
    const zero = { checkIns: 0, progress: 0, satisfaction: 0, latePayments: 0, openRequests: 0 };
    const health = clientHealth({ ...NONE, satisfaction: 8, openRequests: 1 }, zero);
    expect(health.score).toBeNull();
    expect(explainHealth(health)).toBe('No score yet: every signal with data has weight 0 (2 of 5 signals)');
  });

  test('weights on any scale are normalised: 1,1,1,1,1 is the plain mean, and 0 switches a signal off', () => {
    const input: HealthInput = {
      daysSinceCheckIn: 14, // one cadence missed on a 7-day cadence: 0.5
      cadenceDays: 7,
      progress: 0.5,
      satisfaction: 10,
      latePayments: 0,
      openRequests: 2, // 1 − 2/4 = 0.5
    };
    const equal = { checkIns: 1, progress: 1, satisfaction: 1, latePayments: 1, openRequests: 1 };
    expect(clientHealth(input, equal).score).toBe(70); // (0.5 + 0.5 + 1 + 1 + 0.5) / 5
    const tenTimes = { checkIns: 10, progress: 10, satisfaction: 10, latePayments: 10, openRequests: 10 };
    expect(clientHealth(input, tenTimes).score).toBe(70);
    expect(clientHealth(input, { ...equal, openRequests: 0 }).score).toBe(75); // (0.5+0.5+1+1)/4
    expect(() => clientHealth(input, { checkIns: -1 })).toThrow('weights must be 0 or more; got -1');
  });

  test('reasons name the signals that cost the most points, most costly first', () => {
    const health = clientHealth({
      daysSinceCheckIn: 3,
      cadenceDays: 7,
      progress: 0.1,
      satisfaction: 4,
      latePayments: 1,
      openRequests: 0,
    });
    // Costs: progress 25 × 0.9 = 22.5, satisfaction 25 × 2/3 = 16.7, late payments 10 × 1/3 = 3.3.
    expect(health.reasons).toEqual(['10% of the way to target', 'satisfaction 4/10', '1 late payment']);
    expect(health.band).toBe('Yellow');
  });

  test('bands follow Gainsight: 0–50 red, 51–75 yellow, 76–100 green', () => {
    expect([0, 50, 51, 75, 76, 100].map(healthBand)).toEqual([
      'Red',
      'Red',
      'Yellow',
      'Yellow',
      'Green',
      'Green',
    ]);
  });

  test('impossible readings are refused with the argument named', () => {
    expect(() => clientHealth({ ...NONE, satisfaction: 11 })).toThrow(
      'satisfaction must be from 1 to 10; got 11',
    );
    expect(() => clientHealth({ ...NONE, daysSinceCheckIn: 3, cadenceDays: 0 })).toThrow(
      'cadence_days must be more than 0; got 0',
    );
    expect(() => clientHealth({ ...NONE, latePayments: 1.5 })).toThrow(
      'late_payments must be a whole number, 0 or more; got 1.5',
    );
  });

  test('a client worse than at the start says so', () => {
    expect(clientHealth({ ...NONE, progress: -0.2 }).reasons).toEqual(['worse than at the start']);
  });
});
