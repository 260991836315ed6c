/**
 * The demo workbook: a dozen plausible clients of every type, 6 to 36 months of weekly check-ins with
 * believable trends, some ended (with reasons), some paying late, a few out-of-scope requests. Built by
 * calling the add-on's real server functions, so the tabs look exactly like a coach's would.
 */
import { addMonths, formatIsoDay, parseIsoDay, startOfWeek, ymdFromDay } from '../../src/core/dates';
import type {
  CheckInEntry,
  ClientSummary,
  ClientType,
  Direction,
  NewClientForm,
  InvoiceForm,
  OffboardForm,
  PayInvoiceForm,
  PaymentForm,
  RequestForm,
} from '../../src/ui/rpc-types';
import { addAdviceDemoClients } from './demo-advice';
import { addHandlingDemoClients } from './demo-handling';
import { addExpectationDemoClients } from './demo-expectations';
import { addReviewDemoClients } from './demo-portfolio';
import { expectOk, type ServerCall } from './demo-calls';
import { seeded, type Random } from './prng';

interface DemoMetric {
  name: string;
  unit: string;
  direction: Direction;
  baseline: number;
  target: number;
  decimals: number;
}

interface DemoClient {
  name: string;
  clientType: ClientType;
  program: string;
  programMonths: number;
  monthlyFee: number;
  monthlyCosts: number;
  monthsAgo: number;
  definitionOfSuccess: string;
  scope: string;
  metrics: DemoMetric[];
  /** How far toward target they get (1 = all the way). */
  success: number;
  satisfaction: number;
  ended?: { monthsAgo: number; reason: string };
  /** Offboarded with the end date still ahead: serving notice, still checked in until then. */
  servingNotice?: { endsInDays: number; noticeDaysAgo: number; reason: string };
  paysLate?: boolean;
  /** Advice (issue 12): hours a month the work takes, a raise some months ago, and how a client is at risk. */
  hoursPerMonth?: number;
  raisedMonthsAgo?: number;
  /** No check-in in the last this many weeks. */
  stoppedWeeksAgo?: number;
  /** Satisfaction 7 a month or two ago, 4 in the last three weeks. */
  satisfactionFalls?: boolean;
}

const m = (
  name: string,
  unit: string,
  direction: Direction,
  baseline: number,
  target: number,
  decimals = 0,
): DemoMetric => ({
  name,
  unit,
  direction,
  baseline,
  target,
  decimals,
});

