/**
 * An explainable client health score. Each signal becomes a number from 0 (bad) to 1 (good); a signal
 * with no data is left out rather than counted as bad, and there is no score until one of the engagement
 * signals (check-ins, progress, satisfaction) has data; the score is the weighted mean of the rest, 0–100,
 * in Gainsight's bands (red 0–50, yellow 51–75, green 76–100), and the main reasons are the signals
 * that cost the most points.
 */
import { DomainError } from './errors';

export const HEALTH_SIGNALS = [
  'checkIns',
  'progress',
  'satisfaction',
  'latePayments',
  'openRequests',
] as const;
export type HealthSignal = (typeof HEALTH_SIGNALS)[number];

/**
 * The signals of the client's engagement. Payments and open requests have data from day one (none yet is
 * a count of 0), so without one of these a score would only say "nothing has gone wrong yet".
 */
export const ENGAGEMENT_SIGNALS: readonly HealthSignal[] = ['checkIns', 'progress', 'satisfaction'];

/** Default weights, out of 100 (any scale works: weights are normalised). */
export const DEFAULT_HEALTH_WEIGHTS: Readonly<Record<HealthSignal, number>> = {
  checkIns: 30,
  progress: 25,
  satisfaction: 25,
  latePayments: 10,
  openRequests: 10,
};

/** What is known about one client; null is "no data". */
export interface HealthInput {
  daysSinceCheckIn: number | null;
  cadenceDays: number | null;
  /** 0 at the baseline, 1 at the target (CLIENT_PROGRESS). */
  progress: number | null;
  /** 1–10. */
  satisfaction: number | null;
  latePayments: number | null;
  openRequests: number | null;
}

export type HealthBand = 'Red' | 'Yellow' | 'Green';

export interface HealthScore {
  /** 0–100, or null when no signal had data. */
  score: number | null;
  band: HealthBand | null;
  signalsWithData: number;
  signalsTotal: number;
  /** The signals that cost points, most costly first, in plain words. */
  reasons: string[];
  /** Why there is no score, in plain words; null when there is one. */
  noScore: string | null;
}

const NO_ENGAGEMENT = 'no check-in, progress or satisfaction logged';
const NO_WEIGHT = 'every signal with data has weight 0';

/** Check-ins: on time is 1; each cadence missed beyond the first costs half, so three cadences is 0. */
const MISSED_CADENCES_TO_ZERO = 3;
/** Late payments: three or more is 0. */
const LATE_PAYMENTS_TO_ZERO = 3;
/** Open out-of-scope requests: four or more is 0 (an open request is a decision waiting, not yet a problem). */
const OPEN_REQUESTS_TO_ZERO = 4;
/** A signal below this is named among the reasons. */
const REASON_BELOW = 0.75;
const MAX_REASONS = 3;

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

interface Reading {
  value: number;
  reason: string;
}

function read(signal: HealthSignal, input: HealthInput): Reading | null {
  switch (signal) {
    case 'checkIns': {
      const { daysSinceCheckIn: days, cadenceDays: cadence } = input;
      if (days === null || cadence === null) return null;
      if (cadence <= 0) throw new DomainError(`cadence_days must be more than 0; got ${cadence}`);
      if (days < 0) throw new DomainError(`days_since_checkin must be 0 or more; got ${days}`);
      const missed = days / cadence - 1;
      const since = days >= 14 ? plural(Math.floor(days / 7), 'week') : plural(Math.round(days), 'day');
      return {
        value: clamp01(1 - missed / (MISSED_CADENCES_TO_ZERO - 1)),
        reason: `${since} without a check-in`,
      };
    }
    case 'progress': {
      const { progress } = input;
      if (progress === null) return null;
      const reason =
        progress < 0 ? 'worse than at the start' : `${Math.round(progress * 100)}% of the way to target`;
      return { value: clamp01(progress), reason };
    }
    case 'satisfaction': {
      const { satisfaction } = input;
      if (satisfaction === null) return null;
      if (satisfaction < 1 || satisfaction > 10)
        throw new DomainError(`satisfaction must be from 1 to 10; got ${satisfaction}`);
      return { value: (satisfaction - 1) / 9, reason: `satisfaction ${satisfaction}/10` };
    }
    case 'latePayments':
    case 'openRequests': {
      const count = signal === 'latePayments' ? input.latePayments : input.openRequests;
      if (count === null) return null;
      const name = signal === 'latePayments' ? 'late_payments' : 'open_requests';
      if (count < 0 || !Number.isInteger(count))
        throw new DomainError(`${name} must be a whole number, 0 or more; got ${count}`);
      const toZero = signal === 'latePayments' ? LATE_PAYMENTS_TO_ZERO : OPEN_REQUESTS_TO_ZERO;
      const word = signal === 'latePayments' ? 'late payment' : 'open out-of-scope request';
      return { value: clamp01(1 - count / toZero), reason: plural(count, word) };
    }
  }
}

export function healthBand(score: number): HealthBand {
  if (score <= 50) return 'Red';
  if (score <= 75) return 'Yellow';
  return 'Green';
}

/** The health score of one client with `weights` (missing ones take the defaults; negative ones are refused). */
export function clientHealth(
  input: HealthInput,
  weights: Partial<Record<HealthSignal, number>> = {},
): HealthScore {
  let weighted = 0;
  let totalWeight = 0;
  let withData = 0;
  let engaged = 0;
  const costs: { cost: number; reason: string }[] = [];
  for (const signal of HEALTH_SIGNALS) {
    const weight = weights[signal] ?? DEFAULT_HEALTH_WEIGHTS[signal];
    if (!(weight >= 0)) throw new DomainError(`weights must be 0 or more; got ${weight}`);
    const reading = read(signal, input);
    if (reading === null) continue;
    withData++;
    if (ENGAGEMENT_SIGNALS.includes(signal)) engaged++;
    weighted += weight * reading.value;
    totalWeight += weight;
    if (reading.value < REASON_BELOW && weight > 0)
      costs.push({ cost: weight * (1 - reading.value), reason: reading.reason });
  }
  const signalsTotal = HEALTH_SIGNALS.length;
  if (engaged === 0 || totalWeight === 0) {
    const noScore = engaged === 0 ? NO_ENGAGEMENT : NO_WEIGHT;
    return { score: null, band: null, signalsWithData: withData, signalsTotal, reasons: [], noScore };
  }
  const score = Math.round((100 * weighted) / totalWeight);
  const reasons = costs
    .sort((a, b) => b.cost - a.cost)
    .slice(0, MAX_REASONS)
    .map((c) => c.reason);
  return { score, band: healthBand(score), signalsWithData: withData, signalsTotal, reasons, noScore: null };
}

/** One signal's own score, 0–100 (its reading alone, whatever the weights); null when it has no data. */
export function signalScore(signal: HealthSignal, input: HealthInput): number | null {
  const reading = read(signal, input);
  return reading === null ? null : Math.round(100 * reading.value);
}

/** "Red 8 (4 of 5 signals): 3 weeks without a check-in; 2 late payments", or why there is no score yet. */
export function explainHealth(health: HealthScore): string {
  if (health.band === null)
    return (
      `No score yet: ${health.noScore ?? NO_ENGAGEMENT} (${health.signalsWithData} ` +
      `of ${health.signalsTotal} signals)`
    );
  const head = `${health.band} ${health.score} (${health.signalsWithData} of ${health.signalsTotal} signals)`;
  return health.reasons.length ? `${head}: ${health.reasons.join('; ')}` : head;
}
