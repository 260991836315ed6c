/**
 * The sidebar's server side: what google.script.run calls. Plain objects in and out, dates as ISO
 * strings. Every input is checked here again (the browser is not trusted); mutations answer Result<T>
 * and write nothing on failure.
 */
import type { BootDelivery, SidebarBoot } from './rpc-types';
import type { SelfCheckReport } from '../core/self-check';
import {
  clientNotes,
  saveConversation,
  saveNeed,
  type ClientNotes,
  type ConversationInput,
  type ConversationRecord,
  type NeedInput,
  type NeedRecord,
} from '../workbook/conversations';
import { makeReport, type ReportMade } from '../workbook/report';
import type { NewClientInput } from '../core/new-client';
import type { EditClientInput } from '../core/edit-client';
import { runSelfCheck } from './self-check';
import { sentBoot } from './boot';
import { clip } from '../core/quote';
import { adoptTabs, scanAdoptable, type AdoptProgressData, type AdoptTabChoice } from '../workbook/adopt';
import { checkInForm, saveCheckIn, type CheckInRequest, type CheckInSaved } from '../workbook/checkin';
import { readClientTab } from '../workbook/client-log';
import { handlingOf } from '../workbook/client-handling';
import { owesCheckIns } from '../core/status';
import { todayIn } from '../workbook/today';
import {
  clientCard,
  dueList,
  listClients,
  newClientDefaults,
  readContext,
  type ClientCardData,
  type DueListData,
  type ClientSummaryData,
} from '../workbook/clients';
import { LockTimeout } from '../workbook/lock';
import { logRequest, offboardClient, type OffboardInput, type RequestInput } from '../workbook/logs';
import {
  createInvoice,
  invoicesOf,
  payInvoice,
  recordPayment,
  type InvoiceInput,
  type InvoicesData,
  type PayInvoiceInput,
  type PaymentInput,
} from '../workbook/invoices';
import { decideRequest, type DecideRequestInput } from '../workbook/request-decisions';
import { createClient } from '../workbook/new-client';
import type { Outcome } from '../core/outcome';
import { clientEditForm, editClient, type ClientEditFormData } from '../workbook/edit-client';
import { WorkbookError } from '../workbook/tables';
import { rememberedName } from '../workbook/user-name';
import { setSkipped, skippedThisWeek, type Draft } from '../workbook/skips';

/** Known failures become a message; anything else is a bug and propagates (google.script.run's failure handler). */
export function guarded<T>(work: () => Outcome<T>): Outcome<T> {
  try {
    return work();
  } catch (error) {
    if (error instanceof LockTimeout || error instanceof WorkbookError) {
      return { ok: false, errors: [], message: error.message };
    }
    throw error;
  }
}

/** Sidebar: every client in the roster, for pickers. */
export function rpcListClients(): ClientSummaryData[] {
  return listClients();
}

/** Sidebar: this week's due check-ins, done ones last, and the name this user logs as. */
export function rpcGetDueList(): DueListData & { enteredBy: string; skipped: Record<string, Draft> } {
  const list = dueList();
  return { ...list, enteredBy: rememberedName(), skipped: skippedThisWeek(list.weekOf) };
}

/**
 * Sidebar: keeps a client as skipped for the week with what was typed (`draft`), for this user, so the
 * next sidebar still shows the skip and the values; `draft` null forgets the skip.
 */
export function rpcSkipCheckIn(skip: {
  clientId: string;
  weekOf: string;
  draft: Draft | null;
}): Outcome<null> {
  if (!skip || typeof skip.clientId !== 'string' || skip.clientId === '' || typeof skip.weekOf !== 'string')
    return { ok: false, errors: [], message: 'Choose a client.' };
  return setSkipped(skip.weekOf, skip.clientId, skip.draft ?? null)
    ? { ok: true, value: null }
    : {
        ok: false,
        errors: [],
        message: 'Too much is typed to keep while skipped: save it, or shorten the notes.',
      };
}

/** Sidebar: the check-in form of a client: this week, the metrics and any row already logged. */
export function rpcGetCheckInForm(clientId: string) {
  if (typeof clientId !== 'string' || clientId === '') throw new Error('Choose a client.');
  const context = readContext();
  const client = context.clients.find((c) => c.clientId === clientId);
  if (!client) throw new Error(`No client with ID ${clip(clientId)}.`);
  const { ss, zone, settings } = context;
  const tab = readClientTab(ss, clientId, zone);
  const form = checkInForm(tab, zone, settings.weekStart);
  return {
    client: {
      clientId: client.clientId,
      name: client.name,
      tabName: form.tabName,
      status: client.status,
      clientType: client.clientType,
    },
    weekOf: form.weekOf,
    metrics: form.metrics,
    fields: form.fields,
    previousWeekOf: form.previousWeekOf,
    existing: form.existing ? { clientId, weekOf: form.weekOf, ...form.existing } : null,
    handling: handlingOf(
      ss,
      tab,
      { ...client, current: owesCheckIns(client.status) },
      settings,
      zone,
      todayIn(zone),
    ),
  };
}

/** Sidebar: saves a check-in (refuses a second one for the same week unless replace is set). */
export function rpcSaveCheckIn(entry: CheckInRequest): Outcome<CheckInSaved> {
  return guarded(() => saveCheckIn(entry));
}

/** Sidebar: a client's card; with no ID, the client whose tab is in view (null when none). */
export function rpcGetClientCard(clientId: string | null): ClientCardData | null {
  return clientCard(typeof clientId === 'string' && clientId !== '' ? clientId : null);
}

