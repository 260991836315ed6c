/**
 * The dashboard's "needs attention" list: who to chase this week, and why. Computed from plain
 * values the workbook read in a fixed number of reads.
 */
import { formatIsoDay } from './dates';
import { explainHealth, type HealthScore } from './health';
import { amountDue, isLate, isOverdue } from './invoices';
import { programTiming } from './renewals';
import { isRateReviewDue } from './rate-reviews';
import { isUndecided } from './requests';
import { clientState, owesCheckIns, statusOn } from './status';

export interface AttentionClient {
  clientId: string;
  name: string;
  status: string;
  cadenceDays: number;
  startDay: number | null;
  lastCheckIn: number | null;
  /** The roster's End date: a client serving notice is chased until then. */
  endDay?: number | null;
  /** Advice inputs; left out (undefined) or null is "no data", and raises nothing. */
  health?: HealthScore | null;
  /** The latest satisfaction (1–10), and the latest one logged at least four weeks ago. */
  satisfaction?: number | null;
  satisfactionBefore?: number | null;
  programMonths?: number | null;
  /** The day of the next yearly rate review (core/rate-reviews). */
  nextReviewDay?: number | null;
  /** What the client pays per hour of work, absorbed out-of-scope hours included. */
  effectiveRate?: number | null;
}

/** The thresholds of the advice rows. */
export interface AdviceSettings {
  /** An effective hourly rate below this is flagged; null or 0 is off. */
  rateFloor?: number | null;
}

export interface AttentionPayment {
  clientId: string;
  dueDay: number | null;
  paidDay: number | null;
  amount: number | null;
  /** Paid so far on a part-paid invoice (null or absent: nothing, or a row from before the column). */
  paidAmount?: number | null;
}

export interface AttentionRequest {
  clientId: string;
  day: number | null;
  request: string;
  decision: string;
}

/** Every reason, most urgent first: the list is ranked in this order (rankAttention). */
export const ATTENTION_REASONS = {
  redHealth: 'Health in the red',
  pastEnd: 'Past program end',
  overdue: 'Check-in overdue',
  latePayment: 'Late payment',
  chronicLate: 'Chronic late payer',
  fallingSatisfaction: 'Satisfaction falling',
  belowFloor: 'Below the rate floor',
  ending: 'Program ending soon',
  rateReview: 'Rate review due',
  openRequest: 'Open out-of-scope request',
  notThisWeek: 'Nothing logged this week',
} as const;

/** What to do about each reason: one line, shown beside it. */
export const ATTENTION_ACTIONS: Readonly<Record<string, string>> = {
  [ATTENTION_REASONS.redHealth]: 'Call them this week; go through the drivers on their card.',
  [ATTENTION_REASONS.pastEnd]: 'Renew (add the new term to Program (months)) or plan the ending with notice.',
  [ATTENTION_REASONS.overdue]: 'Check in today.',
  [ATTENTION_REASONS.latePayment]: 'Send a reminder.',
  [ATTENTION_REASONS.chronicLate]: 'Agree on terms (pay upfront, direct debit), or end it with notice.',
  [ATTENTION_REASONS.fallingSatisfaction]: 'Ask what changed; prepare the conversation.',
  [ATTENTION_REASONS.belowFloor]: 'Re-price at the next review, or let go with notice.',
  [ATTENTION_REASONS.ending]: "Talk renewal now, or time the ending with the program's end.",
  [ATTENTION_REASONS.rateReview]: 'Review the fee; record a raise from the card.',
  [ATTENTION_REASONS.openRequest]: 'Decide: in scope, change order or decline.',
  [ATTENTION_REASONS.notThisWeek]: "Log this week's check-in.",
};

/** Late payments (past the grace days) within this many days that make a chronic late payer. */
export const CHRONIC_LATE_COUNT = 3;
export const CHRONIC_LATE_WINDOW_DAYS = 365;
/** A drop in satisfaction of this many points against four weeks earlier is "falling". */
export const SATISFACTION_DROP = 2;

export interface AttentionItem {
  clientId: string;
  name: string;
  reason: string;
  detail: string;
  /** The day the problem started (due date, request date...). */
  sinceDay: number | null;
  /** What to do about it. */
  action: string;
}

const ORDER: string[] = Object.values(ATTENTION_REASONS);

/**
 * Most urgent first: by reason (ATTENTION_REASONS' order), then the oldest problem first (no day last),
 * then by name.
 */
export function rankAttention(items: readonly AttentionItem[]): AttentionItem[] {
  const since = (item: AttentionItem) => item.sinceDay ?? Infinity;
  return [...items].sort(
    (a, b) =>
      ORDER.indexOf(a.reason) - ORDER.indexOf(b.reason) ||
      since(a) - since(b) ||
      a.name.localeCompare(b.name),
  );
}

/** How many of a client's payments due within the window were (or are) late past the grace days. */
export function latePaymentCount(
  payments: readonly AttentionPayment[],
  clientId: string,
  todayDay: number,
  graceDays: number,
  windowDays = CHRONIC_LATE_WINDOW_DAYS,
): number {
  let count = 0;
  for (const payment of payments) {
    if (payment.clientId !== clientId || payment.dueDay === null) continue;
    if (payment.dueDay > todayDay || payment.dueDay < todayDay - windowDays) continue;
    if (isLate(payment, todayDay, graceDays)) count++;
  }
  return count;
}

/**
 * Clients who owe check-ins only (core/status.ts: active or serving notice; a paused or ended client is
 * not chased). A payment is late when unpaid more than `graceDays` after it was due (core/invoices
 * `isOverdue`). "Nothing logged this week": due this week, not yet overdue, no row.
 */
