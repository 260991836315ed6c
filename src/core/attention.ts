/**
 * The dashboard's "needs attention" list: who to chase this week, and why. Computed from plain
 * values the workbook read in a fixed number of reads.
 */
import { isOverdue } from './invoices';
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
}

export interface AttentionPayment {
  clientId: string;
  dueDay: number | null;
  paidDay: number | null;
  amount: number | null;
}

export interface AttentionRequest {
  clientId: string;
  day: number | null;
  request: string;
  decision: string;
}

export const ATTENTION_REASONS = {
  overdue: 'Check-in overdue',
  notThisWeek: 'Nothing logged this week',
  latePayment: 'Late payment',
  openRequest: 'Open out-of-scope request',
} as const;

export interface AttentionItem {
  clientId: string;
  name: string;
  reason: string;
  detail: string;
  /** The day the problem started (due date, request date...). */
  sinceDay: number | null;
}

const ORDER: string[] = Object.values(ATTENTION_REASONS);

/**
 * Clients who owe check-ins only (core/status.ts: active or serving notice; a paused or ended client is not chased). A payment is late when unpaid more
 * than `graceDays` after it was due. "Nothing logged this week": due this week, not yet overdue, no row.
 */
export function needsAttention(
  clients: readonly AttentionClient[],
  payments: readonly AttentionPayment[],
  requests: readonly AttentionRequest[],
  todayDay: number,
  weekStartDay: number,
  graceDays = 0,
  formatAmount: (amount: number) => string = String,
): AttentionItem[] {
  const items: AttentionItem[] = [];
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
      detail: `${payment.amount === null ? 'Payment' : formatAmount(payment.amount)} unpaid, ${late} days past due`,
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
  return items.sort(
    (a, b) =>
      ORDER.indexOf(a.reason) - ORDER.indexOf(b.reason) ||
      a.name.localeCompare(b.name) ||
      (a.sinceDay ?? 0) - (b.sinceDay ?? 0),
  );
}