/** Sidebar: defaults for the New client form (today, cadence per client type). */
export function rpcGetNewClientDefaults(): ReturnType<typeof newClientDefaults> {
  return newClientDefaults();
}

/** Sidebar: creates a client: their tab and their roster row with live links. */
export function rpcCreateClient(
  form: NewClientInput,
): Outcome<Pick<ClientSummaryData, 'clientId' | 'name' | 'tabName' | 'status' | 'clientType'>> {
  return guarded(() => {
    const created = createClient(form);
    if (!created.ok) return created;
    const { clientId, name, tabName, clientType } = created.value;
    return {
      ok: true,
      value: { clientId, name, tabName, status: 'Active', clientType },
    };
  });
}

/** Sidebar: what the Edit client form opens with (null when there is no such client). */
export function rpcGetClientEdit(clientId: string): ClientEditFormData | null {
  if (typeof clientId !== 'string' || clientId === '') return null;
  return clientEditForm(clientId);
}

/** Sidebar: saves Edit client (type, cadence, fee, profit, success, scope, metrics); never a logged value. */
export function rpcEditClient(
  form: EditClientInput,
): Outcome<{ clientId: string; name: string; changed: string[] }> {
  return guarded(() => editClient(form));
}

/** Sidebar: lists tabs that could be adopted, with what was found, and tabs that can't be read. */
export function rpcScanForAdoption(): ReturnType<typeof scanAdoptable> {
  return scanAdoptable();
}

/** Sidebar: adopts tabs into the roster; call again with `remaining` until `done`. */
export function rpcAdoptTabs(
  tabNames: string[],
  choices?: Record<string, AdoptTabChoice>,
): Outcome<AdoptProgressData> {
  return guarded(() => adoptTabs(tabNames, choices));
}

/** Sidebar: records a payment (due, paid, amount) for a client. */
export function rpcRecordPayment(form: PaymentInput): Outcome<{ clientId: string; row: number }> {
  return guarded(() => recordPayment(form));
}

/** Sidebar: a client's open invoices, the next one of the fee schedule and the late-payment record. */
export function rpcGetInvoices(clientId: string): InvoicesData | null {
  return typeof clientId === 'string' && clientId !== '' ? invoicesOf(clientId) : null;
}

/** Sidebar: pays an open invoice: the paid amount and, once settled, the paid date on its own row. */
export function rpcPayInvoice(
  form: PayInvoiceInput,
): Outcome<{ clientId: string; row: number; stillDue: number }> {
  return guarded(() => payInvoice(form));
}

/** Sidebar: makes an invoice ahead of payment (due date, amount). */
export function rpcCreateInvoice(form: InvoiceInput): Outcome<{ clientId: string; row: number }> {
  return guarded(() => createInvoice(form));
}

/** Sidebar: decides an open out-of-scope request (change order with fee, declined, absorbed with hours). */
export function rpcDecideRequest(
  form: DecideRequestInput,
): Outcome<{ clientId: string; row: number; decision: string }> {
  return guarded(() => decideRequest(form));
}

/** Sidebar: logs an out-of-scope request with its decision. */
export function rpcLogRequest(form: RequestInput): Outcome<{ clientId: string; row: number }> {
  return guarded(() => logRequest(form));
}

/** Sidebar: ends a client (Serving notice until the end date, then Ended; end date, reason, notice date). */
export function rpcOffboardClient(form: OffboardInput): ReturnType<typeof offboardClient> {
  return guarded(() => offboardClient(form));
}

/** Sidebar: the start-up data of the sidebar just opened, for a page that found none in itself. */
export function rpcGetBoot(): SidebarBoot {
  return sentBoot() ?? { view: 'checkin' };
}

/** Sidebar: runs "Check this spreadsheet"; `received` is the start-up token the page found and how. */
export function rpcRunSelfCheck(received: { token: string | null; via: BootDelivery }): SelfCheckReport {
  const via: BootDelivery = received?.via === 'inline' || received?.via === 'rpc' ? received.via : 'none';
  const token = typeof received?.token === 'string' ? received.token : null;
  return runSelfCheck({ token, via });
}

/** Sidebar: a client's saved conversation plans and mentioned needs, newest first. */
export function rpcGetClientNotes(clientId: string): ClientNotes {
  if (typeof clientId !== 'string' || clientId === '') return { conversations: [], needs: [] };
  return clientNotes(clientId);
}

/** Sidebar: saves a difficult-conversation plan (the four steps) for a client, dated. */
export function rpcSaveConversation(form: ConversationInput): Outcome<ConversationRecord> {
  return guarded(() => {
    const saved = saveConversation(form);
    if (!saved.ok) return saved;
    const { date, reason, ownPart, outcome, listen, restate } = saved.value;
    return { ok: true, value: { date, reason, ownPart, outcome, listen, restate } };
  });
}

/** Sidebar: saves a need the client mentioned that the current scope does not cover, dated. */
export function rpcSaveNeed(form: NeedInput): Outcome<NeedRecord> {
  return guarded(() => {
    const saved = saveNeed(form);
    if (!saved.ok) return saved;
    return { ok: true, value: { date: saved.value.date, need: saved.value.need } };
  });
}

/** Sidebar: makes (or remakes) the client's one-page progress report tab; answers it as plain text too. */
export function rpcMakeProgressReport(clientId: string): Outcome<ReportMade> {
  return guarded(() => makeReport(clientId));
}

// The advice RPCs live in rpc-advice.ts; re-exported so the sidebar's typed `run` knows them.
export { rpcGetClientProfit, rpcRecordRaise, rpcSetClientHours } from './rpc-advice';
export { rpcGetMetricHistory } from './rpc-expectations';