export const DEMO_CLIENTS: DemoClient[] = [
  {
    name: 'Harbor & Vine Bistro',
    clientType: 'Savvy',
    program: 'Restaurant growth',
    programMonths: 36,
    monthlyFee: 2400,
    monthlyCosts: 650,
    monthsAgo: 30,
    definitionOfSuccess: 'Full on weeknights: 450 covers a week without discounting.',
    scope: 'Monthly strategy call, menu pricing review, Google profile and reviews.',
    metrics: [m('Monthly revenue', '$', 'up', 42000, 60000), m('Covers per week', '', 'up', 310, 450)],
    success: 1.05,
    satisfaction: 8.4,
    hoursPerMonth: 20,
    raisedMonthsAgo: 6,
  },
  {
    name: 'Maya Okafor',
    clientType: 'Micromanager',
    program: 'Strength & health coaching',
    programMonths: 18,
    monthlyFee: 450,
    monthlyCosts: 60,
    monthsAgo: 14,
    definitionOfSuccess: 'Under 80 kg and running 5k without stopping before my sister’s wedding.',
    scope: 'Weekly plan, two check-in calls a month, chat support on weekdays.',
    metrics: [
      m('Weight', 'kg', 'down', 94, 80, 1),
      m('Resting heart rate', 'bpm', 'down', 78, 64),
      m('Workouts per week', '', 'up', 1, 4),
    ],
    success: 0.8,
    satisfaction: 7.6,
    hoursPerMonth: 16, // $450 for 16 hours: about $28 an hour, under the $50 floor
    raisedMonthsAgo: 2,
  },
  {
    name: 'Northline Roofing',
    clientType: 'In the dark',
    program: 'Lead generation',
    programMonths: 24,
    monthlyFee: 1800,
    monthlyCosts: 900,
    monthsAgo: 20,
    definitionOfSuccess: '20 qualified leads a week at under $40 each.',
    scope: 'Search ads, landing pages, monthly report.',
    metrics: [m('Leads per week', '', 'up', 6, 20), m('Cost per lead', '$', 'down', 85, 40)],
    success: 0.7,
    satisfaction: 6.9,
    stoppedWeeksAgo: 5,
  },
  {
    name: 'Priya Raman',
    clientType: 'Laissez-faire',
    program: 'Career change coaching',
    programMonths: 6,
    monthlyFee: 350,
    monthlyCosts: 30,
    monthsAgo: 11,
    definitionOfSuccess: 'An offer for a product manager role by the end of the program.',
    scope: 'Fortnightly session, CV and LinkedIn review.',
    metrics: [m('Applications sent', '', 'up', 2, 10), m('Interviews per month', '', 'up', 0, 4)],
    success: 0.45,
    satisfaction: 7.2,
    ended: { monthsAgo: 3, reason: 'Could not keep up' },
  },
  {
    name: 'Bloom Pediatric Dental',
    clientType: 'Savvy',
    program: 'Patient acquisition',
    programMonths: 48,
    monthlyFee: 3200,
    monthlyCosts: 1100,
    monthsAgo: 36,
    definitionOfSuccess: 'Ten new families a week and 150 five-star Google reviews.',
    scope: 'Ads, review campaign, quarterly workshop for the front desk.',
    metrics: [m('New patients per week', '', 'up', 4, 10), m('Google reviews', '', 'up', 35, 150)],
    success: 1,
    satisfaction: 8.8,
    hoursPerMonth: 24,
    raisedMonthsAgo: 3,
  },
  {
    name: 'Tom Becker',
    clientType: 'Micromanager',
    program: 'Executive coaching',
    programMonths: 6, // ended two months ago, still Active
    monthlyFee: 1500,
    monthlyCosts: 80,
    monthsAgo: 8,
    definitionOfSuccess: 'Three mornings a week of deep work and a team that runs without me on Fridays.',
    scope: 'Weekly session, one 360° review.',
    metrics: [m('Deep work per week', 'h', 'up', 6, 15, 1), m('Team engagement', '', 'up', 62, 80)],
    success: 0.6,
    satisfaction: 7.9,
  },
  {
    name: 'Lumen Yoga Studio',
    clientType: 'Laissez-faire',
    program: 'Membership growth',
    programMonths: 36,
    monthlyFee: 900,
    monthlyCosts: 250,
    monthsAgo: 24,
    definitionOfSuccess: '220 active members and fewer than 4% leaving each month.',
    scope: 'Email and Instagram, monthly call.',
    metrics: [m('Active members', '', 'up', 120, 220), m('Monthly churn', '%', 'down', 9, 4, 1)],
    success: 0.85,
    satisfaction: 8.1,
    hoursPerMonth: 10,
    raisedMonthsAgo: 8,
  },
  {
    name: 'Castillo Accounting',
    clientType: 'In the dark',
    program: 'Operations consulting',
    programMonths: 24,
    monthlyFee: 2000,
    monthlyCosts: 300,
    monthsAgo: 16,
    definitionOfSuccess: 'Invoices out within five days of month end; 75% billable.',
    scope: 'Process mapping, tooling, two workshops.',
    metrics: [m('Billable ratio', '%', 'up', 55, 75), m('Days to invoice', '', 'down', 21, 5)],
    success: 0.75,
    satisfaction: 6.8,
    paysLate: true,
    raisedMonthsAgo: 4,
  },
  {
    name: 'Greta Lind',
    clientType: 'Micromanager',
    program: 'Nutrition coaching',
    programMonths: 6,
    monthlyFee: 300,
    monthlyCosts: 40,
    monthsAgo: 13,
    definitionOfSuccess: 'Body fat under 25% with meals I actually enjoy.',
    scope: 'Meal plans, weekly check-in, chat support.',
    metrics: [m('Body fat', '%', 'down', 31, 24, 1), m('Vegetable servings a day', '', 'up', 1, 5)],
    success: 1,
    satisfaction: 8.6,
    ended: { monthsAgo: 5, reason: 'Program completed' },
  },
  {
    name: 'Redwood Outfitters',
    clientType: 'Savvy',
    program: 'E-commerce conversion',
    programMonths: 12,
    monthlyFee: 2800,
    monthlyCosts: 700,
    monthsAgo: 7,
    definitionOfSuccess: '2.5% conversion and an $80 average order before the holiday season.',
    scope: 'CRO tests, product pages, monthly analytics review.',
    metrics: [m('Conversion rate', '%', 'up', 1.2, 2.5, 2), m('Average order value', '$', 'up', 58, 80)],
    success: 0.55,
    satisfaction: 7.4,
    servingNotice: { endsInDays: 45, noticeDaysAgo: 10, reason: 'Unprofitable' },
    satisfactionFalls: true,
  },
  {
    name: 'Sam Whitaker',
    clientType: 'In the dark',
    program: 'Business coaching',
    programMonths: 12,
    monthlyFee: 600,
    monthlyCosts: 50,
    monthsAgo: 19,
    definitionOfSuccess: '$20k months from a calendar I control.',
    scope: 'Weekly call, sales scripts.',
    metrics: [m('Monthly revenue', '$', 'up', 8000, 20000), m('Sales calls per week', '', 'up', 3, 12)],
    success: 0.35,
    satisfaction: 5.8,
    paysLate: true,
    ended: { monthsAgo: 2, reason: 'Pays late' },
  },
  {
    name: 'Oak & Ember Candles',
    clientType: 'Laissez-faire',
    program: 'Social media',
    programMonths: 6,
    monthlyFee: 700,
    monthlyCosts: 220,
    monthsAgo: 15,
    definitionOfSuccess: '10,000 followers who buy: 4% engagement.',
    scope: 'Three posts a week, monthly report.',
    metrics: [m('Followers', '', 'up', 2400, 10000), m('Engagement rate', '%', 'up', 1.5, 4, 1)],
    success: 0.5,
    satisfaction: 6.5,
    ended: { monthsAgo: 4, reason: 'Found a better service' },
  },
];

