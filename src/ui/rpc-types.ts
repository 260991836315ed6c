/**
 * The contract between the sidebar (browser) and the server (Apps Script): every type that crosses
 * google.script.run. Plain objects, arrays, strings, numbers, booleans and null only: a Date anywhere
 * makes the call fail, so dates cross as ISO 'yyyy-mm-dd' strings.
 *
 * The sidebar's typed wrapper is derived from `typeof import('./rpc')`, so a server function's
 * argument and return types are checked on both sides.
 */

import type { ClientHandling } from '../core/client-handling';

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

/** A raise the portfolio review suggests, prefilled in the card's Record a raise (nothing saved until the coach does). */
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

export type ClientStatus = 'Active' | 'Serving notice' | 'Paused' | 'Ended';
export type ClientType = 'Laissez-faire' | 'Micromanager' | 'In the dark' | 'Savvy';
export type Direction = 'up' | 'down';

/** A field-level problem, shown inline next to the field it names. */
export interface FieldError {
  field: string;
  message: string;
}

/** Every mutating call answers with this: on failure nothing was written. */
export type Result<T> =
  { ok: true; value: T; message?: string } | { ok: false; errors: FieldError[]; message: string };

export interface ClientSummary {
  clientId: string;
  name: string;
  tabName: string;
  status: ClientStatus;
  clientType: ClientType | '';
  /** For the offboarding form's live end date (the same core rule the save runs). */
  startDate?: IsoDate | null;
  programMonths?: number | null;
  endDate?: IsoDate | null;
}

export interface DueClient extends ClientSummary {
  cadenceDays: number;
  lastCheckIn: IsoDate | null;
  /** True when a row for the current week already exists. */
  doneThisWeek: boolean;
}

export interface DueList {
  weekOf: IsoDate;
  clients: DueClient[];
  doneCount: number;
  totalDue: number;
  /** The name this user last logged as (remembered in their user properties); '' when none. */
  enteredBy?: string;
  /** Clients this user skipped this week: Client ID → what was typed (field key → text). */
  skipped?: Record<string, Record<string, string>>;
}

export interface MetricForm {
  /** The metric's column header in the client tab's log. */
  name: string;
  unit: string;
  direction: Direction;
  baseline: number | null;
  target: number | null;
  last: number | null;
}

export interface CheckInForm {
  client: ClientSummary;
  weekOf: IsoDate;
  metrics: MetricForm[];
  /** The log columns besides the metrics that the tab has: the form shows only these. */
  fields: { satisfaction: boolean; wins: boolean; blockers: boolean; notes: boolean };
  /** The latest check-in before this week, whose values the form shows as "Last". */
  previousWeekOf: IsoDate | null;
  /** The values already logged for this week, when there are some (replacing needs a confirmation). */
  existing: CheckInEntry | null;
  /** The client type's handling advice and what it means this week, for the VA. */
  handling: ClientHandling;
}

export interface CheckInEntry {
  clientId: string;
  weekOf: IsoDate;
  /** Metric name → value as typed ('' when not measured this week). */
  values: Record<string, string>;
  satisfaction: string;
  wins: string;
  blockers: string;
  notes: string;
  /** Set when the user confirmed replacing this week's existing row. */
  replace?: boolean;
  /** The week is marked "No contact this week": no values, written as such, the client stays due. */
  noContact?: boolean;
  /** Metric names whose warning (another unit, far from the previous value) the user confirmed. */
  confirmed?: string[];
  /** Who typed it (the VA's name, at most 80 characters once trimmed), written as text to the log's
   * "Entered by" column and remembered for this user. Left out: blank, and the remembered name is kept. */
  enteredBy?: string;
}

export interface SavedCheckIn {
  clientId: string;
  weekOf: IsoDate;
  row: number;
  replaced: boolean;
}

export interface MetricProgress {
  name: string;
  unit: string;
  direction: Direction;
  baseline: number | null;
  target: number | null;
  current: number | null;
  /** Fraction of the way from baseline to target; null when it can't be computed. */
  progress: number | null;
}

