/**
 * The advice inputs of the Dashboard's "needs attention" list, from what Refresh has read once: the roster
 * (Sheets computed its live links), Payments, Requests (their Hours column by label, if any) and Rates.
 * The rules themselves are in src/core (health, attention, renewals, rate-reviews, effective-rate).
 */
import { isUndecided } from '../core/requests';
import type { AttentionClient, AttentionPayment } from '../core/attention';
import { latePaymentCount } from '../core/attention';
import { absorbedHours, effectiveMonthlyRate, type HoursRequest } from '../core/effective-rate';
import { clientHealth } from '../core/health';
import { lastRaiseDay, nextRateReviewDay, type RateRecord } from '../core/rate-reviews';
import { readDay, readNumber, readText, type Zone } from './cells';
import type { RosterClient } from './roster';
import { cell, dataRows, type Settings, type Table } from './tables';

/** The Rates sheet's records (none when the sheet is missing). */
export function rateRecords(rates: Table | null, zone: Zone): RateRecord[] {
  if (!rates) return [];
  return dataRows(rates).map((row) => ({
    clientId: readText(cell(rates, row, 'clientId')),
    fromDay: readDay(cell(rates, row, 'from'), zone),
    monthlyFee: readNumber(cell(rates, row, 'monthlyFee')),
  }));
}

/** The Payments sheet's invoices, every client's (none when the sheet is missing). */
export function paymentRecords(payments: Table | null, zone: Zone): AttentionPayment[] {
  if (!payments) return [];
  return dataRows(payments).map((row) => ({
    clientId: readText(cell(payments, row, 'clientId')),
    dueDay: readDay(cell(payments, row, 'due'), zone),
    paidDay: readDay(cell(payments, row, 'paid'), zone),
    amount: readNumber(cell(payments, row, 'amount')),
    paidAmount: readNumber(cell(payments, row, 'paidAmount')),
  }));
}

/** Requests with their hours absorbed; an old workbook may have no such column. */
export function hoursRequests(requests: Table | null, zone: Zone): HoursRequest[] {
  if (!requests) return [];
  const hoursColumn = requests.col.hours >= 0 ? requests.col.hours : undefined;
  return dataRows(requests).map((row) => ({
    clientId: readText(cell(requests, row, 'clientId')),
    day: readDay(cell(requests, row, 'date'), zone),
    decision: readText(cell(requests, row, 'decision')),
    hours: hoursColumn === undefined ? null : readNumber(requests.values[row]?.[hoursColumn]),
  }));
}

/** One client of the list, with health, program, rate review and effective rate. */
export function attentionClient(
  client: RosterClient,
  lastCheckIn: number | null,
  today: number,
  settings: Settings,
  logs: { payments: AttentionPayment[]; requests: HoursRequest[]; rates: RateRecord[] },
): AttentionClient {
  // Days since the last check-in, or since the start before the first one (as the roster's Health column).
  const contact = lastCheckIn ?? client.startDay;
  const openRequests = logs.requests.filter(
    (r) => r.clientId === client.clientId && isUndecided(r.decision),
  ).length;
  const health = clientHealth(
    {
      daysSinceCheckIn: contact === null ? null : Math.max(0, today - contact),
      cadenceDays: client.cadenceDays,
      progress: client.progress,
      satisfaction:
        client.satisfaction !== null && client.satisfaction >= 1 && client.satisfaction <= 10
          ? client.satisfaction
          : null,
      latePayments: latePaymentCount(logs.payments, client.clientId, today, settings.graceDays),
      openRequests,
    },
    settings.healthWeights,
  );
  return {
    clientId: client.clientId,
    name: client.name,
    status: client.status,
    endDay: client.endDay,
    cadenceDays: client.cadenceDays,
    startDay: client.startDay,
    lastCheckIn,
    health,
    satisfaction: client.satisfaction,
    satisfactionBefore: client.satisfactionBefore,
    programMonths: client.programMonths,
    nextReviewDay: nextRateReviewDay(client.startDay, lastRaiseDay(logs.rates, client.clientId, today)),
    effectiveRate: effectiveMonthlyRate(
      client.monthlyFee,
      client.hoursPerMonth,
      absorbedHours(logs.requests, client.clientId, today),
    ),
  };
}