export function needsAttention(
  clients: readonly AttentionClient[],
  payments: readonly AttentionPayment[],
  requests: readonly AttentionRequest[],
  todayDay: number,
  weekStartDay: number,
  graceDays = 0,
  formatAmount: (amount: number) => string = String,
  advice: AdviceSettings = {},
): AttentionItem[] {
  const items: Omit<AttentionItem, 'action'>[] = [];
  const active = new Map(
    clients
      .filter((c) => owesCheckIns(statusOn(c.status, c.endDay ?? null, todayDay)))
      .map((c) => [c.clientId, c]),
  );
  for (const client of active.values()) {
    // The card's rule, so the card and this list say the same of a client.
    const state = clientState({
      stored: client.status,
      endDay: client.endDay ?? null,
      startDay: client.startDay,
      cadenceDays: client.cadenceDays,
      lastCheckIn: client.lastCheckIn,
      today: todayDay,
      weekStartDay,
      latePayments: 0,
    });
    if (state.checkIn === 'overdue') {
      const overdue = state.overdueBy as number;
      items.push({
        clientId: client.clientId,
        name: client.name,
        reason: ATTENTION_REASONS.overdue,
        detail:
          client.lastCheckIn === null
            ? `No check-in yet; every ${client.cadenceDays} days`
            : `${overdue} day${overdue === 1 ? '' : 's'} late; every ${client.cadenceDays} days`,
        sinceDay: todayDay - overdue,
      });
    } else if (state.checkIn === 'due') {
      items.push({
        clientId: client.clientId,
        name: client.name,
        reason: ATTENTION_REASONS.notThisWeek,
        detail: `Due by ${client.cadenceDays}-day cadence`,
        sinceDay: weekStartDay,
      });
    }
  }
  for (const payment of payments) {
    const client = active.get(payment.clientId);
    if (!client || payment.dueDay === null || !isOverdue(payment, todayDay, graceDays)) continue;
    const late = todayDay - payment.dueDay;
    items.push({
      clientId: client.clientId,
      name: client.name,
      reason: ATTENTION_REASONS.latePayment,
      detail:
        payment.amount === null
          ? `Payment unpaid, ${late} days past due`
          : `${formatAmount(amountDue({ ...payment, paidAmount: payment.paidAmount ?? null }))} ` +
            `unpaid${payment.paidAmount ? ` of ${formatAmount(payment.amount)}` : ''}, ${late} days past due`,
      sinceDay: payment.dueDay,
    });
  }
  for (const request of requests) {
    const client = active.get(request.clientId);
    if (!client || !isUndecided(request.decision)) continue;
    items.push({
      clientId: client.clientId,
      name: client.name,
      reason: ATTENTION_REASONS.openRequest,
      detail: request.request.length > 80 ? `${request.request.slice(0, 79)}…` : request.request,
      sinceDay: request.day,
    });
  }
  for (const client of active.values())
    items.push(...adviceFor(client, payments, todayDay, graceDays, formatAmount, advice));
  return rankAttention(items.map((item) => ({ ...item, action: ATTENTION_ACTIONS[item.reason] ?? '' })));
}

/** The advice rows of one active client: health, program timing, payments, satisfaction, rate. */
function adviceFor(
  client: AttentionClient,
  payments: readonly AttentionPayment[],
  todayDay: number,
  graceDays: number,
  formatAmount: (amount: number) => string,
  advice: AdviceSettings,
): Omit<AttentionItem, 'action'>[] {
  const items: Omit<AttentionItem, 'action'>[] = [];
  const add = (reason: string, detail: string, sinceDay: number | null) =>
    items.push({ clientId: client.clientId, name: client.name, reason, detail, sinceDay });
  if (client.health?.band === 'Red') add(ATTENTION_REASONS.redHealth, explainHealth(client.health), null);
  const timing = programTiming(client.startDay, client.programMonths ?? null, todayDay);
  if (timing?.kind === 'past') {
    add(
      ATTENTION_REASONS.pastEnd,
      `Program ended ${formatIsoDay(timing.endDay)} (${timing.daysPast} days ago); still Active`,
      timing.endDay,
    );
  } else if (timing?.kind === 'ending') {
    add(
      ATTENTION_REASONS.ending,
      `Program ends ${formatIsoDay(timing.endDay)}, in ${timing.daysLeft} days`,
      timing.endDay,
    );
  }
  const late = latePaymentCount(payments, client.clientId, todayDay, graceDays);
  if (late >= CHRONIC_LATE_COUNT) {
    add(
      ATTENTION_REASONS.chronicLate,
      `${late} payments late in the last 12 months`,
      todayDay - CHRONIC_LATE_WINDOW_DAYS,
    );
  }
  const { satisfaction: now, satisfactionBefore: before } = client;
  if (now != null && before != null && before - now >= SATISFACTION_DROP) {
    add(ATTENTION_REASONS.fallingSatisfaction, `Satisfaction ${before} → ${now} in four weeks or more`, null);
  }
  const floor = advice.rateFloor ?? 0;
  if (floor > 0 && client.effectiveRate != null && client.effectiveRate < floor) {
    add(
      ATTENTION_REASONS.belowFloor,
      `${formatAmount(client.effectiveRate)} an hour; the floor is ${formatAmount(floor)}`,
      null,
    );
  }
  const review = client.nextReviewDay ?? null;
  if (review !== null && isRateReviewDue(review, todayDay)) {
    add(
      ATTENTION_REASONS.rateReview,
      `Yearly review ${review < todayDay ? 'was due' : 'due'} ${formatIsoDay(review)}`,
      review,
    );
  }
  return items;
}
