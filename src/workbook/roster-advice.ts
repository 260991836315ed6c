/**
 * The roster's advice columns as formulas. Per-row ones are native and written with the row (like the live
 * links); the computed ones are ONE formula in the header cell (`={"Health";CLIENT_HEALTH(...)}`) that spills
 * down the whole column, so a recalculation costs one custom-function execution per column, not per client.
 */
import type { RequestDecision } from '../core/clients';
import { HEALTH_SIGNALS } from '../core/health';
import { columnLetter, formulaString, quoteSheetName } from '../core/layout';
import { ADVICE_COLUMNS, HEALTH_WEIGHT_ROWS, RATES } from './advice-schema';
import { PAYMENTS, REQUESTS, SETTING, SHEET, type TableSpec } from './schema';
import type { Table } from './tables';

const HOURS_ABSORBED = REQUESTS.columns.find((c) => c.key === 'hours')?.label ?? 'Hours absorbed';
const ABSORBED: RequestDecision = 'Included in scope';

/** Days back that "4 weeks ago" means on the roster. */
export const WEEKS_AGO_DAYS = 28;
/** Late payments and absorbed hours count the last 365 days (core/attention's window). */
const YEAR_DAYS = 365;
const GROWTH = 'Offer the next step';

/** A Settings value by its label, live: the row may move, the label stays. Blank when the row is missing. */
function setting(label: string): string {
  return `IFERROR(VLOOKUP(${formulaString(label)},${quoteSheetName(SHEET.settings)}!$A:$B,2,FALSE),"")`;
}

/** `Sheet!X:X` of a managed log's column, found by its header (the schema's position when not found). */
function logRange(table: Table | null, spec: TableSpec, key: string): string {
  const found = table ? table.col[key] : -1;
  const index = found !== undefined && found >= 0 ? found : spec.columns.findIndex((c) => c.key === key);
  const letter = columnLetter(index + 1);
  return `${quoteSheetName(spec.sheet)}!$${letter}:$${letter}`;
}

export interface SharedLogs {
  payments: Table | null;
  requests: Table | null;
  rates: Table | null;
}

/** Where a client's log is, for the satisfaction links (null for a tab without a satisfaction column). */
export interface SatisfactionAddress {
  tabName: string;
  firstRow: number;
  weekColumn: number;
  satisfactionColumn: number | null;
}

/** The per-row advice formulas of 1-based `rosterRow`, keyed by roster column key. */
export function adviceLinks(
  roster: Table,
  rosterRow: number,
  logs: SharedLogs,
  log: SatisfactionAddress | null,
): Record<string, string> {
  const own = (key: string) => `$${columnLetter(roster.col[key] + 1)}${rosterRow}`;
  const id = own('clientId');
  const ago = `TODAY()-${WEEKS_AGO_DAYS}`;
  const year = `TODAY()-${YEAR_DAYS}`;
  const grace = `N(${setting(SETTING.graceDays)})`;
  const pay = (key: string) => logRange(logs.payments, PAYMENTS, key);
  const req = (key: string) => logRange(logs.requests, REQUESTS, key);
  const rate = (key: string) => logRange(logs.rates, RATES, key);
  // The paid-late part needs row-wise arithmetic: bounded ranges below the header.
  const first = (logs.payments?.header.row ?? 0) + 2;
  const rows = (key: string) => pay(key).replace(/:\$/, `$${first}:$`);
  const requestsHeader = (logs.requests?.header.row ?? 0) + 1;
  const formulas: Record<string, string> = {
    latePayments:
      `=COUNTIFS(${pay('clientId')},${id},${pay('paid')},"",${pay('due')},` +
      `"<"&(TODAY()-${grace}),${pay('due')},">="&(${year}))` +
      `+SUMPRODUCT((${rows('clientId')}=${id})*(${rows('paid')}<>"")*(${rows('due')}>=${year})*` +
      `(${rows('paid')}-${rows('due')}>${grace}))`,
    // Undecided is Open or blank (core/requests isUndecided).
    openRequests:
      `=COUNTIFS(${req('clientId')},${id},${req('decision')},"Open")` +
      `+COUNTIFS(${req('clientId')},${id},${req('decision')},"")`,
    // Hours absorbed ("Included in scope"): the column is found by its label, 0 while an old workbook has none.
    absorbedHours:
      `=IFERROR(SUMIFS(INDEX(${quoteSheetName(SHEET.requests)}!$A:$Z,0,` +
      `MATCH(${formulaString(HOURS_ABSORBED)},` +
      `${quoteSheetName(SHEET.requests)}!$${requestsHeader}:$${requestsHeader},0)),` +
      `${req('clientId')},${id},${req('date')},">="&(${year}),${req('decision')},${formulaString(ABSORBED)}),0)`,
    nextReview:
      `=IF(${own('startDate')}="","",EDATE(MAX(${own('startDate')},` +
      `IFERROR(MAXIFS(${rate('from')},${rate('clientId')},${id},${rate('from')},"<="&TODAY()),0)),12))`,
  };
  if (log && log.satisfactionColumn !== null) {
    const tab = quoteSheetName(log.tabName);
    const range = (column: number) => `${tab}!${columnLetter(column)}${log.firstRow}:${columnLetter(column)}`;
    const weeks = range(log.weekColumn);
    const scores = range(log.satisfactionColumn);
    const latest = (extra: string) =>
      `=IFERROR(INDEX(SORT(FILTER({${weeks},${scores}},${weeks}<>"",` +
      `ISNUMBER(${scores}),${scores}>=1,${scores}<=10${extra}),1,FALSE),1,2),"")`;
    formulas.satisfaction = latest('');
    formulas.satisfactionBefore = latest(`,${weeks}<=${ago}`);
    formulas.checkInBefore = `=IF(COUNTIFS(${weeks},"<="&(${ago}))=0,"",MAXIFS(${weeks},${weeks},"<="&(${ago})))`;
  }
  return formulas;
}