export interface ClientCard {
  client: ClientSummary;
  startDate: IsoDate | null;
  program: string;
  definitionOfSuccess: string;
  scope: string;
  metrics: MetricProgress[];
  /** Satisfaction scores of the recent check-ins, oldest first. */
  satisfaction: { weekOf: IsoDate; score: number }[];
  cadenceDays: number;
  lastCheckIn: IsoDate | null;
  daysSinceCheckIn: number | null;
  /** Null for a client who is not Active (nothing is due from an ended or paused client). */
  nextCheckIn: IsoDate | null;
  /** The roster's End date, for an ended client. */
  endDate: IsoDate | null;
  /** `paidAmount`: paid so far on an invoice not yet paid in full (part payments). */
  payments: {
    due: IsoDate | null;
    paid: IsoDate | null;
    amount: number | null;
    paidAmount: number | null;
    late: boolean;
  }[];
  openRequests: { date: IsoDate | null; request: string; fee: number | null }[];
  /** Money on the card (invoices settled by payments, undecided requests): see MoneyCard. */
  money?: MoneyCard;
  /** Tabs linked to the client as earlier history: their check-ins count before the client's own. */
  history?: { tabName: string; checkIns: number; firstDate: IsoDate | null; lastDate: IsoDate | null; measures: string[] }[]; // prettier-ignore
  /** Health, churn triage and growth; null for an ended client. */
  advice: CardAdvice | null;
  /** The client type's handling advice and what it means this week. */
  handling: ClientHandling;
  /** The one status rule's verdict (core/status.ts): what the card shows, as the Dashboard decides it. */
  state: ClientStateView;
}

/** A client's late-payment record (core/invoices latePaymentRecord). */
export interface LatePaymentRecord {
  counted: number;
  late: number;
  unpaidLate: number;
  averageDaysLate: number | null;
}

/** One invoice of a client: a Payments row, settled in place by its payments. */
export interface InvoiceSummary {
  /** Its Payments sheet row as read (a hint; the server finds it again by client and due date). */
  row: number;
  due: IsoDate | null;
  amount: number | null;
  /** Paid so far (part payments); null when nothing is recorded. */
  paidAmount: number | null;
  stillDue: number;
  late: boolean;
}

/** A client's open invoices, the next one of the monthly fee schedule, and how they pay. */
export interface ClientInvoices {
  clientId: string;
  open: InvoiceSummary[];
  scheduled: { due: IsoDate; amount: number } | null;
  record: LatePaymentRecord;
}

/** What the card shows about money. */
export interface MoneyCard {
  record: LatePaymentRecord;
  /** Undecided out-of-scope requests, oldest first, with their Requests sheet row (a hint). */
  undecided: { row: number; date: IsoDate | null; request: string }[];
}

/** Pays an open invoice (found again by its due date; `row` as listed is a hint). */
export interface PayInvoiceForm {
  clientId: string;
  row: number;
  due: IsoDate;
  paid: IsoDate;
  amount: string;
  note: string;
}

/** An invoice made ahead of payment. */
export interface InvoiceForm {
  clientId: string;
  due: IsoDate;
  amount: string;
  note: string;
}

/** A decision on an open request: a change order with its fee, declined, or absorbed with its hours. */
export interface DecideRequestForm {
  clientId: string;
  row: number;
  request: string;
  decision: 'Change order' | 'Declined' | 'Included in scope';
  fee: string;
  hours: string;
}

export type HealthBandName = 'Red' | 'Yellow' | 'Green';

/** The advice on the card (src/workbook/card-advice.ts). */
export interface CardAdvice {
  health: {
    /** 0–100; null when no signal had data. */
    score: number | null;
    band: HealthBandName | null;
    signalsWithData: number;
    signalsTotal: number;
    reasons: string[];
    /** The score four weeks ago, and the change since. */
    fourWeeksAgo: number | null;
    change: number | null;
    /** Each signal with data, weakest first: its reading and its own score (0–100). */
    drivers: { name: string; reading: string; points: number }[];
    /** Signals whose reading changed since last week. */
    moved: {
      name: string;
      before: string;
      now: string;
      points: number | null;
      direction: 'better' | 'worse' | 'new';
    }[];
  };
  /** For a red or yellow client: the likeliest reason they would leave (null: none stands out). */
  triage: {
    reason: string | null;
    evidence: string;
    action: string;
    others: { reason: string; evidence: string }[];
  } | null;
  growth: { ready: boolean; message: string; atTarget: number; measured: number };
}

/** Difficult-conversation prep: the four steps, as typed. */
export interface ConversationForm {
  clientId: string;
  date: IsoDate;
  reason: string;
  ownPart: string;
  outcome: string;
  listen: string;
  restate: string;
}

export interface ConversationRecord {
  date: IsoDate | null;
  reason: string;
  ownPart: string;
  outcome: string;
  listen: string;
  restate: string;
}

/** A need the client mentioned that the current scope does not cover. */
export interface NeedForm {
  clientId: string;
  /** '' for today in the spreadsheet's time zone. */
  date: IsoDate | '';
  need: string;
}

export interface NeedRecord {
  date: IsoDate | null;
  need: string;
}

export interface ClientNotes {
  conversations: ConversationRecord[];
  needs: NeedRecord[];
}

