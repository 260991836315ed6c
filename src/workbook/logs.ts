/**
 * Out-of-scope requests and offboarding: one row appended or one roster row updated, under the lock; and the
 * form helpers the per-client forms share (payments and invoices: `invoices.ts`).
 */
import { matchChoice, LEAVE_REASONS, REQUEST_DECISIONS } from '../core/clients';
import { formatIsoDay } from '../core/dates';
import { planOffboard, statusAfterOffboard } from '../core/offboard';
import { formatDayAs } from '../core/locale-date';
import { statusOn } from '../core/status';
import { checkMoney } from '../core/money';
import { formDayMessage, parseFormDay } from '../core/form-day';
import { clip, shown } from '../core/quote';
import type { FieldProblem } from '../core/outcome';
import { asText, dayToCell } from './cells';
import { todayIn } from './today';
import { withDocumentLock } from './lock';
import { refusal, type Outcome } from '../core/outcome';
import { rosterClients, type RosterClient } from './roster';
import { REQUESTS, ROSTER, type TableSpec } from './schema';
import {
  activeSpreadsheet,
  ensureRows,
  readSettings,
  readZone,
  requireTable,
  writeCells,
  type Settings,
  type Spreadsheet,
  type Table,
} from './tables';
import type { Zone } from './cells';

export function fail<T>(errors: FieldProblem[]): Outcome<T> {
  return refusal(errors);
}

/** The roster client with `clientId`; a field problem when there is none. */
export function findClient(
  ss: Spreadsheet,
  zone: Zone,
  clientId: unknown,
  errors: FieldProblem[],
): { client: RosterClient | null; roster: Table; settings: Settings } {
  const roster = requireTable(ss, ROSTER);
  const settings = readSettings(ss, zone.locale);
  const clients = rosterClients(roster, zone, settings);
  const client =
    typeof clientId === 'string' && clientId !== ''
      ? (clients.find((c) => c.clientId === clientId) ?? null)
      : null;
  if (!client) {
    const message =
      typeof clientId === 'string' && clientId.trim() !== ''
        ? `No client with ID ${clip(clientId)} in the Clients sheet.`
        : 'Choose a client.';
    errors.push({ field: 'clientId', message });
  }
  return { client, roster, settings };
}

/** Optional text a user typed: trimmed, at most `max` characters; a problem when it is not text. */
export function optionalText(
  errors: FieldProblem[],
  field: string,
  value: unknown,
  label: string,
  max: number,
): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') {
    errors.push({ field, message: `${label} must be text; got ${shown(value)}.` });
    return '';
  }
  const text = value.trim();
  if (text.length > max)
    errors.push({
      field,
      message: `Keep the ${label.toLowerCase()} under ${max} characters; it has ${text.length}.`,
    });
  return text;
}

/** An amount of money typed as text (or sent as a number); null when blank (the one money rule). */
export function money(
  errors: FieldProblem[],
  field: string,
  value: unknown,
  label: string,
  locale: string,
): number | null {
  const check = checkMoney(label, value, locale);
  if (check.ok) return check.value;
  errors.push({ field, message: check.message });
  return null;
}

/** `money`, and when the field is blank (no other problem with it) `missing` as its problem. */
export function requiredMoney(
  errors: FieldProblem[],
  field: string,
  value: unknown,
  label: string,
  locale: string,
  missing: string,
): number | null {
  const amount = money(errors, field, value, label, locale);
  if (amount === null && !errors.some((e) => e.field === field)) errors.push({ field, message: missing });
  return amount;
}

/**
 * Appends a row for `client` to `spec`'s table (`read`: already read by the caller): its ID and name, then
 * `values`.
 */
export function appendClientRow(
  ss: Spreadsheet,
  spec: TableSpec,
  client: RosterClient,
  values: Record<string, unknown>,
  read: Table | null = null,
): Outcome<{ clientId: string; row: number }> {
  const table = read ?? requireTable(ss, spec);
  const row = table.lastRow + 2;
  ensureRows(table.sheet, row);
  const cells = new Map<number, unknown>();
  const all = { clientId: asText(client.clientId), client: asText(client.name), ...values };
  for (const [key, value] of Object.entries(all)) if (table.col[key] >= 0) cells.set(table.col[key], value);
  writeCells(table.sheet, row, cells);
  return { ok: true, value: { clientId: client.clientId, row } };
}

/** What a form handler starts from: the form as sent (anything may be missing), its client, the problems. */
export interface FormContext<I> {
  ss: Spreadsheet;
  zone: Zone;
  input: Partial<I>;
  errors: FieldProblem[];
  client: RosterClient | null;
  roster: Table;
  settings: Settings;
}

/** Runs `handle` under the document lock with the form's client (a problem on `clientId` when none). */
export function withFormClient<I extends { clientId: string }, T>(
  form: I,
  handle: (context: FormContext<I>) => Outcome<T>,
): Outcome<T> {
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const zone = readZone(ss);
    const errors: FieldProblem[] = [];
    const input = (form ?? {}) as Partial<I>;
    return handle({ ss, zone, input, errors, ...findClient(ss, zone, input.clientId, errors) });
  });
}

