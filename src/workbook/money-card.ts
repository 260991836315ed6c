/** The card's money part: how the client pays (the late-payment record) and the requests to decide. */
import { latePaymentRecord, type LatePaymentRecord } from '../core/invoices';
import type { Zone } from './cells';
import { clientInvoices } from './invoices';
import { undecidedRequests } from './request-decisions';
import type { Table } from './tables';

export interface MoneyCardData {
  record: LatePaymentRecord;
  undecided: { row: number; date: string | null; request: string }[];
}

/** From the Payments and Requests tables the card already read: no call of its own. */
export function moneyCard(
  payments: Table | null,
  requests: Table | null,
  clientId: string,
  zone: Zone,
  today: number,
  graceDays: number,
): MoneyCardData {
  const invoices = payments ? clientInvoices(payments, clientId, zone) : [];
  return {
    record: latePaymentRecord(invoices, today, graceDays),
    undecided: undecidedRequests(requests, clientId, zone).map(({ row, date, request }) => ({
      row,
      date,
      request,
    })),
  };
}
