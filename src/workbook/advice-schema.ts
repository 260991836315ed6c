/**
 * The workbook's advice (issue 12), declared: the roster's health, renewal, rate and growth columns, the
 * Settings rows they read, and the Rates sheet that keeps every fee a client has paid.
 */
import { DEFAULT_HEALTH_WEIGHTS, type HealthSignal } from '../core/health';
import type { ColumnSpec, SettingSpec, TableSpec } from './schema';

export const RATES_SHEET = 'Rates';

export const ADVICE_SETTING = {
  healthCheckIns: 'Health weight: check-ins',
  healthSatisfaction: 'Health weight: satisfaction',
  healthProgress: 'Health weight: progress',
  healthLatePayments: 'Health weight: late payments',
  healthOpenRequests: 'Health weight: open requests',
  rateFloor: 'Rate floor (per hour)',
  hourlyCost: 'Hourly cost',
} as const;

/** Which health signal each Settings weight row sets (the rows keep the order 0.1 wrote them in). */
export const HEALTH_WEIGHT_ROWS: readonly [string, HealthSignal][] = [
  [ADVICE_SETTING.healthCheckIns, 'checkIns'],
  [ADVICE_SETTING.healthSatisfaction, 'satisfaction'],
  [ADVICE_SETTING.healthProgress, 'progress'],
  [ADVICE_SETTING.healthLatePayments, 'latePayments'],
  [ADVICE_SETTING.healthOpenRequests, 'openRequests'],
];

const weight = (signal: HealthSignal, about: string): Omit<SettingSpec, 'label'> => ({
  value: () => DEFAULT_HEALTH_WEIGHTS[signal],
  about: `Weight of ${about} in the health score (any scale: the weights are shared out in proportion).`,
});

export const ADVICE_SETTINGS: readonly SettingSpec[] = [
  { label: ADVICE_SETTING.healthCheckIns, ...weight('checkIns', 'check-ins on time') },
  { label: ADVICE_SETTING.healthSatisfaction, ...weight('satisfaction', 'satisfaction') },
  { label: ADVICE_SETTING.healthProgress, ...weight('progress', 'progress to target') },
  { label: ADVICE_SETTING.healthLatePayments, ...weight('latePayments', 'late payments') },
  { label: ADVICE_SETTING.healthOpenRequests, ...weight('openRequests', 'open out-of-scope requests') },
  {
    label: ADVICE_SETTING.rateFloor,
    value: () => 50,
    about:
      'A client who pays less than this per hour of work is flagged to re-price or let go. 0 turns it off.',
  },
  {
    label: ADVICE_SETTING.hourlyCost,
    value: () => 0,
    about: 'What an hour of your work costs you; absorbed out-of-scope hours are taken off LTV at this cost.',
  },
];

/**
 * The default of a weight row added to a workbook that already has weights on its own scale (0.1 wrote
 * 0.4/0.3/0.3): the same share of the existing rows' total that the defaults give it (10 of 80).
 */
export function scaledWeightDefault(label: string, existingWeights: readonly number[]): number | null {
  const row = HEALTH_WEIGHT_ROWS.find(([rowLabel]) => rowLabel === label);
  if (!row || existingWeights.length === 0) return null;
  const present = HEALTH_WEIGHT_ROWS.slice(0, 3).reduce((sum, [, s]) => sum + DEFAULT_HEALTH_WEIGHTS[s], 0);
  const total = existingWeights.reduce((sum, w) => sum + w, 0);
  return Math.round((1000 * DEFAULT_HEALTH_WEIGHTS[row[1]] * total) / present) / 1000;
}

/** Roster columns of the advice; `computed` ones hold one formula in the header cell (roster-advice.ts). */
export const ADVICE_COLUMNS: readonly ColumnSpec[] = [
  { key: 'hoursPerMonth', label: 'Hours per month', format: 'decimal' },
  { key: 'satisfaction', label: 'Satisfaction', live: true, format: 'decimal' },
  { key: 'satisfactionBefore', label: 'Satisfaction 4 weeks ago', live: true, format: 'decimal' },
  { key: 'checkInBefore', label: 'Check-in 4 weeks ago', live: true, format: 'date' },
  { key: 'latePayments', label: 'Late payments (12 months)', live: true, format: 'integer' },
  { key: 'openRequests', label: 'Open requests', live: true, format: 'integer' },
  { key: 'absorbedHours', label: 'Absorbed hours (12 months)', live: true, format: 'decimal' },
  { key: 'nextReview', label: 'Next rate review', live: true, format: 'date' },
  { key: 'health', label: 'Health', computed: true, format: 'integer' },
  { key: 'healthBefore', label: 'Health 4 weeks ago', computed: true, format: 'integer' },
  { key: 'healthTrend', label: 'Health trend', computed: true, format: 'integer' },
  { key: 'healthDrivers', label: 'Health drivers', computed: true, width: 320 },
  { key: 'effectiveRate', label: 'Effective rate (per hour)', computed: true, format: 'currency' },
  { key: 'growth', label: 'Growth', computed: true, width: 160 },
];

export const RATES: TableSpec = {
  sheet: RATES_SHEET,
  columns: [
    { key: 'clientId', label: 'Client ID', format: 'text' },
    { key: 'client', label: 'Client', format: 'text' },
    { key: 'from', label: 'From', format: 'date' },
    { key: 'monthlyFee', label: 'Monthly fee', format: 'currency' },
    { key: 'note', label: 'Note', format: 'text' },
  ],
};
