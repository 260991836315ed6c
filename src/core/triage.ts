/**
 * Early-churn triage: for a client in red or yellow health, the likeliest of the four reasons clients
 * leave (core/clients CLIENT_SIDE_REASONS), the evidence for it, and one line on what to do. Each
 * reason has a strength from 0 to 1 read from the log; the strongest wins, ties in the list's order.
 *
 * Worked examples (cadence 7 days):
 * - 24 days since the last check-in, progress 30% now and 29% four weeks ago: "Could not keep up"
 *   (missed check-ins and stalled progress).
 * - Satisfaction 9, 9, 8, then 6: "Unhappy with the experience" (fell 3 points from 9).
 * - 30 days of silence after progress went from 40% to 70% in the four weeks before: "Found a better
 *   service" (a long silence after good progress).
 * - Two payments late, or the client Paused: "Time, money or personal problems".
 */
import type { ClientStatusName } from './clients';
import type { HealthBand } from './health';
import { CLIENT_SIDE_REASONS } from './clients';

export type ChurnReason = (typeof CLIENT_SIDE_REASONS)[number];

export interface TriageInput {
  band: HealthBand | null;
  status: ClientStatusName;
  daysSinceCheckIn: number | null;
  cadenceDays: number | null;
  /** Mean progress to target now, and four weeks before now (0 at baseline, 1 at target). */
  progressNow: number | null;
  progressFourWeeksAgo: number | null;
  /** Progress at the last check-in, and four weeks before it (for a silence that follows it). */
  progressAtLastCheckIn: number | null;
  progressFourWeeksBeforeLastCheckIn: number | null;
  /** Satisfaction scores, oldest first. */
  satisfaction: readonly number[];
  /** Payments late in the last year, and how many of them are still unpaid. */
  latePayments: number;
  unpaidLate: number;
}

export interface TriageReason {
  reason: ChurnReason;
  /** 0–1: how strongly the log points at it. */
  strength: number;
  /** What in the log points at it, in plain words. */
  evidence: string;
  /** One line on what to do this week. */
  action: string;
}

export interface Triage {
  /** The likeliest reason; null when the client is red or yellow but no reason stands out. */
  likeliest: TriageReason | null;
  /** The other reasons with some evidence, strongest first. */
  others: TriageReason[];
  /** What to do when no reason stands out. */
  action: string;
}

export const TRIAGE_ACTIONS: Readonly<Record<ChurnReason, string>> = {
  'Could not keep up': 'Make the plan smaller: agree one thing for the next two weeks and check in sooner.',
  'Unhappy with the experience':
    'Call this week: own your part, ask what disappointed them, agree what changes.',
  'Found a better service':
    'Reconnect: show how far they have come against their definition of success, ask what they need next.',
  'Time, money or personal problems':
    'Ask how things are; offer a pause or a lighter plan before it becomes an ending.',
};

/** Progress that moved less than this in four weeks has stalled. */
const STALLED = 0.05;
/** Progress this far along, or rising this much in four weeks, is good progress. */
const GOOD_PROGRESS = 0.5;
const GOOD_RISE = 0.15;
/** A silence is long at two cadences and at least three weeks. */
const LONG_SILENCE_CADENCES = 2;
const LONG_SILENCE_MIN_DAYS = 21;
/** Satisfaction fell when the latest is this many points under the best of the scores before it. */
const SATISFACTION_FALL = 2;
/** How many earlier scores the fall is measured against. */
const SATISFACTION_WINDOW = 6;

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));
const percent = (fraction: number): string => `${Math.round(fraction * 100)}%`;
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
const since = (days: number): string =>
  days >= 14 ? plural(Math.floor(days / 7), 'week') : plural(days, 'day');

function stalled(now: number | null, before: number | null): boolean {
  return now === null || before === null || now - before < STALLED;
}

function longSilence(days: number, cadence: number): boolean {
  return days >= Math.max(LONG_SILENCE_CADENCES * cadence, LONG_SILENCE_MIN_DAYS);
}

