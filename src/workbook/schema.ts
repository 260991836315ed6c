/**
 * The workbook, declared: every managed sheet's name, header labels, formats and dropdowns. Code finds
 * columns by these labels (never by address), so users can insert, reorder and add columns.
 */
import { CLIENT_STATUSES, CLIENT_TYPES, LEAVE_REASONS, REQUEST_DECISIONS } from '../core/clients';
import { DEFAULT_CADENCE_DAYS } from '../core/cadence';
import { DEFAULT_LTV_TO_CAC_RATIO } from '../core/ltv';
import { ADVICE_COLUMNS, ADVICE_SETTING, ADVICE_SETTINGS, RATES_SHEET } from './advice-schema';
import { HANDLING_SETTINGS } from './handling-schema';

export type ColumnFormat = 'date' | 'currency' | 'integer' | 'percent' | 'text' | 'decimal';

export interface ColumnSpec {
  key: string;
  label: string;
  format?: ColumnFormat;
  choices?: readonly string[];
  /** Filled by a native formula into the client's tab; Set up and New client write it, users don't. */
  live?: boolean;
  /** Filled by one formula in the header cell that spills down the column (see roster-advice.ts). */
  computed?: boolean;
  width?: number;
}

export interface TableSpec {
  sheet: string;
  columns: readonly ColumnSpec[];
}

export const SHEET = {
  clients: 'Clients',
  dashboard: 'Dashboard',
  settings: 'Settings',
  payments: 'Payments',
  requests: 'Requests',
  template: 'Client template',
  conversations: 'Conversations',
  needs: 'Client needs',
  rates: RATES_SHEET,
  review: 'Portfolio review',
} as const;
export const MANAGED_SHEETS: readonly string[] = Object.values(SHEET);

/** A client's progress report tab is named this, then the client's name (workbook/report.ts). */
export const REPORT_TAB_PREFIX = 'Report – ';

/** True for a ClientTabs sheet's name, compared as Sheets compares tab names (ignoring case). */
export function isManagedSheet(name: string): boolean {
  const wanted = name.trim().toLowerCase();
  if (wanted.startsWith(REPORT_TAB_PREFIX.toLowerCase())) return true;
  return MANAGED_SHEETS.some((managed) => managed.toLowerCase() === wanted);
}

/** How many metrics get live columns in the roster (the tab itself holds any number). */
export const ROSTER_METRIC_SLOTS = 3;

const metricSlots: ColumnSpec[] = [];
for (let i = 1; i <= ROSTER_METRIC_SLOTS; i++) {
  metricSlots.push(
    { key: `metric${i}`, label: `Metric ${i}`, live: true },
    { key: `latest${i}`, label: `Latest ${i}`, live: true, format: 'decimal' },
    { key: `progress${i}`, label: `Progress ${i}`, live: true, format: 'percent' },
  );
}

export const ROSTER: TableSpec = {
  sheet: SHEET.clients,
  columns: [
    { key: 'clientId', label: 'Client ID', format: 'text', width: 80 },
    { key: 'name', label: 'Client', format: 'text', width: 180 },
    { key: 'status', label: 'Status', choices: CLIENT_STATUSES },
    { key: 'clientType', label: 'Client type', choices: CLIENT_TYPES },
    { key: 'startDate', label: 'Start date', format: 'date' },
    { key: 'endDate', label: 'End date', format: 'date' },
    { key: 'program', label: 'Program', format: 'text' },
    { key: 'programMonths', label: 'Program (months)', format: 'integer' },
    { key: 'monthlyFee', label: 'Monthly fee', format: 'currency' },
    { key: 'yearlyProfit', label: 'Yearly profit', format: 'currency' },
    { key: 'cadenceDays', label: 'Check-in every (days)', format: 'integer' },
    { key: 'lastCheckIn', label: 'Last check-in', format: 'date', live: true },
    ...metricSlots,
    { key: 'trend', label: 'Trend', live: true, width: 120 },
    { key: 'link', label: 'Tab', live: true, width: 160 },
    { key: 'reason', label: 'Why they left', choices: LEAVE_REASONS, width: 200 },
    { key: 'noticeDate', label: 'Notice date', format: 'date' },
    { key: 'tabId', label: 'Tab ID', format: 'integer', width: 60 },
    ...ADVICE_COLUMNS,
  ],
};

export const PAYMENTS: TableSpec = {
  sheet: SHEET.payments,
  columns: [
    { key: 'clientId', label: 'Client ID', format: 'text' },
    { key: 'client', label: 'Client', format: 'text' },
    { key: 'due', label: 'Due', format: 'date' },
    { key: 'paid', label: 'Paid', format: 'date' },
    { key: 'amount', label: 'Amount', format: 'currency' },
    { key: 'note', label: 'Note', format: 'text' },
    // Last, so a workbook from before it gets the same layout from Set up (added after the last header).
    { key: 'paidAmount', label: 'Paid amount', format: 'currency' },
  ],
};

