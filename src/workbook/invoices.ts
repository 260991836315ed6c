/**
 * Invoices in the Payments sheet: one row per invoice (Due, Amount), settled in place by the payments
 * made on it (Paid amount, and the Paid date once nothing is left due). Listing a client's open
 * invoices, paying one, making one ahead or from the monthly fee schedule. Rules in `core/invoices.ts`.
 */
import { formatIsoDay } from '../core/dates';
import {
  amountDue,
  applyPayment,
  isLate,
  latePaymentRecord,
  nextScheduledDue,
  type Invoice,
  type LatePaymentRecord,
} from '../core/invoices';
import { formatDayAs } from '../core/locale-date';
import { formatMoney, intlLocaleOf } from '../core/money';
import type { FieldProblem } from '../core/outcome';
import { asText, dayToCell, readDay, readNumber, readText, type Zone } from './cells';
import { todayIn } from './today';
import { readContext } from './clients';
import type { Outcome } from '../core/outcome';
import { appendClientRow, fail, isoDay, optionalText, requiredMoney, withFormClient } from './logs';
import { PAYMENTS } from './schema';
import { cell, dataRows, readSettings, readTable, writeCells, type Settings, type Table } from './tables';

/** One invoice row of a client, read from Payments. */
export interface InvoiceRow extends Invoice {
  /** 1-based sheet row: a hint to find it again (the row is re-checked by client and due date). */
  sheetRow: number;
  note: string;
}

/** The invoices of `clientId` in the Payments table. */
export function clientInvoices(table: Table, clientId: string, zone: Zone): InvoiceRow[] {
  return dataRows(table)
    .filter((row) => readText(cell(table, row, 'clientId')) === clientId)
    .map((row) => ({
      sheetRow: row + 1,
      dueDay: readDay(cell(table, row, 'due'), zone),
      paidDay: readDay(cell(table, row, 'paid'), zone),
      amount: readNumber(cell(table, row, 'amount')),
      paidAmount: readNumber(cell(table, row, 'paidAmount')),
      note: readText(cell(table, row, 'note')),
    }));
}

export interface InvoiceData {
  row: number;
  due: string | null;
  amount: number | null;
  paidAmount: number | null;
  stillDue: number;
  late: boolean;
}

export interface InvoicesData {
  clientId: string;
  /** Unpaid invoices, oldest due first: what a payment can settle. */
  open: InvoiceData[];
  /** The next invoice of the monthly fee (roster Monthly fee, from the start date); null without a fee. */
  scheduled: { due: string; amount: number } | null;
  record: LatePaymentRecord;
}

function invoiceData(invoice: InvoiceRow, today: number, settings: Settings): InvoiceData {
  return {
    row: invoice.sheetRow,
    due: invoice.dueDay === null ? null : formatIsoDay(invoice.dueDay),
    amount: invoice.amount,
    paidAmount: invoice.paidAmount,
    stillDue: amountDue(invoice),
    late: isLate(invoice, today, settings.graceDays),
  };
}

/** Sidebar read: a client's open invoices, the next one on the fee schedule and the late record. */
export function invoicesOf(clientId: string): InvoicesData | null {
  const { ss, zone, settings, clients } = readContext();
  const client = clients.find((c) => c.clientId === clientId);
  if (!client) return null;
  const table = readTable(ss, PAYMENTS);
  const invoices = table ? clientInvoices(table, clientId, zone) : [];
  const today = todayIn(zone);
  const next =
    client.monthlyFee === null || client.monthlyFee <= 0
      ? null
      : nextScheduledDue(
          client.startDay,
          client.endDay,
          invoices.flatMap((i) => (i.dueDay === null ? [] : [i.dueDay])),
        );
  return {
    clientId,
    open: invoices
      .filter((i) => i.paidDay === null && i.dueDay !== null)
      .sort((a, b) => (a.dueDay as number) - (b.dueDay as number))
      .map((i) => invoiceData(i, today, settings)),
    scheduled: next === null ? null : { due: formatIsoDay(next), amount: client.monthlyFee as number },
    record: latePaymentRecord(invoices, today, settings.graceDays),
  };
}