function cannotKeepUp(input: TriageInput): TriageReason | null {
  const { daysSinceCheckIn: days, cadenceDays: cadence } = input;
  if (days === null || cadence === null || cadence <= 0 || days <= cadence) return null;
  if (!stalled(input.progressAtLastCheckIn, input.progressFourWeeksBeforeLastCheckIn)) return null;
  // Far along and then silent reads as a quiet exit (found a better service), not as falling behind.
  if (longSilence(days, cadence) && (input.progressAtLastCheckIn ?? 0) >= GOOD_PROGRESS) return null;
  const missed = Math.floor(days / cadence) - (days % cadence === 0 ? 1 : 0);
  const progress =
    input.progressAtLastCheckIn === null
      ? 'no progress measured'
      : `progress stuck at ${percent(input.progressAtLastCheckIn)}`;
  return {
    reason: 'Could not keep up',
    strength: clamp01(0.4 + 0.2 * missed),
    evidence: `${since(days)} without a check-in (${plural(missed, 'missed check-in')}), ${progress}`,
    action: TRIAGE_ACTIONS['Could not keep up'],
  };
}

function unhappy(input: TriageInput): TriageReason | null {
  const scores = input.satisfaction;
  if (scores.length < 2) return null;
  const latest = scores[scores.length - 1];
  const earlier = scores.slice(Math.max(0, scores.length - 1 - SATISFACTION_WINDOW), -1);
  const best = Math.max(...earlier);
  const fall = best - latest;
  if (fall < SATISFACTION_FALL) return null;
  return {
    reason: 'Unhappy with the experience',
    strength: clamp01(0.3 + 0.15 * fall),
    evidence: `satisfaction fell from ${best} to ${latest}`,
    action: TRIAGE_ACTIONS['Unhappy with the experience'],
  };
}

function foundBetter(input: TriageInput): TriageReason | null {
  const { daysSinceCheckIn: days, cadenceDays: cadence } = input;
  if (days === null || cadence === null || cadence <= 0) return null;
  if (!longSilence(days, cadence)) return null;
  const at = input.progressAtLastCheckIn;
  const before = input.progressFourWeeksBeforeLastCheckIn;
  const rose = at !== null && before !== null && at - before >= GOOD_RISE;
  if (at === null || !(at >= GOOD_PROGRESS || rose)) return null;
  const scores = input.satisfaction;
  const lastScore = scores.length ? scores[scores.length - 1] : null;
  const good =
    rose && before !== null
      ? `progress went from ${percent(before)} to ${percent(at)}`
      : `progress at ${percent(at)}`;
  return {
    reason: 'Found a better service',
    // Silence after good progress and a good last score is the classic quiet exit.
    strength: clamp01(
      0.5 + 0.1 * Math.floor(days / cadence) - (lastScore !== null && lastScore < 6 ? 0.2 : 0),
    ),
    evidence: `${since(days)} of silence after ${good}`,
    action: TRIAGE_ACTIONS['Found a better service'],
  };
}

function timeMoneyPersonal(input: TriageInput): TriageReason | null {
  const parts: string[] = [];
  let strength = 0;
  if (input.status === 'Paused') {
    parts.push('paused');
    strength += 0.6;
  }
  if (input.unpaidLate > 0) {
    parts.push(`${plural(input.unpaidLate, 'payment')} overdue`);
    strength += 0.5 + 0.1 * input.unpaidLate;
  }
  const paidLate = input.latePayments - input.unpaidLate;
  if (paidLate >= 2 || (paidLate >= 1 && parts.length)) {
    parts.push(`${plural(paidLate, 'payment')} paid late this year`);
    strength += 0.2 * paidLate;
  }
  if (!parts.length) return null;
  return {
    reason: 'Time, money or personal problems',
    strength: clamp01(strength),
    evidence: parts.join(', '),
    action: TRIAGE_ACTIONS['Time, money or personal problems'],
  };
}

/** The likeliest reason a red or yellow client would leave; null for a green client or one with no score. */
export function triageChurn(input: TriageInput): Triage | null {
  if (input.band !== 'Red' && input.band !== 'Yellow') return null;
  const found = [cannotKeepUp(input), unhappy(input), foundBetter(input), timeMoneyPersonal(input)]
    .filter((reason): reason is TriageReason => reason !== null)
    .sort((a, b) => b.strength - a.strength);
  return {
    likeliest: found[0] ?? null,
    others: found.slice(1),
    action: found[0]?.action ?? 'No single reason stands out: ask how it is going, and listen.',
  };
}
