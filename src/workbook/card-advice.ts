/**
 * The advice on a client's card (health, triage, growth), computed from what the card already read:
 * the client's tab, their payments and open requests. No extra document call.
 */
import type { ClientStatusName } from '../core/clients';
import { isOverdue } from '../core/invoices';
import { parseIsoDay } from '../core/dates';
import { growthSignal } from '../core/growth';
import {
  cardHealth,
  healthInputOn,
  LATE_PAYMENT_WINDOW_DAYS,
  progressOn,
  TREND_DAYS,
  type ClientHistory,
} from '../core/health-history';
import type { HealthSignal } from '../core/health';
import { triageChurn } from '../core/triage';
import { readNumber } from './cells';
import type { ClientTab } from './client-log';

export interface CardAdviceData {
  health: {
    score: number | null;
    band: 'Red' | 'Yellow' | 'Green' | null;
    signalsWithData: number;
    signalsTotal: number;
    reasons: string[];
    fourWeeksAgo: number | null;
    change: number | null;
    drivers: { name: string; reading: string; points: number }[];
    moved: {
      name: string;
      before: string;
      now: string;
      points: number | null;
      direction: 'better' | 'worse' | 'new';
    }[];
  };
  triage: {
    reason: string | null;
    evidence: string;
    action: string;
    others: { reason: string; evidence: string }[];
  } | null;
  growth: { ready: boolean; message: string; atTarget: number; measured: number };
}

/** The client's log as day numbers and values, the input of core/health-history. */
export function clientHistory(
  tab: ClientTab,
  cadenceDays: number,
  payments: readonly { due: string | null; paid: string | null }[],
  openRequests: readonly { date: string | null }[],
  graceDays: number,
): ClientHistory {
  const row = (r: number) => tab.values[r] ?? [];
  const series = (column: number) =>
    column < 0
      ? []
      : tab.log.entries
          .map((entry) => ({ day: entry.day, value: readNumber(row(entry.row)[column]) }))
          .filter((point): point is { day: number; value: number } => point.value !== null);
  const day = (iso: string | null) => (iso === null ? null : parseIsoDay(iso));
  return {
    cadenceDays: cadenceDays > 0 ? cadenceDays : null,
    checkInDays: tab.log.entries.map((entry) => entry.day),
    metrics: tab.metrics.map((metric) => ({
      baseline: metric.baseline,
      target: metric.target,
      values: series(tab.log.metricColumns.get(metric.name) ?? -1),
    })),
    satisfaction: series(tab.log.satisfactionColumn)
      .filter((point) => point.value >= 1 && point.value <= 10)
      .map((point) => ({ day: point.day, score: point.value })),
    payments: payments.map((p) => ({ due: day(p.due), paid: day(p.paid) })),
    openRequestDays: openRequests.map((r) => day(r.date)),
    graceDays,
  };
}

/**
 * Health (with Settings' weights, as the roster's), triage and growth for the card; null for an ended client
 * (no advice is due).
 */
export function cardAdvice(
  history: ClientHistory,
  status: ClientStatusName,
  metricProgress: readonly (number | null)[],
  today: number,
  weights: Partial<Record<HealthSignal, number>>,
): CardAdviceData | null {
  if (status === 'Ended') return null;
  const health = cardHealth(history, today, weights);
  const lastCheckIn = history.checkInDays.length ? Math.max(...history.checkInDays) : null;
  const unpaidLate = history.payments.filter(
    (p) =>
      p.due !== null &&
      isOverdue({ dueDay: p.due, paidDay: p.paid }, today, history.graceDays) &&
      p.due > today - LATE_PAYMENT_WINDOW_DAYS,
  ).length;
  const triage = triageChurn({
    band: health.now.band,
    status,
    daysSinceCheckIn: health.input.daysSinceCheckIn,
    cadenceDays: history.cadenceDays,
    progressNow: health.input.progress,
    progressFourWeeksAgo: progressOn(history.metrics, today - TREND_DAYS),
    progressAtLastCheckIn: lastCheckIn === null ? null : progressOn(history.metrics, lastCheckIn),
    progressFourWeeksBeforeLastCheckIn:
      lastCheckIn === null ? null : progressOn(history.metrics, lastCheckIn - TREND_DAYS),
    satisfaction: [...history.satisfaction].sort((a, b) => a.day - b.day).map((s) => s.score),
    latePayments: healthInputOn(history, today).latePayments ?? 0,
    unpaidLate,
  });
  return {
    health: {
      score: health.now.score,
      band: health.now.band,
      signalsWithData: health.now.signalsWithData,
      signalsTotal: health.now.signalsTotal,
      reasons: health.now.reasons,
      fourWeeksAgo: health.fourWeeksAgo.score,
      change: health.change,
      drivers: health.drivers.map(({ name, reading, points }) => ({ name, reading, points })),
      moved: health.movedSinceLastWeek.map(({ name, before, now, points, direction }) => ({
        name,
        before,
        now,
        points,
        direction,
      })),
    },
    triage: triage && {
      reason: triage.likeliest?.reason ?? null,
      evidence: triage.likeliest?.evidence ?? '',
      action: triage.action,
      others: triage.others.map(({ reason, evidence }) => ({ reason, evidence })),
    },
    growth: growthSignal(metricProgress, health.now.band),
  };
}
