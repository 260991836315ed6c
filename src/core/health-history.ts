/**
 * A client's health on any day, from their log: the inputs of `clientHealth` read as they stood that
 * day, so the card can show the score now, four weeks ago, and which signals moved since last week.
 * The score itself is `clientHealth`'s (one health formula).
 */
import { progressFraction } from './progress';
import {
  clientHealth,
  HEALTH_SIGNALS,
  type HealthBand,
  type HealthInput,
  type HealthScore,
  type HealthSignal,
  signalScore,
} from './health';

/** Late payments count over this many days before the day scored: an old slip is forgiven. */
export const LATE_PAYMENT_WINDOW_DAYS = 365;
/** The trend compares with the score this many days ago ("four weeks ago"). */
export const TREND_DAYS = 28;
/** A signal moved when its own score (0–100) changed by at least this much. */
const MOVED_POINTS = 5;

/** One client's log, as day numbers and values (see core/dates). */
export interface ClientHistory {
  /** Null when the client has no cadence. */
  cadenceDays: number | null;
  /** The days of the log's dated rows. */
  checkInDays: readonly number[];
  metrics: readonly {
    baseline: number | null;
    target: number | null;
    values: readonly { day: number; value: number }[];
  }[];
  satisfaction: readonly { day: number; score: number }[];
  payments: readonly { due: number | null; paid: number | null }[];
  /** The days open out-of-scope requests were logged (null: undated, counted from always). */
  openRequestDays: readonly (number | null)[];
  /** Days after due before an unpaid payment counts as late (Settings). */
  graceDays: number;
}

function latestOnOrBefore<T extends { day: number }>(items: readonly T[], day: number): T | null {
  let best: T | null = null;
  for (const item of items) if (item.day <= day && (best === null || item.day >= best.day)) best = item;
  return best;
}

/** Mean progress of the metrics with a baseline, a target and a value by `day`; null when none has. */
export function progressOn(metrics: ClientHistory['metrics'], day: number): number | null {
  const fractions: number[] = [];
  for (const metric of metrics) {
    const { baseline, target } = metric;
    const latest = latestOnOrBefore(metric.values, day);
    if (baseline === null || target === null || baseline === target || latest === null) continue;
    fractions.push(progressFraction(baseline, latest.value, target));
  }
  return fractions.length ? fractions.reduce((a, b) => a + b, 0) / fractions.length : null;
}

/** How many payments had gone late by `day`, among those due in the window before it. */
export function latePaymentsOn(history: ClientHistory, day: number): number {
  let late = 0;
  for (const { due, paid } of history.payments) {
    if (due === null || due > day || due <= day - LATE_PAYMENT_WINDOW_DAYS) continue;
    const settled = paid !== null && paid <= day ? paid : day;
    if (settled - due > history.graceDays) late++;
  }
  return late;
}

/** `clientHealth`'s input as it stood on `day` (nothing logged after it counts). */
export function healthInputOn(history: ClientHistory, day: number): HealthInput {
  const lastCheckIn = history.checkInDays.filter((d) => d <= day).reduce((a, b) => Math.max(a, b), -Infinity);
  const latestScore = latestOnOrBefore(history.satisfaction, day);
  return {
    daysSinceCheckIn: Number.isFinite(lastCheckIn) ? day - lastCheckIn : null,
    cadenceDays: history.cadenceDays,
    progress: progressOn(history.metrics, day),
    satisfaction: latestScore ? latestScore.score : null,
    latePayments: history.payments.some((p) => p.due !== null && p.due <= day)
      ? latePaymentsOn(history, day)
      : null,
    openRequests: history.openRequestDays.filter((d) => d === null || d <= day).length,
  };
}

/** One signal's own score, 0–100 (`signalScore`: that signal alone); null when it has no data. */
export function signalPoints(signal: HealthSignal, input: HealthInput): number | null {
  return signalScore(signal, input);
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** A signal's reading in a few words: "8/10", "45% of the way", "12 days since a check-in". */
export function describeSignal(signal: HealthSignal, input: HealthInput): string {
  switch (signal) {
    case 'checkIns':
      return input.daysSinceCheckIn === null
        ? 'no check-in yet'
        : `${plural(input.daysSinceCheckIn, 'day')} since a check-in`;
    case 'progress':
      return input.progress === null
        ? 'no progress measured'
        : `${Math.round(input.progress * 100)}% of the way`;
    case 'satisfaction':
      return input.satisfaction === null ? 'no score' : `${input.satisfaction}/10`;
    case 'latePayments':
      return plural(input.latePayments ?? 0, 'late payment');
    case 'openRequests':
      return plural(input.openRequests ?? 0, 'open request');
  }
}

export const SIGNAL_NAMES: Readonly<Record<HealthSignal, string>> = {
  checkIns: 'Check-ins',
  progress: 'Progress',
  satisfaction: 'Satisfaction',
  latePayments: 'Payments',
  openRequests: 'Open requests',
};

export interface SignalMove {
  signal: HealthSignal;
  name: string;
  before: string;
  now: string;
  /** Change of the signal's own score (0–100); null when it had no data on one of the days. */
  points: number | null;
  direction: 'better' | 'worse' | 'new';
}

/** The signals whose reading changed between `before` and `now`, biggest change first. */
export function signalsMoved(before: HealthInput, now: HealthInput): SignalMove[] {
  const moves: SignalMove[] = [];
  for (const signal of HEALTH_SIGNALS) {
    const was = signalPoints(signal, before);
    const is = signalPoints(signal, now);
    if (is === null) continue;
    const base = {
      signal,
      name: SIGNAL_NAMES[signal],
      before: describeSignal(signal, before),
      now: describeSignal(signal, now),
    };
    if (was === null) moves.push({ ...base, points: null, direction: 'new' });
    else if (Math.abs(is - was) >= MOVED_POINTS)
      moves.push({ ...base, points: is - was, direction: is > was ? 'better' : 'worse' });
  }
  return moves.sort((a, b) => Math.abs(b.points ?? 0) - Math.abs(a.points ?? 0));
}

export interface CardHealth {
  now: HealthScore;
  /** The score four weeks ago, and the change since (null when either had no data). */
  fourWeeksAgo: HealthScore;
  change: number | null;
  /** Every signal with data: its reading and its own score, for the drivers list. */
  drivers: { signal: HealthSignal; name: string; reading: string; points: number }[];
  movedSinceLastWeek: SignalMove[];
  input: HealthInput;
}

/** Health on the card: now, the trend against four weeks ago, the drivers, what moved in the last 7 days. */
export function cardHealth(
  history: ClientHistory,
  today: number,
  weights: Partial<Record<HealthSignal, number>> = {},
): CardHealth {
  const input = healthInputOn(history, today);
  const now = clientHealth(input, weights);
  const fourWeeksAgo = clientHealth(healthInputOn(history, today - TREND_DAYS), weights);
  const drivers = HEALTH_SIGNALS.flatMap((signal) => {
    const points = signalPoints(signal, input);
    return points === null
      ? []
      : [{ signal, name: SIGNAL_NAMES[signal], reading: describeSignal(signal, input), points }];
  }).sort((a, b) => a.points - b.points);
  return {
    now,
    fourWeeksAgo,
    change: now.score !== null && fourWeeksAgo.score !== null ? now.score - fourWeeksAgo.score : null,
    drivers,
    movedSinceLastWeek: signalsMoved(healthInputOn(history, today - 7), input),
    input,
  };
}

export type { HealthBand };
