/**
 * Deciding an out-of-scope request from the card: the decision, the change-order fee or the hours
 * absorbed, and the day it was decided, written onto the request's own row of the Requests sheet.
 */
import { clip } from '../core/quote';
import { formatIsoDay } from '../core/dates';
import { checkDecision, isUndecided } from '../core/requests';
import { dayToCell, readDay, readNumber, readText, type Zone } from './cells';
import { todayIn } from './today';
import type { Outcome } from '../core/outcome';
import { fail, withFormClient } from './logs';
import { REQUESTS } from './schema';
import { cell, dataRows, readTable, writeCells, type Table } from './tables';

export interface RequestRow {
  /** 1-based sheet row: a hint to find it again (re-checked by client and request text). */
  sheetRow: number;
  day: number | null;
  request: string;
  decision: string;
  fee: number | null;
  hours: number | null;
}

/** The requests of `clientId` in the Requests table. */
export function clientRequests(table: Table, clientId: string, zone: Zone): RequestRow[] {
  return dataRows(table)
    .filter((row) => readText(cell(table, row, 'clientId')) === clientId)
    .map((row) => ({
      sheetRow: row + 1,
      day: readDay(cell(table, row, 'date'), zone),
      request: readText(cell(table, row, 'request')),
      decision: readText(cell(table, row, 'decision')),
      fee: readNumber(cell(table, row, 'fee')),
      hours: readNumber(cell(table, row, 'hours')),
    }));
}

/** What the card lists: the client's undecided requests, oldest first. */
export function undecidedRequests(table: Table | null, clientId: string, zone: Zone) {
  if (!table) return [];
  return clientRequests(table, clientId, zone)
    .filter((r) => isUndecided(r.decision))
    .sort((a, b) => (a.day ?? 0) - (b.day ?? 0))
    .map((r) => ({
      row: r.sheetRow,
      date: r.day === null ? null : formatIsoDay(r.day),
      request: r.request,
      fee: r.fee,
    }));
}

export interface DecideRequestInput {
  clientId: string;
  /** The request's sheet row as listed (a hint) and its text (what identifies it). */
  row: number;
  request: string;
  decision: string;
  fee: string;
  hours: string;
}

/**
 * Decides an open request: the row the card listed if it still holds this client's request with that text,
 * else the client's first undecided request with that text. A request decided already is refused, with
 * what was decided, and nothing changes.
 */
export function decideRequest(
  form: DecideRequestInput,
): Outcome<{ clientId: string; row: number; decision: string }> {
  return withFormClient(form, ({ ss, zone, input, errors, client }) => {
    const text = typeof input.request === 'string' ? input.request.trim() : '';
    if (text === '') errors.push({ field: 'request', message: 'Choose the request to decide.' });
    const decided = checkDecision(input.decision, input.fee, input.hours, zone.locale);
    if (!decided.ok) errors.push(...decided.errors);
    if (errors.length > 0 || !client || !decided.ok) return fail(errors);
    const table = readTable(ss, REQUESTS);
    if (!table)
      return fail([
        {
          field: 'request',
          message: 'The Requests sheet is missing or has no header row. Run ClientTabs > Set up workbook.',
        },
      ]);
    if (table.col.decision < 0)
      return fail([
        {
          field: 'decision',
          message:
            'The Requests sheet has no "Decision" column: type that label back above it, or run ' +
            'ClientTabs > Set up workbook.',
        },
      ]);
    const rows = clientRequests(table, client.clientId, zone).filter((r) => r.request === text);
    const target =
      rows.find((r) => r.sheetRow === input.row && isUndecided(r.decision)) ??
      rows.find((r) => isUndecided(r.decision)) ??
      null;
    if (!target) {
      const done = rows[0];
      return fail([
        {
          field: 'request',
          message: done
            ? `"${clip(text)}" is already decided: ${done.decision}. Nothing was changed.`
            : `${client.name} has no request "${clip(text)}" in Requests; nothing was changed.`,
        },
      ]);
    }
    if (decided.hours !== null && table.col.hours < 0)
      return fail([
        {
          field: 'hours',
          message:
            'The Requests sheet has no "Hours absorbed" column: run ClientTabs > Set up workbook (it ' +
            'adds the column), then decide again.',
        },
      ]);
    const cells = new Map<number, unknown>();
    cells.set(table.col.decision, decided.decision);
    if (table.col.fee >= 0) cells.set(table.col.fee, decided.fee ?? '');
    if (table.col.hours >= 0) cells.set(table.col.hours, decided.hours ?? '');
    // The day it was decided, for the record (skipped on a sheet from before the column).
    if (table.col.decided >= 0) cells.set(table.col.decided, dayToCell(todayIn(zone), zone));
    writeCells(table.sheet, target.sheetRow, cells);
    return {
      ok: true,
      value: { clientId: client.clientId, row: target.sheetRow, decision: decided.decision },
    };
  });
}