export interface ProgressReport {
  clientId: string;
  tabName: string;
  replaced: boolean;
  /** The report as plain text, for an email. */
  text: string;
}

export interface ClientStateView {
  status: ClientStatus;
  checkIn: 'inactive' | 'overdue' | 'due' | 'done' | 'none' | 'on-schedule';
  overdueBy: number | null;
  paysLate: boolean;
  tone: 'good' | 'warn' | 'bad' | '';
}

export interface MetricDefinition {
  name: string;
  unit: string;
  direction: Direction;
  baseline: string;
  target: string;
}

/** The New client form, as typed: the server parses and validates every field. */
export interface NewClientForm {
  name: string;
  startDate: IsoDate;
  program: string;
  programMonths: string;
  monthlyFee: string;
  yearlyProfit: string;
  /** Used when yearlyProfit is blank: profit = 12 × (fee − monthly costs). */
  monthlyCosts: string;
  clientType: ClientType | '';
  cadenceDays: string;
  definitionOfSuccess: string;
  scope: string;
  metrics: MetricDefinition[];
}

/** One table of a tab in the adoption preview. */
export interface AdoptTable {
  where: string;
  orientation: 'rows' | 'columns';
  axisLabel: string;
  measures: { name: string; baseline: number | null; target: number | null }[];
  /** `addable`: the preview may tick it back in as a measure (typed numbers or empty, never formulas or text). */
  leftOut: { label: string; reason: string; addable: boolean }[];
  observations: number;
  firstDate: IsoDate | null;
  lastDate: IsoDate | null;
  summaries: string[];
  /** The header and the last few observations, as text. */
  sample: string[][];
}

export type AdoptMode = 'client' | 'ended' | 'history';

export interface AdoptCandidate {
  tabName: string;
  /** A clear client log, a doubtful one, or a tab that is not one client's log (a to-do list, an hours log). */
  verdict: 'log' | 'doubtful' | 'not-client';
  /** Ticked by default: only a clear client log. */
  checked: boolean;
  reasons: string[];
  confidence: number;
  /** The chosen table first, then the others on the tab. */
  tables: AdoptTable[];
  profile: { label: string; value: string }[];
  /** The existing client whose name the tab carries. */
  match: { clientId: string; name: string } | null;
  mode: AdoptMode;
  dateColumn: string;
  metricColumns: string[];
  firstDate: IsoDate | null;
  lastDate: IsoDate | null;
  rows: number;
}

/** What the user confirmed for a tab in the preview. */
export interface AdoptTabChoice {
  table?: number;
  measures?: string[];
  mode?: AdoptMode;
  clientId?: string;
}

export interface AdoptScan {
  candidates: AdoptCandidate[];
  /** Tabs that could not be read, with the reason. */
  skipped: { tabName: string; reason: string }[];
}

export interface AdoptProgress {
  adopted: string[];
  remaining: string[];
  failed: { tabName: string; reason: string }[];
  done: boolean;
}

export interface PaymentForm {
  clientId: string;
  due: IsoDate;
  paid: IsoDate | '';
  amount: string;
  note: string;
}

export interface RequestForm {
  clientId: string;
  date: IsoDate;
  request: string;
  decision: 'Change order' | 'Declined' | 'Included in scope' | 'Open';
  fee: string;
}

export interface OffboardForm {
  clientId: string;
  endDate: IsoDate;
  reason: string;
  noticeDate: IsoDate;
  /** Move the end date to the close of the current program period. */
  endAtPeriodClose: boolean;
  /** The end date the form showed: the save refuses to record any other. */
  expectedEndDate?: IsoDate;
}

/** The Edit client form, as typed; each metric row names the metric it was (`from`; absent for a new one). */
export interface EditClientForm {
  clientId: string;
  clientType: ClientType | '';
  cadenceDays: string;
  monthlyFee: string;
  yearlyProfit: string;
  /** Used when yearlyProfit is blank: profit = 12 × (fee − monthly costs). */
  monthlyCosts: string;
  definitionOfSuccess: string;
  scope: string;
  /** Left out for an adopted tab (its columns are its own). A metric not listed is removed; its column stays. */
  metrics?: (MetricDefinition & { from?: string })[];
}

/** What the Edit client form opens with. */
export interface ClientEditData {
  clientId: string;
  name: string;
  tabName: string;
  clientType: ClientType | '';
  cadenceDays: number;
  monthlyFee: number | null;
  yearlyProfit: number | null;
  definitionOfSuccess: string;
  scope: string;
  /** An adopted tab: only the roster's fields can be edited here. */
  adopted: boolean;
  metrics: {
    name: string;
    unit: string;
    direction: Direction;
    baseline: number | null;
    target: number | null;
  }[];
}
