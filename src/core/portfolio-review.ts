/**
 * The quarterly portfolio review: every active client ranked by profit per hour, health and fit, and sorted
 * into Keep, Re-price (the raise and the day it could take effect) and Let go (the earliest ending with a
 * month's notice that closes a program period). Every number comes from the rules that already exist:
 * effective rate (effective-rate), health (health), late payments (invoices), rate reviews (rate-reviews),
 * the notice rule and period close (offboard). Nothing here changes anything: the coach acts on a row.
 */
import { CHRONIC_LATE_COUNT } from './attention';
import { MIN_NOTICE_DAYS, type LeaveReason } from './clients';
import { ymdFromDay } from './dates';
import { effectiveMonthlyRate } from './effective-rate';
import type { HealthScore } from './health';
import type { LatePaymentRecord } from './invoices';
import { planOffboard } from './offboard';
import { isRateReviewDue } from './rate-reviews';

export const REVIEW_VERDICTS = ['Keep', 'Re-price', 'Let go'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

/** The yearly raise proposed when a review is due and the rate is already above the floor. */
export const YEARLY_RAISE = 0.05;
/** A raise to the floor larger than this would lose the client anyway: let go with notice instead. */
export const MAX_RAISE = 0.3;
/** Absorbed out-of-scope hours at this share of the contracted hours (12 months) are scope creep. */
export const SCOPE_CREEP_SHARE = 0.2;
/** This many undecided out-of-scope requests at once are scope creep. */
export const SCOPE_CREEP_OPEN_REQUESTS = 3;
/** Proposed fees are rounded up to this many currency units (a fee is quoted in round numbers). */
const FEE_STEP = 10;
/** Without a program length, the period is a month: the fee is billed monthly from the start (core/invoices). */
const BILLING_MONTHS = 1;

/** One active client as the review sees it: plain values the workbook read once. */
export interface ReviewClient {
  clientId: string;
  name: string;
  clientType: string;
  startDay: number | null;
  programMonths: number | null;
  monthlyFee: number | null;
  hoursPerMonth: number | null;
  /** Out-of-scope hours absorbed in the last 12 months (core/effective-rate absorbedHours). */
  absorbedHours: number;
  /** Undecided out-of-scope requests (core/requests isUndecided). */
  openRequests: number;
  health: HealthScore | null;
  /** The invoices of the last 12 months (core/invoices latePaymentRecord). */
  payments: LatePaymentRecord;
  /** The next yearly rate review (core/rate-reviews nextRateReviewDay). */
  nextReviewDay: number | null;
}

export interface ReviewOptions {
  today: number;
  /** Settings' Rate floor (per hour); 0 turns the floor off. */
  rateFloor: number;
  formatMoney: (amount: number) => string;
  /** A day as Settings' Date format writes it (core/locale-date formatDayAs). */
  formatDay: (day: number) => string;
}

export interface ReviewRow {
  /** 1 = the best client of the portfolio. */
  rank: number;
  clientId: string;
  name: string;
  verdict: ReviewVerdict;
  /** Fee per hour with absorbed work; null without a fee or hours. */
  effectiveRate: number | null;
  healthScore: number | null;
  /** Why, in numbers: "$38/h against a $60 floor; late 5 of 6 invoices". */
  why: string;
  /** What to do, in words: "Raise to $2,400 a month from 1 Jan 2027 (notice by 2 Dec 2026)". */
  action: string;
  /** Re-price: the proposed monthly fee. */
  newFee: number | null;
  /** Re-price: the day the new fee starts; Let go: the last day. */
  day: number | null;
  /** Let go: the latest day to give notice (the end less a month's notice). */
  noticeBy: number | null;
  /** Let go: the reason to record when offboarding (one of our side's). */
  leaveReason: LeaveReason | null;
}

/** "Q4 2026": the calendar quarter of `day`. */
export function quarterOf(day: number): string {
  const { year, month } = ymdFromDay(day);
  return `Q${Math.floor((month - 1) / 3) + 1} ${year}`;
}

const roundFeeUp = (fee: number): number => Math.ceil(fee / FEE_STEP - 1e-9) * FEE_STEP;
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The monthly fee that pays the floor for every hour the client takes, absorbed work included. */
function feeAtFloor(client: ReviewClient, rateFloor: number): number | null {
  if (client.hoursPerMonth === null || !(client.hoursPerMonth > 0)) return null;
  return roundFeeUp(rateFloor * (client.hoursPerMonth + client.absorbedHours / 12));
}

/** Late on most invoices and on at least the chronic count (core/attention's threshold). */
function paysLate(payments: LatePaymentRecord): boolean {
  return payments.late >= CHRONIC_LATE_COUNT && payments.late * 2 > payments.counted;
}

function absorbedShare(client: ReviewClient): number | null {
  if (client.hoursPerMonth === null || !(client.hoursPerMonth > 0)) return null;
  return client.absorbedHours / (client.hoursPerMonth * 12);
}

function scopeCreep(client: ReviewClient): boolean {
  const share = absorbedShare(client);
  return client.openRequests >= SCOPE_CREEP_OPEN_REQUESTS || (share !== null && share >= SCOPE_CREEP_SHARE);
}

interface Judged {
  client: ReviewClient;
  rate: number | null;
  verdict: ReviewVerdict;
  why: string[];
  leaveReason: LeaveReason | null;
  newFee: number | null;
}

function judge(client: ReviewClient, options: ReviewOptions): Judged {
  const { rateFloor, formatMoney, formatDay, today } = options;
  const rate = effectiveMonthlyRate(client.monthlyFee, client.hoursPerMonth, client.absorbedHours);
  const floorOn = rateFloor > 0;
  const below = floorOn && rate !== null && rate < rateFloor;
  const why: string[] = [];
  if (rate === null)
    why.push(client.monthlyFee === null ? 'no monthly fee' : 'no hours a month set: rate unknown');
  else if (floorOn)
    why.push(
      `${formatMoney(Math.round(rate))}/h ${below ? 'against' : 'above'} a ${formatMoney(rateFloor)} floor`,
    );
  else why.push(`${formatMoney(Math.round(rate))}/h`);
  const health = client.health;
  why.push(
    health?.score != null && health.band ? `health ${health.band} ${health.score}` : 'no health score yet',
  );
  const { payments } = client;
  if (payments.late > 0) why.push(`late ${payments.late} of ${payments.counted} invoices`);
  const share = absorbedShare(client);
  if (client.absorbedHours > 0)
    why.push(
      `${round1(client.absorbedHours)} h absorbed in 12 ` +
        `months${share === null ? '' : ` (${Math.round(share * 100)}% of contracted)`}`,
    );
  if (client.openRequests > 0) why.push(plural(client.openRequests, 'open request'));
  const reviewDue = isRateReviewDue(client.nextReviewDay, today);
  if (reviewDue && client.nextReviewDay !== null)
    why.push(`rate review due ${formatDay(client.nextReviewDay)}`);
  const savvy = client.clientType === 'Savvy';
  const atFloor = below ? feeAtFloor(client, rateFloor) : null;
  const raiseNeeded = atFloor !== null && client.monthlyFee ? atFloor / client.monthlyFee - 1 : null;
  const red = health?.band === 'Red';
  const creep = scopeCreep(client);
  const letGo = (reason: LeaveReason): Judged => ({
    client,
    rate,
    verdict: 'Let go',
    why,
    leaveReason: reason,
    newFee: null,
  });
  if (paysLate(payments)) return letGo('Pays late');
  if (below && raiseNeeded !== null && raiseNeeded > MAX_RAISE && !savvy) {
    why.push(`a raise to the floor would be +${Math.round(raiseNeeded * 100)}%`);
    return letGo('Unprofitable');
  }
  if (red && creep) return letGo('Scope creep');
  if (red && below && !savvy) return letGo('Poor fit');
  const yearly =
    reviewDue && client.monthlyFee !== null ? roundFeeUp(client.monthlyFee * (1 + YEARLY_RAISE)) : null;
  const newFee = Math.max(atFloor ?? -Infinity, yearly ?? -Infinity);
  if (Number.isFinite(newFee) && client.monthlyFee !== null && newFee > client.monthlyFee) {
    if (below && savvy && raiseNeeded !== null && raiseNeeded > MAX_RAISE)
      why.push('Savvy: loyal and refers others, so re-price rather than let go');
    return { client, rate, verdict: 'Re-price', why, leaveReason: null, newFee };
  }
  return { client, rate, verdict: 'Keep', why, leaveReason: null, newFee: null };
}

/**
 * The day a raise could start: the next yearly review (the advice everywhere else says "re-price at the
 * next review"), and never with less than a month's notice from today.
 */
export function raiseFromDay(nextReviewDay: number | null, today: number): number {
  return Math.max(nextReviewDay ?? -Infinity, today + MIN_NOTICE_DAYS);
}

/**
 * The earliest ending with at least a month's notice given today (core/offboard's rule) that closes a
 * program period: start + k × Program (months), or k months without a program length (monthly billing).
 * Without a start date there is no period to line up with: a month from today.
 */
export function earliestEnding(
  startDay: number | null,
  programMonths: number | null,
  today: number,
  reason: LeaveReason,
): number {
  const months = programMonths !== null && programMonths > 0 ? Math.round(programMonths) : BILLING_MONTHS;
  const plan = planOffboard({
    startDay,
    programMonths: months,
    endDay: today + MIN_NOTICE_DAYS,
    noticeDay: today,
    endAtPeriodClose: startDay !== null,
    reason,
    formatDay: String,
  });
  // The notice rule holds by construction (the end is a month or more away); a refusal would be a bug.
  if (!plan.ok) throw new Error(`portfolio review: ${plan.errors[0]?.message}`);
  return plan.endDay;
}

const ORDER: readonly ReviewVerdict[] = REVIEW_VERDICTS;

/**
 * The review of `clients` (the active ones): Keep first, then Re-price, then Let go; within each, the
 * highest profit per hour first (no rate last), then the healthiest, then by name. Ranked 1..n in that order.
 */
export function portfolioReview(clients: readonly ReviewClient[], options: ReviewOptions): ReviewRow[] {
  const { today, formatMoney, formatDay } = options;
  const judged = clients.map((client) => judge(client, options));
  judged.sort(
    (a, b) =>
      ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict) ||
      (b.rate ?? -Infinity) - (a.rate ?? -Infinity) ||
      (b.client.health?.score ?? -1) - (a.client.health?.score ?? -1) ||
      a.client.name.localeCompare(b.client.name),
  );
  return judged.map((j, index): ReviewRow => {
    const { client } = j;
    const base = {
      rank: index + 1,
      clientId: client.clientId,
      name: client.name,
      verdict: j.verdict,
      effectiveRate: j.rate,
      healthScore: client.health?.score ?? null,
      why: j.why.join('; '),
    };
    if (j.verdict === 'Re-price' && j.newFee !== null && client.monthlyFee !== null) {
      const from = raiseFromDay(client.nextReviewDay, today);
      const percent = Math.round((j.newFee / client.monthlyFee - 1) * 100);
      return {
        ...base,
        action:
          `Raise to ${formatMoney(j.newFee)} a month (+${percent}%) from ${formatDay(from)}; tell ` +
          `them by ${formatDay(from - MIN_NOTICE_DAYS)}`,
        newFee: j.newFee,
        day: from,
        noticeBy: from - MIN_NOTICE_DAYS,
        leaveReason: null,
      };
    }
    if (j.verdict === 'Let go' && j.leaveReason !== null) {
      const end = earliestEnding(client.startDay, client.programMonths, today, j.leaveReason);
      const noticeBy = end - MIN_NOTICE_DAYS;
      const period =
        client.startDay === null
          ? ' (no start date: no period to line up with)'
          : ', the close of a program period';
      return {
        ...base,
        action: `End on ${formatDay(end)}${period}; give notice by ${formatDay(noticeBy)} (${j.leaveReason})`,
        newFee: null,
        day: end,
        noticeBy,
        leaveReason: j.leaveReason,
      };
    }
    return { ...base, action: 'Keep', newFee: null, day: null, noticeBy: null, leaveReason: null };
  });
}
