/**
 * Recording a raise (the fee from a day on, kept as a new Rates row, never over the old fee's record) and
 * the hours a client takes per month (for the effective hourly rate). One roster row changes, under the lock.
 */
import { formDayMessage, parseFormDay } from '../core/form-day';
import { clip } from '../core/quote';
import type { FieldProblem } from '../core/outcome';
import { formatIsoDay } from '../core/dates';
import { checkMoney } from '../core/money';
import { checkHours } from '../core/hours';
import { asText, dayToCell } from './cells';
import { RATES } from './advice-schema';
import { withDocumentLock } from './lock';
import { refusal, type Outcome } from '../core/outcome';
import { openRoster, type RosterClient } from './roster';
import { rateRecords } from './dashboard-advice';
import { ensureRows, readTable, WorkbookError, writeCells } from './tables';

export interface RaiseInput {
  clientId: string;
  /** yyyy-mm-dd: the first day of the new fee. */
  from: string;
  monthlyFee: string;
  note?: string;
}

export interface RecordedRaise {
  clientId: string;
  from: string;
  monthlyFee: number;
  previousFee: number | null;
}

const fail = <T>(errors: FieldProblem[]): Outcome<T> => refusal(errors);

function findClient(clients: RosterClient[], clientId: unknown, errors: FieldProblem[]): RosterClient | null {
  const client = typeof clientId === 'string' ? (clients.find((c) => c.clientId === clientId) ?? null) : null;
  if (!client) {
    const named = typeof clientId === 'string' && clientId.trim() !== '';
    errors.push({
      field: 'clientId',
      message: named
        ? `No client with ID ${clip(clientId as string)} in the Clients sheet.`
        : 'Choose a client.',
    });
  }
  return client;
}

/**
 * A raise: a Rates row from `from` with the new fee (the first raise also records the old fee from the start,
 * so the history is whole), then the roster's Monthly fee, and its Yearly profit moved by 12 × the difference.
 */
export function recordRaise(form: RaiseInput): Outcome<RecordedRaise> {
  return withDocumentLock(() => {
    const { ss, zone, roster, clients } = openRoster();
    const input = (form ?? {}) as Partial<RaiseInput>;
    const errors: FieldProblem[] = [];
    const client = findClient(clients, input.clientId, errors);
    const from = parseFormDay(input.from);
    if (from === null) errors.push({ field: 'from', message: formDayMessage('From', input.from) });
    const fee = checkMoney('New monthly fee', input.monthlyFee, zone.locale);
    if (!fee.ok) errors.push({ field: 'monthlyFee', message: fee.message });
    else if (fee.value === null || fee.value <= 0)
      errors.push({ field: 'monthlyFee', message: 'Enter the new monthly fee.' });
    const note = typeof input.note === 'string' ? input.note.trim().slice(0, 500) : '';
    if (!client || from === null || errors.length > 0 || !fee.ok || fee.value === null) return fail(errors);
    if (client.startDay !== null && from <= client.startDay) {
      return fail([
        {
          field: 'from',
          message: `A raise starts after the client's start (${formatIsoDay(client.startDay)}).`,
        },
      ]);
    }
    const rates = readTable(ss, RATES);
    if (!rates) throw new WorkbookError('The Rates sheet is missing. Run ClientTabs > Set up workbook.');
    const records = rateRecords(rates, zone).filter((r) => r.clientId === client.clientId);
    if (records.some((r) => r.fromDay === from)) {
      return fail([
        {
          field: 'from',
          message:
            `${client.name} already has a fee from ${formatIsoDay(from)}; a raise never ` +
            `overwrites it. Choose another day.`,
        },
      ]);
    }
    const previousFee = client.monthlyFee;
    const rows: Record<string, unknown>[] = [];
    if (records.length === 0 && previousFee !== null && client.startDay !== null) {
      rows.push({
        from: dayToCell(client.startDay, zone),
        monthlyFee: previousFee,
        note: asText('Fee before the first raise'),
      });
    }
    rows.push({ from: dayToCell(from, zone), monthlyFee: fee.value, note: asText(note) });
    const first = rates.lastRow + 2;
    ensureRows(rates.sheet, first + rows.length - 1);
    rows.forEach((row, i) => {
      const cells = new Map<number, unknown>();
      const all = { clientId: asText(client.clientId), client: asText(client.name), ...row };
      for (const [key, value] of Object.entries(all))
        if (rates.col[key] >= 0) cells.set(rates.col[key], value);
      writeCells(rates.sheet, first + i, cells);
    });
    const update = new Map<number, unknown>([[roster.col.monthlyFee, fee.value]]);
    if (previousFee !== null && client.yearlyProfit !== null && roster.col.yearlyProfit >= 0)
      update.set(roster.col.yearlyProfit, client.yearlyProfit + 12 * (fee.value - previousFee));
    writeCells(roster.sheet, client.row + 1, update);
    return {
      ok: true,
      value: { clientId: client.clientId, from: formatIsoDay(from), monthlyFee: fee.value, previousFee },
    };
  });
}

/** 31 days of 24 hours: no month holds more. */
const HOURS_IN_A_MONTH = 744;

export interface HoursInput {
  clientId: string;
  hoursPerMonth: string;
}

/** The hours a month a client's work takes (blank clears it), into the roster's Hours per month. */
export function setClientHours(
  form: HoursInput,
): Outcome<{ clientId: string; hoursPerMonth: number | null }> {
  return withDocumentLock(() => {
    const { zone, roster, clients } = openRoster();
    const input = (form ?? {}) as Partial<HoursInput>;
    const errors: FieldProblem[] = [];
    const client = findClient(clients, input.clientId, errors);
    const typed = checkHours('Hours per month', input.hoursPerMonth, zone.locale, HOURS_IN_A_MONTH);
    if (!typed.ok) errors.push({ field: 'hoursPerMonth', message: typed.message });
    const hours = typed.ok ? typed.value : null;
    if (!client || errors.length > 0) return fail(errors);
    if (roster.col.hoursPerMonth < 0)
      throw new WorkbookError(
        'The Clients sheet has no "Hours per month" column. Run ClientTabs > Set up workbook.',
      );
    writeCells(roster.sheet, client.row + 1, new Map([[roster.col.hoursPerMonth, hours ?? '']]));
    return { ok: true, value: { clientId: client.clientId, hoursPerMonth: hours } };
  });
}
