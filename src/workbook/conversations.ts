/**
 * What the coach writes about a client on the card: difficult-conversation prep (the four steps) and
 * needs the client mentioned that the scope does not cover. Each is a dated row keyed by Client ID in
 * a shared sheet (Conversations, Client needs) that the first save creates; user text stays text.
 */
import { formatIsoDay } from '../core/dates';
import type { FieldProblem } from '../core/outcome';
import { asText, dayToCell, readDay, readText } from './cells';
import { todayIn } from './today';
import { appendClientRow, fail, isoDay, optionalText, withFormClient } from './logs';
import type { Outcome } from '../core/outcome';
import { CONVERSATIONS, NEEDS, numberFormat, type TableSpec } from './schema';
import {
  activeSpreadsheet,
  cell,
  dataRows,
  readZone,
  readSettings,
  readTable,
  WorkbookError,
  type Spreadsheet,
  type Table,
} from './tables';
import type { Zone } from './cells';

/** The most a step or a need may hold: a conversation plan, not a document. */
export const MAX_NOTE_LENGTH = 2000;

export const CONVERSATION_STEPS = [
  { key: 'ownPart', label: 'Own your part' },
  { key: 'outcome', label: 'Outcome wanted' },
  { key: 'listen', label: 'Listen and validate' },
  { key: 'restate', label: 'Restate the outcome' },
] as const;

export interface ConversationInput {
  clientId: string;
  date: string;
  /** What the conversation is about (a triage reason, or the coach's words); optional. */
  reason: string;
  ownPart: string;
  outcome: string;
  listen: string;
  restate: string;
}

export interface ConversationRecord {
  date: string | null;
  reason: string;
  ownPart: string;
  outcome: string;
  listen: string;
  restate: string;
}

export interface NeedInput {
  clientId: string;
  date: string;
  need: string;
}

export interface NeedRecord {
  date: string | null;
  need: string;
}

/**
 * The table of `spec`, created with its header when the sheet is missing or empty. A sheet of that
 * name holding something else is the user's: refused, nothing written.
 */
function ensureTable(ss: Spreadsheet, spec: TableSpec, zone: Zone): Table {
  const existing = readTable(ss, spec);
  if (existing) return existing;
  const found = ss.getSheetByName(spec.sheet);
  if (found && found.getLastRow() > 0)
    throw new WorkbookError(
      `The tab "${spec.sheet}" holds something else. Rename it, then save again: ClientTabs keeps ` +
        `its ${spec.sheet.toLowerCase()} there.`,
    );
  const sheet = found ?? ss.insertSheet(spec.sheet, ss.getNumSheets());
  const header = spec.columns.map((column) => column.label);
  sheet.getRange(1, 1, 1, header.length).setValues([header]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  const settings = readSettings(ss, zone.locale);
  spec.columns.forEach((column, i) => {
    const format = column.format ? numberFormat(column.format, settings) : null;
    if (format) sheet.getRange(2, i + 1, sheet.getMaxRows() - 1, 1).setNumberFormat(format);
    if (column.width) sheet.setColumnWidth(i + 1, column.width);
  });
  return readTable(ss, spec) as Table;
}

function formDay(errors: FieldProblem[], value: unknown): number | null {
  return isoDay(errors, 'date', value, 'Date');
}

/** Saves a conversation plan for the client, dated; at least one of the four steps must be written. */
export function saveConversation(form: ConversationInput): Outcome<ConversationRecord & { row: number }> {
  return withFormClient(form, ({ ss, zone, input, errors, client }) => {
    const day = formDay(errors, input.date);
    const reason = optionalText(errors, 'reason', input.reason, 'About', 200);
    const steps = Object.fromEntries(
      CONVERSATION_STEPS.map(({ key, label }) => [
        key,
        optionalText(errors, key, input[key], label, MAX_NOTE_LENGTH),
      ]),
    ) as Record<(typeof CONVERSATION_STEPS)[number]['key'], string>;
    if (!errors.length && CONVERSATION_STEPS.every(({ key }) => steps[key] === ''))
      errors.push({ field: 'ownPart', message: 'Write at least one of the four steps before saving.' });
    if (errors.length || !client || day === null) return fail(errors);
    ensureTable(ss, CONVERSATIONS, zone);
    const saved = appendClientRow(ss, CONVERSATIONS, client, {
      date: dayToCell(day, zone),
      reason: asText(reason),
      ...Object.fromEntries(CONVERSATION_STEPS.map(({ key }) => [key, asText(steps[key])])),
    });
    if (!saved.ok) return saved;
    return { ok: true, value: { date: formatIsoDay(day), reason, ...steps, row: saved.value.row } };
  });
}

/** Saves a need the client mentioned that the scope does not cover, dated. */
export function saveNeed(form: NeedInput): Outcome<NeedRecord & { row: number }> {
  return withFormClient(form, ({ ss, zone, input, errors, client }) => {
    // Blank: noted today, in the spreadsheet's time zone (the browser's day may differ).
    const day = input.date === '' || input.date === undefined ? todayIn(zone) : formDay(errors, input.date);
    const need = optionalText(errors, 'need', input.need, 'Need', MAX_NOTE_LENGTH);
    if (!errors.length && need === '') errors.push({ field: 'need', message: 'Describe what they need.' });
    if (errors.length || !client || day === null) return fail(errors);
    ensureTable(ss, NEEDS, zone);
    const saved = appendClientRow(ss, NEEDS, client, { date: dayToCell(day, zone), need: asText(need) });
    if (!saved.ok) return saved;
    return { ok: true, value: { date: formatIsoDay(day), need, row: saved.value.row } };
  });
}

function rowsOf<T>(
  table: Table | null,
  clientId: string,
  zone: Zone,
  read: (row: number, date: string | null) => T,
): T[] {
  if (!table) return [];
  const dated = dataRows(table)
    .filter((row) => readText(cell(table, row, 'clientId')) === clientId)
    .map((row) => ({ row, day: readDay(cell(table, row, 'date'), zone) }));
  // Newest first; undated rows last, in sheet order.
  dated.sort((a, b) => (b.day ?? -Infinity) - (a.day ?? -Infinity) || a.row - b.row);
  return dated.map(({ row, day }) => read(row, day === null ? null : formatIsoDay(day)));
}

export interface ClientNotes {
  conversations: ConversationRecord[];
  needs: NeedRecord[];
}

/** A client's saved conversations and needs, newest first (empty when the sheets do not exist yet). */
export function clientNotes(clientId: string): ClientNotes {
  // Rows are matched by Client ID: an ID that is not on the roster simply has none (no roster read).
  const ss = activeSpreadsheet();
  const zone = readZone(ss);
  const conversations = readTable(ss, CONVERSATIONS);
  const needs = readTable(ss, NEEDS);
  const text = (table: Table, row: number, key: string) => readText(cell(table, row, key), zone);
  return {
    conversations: rowsOf(conversations, clientId, zone, (row, date) => {
      const table = conversations as Table;
      return {
        date,
        reason: text(table, row, 'reason'),
        ownPart: text(table, row, 'ownPart'),
        outcome: text(table, row, 'outcome'),
        listen: text(table, row, 'listen'),
        restate: text(table, row, 'restate'),
      };
    }),
    needs: rowsOf(needs, clientId, zone, (row, date) => ({ date, need: text(needs as Table, row, 'need') })),
  };
}