const WINS = [
  'Best week since we started',
  'Hit a new high on the main metric',
  'Finished the plan for the month',
  'Great feedback from the team',
  'Closed two new deals',
  'Kept every session this week',
  'Launched the new page',
];
const BLOCKERS = [
  'Travel week',
  'Sick for two days',
  'Waiting on the designer',
  'Busy season at work',
  'Budget on hold',
];
const NOTES = [
  'Wants to review targets next month',
  'Asked about a referral discount',
  'Prefers calls on Tuesdays',
  'Renewal coming up',
];

const REQUESTS: {
  client: string;
  request: string;
  decision: RequestForm['decision'];
  fee: number | null;
  weeksAgo: number;
}[] = [
  {
    client: 'Harbor & Vine Bistro',
    request: 'Design the new brunch menu',
    decision: 'Change order',
    fee: 600,
    weeksAgo: 30,
  },
  {
    client: 'Harbor & Vine Bistro',
    request: 'Train the new host on the booking system',
    decision: 'Open',
    fee: null,
    weeksAgo: 2,
  },
  {
    client: 'Northline Roofing',
    request: 'Build a second landing page for gutters',
    decision: 'Open',
    fee: null,
    weeksAgo: 3,
  },
  {
    client: 'Castillo Accounting',
    request: 'Set up payroll software',
    decision: 'Declined',
    fee: null,
    weeksAgo: 20,
  },
  {
    client: 'Bloom Pediatric Dental',
    request: 'Extra workshop for the new front desk',
    decision: 'Change order',
    fee: 450,
    weeksAgo: 10,
  },
  {
    client: 'Tom Becker',
    request: 'Join the board offsite as a facilitator',
    decision: 'Open',
    fee: null,
    weeksAgo: 1,
  },
  {
    client: 'Lumen Yoga Studio',
    request: 'Write the newsletter for the retreat',
    decision: 'Included in scope',
    fee: null,
    weeksAgo: 6,
  },
];

export interface DemoSummary {
  clients: number;
  checkIns: number;
  payments: number;
  requests: number;
  ended: number;
}