export const REQUESTS: TableSpec = {
  sheet: SHEET.requests,
  columns: [
    { key: 'clientId', label: 'Client ID', format: 'text' },
    { key: 'client', label: 'Client', format: 'text' },
    { key: 'date', label: 'Date', format: 'date' },
    { key: 'request', label: 'Request', format: 'text', width: 260 },
    { key: 'decision', label: 'Decision', choices: REQUEST_DECISIONS },
    { key: 'fee', label: 'Change-order fee', format: 'currency' },
    { key: 'hours', label: 'Hours absorbed', format: 'decimal' },
    { key: 'decided', label: 'Decided', format: 'date' },
  ],
};

/** Difficult-conversation prep, one row per conversation, created on the first save (workbook/conversations.ts). */
export const CONVERSATIONS: TableSpec = {
  sheet: SHEET.conversations,
  columns: [
    { key: 'clientId', label: 'Client ID', format: 'text' },
    { key: 'client', label: 'Client', format: 'text' },
    { key: 'date', label: 'Date', format: 'date' },
    { key: 'reason', label: 'About', format: 'text', width: 200 },
    { key: 'ownPart', label: 'Own your part', format: 'text', width: 260 },
    { key: 'outcome', label: 'Outcome wanted', format: 'text', width: 260 },
    { key: 'listen', label: 'Listen and validate', format: 'text', width: 260 },
    { key: 'restate', label: 'Restate the outcome', format: 'text', width: 260 },
  ],
};

/** Needs a client mentioned that the current scope does not cover (growth), created on the first save. */
export const NEEDS: TableSpec = {
  sheet: SHEET.needs,
  columns: [
    { key: 'clientId', label: 'Client ID', format: 'text' },
    { key: 'client', label: 'Client', format: 'text' },
    { key: 'date', label: 'Date', format: 'date' },
    { key: 'need', label: 'Need mentioned', format: 'text', width: 360 },
  ],
};

export const SETTINGS_HEADER = ['Setting', 'Value', 'About'] as const;

export const SETTING = {
  currency: 'Currency symbol',
  dateFormat: 'Date format',
  weekStart: 'Week starts on',
  ltvToCac: 'LTV:CAC target',
  graceDays: 'Late payment after (days)',
  cadencePrefix: 'Check-in every (days): ',
  ...ADVICE_SETTING,
} as const;

export interface SettingSpec {
  label: string;
  /** The default, computed from the spreadsheet's locale where that matters. */
  value: (locale: string) => string | number;
  about: string;
}

export function currencySymbolFor(locale: string): string {
  const tag = locale.replace('-', '_');
  if (tag === 'en_GB') return '£';
  if (/^(de|fr|es|it|nl|pt_PT|fi|el|sk|sl|et|lv|lt)/.test(tag) && !/_(CH|MX|BR|US)$/.test(tag)) return '€';
  if (tag === 'pt_BR') return 'R$';
  if (tag === 'ja_JP') return '¥';
  if (tag === 'en_IN') return '₹';
  return '$';
}

export function dateFormatFor(locale: string): string {
  const tag = locale.replace('-', '_');
  if (/^en_(US|PH)$/.test(tag) || tag === 'en') return 'm/d/yyyy';
  if (/^(ja|zh|ko|hu|sv|lt)/.test(tag)) return 'yyyy-mm-dd';
  if (/^(de|ru|pl|cs|fi|nb|da|tr|sk)/.test(tag)) return 'dd.mm.yyyy';
  return 'dd/mm/yyyy';
}

export const SETTINGS: readonly SettingSpec[] = [
  { label: SETTING.currency, value: currencySymbolFor, about: 'Shown on fees, profit and payments.' },
  {
    label: SETTING.dateFormat,
    value: dateFormatFor,
    about: 'How dates show on the sheets ClientTabs creates.',
  },
  {
    label: SETTING.weekStart,
    value: () => 'Monday',
    about: 'A check-in belongs to the week that starts on this day.',
  },
  ...CLIENT_TYPES.map((type) => ({
    label: SETTING.cadencePrefix + type,
    value: () => DEFAULT_CADENCE_DAYS[type],
    about: 'Default check-in cadence for new clients of this type.',
  })),
  ...HANDLING_SETTINGS,
  {
    label: SETTING.ltvToCac,
    value: () => DEFAULT_LTV_TO_CAC_RATIO,
    about: 'A client should be worth this many times what winning them cost.',
  },
  {
    label: SETTING.graceDays,
    value: () => 7,
    about: 'An unpaid payment this many days past due needs attention.',
  },
  ...ADVICE_SETTINGS,
];

export const DASHBOARD = {
  title: 'Portfolio',
  attention: 'Needs attention',
  attentionHeader: ['Client', 'Why', 'Detail', 'Since', 'Client ID', 'What to do'],
  retention: 'Retention by monthly cohort',
  activeByMonth: 'Active clients by month',
} as const;

/**
 * The number format of a column kind; null for text, which is written with a leading apostrophe instead
 * (a '@' format would keep that apostrophe as a visible character).
 */
export function numberFormat(
  format: ColumnFormat,
  settings: { currency: string; dateFormat: string },
): string | null {
  switch (format) {
    case 'date':
      return settings.dateFormat;
    case 'currency':
      return `"${settings.currency.replace(/"/g, '')}"#,##0.00`;
    case 'integer':
      return '0';
    case 'percent':
      return '0%';
    case 'decimal':
      return '#,##0.##';
    case 'text':
      return null;
  }
}
