/** Read-only views for the sidebar: the client list, who is due this week, a client's card. */
import { isDueThisWeek, weekOf } from '../core/cadence';
import { normalizeLabel, type ClientStatusName } from '../core/clients';
import { clientState, owesCheckIns, statusOn, type ClientState } from '../core/status';
import { formatIsoDay } from '../core/dates';
import { isLate, isOverdue } from '../core/invoices';
import { isUndecided } from '../core/requests';
import { latestEntry, metricSpec, PROFILE, type MetricSpec } from '../core/client-tab';
import { readDay, readNumber, readText } from './cells';
import { indexedTabNames } from './client-index';
import { latestMetricValue, readRosterClient } from './client-log';
import { safeProgress } from './checkin';
import { todayIn } from './today';
import { lastCheckIns } from './dashboard';
import { earlierHistory, metricWithHistory, type HistoryTabData } from './linked-history';
import { moneyCard, type MoneyCardData } from './money-card';
import { rosterClients, type OpenRoster, type RosterClient } from './roster';
import { PAYMENTS, REQUESTS, ROSTER } from './schema';
import { cardAdvice, clientHistory, type CardAdviceData } from './card-advice';
import { handlingOf } from './client-handling';
import type { ClientHandling } from '../core/client-handling';
import {
  activeSpreadsheet,
  cell,
  dataRows,
  readSettings,
  readTable,
  readZone,
  type Settings,
} from './tables';

export interface ClientSummaryData {
  clientId: string;
  name: string;
  tabName: string;
  status: ClientStatusName;
  clientType: string;
  startDate: string | null;
  programMonths: number | null;
  endDate: string | null;
}

function summary(client: RosterClient): ClientSummaryData {
  return {
    clientId: client.clientId,
    name: client.name,
    tabName: client.tabName,
    status: client.status,
    clientType: client.clientType,
    startDate: client.startDay === null ? null : formatIsoDay(client.startDay),
    programMonths: client.programMonths,
    endDate: client.endDay === null ? null : formatIsoDay(client.endDay),
  };
}

/**
 * What the read-only views start from: `openRoster`'s, but a missing roster is no clients, and each
 * client's status is the one it has today (a notice served to its end date reads Ended; nothing is written).
 */
export function readContext(): Omit<OpenRoster, 'roster'> {
  const ss = activeSpreadsheet();
  const zone = readZone(ss);
  const settings = readSettings(ss, zone.locale);
  const roster = readTable(ss, ROSTER);
  const today = todayIn(zone);
  const clients = roster ? rosterClients(roster, zone, settings, indexedTabNames()) : [];
  return {
    ss,
    zone,
    settings,
    clients: clients.map((c) => ({ ...c, status: statusOn(c.status, c.endDay, today) })),
  };
}

export function listClients(): ClientSummaryData[] {
  return readContext().clients.map(summary);
}

export interface DueListData {
  weekOf: string;
  clients: (ClientSummaryData & { cadenceDays: number; lastCheckIn: string | null; doneThisWeek: boolean })[];
  doneCount: number;
  totalDue: number;
}

export function dueList(): DueListData {
  const { ss, zone, settings, clients } = readContext();
  const today = todayIn(zone);
  const week = weekOf(today, settings.weekStart);
  const active = clients.filter((c) => owesCheckIns(c.status));
  const last = lastCheckIns(ss, active, zone);
  const due = active
    .map((client) => {
      const lastDay = last.get(client.clientId) ?? null;
      return {
        ...summary(client),
        cadenceDays: client.cadenceDays,
        lastCheckIn: lastDay === null ? null : formatIsoDay(lastDay),
        doneThisWeek: lastDay !== null && lastDay >= week,
        due: isDueThisWeek(lastDay, client.startDay, client.cadenceDays, week),
      };
    })
    .filter((client) => client.due)
    .map(({ due: _due, ...rest }) => rest);
  due.sort((a, b) => Number(a.doneThisWeek) - Number(b.doneThisWeek) || a.name.localeCompare(b.name));
  return {
    weekOf: formatIsoDay(week),
    clients: due,
    doneCount: due.filter((c) => c.doneThisWeek).length,
    totalDue: due.length,
  };
}

/** The roster client whose tab is `sheetId`, or null. */
export function clientOfSheet(clients: RosterClient[], sheetId: number): RosterClient | null {
  return clients.find((c) => c.tabId === sheetId) ?? null;
}

export interface ClientCardData {
  client: ClientSummaryData;
  startDate: string | null;
  program: string;
  definitionOfSuccess: string;
  scope: string;
  metrics: (MetricSpec & { current: number | null; progress: number | null })[];
  satisfaction: { weekOf: string; score: number }[];
  cadenceDays: number;
  lastCheckIn: string | null;
  daysSinceCheckIn: number | null;
  /** Null for a client who is not Active: nothing is due from an ended or paused client. */
  nextCheckIn: string | null;
  endDate: string | null;
  /** `paidAmount`: paid so far on an invoice not yet paid in full (part payments). */
  payments: {
    due: string | null;
    paid: string | null;
    amount: number | null;
    paidAmount: number | null;
    late: boolean;
  }[];
  openRequests: { date: string | null; request: string; fee: number | null }[];
  money: MoneyCardData;
  /** Tabs linked to the client as earlier history (linked-history.ts). */
  history: HistoryTabData[];
  /** Health, churn triage and growth (card-advice.ts); null for an ended client. */
  advice: CardAdviceData | null;
  /** The client type's handling advice and what it means this week (client-handling.ts). */
  handling: ClientHandling;
  /** The one status rule's verdict (core/status.ts): what the card shows, as the Dashboard decides it. */
  state: Pick<ClientState, 'status' | 'checkIn' | 'overdueBy' | 'paysLate' | 'tone'>;
}