/** Fills an empty workbook through the server's RPCs; `today` is `yyyy-mm-dd`. */
export function buildDemoWorkbook(call: ServerCall, today: string, seed = 20240601): DemoSummary {
  const random = seeded(seed);
  const todayDay = parseIsoDay(today);
  if (todayDay === null) throw new Error(`DEMO_TODAY must be yyyy-mm-dd; got "${today}"`);
  const thisWeek = startOfWeek(todayDay, 1);
  const summary: DemoSummary = { clients: 0, checkIns: 0, payments: 0, requests: 0, ended: 0 };
  const ids = new Map<string, string>();
  call('menuSetUpWorkbook');

  for (const client of DEMO_CLIENTS) {
    const startDay = addMonths(todayDay, -client.monthsAgo) - random.int(0, 9);
    const form: NewClientForm = {
      name: client.name,
      startDate: formatIsoDay(startDay),
      program: client.program,
      programMonths: String(client.programMonths),
      monthlyFee: `$${feeBeforeRaise(client).toLocaleString('en-US')}`,
      yearlyProfit: '',
      monthlyCosts: String(client.monthlyCosts),
      clientType: client.clientType,
      cadenceDays: '',
      definitionOfSuccess: client.definitionOfSuccess,
      scope: client.scope,
      metrics: client.metrics.map((metric) => ({
        name: metric.name,
        unit: metric.unit,
        direction: metric.direction,
        baseline: String(metric.baseline),
        target: String(metric.target),
      })),
    };
    const created = expectOk<ClientSummary>(call('rpcCreateClient', form), `create ${client.name}`);
    ids.set(client.name, created.clientId);
    summary.clients++;

    if (client.raisedMonthsAgo !== undefined) {
      const raise = {
        clientId: created.clientId,
        from: formatIsoDay(addMonths(todayDay, -client.raisedMonthsAgo)),
        monthlyFee: String(client.monthlyFee),
      };
      expectOk(call('rpcRecordRaise', raise), `raise for ${client.name}`);
    }
    if (client.hoursPerMonth !== undefined) {
      const hours = { clientId: created.clientId, hoursPerMonth: String(client.hoursPerMonth) };
      expectOk(call('rpcSetClientHours', hours), `hours for ${client.name}`);
    }
    const endDay = client.ended ? addMonths(todayDay, -client.ended.monthsAgo) : null;
    summary.checkIns += logCheckIns(call, random, client, created.clientId, startDay, endDay, thisWeek);
    summary.payments += logPayments(
      call,
      random,
      client,
      created.clientId,
      startDay,
      endDay ?? todayDay,
      todayDay,
    );
  }

  for (const request of REQUESTS) {
    const clientId = ids.get(request.client);
    if (!clientId) continue;
    const form: RequestForm = {
      clientId,
      date: formatIsoDay(todayDay - request.weeksAgo * 7 - random.int(0, 4)),
      request: request.request,
      decision: request.decision,
      fee: request.fee === null ? '' : String(request.fee),
    };
    expectOk(call('rpcLogRequest', form), `request for ${request.client}`);
    summary.requests++;
  }

  for (const client of DEMO_CLIENTS) {
    if (!client.ended) continue;
    const endDay = addMonths(todayDay, -client.ended.monthsAgo);
    const form: OffboardForm = {
      clientId: ids.get(client.name) as string,
      endDate: formatIsoDay(endDay),
      reason: client.ended.reason,
      noticeDate: formatIsoDay(endDay - random.int(30, 45)),
      endAtPeriodClose: false,
    };
    expectOk(call('rpcOffboardClient', form), `offboard ${client.name}`);
    summary.ended++;
  }
  for (const client of DEMO_CLIENTS) {
    if (!client.servingNotice) continue;
    const { endsInDays, noticeDaysAgo, reason } = client.servingNotice;
    const form: OffboardForm = {
      clientId: ids.get(client.name) as string,
      endDate: formatIsoDay(todayDay + endsInDays),
      reason,
      noticeDate: formatIsoDay(todayDay - noticeDaysAgo),
      endAtPeriodClose: false,
    };
    expectOk(call('rpcOffboardClient', form), `serving notice ${client.name}`);
  }
  summary.clients += addAdviceDemoClients(call, todayDay);
  summary.clients += addHandlingDemoClients(call, todayDay);
  summary.clients += addExpectationDemoClients(call, todayDay);
  summary.clients += addReviewDemoClients(call, todayDay);
  // As a coach would after a week's work: the Dashboard opens on a filled Needs attention list, not on
  // an empty one that reads as "nobody needs attention".
  call('menuRefreshDashboard');
  return summary;
}

/** The fee a client started on: the current one less a raise of about 8%, when they had one. */
function feeBeforeRaise(client: DemoClient): number {
  return client.raisedMonthsAgo === undefined
    ? client.monthlyFee
    : Math.round(client.monthlyFee / 1.08 / 10) * 10;
}

