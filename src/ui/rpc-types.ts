/**
 * The names the sidebar knows the wire by. The contract is the server functions' own types (src/ui/rpc.ts
 * and the workbook/core types they answer), seen through Jsonify (./wire.ts): each name here is an alias of
 * one of them, never a copy, so a changed field fails `npm run typecheck` on both sides. Only what exists
 * for the sidebar alone (its views, its start-up data) is declared here. `import type` keeps server code
 * out of the sidebar's bundle.
 */
import type { ClientStatusName, ClientTypeName, DIRECTIONS } from '../core/clients';
import type { LatePaymentRecord as LateRecord } from '../core/invoices';
import type { FieldProblem, Outcome } from '../core/outcome';
import type { NewClientInput } from '../core/new-client';
import type { EditClientInput } from '../core/edit-client';
import type * as adopt from '../workbook/adopt';
import type * as card from '../workbook/card-advice';
import type * as checkin from '../workbook/checkin';
import type * as clients from '../workbook/clients';
import type * as conversations from '../workbook/conversations';
import type { ClientEditFormData } from '../workbook/edit-client';
import type * as invoices from '../workbook/invoices';
import type { OffboardInput, RequestInput } from '../workbook/logs';
import type { MoneyCardData } from '../workbook/money-card';
import type { ReportMade } from '../workbook/report';
import type { DecideRequestInput } from '../workbook/request-decisions';
import type { Jsonify } from './wire';
import type * as rpc from './rpc';

export type { CheckResult, SelfCheckReport, Verdict } from '../core/self-check';
export type { ClientHandling } from '../core/client-handling';

/** 'yyyy-mm-dd' in the spreadsheet's time zone. */
export type IsoDate = string;

/** Which screen the sidebar opens on; passed in the page at open time. */
export type SidebarView =
  | { view: 'checkin'; clientId?: string }
  | { view: 'card'; clientId?: string; raise?: RaisePrefill }
  | { view: 'newClient' }
  | { view: 'adopt' }
  | { view: 'payment'; clientId?: string }
  | { view: 'request'; clientId?: string }
  | { view: 'offboard'; clientId?: string; endDate?: IsoDate; reason?: string }
  | { view: 'editClient'; clientId?: string }
  | { view: 'selfcheck' };

/**
 * A raise the portfolio review suggests, prefilled in the card's Record a raise (nothing saved until the
 * coach does).
 */
export interface RaisePrefill {
  monthlyFee: number;
  from: IsoDate;
}

/** How the spreadsheet writes numbers: the sidebar shows and reads them the same way. */
export interface SidebarContext {
  /** Settings → Currency symbol (`$`, `€`, `CHF`); '' when not set. */
  currency: string;
  /** The spreadsheet's locale (`en_US`, `de_DE`): decimal and grouping separators. */
  locale: string;
}

/**
 * The sidebar's start-up data: the view, the spreadsheet's context when the server could read it, and a
 * token naming this opening (the self-check matches it to see the data arrived).
 */
export type SidebarBoot = SidebarView & { context?: SidebarContext; token?: string };

/** The id of the `<script type="application/json">` block that carries the SidebarBoot into the page. */
export const BOOT_ID = 'clienttabs-boot';

/** How the page got its start-up data: in the page, by asking the server, or not at all. */
export type BootDelivery = 'inline' | 'rpc' | 'none';

export type ClientStatus = ClientStatusName;
export type ClientType = ClientTypeName;
export type Direction = (typeof DIRECTIONS)[number];

/** A field-level problem, shown inline next to the field it names. */
export type FieldError = FieldProblem;

/** Every mutating call answers with this: on failure nothing was written. */
export type Result<T> = Outcome<T>;

/** What the sidebar receives from server function `name`. */
type Answer<K extends keyof typeof rpc> = Jsonify<ReturnType<(typeof rpc)[K]>>;

export type ClientSummary = Jsonify<clients.ClientSummaryData>;
export type DueList = Answer<'rpcGetDueList'>;
export type DueClient = DueList['clients'][number];

export type CheckInForm = Answer<'rpcGetCheckInForm'>;
export type MetricForm = CheckInForm['metrics'][number];
export type CheckInEntry = checkin.CheckInRequest;
export type SavedCheckIn = Jsonify<checkin.CheckInSaved>;

export type ClientCard = Jsonify<clients.ClientCardData>;
export type MetricProgress = ClientCard['metrics'][number];
export type ClientStateView = ClientCard['state'];
export type MoneyCard = Jsonify<MoneyCardData>;
export type CardAdvice = Jsonify<card.CardAdviceData>;
export type HealthBandName = NonNullable<CardAdvice['health']['band']>;

export type LatePaymentRecord = Jsonify<LateRecord>;
export type InvoiceSummary = Jsonify<invoices.InvoiceData>;
export type ClientInvoices = Jsonify<invoices.InvoicesData>;
export type PayInvoiceForm = invoices.PayInvoiceInput;
export type InvoiceForm = invoices.InvoiceInput;
export type PaymentForm = invoices.PaymentInput;
export type DecideRequestForm = DecideRequestInput;
export type RequestForm = RequestInput;
export type OffboardForm = OffboardInput;

export type ConversationForm = conversations.ConversationInput;
export type ConversationRecord = Jsonify<conversations.ConversationRecord>;
export type NeedForm = conversations.NeedInput;
export type NeedRecord = Jsonify<conversations.NeedRecord>;
export type ClientNotes = Jsonify<conversations.ClientNotes>;
export type ProgressReport = Jsonify<ReportMade>;

export type NewClientForm = NewClientInput;
export type MetricDefinition = NewClientInput['metrics'][number];
export type EditClientForm = EditClientInput;
export type ClientEditData = Jsonify<ClientEditFormData>;

export type AdoptMode = adopt.AdoptMode;
export type AdoptTable = Jsonify<adopt.AdoptTableData>;
export type AdoptCandidate = Jsonify<adopt.AdoptCandidateData>;
export type AdoptTabChoice = adopt.AdoptTabChoice;
export type AdoptScan = Answer<'rpcScanForAdoption'>;
export type AdoptProgress = Jsonify<adopt.AdoptProgressData>;