/** The header-cell formulas of the computed advice columns, keyed by roster column key. */
export function computedColumns(roster: Table): Record<string, string> {
  const first = roster.header.row + 2;
  const col = (key: string) => {
    const letter = columnLetter(roster.col[key] + 1);
    return `${letter}${first}:${letter}`;
  };
  const missing = [
    'status',
    'startDate',
    'lastCheckIn',
    'cadenceDays',
    'progress1',
    'monthlyFee',
    ...ADVICE_COLUMNS.map((c) => c.key),
  ].filter((key) => !(roster.col[key] >= 0));
  if (missing.length > 0) return {};
  // Paused and ended clients get no check-in signal (nobody is chasing them); their other signals stay as last known.
  const active = (expr: string) => `IF(${col('status')}="Ended","",IF(${col('status')}="Paused","",${expr}))`;
  const array = (expr: string) => `ARRAYFORMULA(${active(expr)})`;
  // Days since the last check-in as of `asOf`, or since the start before the first one (core/attention's rule).
  const since = (lastKey: string, asOf: string) =>
    array(
      `IF(ISNUMBER(${col(lastKey)}),IF(${col(lastKey)}>${asOf},0,${asOf}-${col(lastKey)}),` +
        `IF(ISNUMBER(${col('startDate')}),IF(${col('startDate')}>${asOf},"",${asOf}-${col('startDate')}),""))`,
    );
  const bySignal: Record<string, string> = {};
  for (const [label, signal] of HEALTH_WEIGHT_ROWS) bySignal[signal] = setting(label);
  const weights = `{${HEALTH_SIGNALS.map((signal) => bySignal[signal]).join(',')}}`;
  // The other inputs go in as columns: one ARRAYFORMULA per call keeps a recalculation cheap.
  const shared = `${col('cadenceDays')},${col('progress1')}`;
  const tail = `${col('latePayments')},${col('openRequests')},${weights}`;
  const now = `${since('lastCheckIn', 'TODAY()')},${shared},${col('satisfaction')},${tail}`;
  const then =
    `${since('checkInBefore', `(TODAY()-${WEEKS_AGO_DAYS})`)},${shared},` +
    `${col('satisfactionBefore')},${tail}`;
  const header = (key: string) => formulaString(ADVICE_COLUMNS.find((c) => c.key === key)?.label ?? key);
  const hours = col('hoursPerMonth');
  const paid = (expr: string) =>
    `ARRAYFORMULA(${active(`IF(${col('monthlyFee')}="","",IF(${hours}="","",IF(${hours}>0,${expr},"")))`)})`;
  return {
    health: `={${header('health')};CLIENT_HEALTH(${now})}`,
    healthBefore: `={${header('healthBefore')};CLIENT_HEALTH(${then})}`,
    healthTrend:
      `={${header('healthTrend')};ARRAYFORMULA(IF(${col('health')}="","",` +
      `IF(${col('healthBefore')}="","",${col('health')}-${col('healthBefore')})))}`,
    healthDrivers: `={${header('healthDrivers')};CLIENT_HEALTH(${now},TRUE)}`,
    effectiveRate:
      `={${header('effectiveRate')};CLIENT_EFFECTIVE_RATE(${paid(col('monthlyFee'))},` +
      `${paid(`${hours}+IF(${col('absorbedHours')}="",0,${col('absorbedHours')})/12`)})}`,
    growth:
      `={${header('growth')};ARRAYFORMULA(IF(${col('health')}="","",IF(${col('health')}<=75,"",` +
      `IF(${col('progress1')}="","",IF(${col('progress1')}<1,"",${formulaString(GROWTH)})))))}`,
  };
}