/** The few Spreadsheet calls a coach's own typing needs (the emulator's Spreadsheet provides them). */
interface TypingSpreadsheet {
  getSheetByName(name: string): unknown;
  insertSheet(
    name: string,
    index: number,
  ): {
    getRange(
      row: number,
      column: number,
      rows: number,
      columns: number,
    ): {
      setValues(values: (string | number)[][]): unknown;
    };
  };
  getNumSheets(): number;
}

/** A tab in the layout a coach kept before ClientTabs: a title, then `Date | Revenue | Leads | Notes`. */
export const LEGACY_TAB = 'Tom Becker (old)';
/** A tab of free-form notes: nothing in it reads as a weekly log, so adopting skips it with a reason. */
export const NOTES_TAB = 'Ideas & notes';
/** The coach's own to-do list (due dates, a 1–3 priority): dated numbers, but not a client log. */
export const TODO_TAB = 'My to-do';

/**
 * Typed into the workbook the way a coach would (strings are read as typed input, so dates become
 * dates): two tabs that are not on the roster yet, for "Adopt existing tabs" to find.
 */
export function addLegacyTabs(spreadsheet: TypingSpreadsheet, today: string, seed = 20230901): string[] {
  const random = seeded(seed);
  const todayDay = parseIsoDay(today);
  if (todayDay === null) throw new Error(`DEMO_TODAY must be yyyy-mm-dd; got "${today}"`);
  const added: string[] = [];
  const type = (name: string, rows: (string | number)[][]) => {
    if (spreadsheet.getSheetByName(name)) return;
    const width = Math.max(...rows.map((row) => row.length));
    const block = rows.map((row) => [...row, ...Array<string>(width - row.length).fill('')]);
    spreadsheet
      .insertSheet(name, spreadsheet.getNumSheets())
      .getRange(1, 1, block.length, width)
      .setValues(block);
    added.push(name);
  };

  // Sixteen weeks of the year before Tom joined the roster, on Mondays, one week missed.
  const lastWeek = startOfWeek(addMonths(todayDay, -10), 1);
  const log: (string | number)[][] = [];
  let revenue = 18_500;
  for (let week = lastWeek - 15 * 7, i = 0; week <= lastWeek; week += 7, i++) {
    if (i === 6) continue;
    revenue += Math.round(250 + random.normal() * 600);
    const notes = i === 0 ? 'First week tracked' : i === 9 ? 'Conference, few calls' : '';
    log.push([
      formatIsoDay(week),
      revenue,
      Math.max(0, Math.round(9 + i * 0.4 + random.normal() * 2)),
      notes,
    ]);
  }
  type(LEGACY_TAB, [
    ['Tom Becker: weekly numbers (kept by hand)'],
    [],
    ['Date', 'Revenue', 'Leads', 'Notes'],
    ...log,
  ]);
  type(TODO_TAB, [
    ['Task', 'Due date', 'Priority', 'Done'],
    ['Send invoices', formatIsoDay(todayDay - 3), 2, 'yes'],
    ['Renew coaching insurance', formatIsoDay(todayDay + 9), 1, ''],
    ['Plan the group program', formatIsoDay(todayDay + 20), 3, ''],
  ]);
  type(NOTES_TAB, [
    ['Ideas for the spring'],
    ['Referral discount: one month free for both?'],
    ['Ask Maya whether she would give a testimonial'],
    ['Group program for restaurants, 6 weeks'],
    ['Price review in June'],
  ]);
  return added;
}

