/** Reading the New client form: every field checked, problems named by field. */
import { CLIENT_TYPES, matchChoice, normalizeLabel, type ClientTypeName } from './clients';
import { cadenceFor } from './cadence';
import { LOG, LOG_SATISFACTION_PREFIX, METRIC_HEADER, PROFILE_ORDER, type MetricSpec } from './client-tab';
import { checkMoney } from './money';
import { parseNumber } from './parse';
import { formDayMessage, parseFormDay } from './form-day';
import { shown } from './quote';
import type { Checked, FieldProblem } from './outcome';

/** Sheets' own limit for a tab name. */
export const MAX_NAME_LENGTH = 100;
export const MAX_METRICS = 10;
export const MAX_SHORT_TEXT = 200;
export const MAX_LONG_TEXT = 5000;

export interface NewClientInput {
  name: string;
  startDate: string;
  program: string;
  programMonths: string;
  monthlyFee: string;
  yearlyProfit: string;
  monthlyCosts: string;
  clientType: string;
  cadenceDays: string;
  definitionOfSuccess: string;
  scope: string;
  metrics: { name: string; unit: string; direction: string; baseline: string; target: string }[];
}

export interface NewClient {
  name: string;
  startDay: number;
  program: string;
  programMonths: number | null;
  monthlyFee: number | null;
  yearlyProfit: number | null;
  clientType: ClientTypeName | '';
  cadenceDays: number;
  definitionOfSuccess: string;
  scope: string;
  metrics: MetricSpec[];
}

/**
 * Problems with a client's name as a tab name: empty, too long, line breaks, or taken (case-insensitive,
 * as Sheets compares tab names). `taken` holds every existing tab name and roster name.
 */
export function checkClientName(name: unknown, taken: readonly string[]): string | null {
  if (typeof name !== 'string' || name.trim() === '') return "Enter the client's name.";
  const trimmed = name.trim();
  if (trimmed.length > MAX_NAME_LENGTH) {
    return `Keep the name to ${MAX_NAME_LENGTH} characters (Sheets' limit for a tab name); it has ${trimmed.length}.`;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return 'The name cannot contain line breaks or tabs.';
  const wanted = trimmed.toLowerCase();
  const clash = taken.find((existing) => existing.trim().toLowerCase() === wanted);
  if (clash !== undefined) return `There is already a client or tab called "${clash}".`;
  return null;
}

function text(errors: FieldProblem[], field: string, value: unknown, max: number, label: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') {
    errors.push({ field, message: `${label} must be text; got ${shown(value)}.` });
    return '';
  }
  if (value.length > max)
    errors.push({ field, message: `Keep ${label} to ${max} characters; it has ${value.length}.` });
  return value.trim();
}

function optionalNumber(
  errors: FieldProblem[],
  field: string,
  value: unknown,
  parse: (v: string) => number | null,
  label: string,
  test: (n: number) => boolean,
  expected: string,
): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' && typeof value !== 'number') {
    errors.push({ field, message: `${label} must be ${expected}; got ${shown(value)}.` });
    return null;
  }
  const raw = String(value).trim();
  if (raw === '') return null;
  const number = parse(raw);
  if (number === null || !test(number)) {
    errors.push({ field, message: `${label} must be ${expected}; got ${shown(raw)}.` });
    return null;
  }
  return number;
}

const RESERVED_METRIC_NAMES = [...Object.values(LOG), ...METRIC_HEADER, ...PROFILE_ORDER].map(normalizeLabel);

