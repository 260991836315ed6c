/**
 * The expectation check when a target is set: what earlier clients achieved on the same metric (the best
 * ever, the median, how many reached this target and how long it took them), and a plain warning when the
 * target is beyond anything achieved before. Never a block: it is context for the conversation.
 *
 * Matching (docs/WORKBOOK.md "The expectation check"): two metrics are the same when their names are equal
 * once case, spacing, punctuation and plural -s are set aside ("Cost-per-lead" = "cost per leads"), or when
 * one is the initials of the other ("CPL" = "Cost per lead"); their units are equal the same way ("USD" =
 * "$", "percent" = "%"); and their directions agree (a metric to raise and one to lower measure different goals).
 */
import { formatValue } from './progress-report';

export type Direction = 'up' | 'down';

/** One client's metric as the workbook holds it: its definition and its logged values. */
export interface MetricRecord {
  clientId: string;
  client: string;
  name: string;
  unit: string;
  direction: Direction;
  baseline: number | null;
  target: number | null;
  /** The client's start date (a day number); null falls back to the first logged value. */
  startDay: number | null;
  /** Logged values, any order. */
  values: readonly { day: number; value: number }[];
}

/** The metric whose target is being set. */
export interface TargetToCheck {
  /** The client being set up or edited: their own history is never compared with themselves. */
  clientId?: string;
  name: string;
  unit: string;
  direction: Direction;
  target: number | null;
}

export interface BestEver {
  value: number;
  client: string;
  clientId: string;
  /** Whole months from the client's start to the week they first logged it. */
  months: number;
}

export type Verdict = 'no-target' | 'no-history' | 'first' | 'at-best' | 'within';

export interface ExpectationCheck {
  /** Earlier clients with a logged value of this metric. */
  clients: number;
  best: BestEver | null;
  /** Median of each client's best. */
  median: number | null;
  /** Clients whose best reached the target (at least as good), and the median months it took them. */
  reached: { count: number; medianMonths: number | null } | null;
  verdict: Verdict;
}

const AVERAGE_MONTH_DAYS = 365.25 / 12;
const UNIT_ALIASES: Record<string, string> = {
  usd: '$',
  us$: '$',
  dollars: '$',
  eur: '€',
  euro: '€',
  euros: '€',
  gbp: '£',
  percent: '%',
  pct: '%',
  kgs: 'kg',
};

/** A metric name with case, spacing, punctuation and plural -s set aside: "Cost-per-Leads" → "cost per lead". */
export function metricKey(name: string): string {
  return String(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word))
    .join(' ');
}

/** A unit with case and spacing set aside, and its common spellings as one: "USD" → "$". */
export function unitKey(unit: string): string {
  const key = String(unit)
    .toLowerCase()
    .replace(/[\s.]+/g, '');
  return UNIT_ALIASES[key] ?? key;
}

function initials(key: string): string | null {
  const words = key.split(' ');
  return words.length >= 2 ? words.map((word) => word[0]).join('') : null;
}

/** True when two metric names are the same metric (equal keys, or one is the other's initials). */
export function sameMetricName(a: string, b: string): boolean {
  const [ka, kb] = [metricKey(a), metricKey(b)];
  if (!ka || !kb) return false;
  if (ka === kb) return true;
  const single = (key: string) => !key.includes(' ') && key.length >= 2;
  return (single(kb) && initials(ka) === kb) || (single(ka) && initials(kb) === ka);
}

/** True when `record` measures the same thing as `metric`: name, unit and direction. */
export function sameMetric(
  metric: Pick<TargetToCheck, 'name' | 'unit' | 'direction'>,
  record: Pick<MetricRecord, 'name' | 'unit' | 'direction'>,
): boolean {
  return (
    record.direction === metric.direction &&
    unitKey(record.unit) === unitKey(metric.unit) &&
    sameMetricName(metric.name, record.name)
  );
}

/** True when `value` is at least as good as `than` for a metric going `direction`. */
export function atLeastAsGood(value: number, than: number, direction: Direction): boolean {
  return direction === 'up' ? value >= than : value <= than;
}

/** The best of `values` for a metric going `direction` (highest up, lowest down); null when there are none. */
export function bestValue(values: readonly number[], direction: Direction): number | null {
  let best: number | null = null;
  for (const value of values) if (best === null || atLeastAsGood(value, best, direction)) best = value;
  return best;
}

function monthsBetween(fromDay: number, toDay: number): number {
  return Math.max(0, Math.round((toDay - fromDay) / AVERAGE_MONTH_DAYS));
}

function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Months are shown whole: a median of 5 and 6 months is 6. */
function wholeMonths(months: number | null): number | null {
  return months === null ? null : Math.round(months);
}

interface ClientAchievement {
  clientId: string;
  client: string;
  best: number;
  bestMonths: number;
  /** Months to first reach the target; null when never reached. */
  reachedMonths: number | null;
}

