/**
 * Demo clients that make the card's advice visible: one past every target in good health (growth: "time
 * to offer the next step"), one who went silent after good progress (triage: found a better service),
 * one whose satisfaction fell (triage: unhappy with the experience). Added through the real RPCs after
 * the rest of the demo, with their own seed, so the other clients' numbers do not change.
 */
import { addMonths, formatIsoDay, startOfWeek } from '../../src/core/dates';
import {
  createDemoClient,
  payMonthly,
  saveDemoWeek,
  type DemoClientForm,
  type ServerCall,
} from './demo-calls';
import { seeded } from './prng';

export interface AdviceDemoClient {
  form: DemoClientForm;
  monthsAgo: number;
  /** Each metric's value over the weeks, from `from` (first week) to `to` (this week). */
  path: { from: number; to: number; decimals: number }[];
  /** Satisfaction per week; the last entries are the latest weeks. */
  satisfaction: (weeksLeft: number) => number;
  /** No check-in in this many most recent weeks. */
  quietWeeks: number;
  wins: string[];
}

const CLIENTS: AdviceDemoClient[] = [
  {
    form: {
      name: 'Fern & Finch Florists',
      program: 'Online orders',
      programMonths: '12',
      monthlyFee: '$1,200',
      monthlyCosts: '300',
      clientType: 'Savvy',
      definitionOfSuccess: '80 online orders a week at a $45 average basket, without weekend work.',
      scope: 'Shop setup, email flows, monthly review.',
      metrics: [
        { name: 'Orders per week', unit: '', direction: 'up', baseline: '40', target: '80' },
        { name: 'Average basket', unit: '$', direction: 'up', baseline: '35', target: '45' },
      ],
    },
    monthsAgo: 9,
    path: [
      { from: 41, to: 88, decimals: 0 },
      { from: 35, to: 47.5, decimals: 2 },
    ],
    satisfaction: () => 9,
    quietWeeks: 0,
    wins: ['Record Valentine’s week', 'Wedding order from the website', 'First 80-order week'],
  },
  {
    form: {
      name: 'Diego Alvarez',
      program: 'Sales coaching',
      programMonths: '9',
      monthlyFee: '$800',
      monthlyCosts: '60',
      clientType: 'Micromanager',
      definitionOfSuccess: '$12k months from ten sales calls a week.',
      scope: 'Weekly call, script reviews.',
      metrics: [
        { name: 'Sales calls per week', unit: '', direction: 'up', baseline: '2', target: '10' },
        { name: 'Monthly revenue', unit: '$', direction: 'up', baseline: '5000', target: '12000' },
      ],
    },
    monthsAgo: 7,
    path: [
      { from: 2, to: 9, decimals: 0 },
      { from: 5000, to: 11000, decimals: 0 },
    ],
    satisfaction: () => 8,
    quietWeeks: 5,
    wins: ['Closed the biggest deal so far', 'Ten calls in one week'],
  },
  {
    form: {
      name: 'Nina Patel',
      program: 'Practice growth',
      programMonths: '6',
      monthlyFee: '$950',
      monthlyCosts: '150',
      clientType: 'In the dark',
      definitionOfSuccess: 'Twenty new leads a week for the clinic.',
      scope: 'Local ads, landing page, monthly report.',
      metrics: [{ name: 'Leads per week', unit: '', direction: 'up', baseline: '5', target: '20' }],
    },
    monthsAgo: 5,
    path: [{ from: 5, to: 11, decimals: 0 }],
    satisfaction: (weeksLeft) => [4, 5, 6][weeksLeft] ?? 8,
    quietWeeks: 0,
    wins: ['Landing page live'],
  },
];

/** Adds the advice demo clients: weekly check-ins to this week, monthly payments made on time. */
export function addAdviceDemoClients(
  call: ServerCall,
  todayDay: number,
  seed = 20250301,
  clients: readonly AdviceDemoClient[] = CLIENTS,
): number {
  const random = seeded(seed);
  const lastWeek = startOfWeek(todayDay, 1);
  for (const client of clients) {
    const startDay = addMonths(todayDay, -client.monthsAgo);
    const created = createDemoClient(call, client.form, startDay);
    const firstWeek = startOfWeek(startDay, 1) + 7;
    const weeks = Math.round((lastWeek - firstWeek) / 7);
    for (let week = firstWeek, i = 0; week <= lastWeek - 7 * client.quietWeeks; week += 7, i++) {
      const share = 1 - Math.exp((-3 * i) / weeks);
      const values: Record<string, string> = {};
      client.form.metrics.forEach((metric, m) => {
        const { from, to, decimals } = client.path[m];
        const value =
          from + (to - from) * (share / (1 - Math.exp(-3))) + (to - from) * 0.02 * random.normal();
        values[metric.name] = Math.max(0, value).toFixed(decimals);
      });
      const weeksLeft = (lastWeek - week) / 7;
      saveDemoWeek(
        call,
        {
          clientId: created.clientId,
          week,
          values,
          satisfaction: String(client.satisfaction(weeksLeft)),
          wins: i % 6 === 3 ? client.wins[((i / 6) % client.wins.length) | 0] : '',
        },
        `check-in ${client.form.name}`,
      );
    }
    const payer = { clientId: created.clientId, name: client.form.name, amount: client.form.monthlyFee };
    payMonthly(call, payer, startDay, todayDay, (due) =>
      formatIsoDay(Math.min(todayDay, due + random.int(0, 3))),
    );
  }
  return clients.length;
}