export function parseNewClient(
  input: NewClientInput,
  taken: readonly string[],
  cadenceTable: Partial<Record<ClientTypeName, number>> = {},
  locale = 'en_US',
): Checked<NewClient> {
  const errors: FieldProblem[] = [];
  const form = (input ?? {}) as Partial<NewClientInput>;
  const nameProblem = checkClientName(form.name, taken);
  if (nameProblem) errors.push({ field: 'name', message: nameProblem });
  const startDay = parseFormDay(form.startDate);
  if (startDay === null)
    errors.push({ field: 'startDate', message: formDayMessage('Start date', form.startDate) });
  const program = text(errors, 'program', form.program, MAX_SHORT_TEXT, 'Program');
  const num = (v: string) => parseNumber(v, locale);
  const money = (field: 'monthlyFee' | 'yearlyProfit' | 'monthlyCosts', label: string, signed = false) => {
    const check = checkMoney(label, form[field], locale, signed);
    if (check.ok) return check.value;
    errors.push({ field, message: check.message });
    return null;
  };
  const programMonths = optionalNumber(
    errors,
    'programMonths',
    form.programMonths,
    num,
    'Program length',
    (n) => Number.isInteger(n) && n >= 1 && n <= 120,
    'a whole number of months from 1 to 120',
  );
  const monthlyFee = money('monthlyFee', 'Monthly fee');
  let yearlyProfit = money('yearlyProfit', 'Yearly profit', true);
  const monthlyCosts = money('monthlyCosts', 'Monthly costs');
  if (yearlyProfit === null && monthlyCosts !== null) {
    if (monthlyFee === null) {
      // Blank only: anything else typed there was refused above (an object may not even become text).
      const fee: unknown = form.monthlyFee;
      if (fee === undefined || fee === null || (typeof fee === 'string' && fee.trim() === '')) {
        errors.push({
          field: 'monthlyFee',
          message: 'Enter the monthly fee to derive the yearly profit from the costs.',
        });
      }
    } else yearlyProfit = Math.round(12 * (monthlyFee - monthlyCosts) * 100) / 100;
  }
  let clientType: ClientTypeName | '' = '';
  const rawType: unknown = form.clientType;
  if (rawType !== undefined && rawType !== null && !(typeof rawType === 'string' && rawType.trim() === '')) {
    const matched = matchChoice(CLIENT_TYPES, rawType);
    if (!matched)
      errors.push({ field: 'clientType', message: `Client type must be one of ${CLIENT_TYPES.join(', ')}.` });
    else clientType = matched;
  }
  const cadence = optionalNumber(
    errors,
    'cadenceDays',
    form.cadenceDays,
    num,
    'Check-in cadence',
    (n) => Number.isInteger(n) && n >= 1 && n <= 365,
    'a whole number of days from 1 to 365',
  );
  const definitionOfSuccess = text(
    errors,
    'definitionOfSuccess',
    form.definitionOfSuccess,
    MAX_LONG_TEXT,
    'Definition of success',
  );
  const scope = text(errors, 'scope', form.scope, MAX_LONG_TEXT, 'Scope');
  const metrics: NewClient['metrics'] = [];
  const rawMetrics: unknown[] = Array.isArray(form.metrics) ? form.metrics : [];
  if (form.metrics !== undefined && form.metrics !== null && !Array.isArray(form.metrics))
    errors.push({ field: 'metrics', message: 'The metrics must be a list.' });
  if (rawMetrics.length > MAX_METRICS)
    errors.push({ field: 'metrics', message: `Track at most ${MAX_METRICS} metrics.` });
  const seen = new Set<string>();
  rawMetrics.slice(0, MAX_METRICS).forEach((metric, index) => {
    const at = (prop: string) => `metrics.${index}.${prop}`;
    const m = (metric ?? {}) as Partial<NewClientInput['metrics'][number]>;
    const name = text(errors, at('name'), m.name, 60, 'Metric name');
    const unit = text(errors, at('unit'), m.unit, 30, 'Unit');
    const baseline = optionalNumber(
      errors,
      at('baseline'),
      m.baseline,
      num,
      'Baseline',
      () => true,
      'a number',
    );
    const target = optionalNumber(errors, at('target'), m.target, num, 'Target', () => true, 'a number');
    if (name === '') {
      if (unit !== '' || baseline !== null || target !== null)
        errors.push({ field: at('name'), message: 'Name this metric.' });
      return;
    }
    if (/^[=+\-@]/.test(name))
      errors.push({ field: at('name'), message: 'A metric name cannot start with =, +, - or @.' });
    const key = normalizeLabel(name);
    if (seen.has(key)) errors.push({ field: at('name'), message: `${shown(name)} is listed twice.` });
    // The log finds its satisfaction column by this prefix ("Satisfaction (1-10)" written any way).
    if (RESERVED_METRIC_NAMES.includes(key) || key.startsWith(normalizeLabel(LOG_SATISFACTION_PREFIX)))
      errors.push({ field: at('name'), message: `${shown(name)} is a column ClientTabs already keeps.` });
    seen.add(key);
    const direction =
      typeof m.direction === 'string' ? m.direction.trim().toLowerCase() : (m.direction ?? 'up');
    if (direction !== 'up' && direction !== 'down')
      errors.push({ field: at('direction'), message: 'Direction must be up or down.' });
    if (baseline !== null && target !== null && baseline === target) {
      errors.push({ field: at('target'), message: 'The target must differ from the baseline.' });
    }
    metrics.push({ name, unit, direction: direction === 'down' ? 'down' : 'up', baseline, target });
  });
  if (errors.length > 0 || startDay === null) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name: (form.name as string).trim(),
      startDay,
      program,
      programMonths,
      monthlyFee,
      yearlyProfit,
      clientType,
      cadenceDays: cadence ?? cadenceFor(clientType, cadenceTable),
      definitionOfSuccess,
      scope,
      metrics,
    },
  };
}