/** Each earlier client's achievement on the metric: all their matching metrics taken together. */
function achievements(metric: TargetToCheck, history: readonly MetricRecord[]): ClientAchievement[] {
  const byClient = new Map<string, MetricRecord[]>();
  for (const record of history) {
    if (metric.clientId !== undefined && record.clientId === metric.clientId) continue;
    if (!sameMetric(metric, record)) continue;
    const list = byClient.get(record.clientId) ?? [];
    list.push(record);
    byClient.set(record.clientId, list);
  }
  const result: ClientAchievement[] = [];
  for (const records of byClient.values()) {
    const points = records
      .flatMap((record) => record.values)
      .filter((point) => Number.isFinite(point.value) && Number.isFinite(point.day))
      .sort((a, b) => a.day - b.day);
    if (!points.length) continue;
    const start = records.find((record) => record.startDay !== null)?.startDay ?? points[0].day;
    let best = points[0];
    for (const point of points)
      if (point.value !== best.value && atLeastAsGood(point.value, best.value, metric.direction))
        best = point;
    const target = metric.target;
    const reached =
      target === null ? undefined : points.find((p) => atLeastAsGood(p.value, target, metric.direction));
    result.push({
      clientId: records[0].clientId,
      client: records[0].client,
      best: best.value,
      bestMonths: monthsBetween(start, best.day),
      reachedMonths: reached ? monthsBetween(start, reached.day) : null,
    });
  }
  return result;
}

/** The check for one metric's target against every earlier client's history. */
export function checkExpectation(metric: TargetToCheck, history: readonly MetricRecord[]): ExpectationCheck {
  const done = achievements(metric, history);
  let best: ClientAchievement | null = null;
  for (const a of done) {
    // On a tie the faster client is the best ever: it shows what is possible soonest.
    if (
      !best ||
      (a.best !== best.best
        ? atLeastAsGood(a.best, best.best, metric.direction)
        : a.bestMonths < best.bestMonths)
    )
      best = a;
  }
  const target = metric.target;
  const reachedBy = done.filter((a) => a.reachedMonths !== null);
  const verdict: Verdict =
    target === null || !Number.isFinite(target)
      ? 'no-target'
      : !best
        ? 'no-history'
        : target === best.best
          ? 'at-best'
          : atLeastAsGood(target, best.best, metric.direction)
            ? 'first'
            : 'within';
  return {
    clients: done.length,
    best: best
      ? { value: best.best, client: best.client, clientId: best.clientId, months: best.bestMonths }
      : null,
    median: median(done.map((a) => a.best)),
    reached:
      target === null
        ? null
        : {
            count: reachedBy.length,
            medianMonths: wholeMonths(median(reachedBy.map((a) => a.reachedMonths as number))),
          },
    verdict,
  };
}

/** The metric's name inside a sentence: "cost per lead", acronyms kept ("CPL"). */
export function nameInSentence(name: string): string {
  return name
    .trim()
    .split(/(\s+)/)
    .map((word) => (/^[A-Z0-9]{2,}$/.test(word) ? word : word.toLowerCase()))
    .join('');
}

function monthsText(months: number): string {
  return months < 1 ? 'within a month' : months === 1 ? '1 month' : `${months} months`;
}

/** The lines to show beside the target: the warning (when a first) and the numbers. */
export function expectationLines(
  metric: TargetToCheck,
  check: ExpectationCheck,
  intlLocale: string,
): { warning: string | null; summary: string } {
  const fmt = (value: number | null) => formatValue(value, metric.unit, intlLocale);
  const name = nameInSentence(metric.name);
  if (!check.best)
    return { warning: null, summary: `No earlier client has a ${name} logged to compare with.` };
  const best = `${fmt(check.best.value)} (${check.best.client}, ${monthsText(check.best.months)})`;
  const warning =
    check.verdict === 'first'
      ? `Your best ${name} so far is ${best}. ${fmt(metric.target)} would be a first: say so now, or set ` +
        `a target you can beat.`
      : null;
  // The warning already names the best: the numbers under it do not repeat it.
  const parts = warning ? [] : [`Best so far ${best}`];
  if (check.clients > 1) parts.push(`median ${fmt(check.median)}`);
  if (check.reached && metric.target !== null) {
    const within =
      check.reached.medianMonths === null ? '' : `, in a median ${monthsText(check.reached.medianMonths)}`;
    parts.push(`${check.reached.count} of ${check.clients} reached ${fmt(metric.target)}${within}`);
  }
  const text = parts.join(' · ');
  const summary = text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : '';
  return { warning, summary };
}

/**
 * For the card and the progress report: "Target set beyond anything achieved before" for each of the
 * client's metrics whose target no earlier client reached, with the numbers.
 */
export function beyondBestNotes(
  clientId: string,
  metrics: readonly Pick<MetricRecord, 'name' | 'unit' | 'direction' | 'target'>[],
  history: readonly MetricRecord[],
  intlLocale: string,
): string[] {
  const notes: string[] = [];
  for (const metric of metrics) {
    if (metric.target === null) continue;
    const check = checkExpectation({ ...metric, clientId }, history);
    if (check.verdict !== 'first' || !check.best) continue;
    const fmt = (value: number) => formatValue(value, metric.unit, intlLocale);
    notes.push(
      `Target set beyond anything achieved before: ${metric.name} ${fmt(metric.target)}; the best so far ` +
        `is ${fmt(check.best.value)} (${check.best.client}, ${monthsText(check.best.months)}).`,
    );
  }
  return notes;
}
