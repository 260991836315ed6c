/**
 * Two Edit client forms open at once (the coach and the VA, or two sidebars): each save keeps what the other
 * saved in between. The form sends what it was opened with; a save changes only what its user changed, on top
 * of the client as it is now, and refuses (naming the field) only where both changed the same thing
 * differently. Without this, the later save wrote back its stale copy of every field and metric list: a
 * metric the other had just added was removed, a fee just raised went back.
 */
import type { MetricSpec } from './client-tab';
import type { FieldProblem } from './outcome';
import { numberAsTyped, parseNumber } from './parse';
import { shown } from './quote';

/** What the form was opened with: rpcGetClientEdit's answer, as the sidebar got it. */
export interface OpenedEdit {
  clientType: string;
  cadenceDays: number;
  monthlyFee: number | null;
  yearlyProfit: number | null;
  definitionOfSuccess: string;
  scope: string;
  metrics: MetricSpec[];
}

/** A metric row as the form sends it (`from`: the metric it was; numbers typed as text). */
export interface FormMetric {
  from?: string;
  name: string;
  unit: string;
  direction: string;
  baseline: string | number;
  target: string | number;
}

const isNumberOrNull = (value: unknown) =>
  value === null || (typeof value === 'number' && Number.isFinite(value));

/** `raw` as an OpenedEdit; null when it is not one (a tampered or truncated form). */
export function readOpened(raw: unknown): OpenedEdit | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const o = raw as Record<string, unknown>;
  const texts = ['clientType', 'definitionOfSuccess', 'scope'].every((key) => typeof o[key] === 'string');
  const numbers =
    typeof o.cadenceDays === 'number' && isNumberOrNull(o.monthlyFee) && isNumberOrNull(o.yearlyProfit);
  if (!texts || !numbers || !Array.isArray(o.metrics)) return null;
  const metrics: MetricSpec[] = [];
  for (const m of o.metrics as unknown[]) {
    const r = (m ?? {}) as Record<string, unknown>;
    if (typeof r.name !== 'string' || typeof r.unit !== 'string') return null;
    if ((r.direction !== 'up' && r.direction !== 'down') || !isNumberOrNull(r.baseline)) return null;
    if (!isNumberOrNull(r.target)) return null;
    metrics.push({
      name: r.name,
      unit: r.unit,
      direction: r.direction,
      baseline: r.baseline as number | null,
      target: r.target as number | null,
    });
  }
  return {
    clientType: o.clientType as string,
    cadenceDays: o.cadenceDays as number,
    monthlyFee: o.monthlyFee as number | null,
    yearlyProfit: o.yearlyProfit as number | null,
    definitionOfSuccess: o.definitionOfSuccess as string,
    scope: o.scope as string,
    metrics,
  };
}

/** One field: mine as saved, what we both opened, theirs as it is now. */
export function mergeField<T>(mine: T, opened: T, theirs: T): { ok: true; value: T } | { ok: false } {
  if (mine === opened) return { ok: true, value: theirs };
  if (theirs === opened || theirs === mine) return { ok: true, value: mine };
  return { ok: false };
}

const sameSpec = (a: MetricSpec, b: MetricSpec) =>
  a.name === b.name &&
  a.unit === b.unit &&
  a.direction === b.direction &&
  a.baseline === b.baseline &&
  a.target === b.target;

/** A form row as a spec, for comparing (text that is no number compares as itself: it is a change). */
function specOfRow(row: FormMetric, locale: string): MetricSpec | null {
  const number = (value: unknown) =>
    value === '' || value === null || value === undefined ? null : parseNumber(value, locale);
  const baseline = number(row.baseline);
  const target = number(row.target);
  if ((baseline === null && row.baseline !== '') || (target === null && row.target !== '')) return null;
  const name = typeof row.name === 'string' ? row.name.trim() : '';
  const unit = typeof row.unit === 'string' ? row.unit.trim() : '';
  return { name, unit, direction: row.direction === 'down' ? 'down' : 'up', baseline, target };
}

const asRow = (spec: MetricSpec, locale: string): FormMetric => ({
  from: spec.name,
  ...spec,
  baseline: spec.baseline === null ? '' : numberAsTyped(spec.baseline, locale),
  target: spec.target === null ? '' : numberAsTyped(spec.target, locale),
});

/**
 * The form's metric rows rebased on the tab's metrics now: metrics the user left alone take their current
 * definition (and metrics added since are kept, in the tab's order); the user's renames, changes and removals
 * apply; a metric both changed differently, or one the user changed that was since removed, is refused.
 */
export function rebaseMetrics(
  rows: readonly FormMetric[],
  opened: readonly MetricSpec[],
  current: readonly MetricSpec[],
  locale: string,
): { ok: true; value: FormMetric[] } | { ok: false; errors: FieldProblem[] } {
  // Nobody else saved metrics since the form opened: the form is the whole answer, checked as it is.
  if (opened.length === current.length && opened.every((m, i) => sameSpec(m, current[i])))
    return { ok: true, value: [...rows] };
  const openedByName = new Map(opened.map((m) => [m.name, m]));
  const currentNames = new Set(current.map((m) => m.name));
  const rowFrom = new Map<string, number>();
  const errors: FieldProblem[] = [];
  rows.forEach((row, i) => {
    if (typeof row?.from !== 'string' || row.from === '') return;
    if (rowFrom.has(row.from))
      errors.push({ field: `metrics.${i}.name`, message: `${shown(row.from)} is listed twice.` });
    rowFrom.set(row.from, i);
  });
  const changedBySomeoneElse = (name: string, index: number) =>
    errors.push({
      field: `metrics.${index}.name`,
      message: `${shown(name)} was changed by someone else since you opened this form: reopen Edit client.`,
    });
  const result: FormMetric[] = [];
  for (const now of current) {
    const was = openedByName.get(now.name);
    if (!was) {
      result.push(asRow(now, locale)); // added since the form opened
      continue;
    }
    const index = rowFrom.get(now.name);
    const untouchedSince = sameSpec(was, now);
    if (index === undefined) {
      // The user removed it: only if nobody changed it meanwhile.
      if (!untouchedSince) changedBySomeoneElse(now.name, 0);
      continue;
    }
    const mine = specOfRow(rows[index], locale);
    if (mine && sameSpec(mine, was)) result.push(asRow(now, locale));
    else if (untouchedSince || (mine && sameSpec(mine, now))) result.push(rows[index]);
    else changedBySomeoneElse(now.name, index);
  }
  rows.forEach((row, index) => {
    const from = typeof row?.from === 'string' && row.from !== '' ? row.from : null;
    if (from === null) result.push(row);
    else if (!openedByName.has(from))
      errors.push({
        field: `metrics.${index}.name`,
        message: `${shown(from)} was not in this form when it opened.`,
      });
    else if (!currentNames.has(from)) {
      // Renamed or removed since the form opened: dropped if the user left it alone, refused otherwise.
      const was = openedByName.get(from);
      const mine = specOfRow(row, locale);
      if (!was || !mine || !sameSpec(mine, was)) changedBySomeoneElse(from, index);
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: result };
}
