/** Payments, out-of-scope requests and offboarding: one row appended or one roster row updated, under the lock. */
import { matchChoice, LEAVE_REASONS, REQUEST_DECISIONS } from '../core/clients';
import { formatIsoDay, parseIsoDay } from '../core/dates';
import { planOffboard } from '../core/offboard';
import { parseMoney } from '../core/parse';
import type { FieldProblem } from '../core/checkin';
import { asText, dayToCell } from './cells';
import { withDocumentLock } from './lock';
import type { Outcome } from './new-client';
import { rosterClients, type RosterClient } from './roster';
import { PAYMENTS, REQUESTS, ROSTER, type TableSpec } from './schema';
import {
  activeSpreadsheet,
  ensureRows,
  readSettings,
  readZone,
  requireTable,
  writeCells,
  type Spreadsheet,
} from './tables';
import type { Zone } from './cells';

function fail<T>(errors: FieldProblem[]): Outcome<T> {
  return {
    ok: false,
    errors,
    message: errors.length === 1 ? errors[0].message : 'Please fix the highlighted fields.',
  };
}

function findClient(
  ss: Spreadsheet,
  zone: Zone,
  clientId: unknown,
): { client: RosterClient | null; roster: ReturnType<typeof requireTable> } {
  const roster = requireTable(ss, ROSTER);
  const clients = rosterClients(roster, zone, readSettings(ss, zone.locale));
  return { client: clients.find((c) => c.clientId === clientId) ?? null, roster };
}

function appendRow(ss: Spreadsheet, spec: TableSpec, values: Record<string, unknown>): number {
  const table = requireTable(ss, spec);
  const row = table.lastRow + 2;
  ensureRows(table.sheet, row);
  const cells = new Map<number, unknown>();
  for (const [key, value] of Object.entries(values))
    if (table.col[key] >= 0) cells.set(table.col[key], value);
  writeCells(table.sheet, row, cells);
  return row;
}

function isoDay(
  errors: FieldProblem[],
  field: string,
  value: unknown,
  label: string,
  optional = false,
): number | null {
  if (optional && (value === '' || value === null || value === undefined)) return null;
  const day = typeof value === 'string' ? parseIsoDay(value) : null;
  if (day === null) errors.push({ field, message: `${label} must be a date (yyyy-mm-dd).` });
  return day;
}

export interface PaymentInput {
  clientId: string;
  due: string;
  paid: string;
  amount: string;
  note: string;
}

export function recordPayment(form: PaymentInput): Outcome<{ clientId: string; row: number }> {
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const zone = readZone(ss);
    const errors: FieldProblem[] = [];
    const input = (form ?? {}) as Partial<PaymentInput>;
    const { client } = findClient(ss, zone, input.clientId);
    if (!client) errors.push({ field: 'clientId', message: 'Choose a client.' });
    const due = isoDay(errors, 'due', input.due, 'Due date');
    const paid = isoDay(errors, 'paid', input.paid, 'Paid date', true);
    const amount = parseMoney(String(input.amount ?? ''), zone.locale);
    if (amount === null || amount < 0) errors.push({ field: 'amount', message: `Amount must be an amount of money; got "${String(input.amount ?? '')}".` }); // prettier-ignore
    const note = typeof input.note === 'string' ? input.note.trim() : '';
    if (note.length > 1000) errors.push({ field: 'note', message: 'Keep the note under 1000 characters.' });
    if (errors.length > 0 || !client || due === null) return fail(errors);
    const row = appendRow(ss, PAYMENTS, {
      clientId: asText(client.clientId),
      client: asText(client.name),
      due: dayToCell(due, zone),
      paid: paid === null ? '' : dayToCell(paid, zone),
      amount,
      note: asText(note),
    });
    return { ok: true, value: { clientId: client.clientId, row } };
  });
}

export interface RequestInput {
  clientId: string;
  date: string;
  request: string;
  decision: string;
  fee: string;
}

export function logRequest(form: RequestInput): Outcome<{ clientId: string; row: number }> {
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const zone = readZone(ss);
    const errors: FieldProblem[] = [];
    const input = (form ?? {}) as Partial<RequestInput>;
    const { client } = findClient(ss, zone, input.clientId);
    if (!client) errors.push({ field: 'clientId', message: 'Choose a client.' });
    const date = isoDay(errors, 'date', input.date, 'Date');
    const request = typeof input.request === 'string' ? input.request.trim() : '';
    if (request === '') errors.push({ field: 'request', message: 'Describe the request.' });
    if (request.length > 2000)
      errors.push({ field: 'request', message: 'Keep the request under 2000 characters.' });
    const decision = matchChoice(REQUEST_DECISIONS, input.decision ?? 'Open');
    if (!decision)
      errors.push({ field: 'decision', message: `Decision must be one of ${REQUEST_DECISIONS.join(', ')}.` });
    const rawFee = String(input.fee ?? '').trim();
    const fee = rawFee === '' ? null : parseMoney(rawFee, zone.locale);
    if (rawFee !== '' && (fee === null || fee < 0)) errors.push({ field: 'fee', message: `Fee must be an amount of money; got "${rawFee}".` }); // prettier-ignore
    if (decision === 'Change order' && fee === null)
      errors.push({ field: 'fee', message: 'A change order needs its fee.' });
    if (errors.length > 0 || !client || date === null) return fail(errors);
    const row = appendRow(ss, REQUESTS, {
      clientId: asText(client.clientId),
      client: asText(client.name),
      date: dayToCell(date, zone),
      request: asText(request),
      decision,
      fee: fee ?? '',
    });
    return { ok: true, value: { clientId: client.clientId, row } };
  });
}

export interface OffboardInput {
  clientId: string;
  endDate: string;
  reason: string;
  noticeDate: string;
  endAtPeriodClose: boolean;
}

export function offboardClient(form: OffboardInput): Outcome<{ clientId: string; endDate: string }> {
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const zone = readZone(ss);
    const errors: FieldProblem[] = [];
    const input = (form ?? {}) as Partial<OffboardInput>;
    const { client, roster } = findClient(ss, zone, input.clientId);
    if (!client) errors.push({ field: 'clientId', message: 'Choose a client.' });
    else if (client.status === 'Ended')
      errors.push({ field: 'clientId', message: `${client.name} has already ended.` });
    const endDay = isoDay(errors, 'endDate', input.endDate, 'End date');
    const noticeDay = isoDay(errors, 'noticeDate', input.noticeDate, 'Notice date');
    const reason = matchChoice(LEAVE_REASONS, input.reason);
    if (!reason)
      errors.push({ field: 'reason', message: `Choose why the client left: ${LEAVE_REASONS.join('; ')}.` });
    if (errors.length > 0 || !client || endDay === null || noticeDay === null || !reason) return fail(errors);
    const plan = planOffboard({
      startDay: client.startDay,
      programMonths: client.programMonths,
      endDay,
      noticeDay,
      endAtPeriodClose: input.endAtPeriodClose === true,
    });
    if (!plan.ok) return fail(plan.errors);
    const cells = new Map<number, unknown>();
    const put = (key: string, value: unknown) => {
      if (roster.col[key] >= 0) cells.set(roster.col[key], value);
    };
    put('status', 'Ended');
    put('endDate', dayToCell(plan.endDay, zone));
    put('reason', reason);
    put('noticeDate', dayToCell(noticeDay, zone));
    writeCells(roster.sheet, client.row + 1, cells);
    return { ok: true, value: { clientId: client.clientId, endDate: formatIsoDay(plan.endDay) } };
  });
}