export function isoDay(
  errors: FieldProblem[],
  field: string,
  value: unknown,
  label: string,
  optional = false,
): number | null {
  if (optional && (value === '' || value === null || value === undefined)) return null;
  const day = parseFormDay(value);
  if (day === null) errors.push({ field, message: formDayMessage(label, value) });
  return day;
}

export interface RequestInput {
  clientId: string;
  date: string;
  request: string;
  decision: string;
  fee: string;
}

export function logRequest(form: RequestInput): Outcome<{ clientId: string; row: number }> {
  return withFormClient(form, ({ ss, zone, input, errors, client }) => {
    const date = isoDay(errors, 'date', input.date, 'Date');
    const request = optionalText(errors, 'request', input.request, 'Request', 2000);
    if (request === '' && !errors.some((e) => e.field === 'request'))
      errors.push({ field: 'request', message: 'Describe the request.' });
    const decision = matchChoice(REQUEST_DECISIONS, input.decision ?? 'Open');
    if (!decision)
      errors.push({ field: 'decision', message: `Decision must be one of ${REQUEST_DECISIONS.join(', ')}.` });
    const fee = money(errors, 'fee', input.fee, 'Fee', zone.locale);
    if (decision === 'Change order' && fee === null && !errors.some((e) => e.field === 'fee'))
      errors.push({ field: 'fee', message: 'A change order needs its fee.' });
    if (decision && decision !== 'Change order' && fee !== null)
      errors.push({ field: 'fee', message: `Only a change order has a fee; this request is "${decision}".` });
    if (errors.length > 0 || !client || date === null) return fail(errors);
    return appendClientRow(ss, REQUESTS, client, {
      date: dayToCell(date, zone),
      request: asText(request),
      decision,
      fee: fee ?? '',
    });
  });
}

export interface OffboardInput {
  clientId: string;
  endDate: string;
  reason: string;
  noticeDate: string;
  endAtPeriodClose: boolean;
  /** The end date the form showed; when the server computes another (the roster changed), nothing is saved. */
  expectedEndDate?: string;
}

/**
 * Ends a client on the planned end date: "Serving notice" while that date is ahead (still due for
 * check-ins, still in the pickers), "Ended" when it has come.
 */
export function offboardClient(
  form: OffboardInput,
): Outcome<{ clientId: string; endDate: string; status: string }> {
  return withFormClient(form, ({ zone, input, errors, client, roster, settings }) => {
    const today = todayIn(zone);
    // As the roster's date cells show it: Settings' Date format, which defaults from the locale.
    const formatDay = (day: number) => formatDayAs(day, settings.dateFormat);
    const current = client ? statusOn(client.status, client.endDay, today) : null;
    if (client && current === 'Ended')
      errors.push({ field: 'clientId', message: `${client.name} has already ended.` });
    if (client && current === 'Serving notice')
      errors.push({
        field: 'clientId',
        message:
          `${client.name} is already serving ` +
          `notice${client.endDay === null ? '' : ` until ${formatDay(client.endDay)}`}.`,
      });
    const endDay = isoDay(errors, 'endDate', input.endDate, 'End date');
    const noticeDay = isoDay(errors, 'noticeDate', input.noticeDate, 'Notice date');
    const expectedDay = isoDay(errors, 'endDate', input.expectedEndDate, 'Shown end date', true);
    const reason = matchChoice(LEAVE_REASONS, input.reason);
    if (!reason)
      errors.push({ field: 'reason', message: `Choose why the client left: ${LEAVE_REASONS.join('; ')}.` });
    const rawPeriodClose: unknown = input.endAtPeriodClose;
    if (rawPeriodClose !== undefined && rawPeriodClose !== null && typeof rawPeriodClose !== 'boolean')
      errors.push({
        field: 'endAtPeriodClose',
        message: `End at period close must be true or false; got ${shown(rawPeriodClose)}.`,
      });
    if (errors.length > 0 || !client || endDay === null || noticeDay === null || !reason) return fail(errors);
    const plan = planOffboard({
      startDay: client.startDay,
      programMonths: client.programMonths,
      endDay,
      noticeDay,
      endAtPeriodClose: input.endAtPeriodClose === true,
      reason,
      formatDay,
    });
    if (!plan.ok) return fail(plan.errors);
    if (expectedDay !== null && expectedDay !== plan.endDay)
      return fail([
        {
          field: 'endDate',
          message:
            `The end date is now ${formatDay(plan.endDay)}, not the ${formatDay(expectedDay)} ` +
            `shown: the client's start date or program changed. Check it and save again.`,
        },
      ]);
    const status = statusAfterOffboard(plan.endDay, today);
    const cells = new Map<number, unknown>();
    const put = (key: string, value: unknown) => {
      if (roster.col[key] >= 0) cells.set(roster.col[key], value);
    };
    put('status', status);
    put('endDate', dayToCell(plan.endDay, zone));
    put('reason', reason);
    put('noticeDate', dayToCell(noticeDay, zone));
    writeCells(roster.sheet, client.row + 1, cells);
    return { ok: true, value: { clientId: client.clientId, endDate: formatIsoDay(plan.endDay), status } };
  });
}
