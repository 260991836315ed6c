/** Early-churn triage (src/core/triage.ts): the worked examples of its doc comment, and the edges. */
import { triageChurn, TRIAGE_ACTIONS, type TriageInput } from '../../src/core/triage';

/** A yellow client on schedule with steady progress, good scores and clean payments: nothing points anywhere. */
const calm: TriageInput = {
  band: 'Yellow',
  status: 'Active',
  daysSinceCheckIn: 3,
  cadenceDays: 7,
  progressNow: 0.5,
  progressFourWeeksAgo: 0.4,
  progressAtLastCheckIn: 0.5,
  progressFourWeeksBeforeLastCheckIn: 0.4,
  satisfaction: [8, 8, 8],
  latePayments: 0,
  unpaidLate: 0,
};

describe('triageChurn', () => {
  test('a green client, or one with no score, gets no triage', () => {
    expect(triageChurn({ ...calm, band: 'Green', daysSinceCheckIn: 60 })).toBeNull();
    expect(triageChurn({ ...calm, band: null, daysSinceCheckIn: 60 })).toBeNull();
  });

  test('missed check-ins and stalled progress: could not keep up', () => {
    const triage = triageChurn({
      ...calm,
      daysSinceCheckIn: 24,
      progressAtLastCheckIn: 0.3,
      progressFourWeeksBeforeLastCheckIn: 0.29,
    });
    expect(triage?.likeliest).toMatchObject({
      reason: 'Could not keep up',
      evidence: '3 weeks without a check-in (3 missed check-ins), progress stuck at 30%',
      action: TRIAGE_ACTIONS['Could not keep up'],
    });
  });

  test('overdue but progress still moving is not "could not keep up"', () => {
    const triage = triageChurn({ ...calm, daysSinceCheckIn: 10, progressFourWeeksBeforeLastCheckIn: 0.2 });
    expect(triage?.likeliest).toBeNull();
    expect(triage?.action).toMatch(/No single reason stands out/);
  });

  test('satisfaction 9, 9, 8, then 6: unhappy with the experience', () => {
    const triage = triageChurn({ ...calm, satisfaction: [9, 9, 8, 6] });
    expect(triage?.likeliest).toMatchObject({
      reason: 'Unhappy with the experience',
      evidence: 'satisfaction fell from 9 to 6',
    });
  });

  test('a one-point dip is not a fall', () => {
    expect(triageChurn({ ...calm, satisfaction: [8, 8, 7] })?.likeliest).toBeNull();
  });

  test('a long silence after progress went from 40% to 70%: found a better service', () => {
    const triage = triageChurn({
      ...calm,
      daysSinceCheckIn: 30,
      progressAtLastCheckIn: 0.7,
      progressFourWeeksBeforeLastCheckIn: 0.4,
    });
    expect(triage?.likeliest).toMatchObject({
      reason: 'Found a better service',
      evidence: '4 weeks of silence after progress went from 40% to 70%',
    });
  });

  test(
    'a long silence after progress reached 70% and levelled off: found a better service, not ' +
      'could not keep up',
    () => {
      const triage = triageChurn({
        ...calm,
        daysSinceCheckIn: 42,
        progressAtLastCheckIn: 0.7,
        progressFourWeeksBeforeLastCheckIn: 0.68,
      });
      expect(triage?.likeliest?.reason).toBe('Found a better service');
      expect(triage?.others).toEqual([]);
    },
  );

  test('the same silence after stalled progress: could not keep up, not found a better service', () => {
    const triage = triageChurn({
      ...calm,
      daysSinceCheckIn: 30,
      progressAtLastCheckIn: 0.2,
      progressFourWeeksBeforeLastCheckIn: 0.2,
    });
    expect(triage?.likeliest?.reason).toBe('Could not keep up');
    expect(triage?.others.map((o) => o.reason)).not.toContain('Found a better service');
  });

  test('an overdue payment, or a pause: time, money or personal problems', () => {
    expect(triageChurn({ ...calm, latePayments: 1, unpaidLate: 1 })?.likeliest).toMatchObject({
      reason: 'Time, money or personal problems',
      evidence: '1 payment overdue',
    });
    expect(triageChurn({ ...calm, status: 'Paused' })?.likeliest).toMatchObject({
      reason: 'Time, money or personal problems',
      evidence: 'paused',
    });
    expect(triageChurn({ ...calm, latePayments: 2 })?.likeliest?.evidence).toBe(
      '2 payments paid late this year',
    );
    expect(triageChurn({ ...calm, latePayments: 1 })?.likeliest).toBeNull();
  });

  test('several reasons: the strongest first, the others listed with their evidence', () => {
    const triage = triageChurn({ ...calm, satisfaction: [9, 4], latePayments: 1, unpaidLate: 1 });
    expect(triage?.likeliest?.reason).toBe('Unhappy with the experience');
    expect(triage?.others).toEqual([
      expect.objectContaining({ reason: 'Time, money or personal problems', evidence: '1 payment overdue' }),
    ]);
  });
});