export function clientCard(clientId: string | null): ClientCardData | null {
  const { ss, zone, settings, clients } = readContext();
  let client: RosterClient | null = null;
  if (clientId) client = clients.find((c) => c.clientId === clientId) ?? null;
  else client = clientOfSheet(clients, ss.getActiveSheet().getSheetId());
  if (!client) return null;
  const { tab } = readRosterClient(ss, client, zone);
  const profileText = (label: string) =>
    readText(tab.model.profile.get(normalizeLabel(label))?.value ?? '', zone);
  const today = todayIn(zone);
  const last = latestEntry(tab.log);
  const cells = (row: number) => tab.values[row] ?? [];
  // Tabs linked as this client's history: their observations are the client's earlier values.
  const earlier = earlierHistory(ss, client.clientId, zone, today);
  const metrics = tab.metrics.map((metric) => {
    const joined = earlier.tabs.length ? metricWithHistory(tab, metric, earlier) : null;
    const current = joined ? joined.current : latestMetricValue(tab, metric.name);
    const baseline = joined ? joined.baseline : metric.baseline;
    return {
      ...metricSpec(metric),
      baseline,
      current,
      progress: safeProgress(baseline, current, metric.target),
    };
  });
  const satisfaction =
    tab.log.satisfactionColumn < 0
      ? []
      : tab.log.entries
          .map((entry) => ({
            day: entry.day,
            score: readNumber(cells(entry.row)[tab.log.satisfactionColumn]),
          }))
          .filter((s): s is { day: number; score: number } => s.score !== null)
          .sort((a, b) => a.day - b.day)
          .slice(-12)
          .map((s) => ({ weekOf: formatIsoDay(s.day), score: s.score }));
  const payments = readTable(ss, PAYMENTS);
  const requests = readTable(ss, REQUESTS);
  const invoices = payments
    ? dataRows(payments)
        .filter((row) => readText(cell(payments, row, 'clientId')) === client.clientId)
        .map((row) => ({
          dueDay: readDay(cell(payments, row, 'due'), zone),
          paidDay: readDay(cell(payments, row, 'paid'), zone),
          amount: readNumber(cell(payments, row, 'amount')),
          paidAmount: readNumber(cell(payments, row, 'paidAmount')),
        }))
    : [];
  const paymentRows = invoices.map(({ dueDay, paidDay, amount, paidAmount }) => ({
    due: dueDay === null ? null : formatIsoDay(dueDay),
    paid: paidDay === null ? null : formatIsoDay(paidDay),
    amount,
    paidAmount,
    late: isLate({ dueDay, paidDay }, today, settings.graceDays),
  }));
  // Unpaid and past the grace days (core/invoices isOverdue), as the Dashboard's "Late payment" counts it.
  const latePayments = invoices.filter((p) => isOverdue(p, today, settings.graceDays)).length;
  const state = clientState({
    stored: client.status,
    endDay: client.endDay,
    startDay: client.startDay,
    cadenceDays: client.cadenceDays,
    lastCheckIn: last ? last.day : null,
    today,
    weekStartDay: weekOf(today, settings.weekStart),
    latePayments,
  });
  const openRequests = requests
    ? dataRows(requests)
        .filter(
          (row) =>
            readText(cell(requests, row, 'clientId')) === client.clientId &&
            isUndecided(cell(requests, row, 'decision')),
        )
        .map((row) => {
          const day = readDay(cell(requests, row, 'date'), zone);
          return {
            date: day === null ? null : formatIsoDay(day),
            request: readText(cell(requests, row, 'request')),
            fee: readNumber(cell(requests, row, 'fee')),
          };
        })
    : [];
  return {
    client: summary(client),
    startDate: client.startDay === null ? null : formatIsoDay(client.startDay),
    program: client.program || profileText(PROFILE.program),
    definitionOfSuccess: profileText(PROFILE.success),
    scope: profileText(PROFILE.scope),
    metrics,
    satisfaction,
    cadenceDays: client.cadenceDays,
    lastCheckIn: last ? formatIsoDay(last.day) : null,
    daysSinceCheckIn: last ? today - last.day : null,
    nextCheckIn:
      state.checkIn === 'inactive' || state.nextCheckInDay === null
        ? null
        : formatIsoDay(state.nextCheckInDay),
    endDate: client.endDay === null ? null : formatIsoDay(client.endDay),
    payments: paymentRows,
    openRequests,
    money: moneyCard(payments, requests, client.clientId, zone, today, settings.graceDays),
    history: earlier.tabs,
    advice: cardAdvice(
      clientHistory(tab, client.cadenceDays, paymentRows, openRequests, settings.graceDays),
      state.status,
      metrics.map((m) => m.progress),
      today,
      settings.healthWeights,
    ),
    handling: handlingOf(ss, tab, { ...client, current: owesCheckIns(state.status) }, settings, zone, today),
    state: {
      status: state.status,
      checkIn: state.checkIn,
      overdueBy: state.overdueBy,
      paysLate: state.paysLate,
      tone: state.tone,
    },
  };
}

export function newClientDefaults(): { today: string; cadenceByType: Settings['cadence'] } {
  const { zone, settings } = readContext();
  return { today: formatIsoDay(todayIn(zone)), cadenceByType: { ...settings.cadence } };
}