function logCheckIns(
  call: ServerCall,
  random: Random,
  client: DemoClient,
  clientId: string,
  startDay: number,
  endDay: number | null,
  thisWeek: number,
): number {
  const firstWeek = startOfWeek(startDay, 1) + 7;
  const lastWeek = endDay === null ? thisWeek : startOfWeek(endDay, 1);
  const every = client.clientType === 'Laissez-faire' ? 3 : 1; // their cadence is three weeks
  const totalWeeks = Math.max(1, (lastWeek - firstWeek) / 7);
  const tau = totalWeeks / 2.5 + 4;
  let satisfaction = client.satisfaction;
  let count = 0;
  for (let week = firstWeek, index = 0; week <= lastWeek; week += 7, index++) {
    if (index % every !== 0) continue;
    // The current week has only started, so the check-in has most of its work left in it.
    if (week === thisWeek && (endDay !== null || random.chance(0.8))) continue;
    if (week !== thisWeek && random.chance(0.06)) continue;
    const weeksIn = (week - firstWeek) / 7;
    const progress = client.success * (1 - Math.exp(-weeksIn / tau));
    const values: Record<string, string> = {};
    for (const metric of client.metrics) {
      const span = metric.target - metric.baseline;
      const value = metric.baseline + span * progress + span * 0.05 * random.normal();
      const floor = Math.max(0, value);
      values[metric.name] = floor.toFixed(metric.decimals);
    }
    const fading = endDay !== null && client.ended?.reason !== 'Program completed' && lastWeek - week < 70;
    satisfaction += (client.satisfaction - satisfaction) * 0.3 + random.normal() * 0.5 - (fading ? 0.35 : 0);
    const weeksLeft = (thisWeek - week) / 7;
    const falling = client.satisfactionFalls && weeksLeft <= 8;
    const score = falling ? (weeksLeft <= 2 ? 4 : 7) : Math.max(1, Math.min(10, Math.round(satisfaction)));
    const entry: CheckInEntry = {
      clientId,
      weekOf: formatIsoDay(week),
      values,
      satisfaction: random.chance(0.9) || falling ? String(score) : '',
      wins: random.chance(0.35) ? random.pick(WINS) : '',
      blockers: random.chance(0.2) ? random.pick(BLOCKERS) : '',
      notes: random.chance(0.1) ? random.pick(NOTES) : '',
    };
    // After the random draws, so the other clients' check-ins stay the same.
    if (client.stoppedWeeksAgo !== undefined && week > thisWeek - client.stoppedWeeksAgo * 7) continue;
    expectOk(call('rpcSaveCheckIn', entry), `check-in ${client.name} ${entry.weekOf}`);
    count++;
  }
  return count;
}

function logPayments(
  call: ServerCall,
  random: Random,
  client: DemoClient,
  clientId: string,
  startDay: number,
  lastDay: number,
  todayDay: number,
): number {
  let count = 0;
  for (let month = 0; ; month++) {
    const due = addMonths(startDay, month);
    if (due > lastDay) break;
    const lateBy = client.paysLate
      ? random.int(6, 28)
      : random.chance(0.1)
        ? random.int(3, 9)
        : random.int(0, 2);
    const paidDay = due + lateBy;
    const form: PaymentForm = {
      clientId,
      due: formatIsoDay(due),
      // A late payer's last two invoices are open, so the older one is past the grace days.
      paid:
        paidDay <= todayDay && !(client.paysLate && addMonths(due, 2) > lastDay) ? formatIsoDay(paidDay) : '',
      amount: String(client.monthlyFee),
      note: lateBy > 14 ? 'Reminder sent' : '',
    };
    if (client.paysLate)
      count += invoiceThenPay(call, form, addMonths(due, 2) > lastDay && addMonths(due, 1) <= lastDay);
    else {
      expectOk(call('rpcRecordPayment', form), `payment ${client.name} ${form.due}`);
      count++;
    }
  }
  return count;
}

/**
 * A late payer's month the way a coach records it: the invoice first, then the payment that settles it on
 * the invoice's own row (paid late, shown once), or, for `partOnly`, half of it (the invoice stays open).
 */
function invoiceThenPay(call: ServerCall, form: PaymentForm, partOnly: boolean): number {
  const invoice: InvoiceForm = {
    clientId: form.clientId,
    due: form.due,
    amount: form.amount,
    note: form.note,
  };
  const made = expectOk<{ row: number }>(
    call('rpcCreateInvoice', invoice),
    `invoice ${form.clientId} ${form.due}`,
  );
  const paid = form.paid || (partOnly ? form.due : '');
  if (!paid) return 1;
  const pay: PayInvoiceForm = {
    clientId: form.clientId,
    row: made.row,
    due: form.due,
    paid: partOnly ? addDaysIso(form.due, 3) : paid,
    amount: partOnly ? String(Number(form.amount) / 2) : form.amount,
    note: '',
  };
  expectOk(call('rpcPayInvoice', pay), `pay ${form.clientId} ${form.due}`);
  return 1;
}

function addDaysIso(iso: string, days: number): string {
  return formatIsoDay((parseIsoDay(iso) as number) + days);
}

/** Today as `yyyy-mm-dd` in UTC (the playground's default clock). */
export function isoToday(): string {
  const { year, month, day } = ymdFromDay(Math.floor(Date.now() / 86_400_000));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
