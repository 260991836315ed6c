/**
 * The card's fee and profitability, read when the card shows them: the fee history from Rates, the next
 * rate review, the effective hourly rate against Settings' floor, and LTV net of absorbed work. Reads only.
 */
import { formatIsoDay } from '../core/dates';
import { absorbedHours, effectiveMonthlyRate } from '../core/effective-rate';
import { DomainError } from '../core/errors';
import { clientLifespanYears } from '../core/lifespan';
import { netLtv } from '../core/ltv';
import { isRateReviewDue, lastRaiseDay, nextRateReviewDay } from '../core/rate-reviews';
import { readText } from './cells';
import { todayIn } from './today';
import { RATES } from './advice-schema';
import { hoursRequests, rateRecords } from './dashboard-advice';
import { rosterClients } from './roster';
import { REQUESTS, ROSTER } from './schema';
import { activeSpreadsheet, cell, dataRows, readSettings, readTable, readZone } from './tables';

export interface ProfitCardData {
  clientId: string;
  monthlyFee: number | null;
  hoursPerMonth: number | null;
  yearlyProfit: number | null;
  /** Fee per hour with the absorbed hours; null without a fee or hours. */
  effectiveRate: number | null;
  rateFloor: number;
  /** Out-of-scope hours absorbed in the last 12 months. */
  absorbedHours: number;
  hourlyCost: number;
  /** Years a client is expected to stay (Kaplan–Meier over the roster, as the Dashboard's); null with no start. */
  expectedYears: number | null;
  netLtv: number | null;
  nextReview: string | null;
  reviewDue: boolean;
  /** The Rates rows of the client, newest first. */
  fees: { from: string | null; monthlyFee: number | null; note: string }[];
}

export function profitCard(clientId: string): ProfitCardData | null {
  const ss = activeSpreadsheet();
  const zone = readZone(ss);
  const settings = readSettings(ss, zone.locale);
  const roster = readTable(ss, ROSTER);
  const clients = roster ? rosterClients(roster, zone, settings) : [];
  const client = clients.find((c) => c.clientId === clientId);
  if (!client) return null;
  const today = todayIn(zone);
  const rates = readTable(ss, RATES);
  const records = rateRecords(rates, zone);
  const absorbed = absorbedHours(hoursRequests(readTable(ss, REQUESTS), zone), clientId, today);
  const stays = clients.flatMap((c) =>
    c.startDay === null ? [] : [{ startDay: c.startDay, endDay: c.endDay }],
  );
  let expectedYears: number | null = null;
  try {
    expectedYears = clientLifespanYears(stays, today, 'km');
  } catch (error) {
    if (!(error instanceof DomainError)) throw error; // nobody has started yet: no expectation
  }
  const nextReview = nextRateReviewDay(client.startDay, lastRaiseDay(records, clientId, today));
  const fees = rates
    ? dataRows(rates)
        .map((row, i) => ({ record: records[i], note: readText(cell(rates, row, 'note')) }))
        .filter(({ record }) => record.clientId === clientId)
        .sort((a, b) => (b.record.fromDay ?? -Infinity) - (a.record.fromDay ?? -Infinity))
        .map(({ record, note }) => ({
          from: record.fromDay === null ? null : formatIsoDay(record.fromDay),
          monthlyFee: record.monthlyFee,
          note,
        }))
    : [];
  return {
    clientId,
    monthlyFee: client.monthlyFee,
    hoursPerMonth: client.hoursPerMonth,
    yearlyProfit: client.yearlyProfit,
    effectiveRate: effectiveMonthlyRate(client.monthlyFee, client.hoursPerMonth, absorbed),
    rateFloor: settings.rateFloor,
    absorbedHours: absorbed,
    hourlyCost: settings.hourlyCost,
    expectedYears,
    netLtv:
      client.yearlyProfit === null || expectedYears === null
        ? null
        : netLtv(client.yearlyProfit, absorbed, settings.hourlyCost, expectedYears),
    nextReview: nextReview === null ? null : formatIsoDay(nextReview),
    reviewDue: isRateReviewDue(nextReview, today),
    fees,
  };
}