/** How messages name an invoice and show money and days, as Settings' currency and Date format write them. */
function words(invoice: Invoice, zone: Zone, settings: () => Settings) {
  // Settings are read only when a message or note shows money or a day (a read a plain payment skips), once.
  let read: Settings | null = null;
  const wanted = () => (read ??= settings());
  const money = (amount: number) => formatMoney(amount, wanted().currency, intlLocaleOf(zone.locale));
  const day = (d: number) => formatDayAs(d, wanted().dateFormat);
  return {
    get invoice() {
      return invoice.dueDay === null ? 'the invoice' : `the invoice due ${day(invoice.dueDay)}`;
    },
    money,
    day,
  };
}

/**
 * The invoice a payment names: the row it was listed at, if that row still holds this client's invoice
 * due that day; else (rows inserted or sorted since) the first such invoice, an open one first.
 */
function findInvoice(invoices: InvoiceRow[], row: unknown, dueDay: number): InvoiceRow | null {
  const hinted = invoices.find((i) => i.sheetRow === row && i.dueDay === dueDay);
  if (hinted) return hinted;
  const same = invoices.filter((i) => i.dueDay === dueDay);
  return same.find((i) => i.paidDay === null) ?? same[0] ?? null;
}

export interface PayInvoiceInput {
  clientId: string;
  /** The invoice's sheet row as listed (a hint) and its due date (what identifies it). */
  row: number;
  due: string;
  paid: string;
  amount: string;
  note: string;
}

/**
 * Pays an invoice: writes the paid amount (and, once nothing is left due, the paid date) onto the
 * invoice's own row. A part payment's date and amount are added to the row's note, after any note there.
 */
export function payInvoice(
  form: PayInvoiceInput,
): Outcome<{ clientId: string; row: number; stillDue: number }> {
  return withFormClient(form, ({ ss, zone, input, errors, client }) => {
    const due = isoDay(errors, 'invoice', input.due, 'The invoice’s due date');
    const paid = isoDay(errors, 'paid', input.paid, 'Paid date');
    const amount = requiredMoney(
      errors,
      'amount',
      input.amount,
      'Amount',
      zone.locale,
      'Enter the amount paid.',
    );
    const note = optionalText(errors, 'note', input.note, 'Note', 1000);
    if (errors.length > 0 || !client || due === null || paid === null || amount === null) return fail(errors);
    const table = readTable(ss, PAYMENTS);
    if (!table)
      return fail([
        {
          field: 'invoice',
          message: 'The Payments sheet is missing or has no header row. Run ClientTabs > Set up workbook.',
        },
      ]);
    const invoice = findInvoice(clientInvoices(table, client.clientId, zone), input.row, due);
    if (!invoice) {
      return fail([
        {
          field: 'invoice',
          message:
            `${client.name} has no invoice ` +
            `due ${formatDayAs(due, readSettings(ss, zone.locale).dateFormat)} in Payments; nothing was changed.`,
        },
      ]);
    }
    return settle(
      table,
      invoice,
      amount,
      paid,
      note,
      zone,
      () => readSettings(ss, zone.locale),
      client.clientId,
    );
  });
}

/** Writes a payment onto `invoice`'s row; refused (nothing written) when `applyPayment` refuses it. */
export function settle(
  table: Table,
  invoice: InvoiceRow,
  amount: number,
  paidDay: number,
  note: string,
  zone: Zone,
  settings: () => Settings,
  clientId: string,
): Outcome<{ clientId: string; row: number; stillDue: number }> {
  const named = words(invoice, zone, settings);
  const outcome = applyPayment(invoice, amount, paidDay, named);
  if (!outcome.ok)
    return fail([{ field: outcome.problem === 'paid' ? 'invoice' : 'amount', message: outcome.message }]);
  const hasPaidAmount = table.col.paidAmount >= 0;
  if (outcome.paidDay === null && !hasPaidAmount) {
    return fail([
      {
        field: 'amount',
        message:
          `A part payment needs the "Paid amount" column in Payments: run ClientTabs > Set up ` +
          `workbook (it adds the column), or pay the ${named.money(amountDue(invoice))} due.`,
      },
    ]);
  }
  if (outcome.paidDay !== null && table.col.paid < 0)
    return fail([
      {
        field: 'paid',
        message:
          'The Payments sheet has no "Paid" column: type that label back in its header, or run ' +
          'ClientTabs > Set up workbook.',
      },
    ]);
  if (note && table.col.note < 0)
    return fail([
      {
        field: 'note',
        message:
          'The Payments sheet has no "Note" column to keep this note: add it back, or leave the note blank.',
      },
    ]);
  const notes = [invoice.note];
  if (outcome.paidDay === null) notes.push(`${named.money(amount)} paid ${named.day(paidDay)}`);
  if (note) notes.push(note);
  const cells = new Map<number, unknown>();
  if (outcome.paidDay !== null) cells.set(table.col.paid, dayToCell(outcome.paidDay, zone));
  if (hasPaidAmount) cells.set(table.col.paidAmount, outcome.paidAmount);
  const joined = notes.filter(Boolean).join('; ');
  if (joined !== invoice.note && table.col.note >= 0) cells.set(table.col.note, asText(joined));
  writeCells(table.sheet, invoice.sheetRow, cells);
  return { ok: true, value: { clientId, row: invoice.sheetRow, stillDue: outcome.stillDue } };
}

export interface InvoiceInput {
  clientId: string;
  due: string;
  amount: string;
  note: string;
}

/**
 * Makes an invoice ahead of its payment (due date, amount): a Payments row with Paid blank. The same
 * client, due date and amount twice is refused as a double entry.
 */
export function createInvoice(form: InvoiceInput): Outcome<{ clientId: string; row: number }> {
  return withFormClient(form, ({ ss, zone, input, errors, client }) => {
    const due = isoDay(errors, 'due', input.due, 'Due date');
    const amount = requiredMoney(errors, 'amount', input.amount, 'Amount', zone.locale, 'Enter the amount.');
    const note = optionalText(errors, 'note', input.note, 'Note', 1000);
    if (errors.length > 0 || !client || due === null || amount === null) return fail(errors);
    const table = readTable(ss, PAYMENTS);
    const twin = table
      ? clientInvoices(table, client.clientId, zone).find((i) => i.dueDay === due && i.amount === amount)
      : undefined;
    if (twin) {
      const twinWords = words(twin, zone, () => readSettings(ss, zone.locale));
      const problem: FieldProblem = {
        field: 'due',
        message:
          `${client.name} already has an invoice of ${twinWords.money(amount)} ` +
          `due ${twinWords.day(due)} (Payments row ${twin.sheetRow}); nothing was added.`,
      };
      return fail([problem]);
    }
    return appendClientRow(
      ss,
      PAYMENTS,
      client,
      { due: dayToCell(due, zone), amount, note: asText(note) },
      table,
    );
  });
}

/** An invoice with, when it is paid already, its paid date. */
export interface PaymentInput extends InvoiceInput {
  paid: string;
}

/**
 * Records a payment by its invoice's due date: with a paid date it settles the client's open invoice due
 * that day (never a second row for it); with no such invoice, or no paid date, it adds the invoice row.
 */
export function recordPayment(form: PaymentInput): Outcome<{ clientId: string; row: number }> {
  return withFormClient(form, ({ ss, zone, input, errors, client }) => {
    const due = isoDay(errors, 'due', input.due, 'Due date');
    const paid = isoDay(errors, 'paid', input.paid, 'Paid date', true);
    const amount = requiredMoney(errors, 'amount', input.amount, 'Amount', zone.locale, 'Enter the amount.');
    const note = optionalText(errors, 'note', input.note, 'Note', 1000);
    if (errors.length > 0 || !client || due === null || amount === null) return fail(errors);
    const table = readTable(ss, PAYMENTS);
    const open =
      paid === null || !table
        ? undefined
        : clientInvoices(table, client.clientId, zone).find((i) => i.dueDay === due && i.paidDay === null);
    if (table && open && paid !== null) {
      const settled = settle(
        table,
        open,
        amount,
        paid,
        note,
        zone,
        () => readSettings(ss, zone.locale),
        client.clientId,
      );
      return settled.ok
        ? { ok: true, value: { clientId: client.clientId, row: settled.value.row } }
        : settled;
    }
    return appendClientRow(
      ss,
      PAYMENTS,
      client,
      {
        due: dayToCell(due, zone),
        paid: paid === null ? '' : dayToCell(paid, zone),
        amount,
        paidAmount: paid === null ? '' : amount,
        note: asText(note),
      },
      table,
    );
  });
}
