/**
 * Demo clients that make the portfolio review's two actions visible: one under the rate floor by a raise
 * a client can take (re-price), one who pays every invoice weeks late (let go with notice). Added through
 * the real RPCs after the rest of the demo, with their own seed, so the other clients' numbers stay.
 */
import { addMonths, formatIsoDay, startOfWeek } from '../../src/core/dates';
import {
  createDemoClient,
  expectOk,
  payMonthly,
  saveDemoWeek,
  type DemoClientForm,
  type ServerCall,
} from './demo-calls';
import { seeded } from './prng';

const RECENT_WEEKS = 8;

interface ReviewDemoClient {
  form: DemoClientForm;
  monthsAgo: number;
  hoursPerMonth: number;
  /** Days after the due date each invoice is paid. */
  paidAfter: [number, number];
}

const CLIENTS: ReviewDemoClient[] = [
  {
    // $1,800 for 40 hours a month: $45/h against the $50 floor; $2,000 pays it (+11%).
    form: {
      name: 'Harbor Dental',
      program: 'Patient bookings',
      programMonths: '12',
      monthlyFee: '$1,800',
      monthlyCosts: '400',
      clientType: 'Laissez-faire',
      definitionOfSuccess: 'Forty new patient bookings a month from the website.',
      scope: 'Booking page, local ads, monthly report.',
      metrics: [{ name: 'New bookings', unit: '', direction: 'up', baseline: '12', target: '40' }],
    },
    monthsAgo: 10,
    hoursPerMonth: 40,
    paidAfter: [0, 3],
  },
  {
    // Pays every invoice two to four weeks late: let go at the close of the program period, with notice.
    form: {
      name: 'Quill & Co',
      program: 'Content engine',
      programMonths: '6',
      monthlyFee: '$1,500',
      monthlyCosts: '300',
      clientType: 'Micromanager',
      definitionOfSuccess: 'Eight articles a month that bring in 500 subscribers.',
      scope: 'Editorial calendar, two articles a week.',
      metrics: [{ name: 'Subscribers', unit: '', direction: 'up', baseline: '100', target: '500' }],
    },
    monthsAgo: 8,
    hoursPerMonth: 20,
    paidAfter: [15, 28],
  },
];

/** Adds the review demo clients: weekly check-ins of the last 8 weeks, monthly invoices paid as each one pays. */
export function addReviewDemoClients(call: ServerCall, todayDay: number, seed = 20250401): number {
  const random = seeded(seed);
  const lastWeek = startOfWeek(todayDay, 1);
  for (const client of CLIENTS) {
    const startDay = addMonths(todayDay, -client.monthsAgo);
    const created = createDemoClient(call, client.form, startDay);
    expectOk(
      call('rpcSetClientHours', { clientId: created.clientId, hoursPerMonth: String(client.hoursPerMonth) }),
      `hours for ${client.form.name}`,
    );
    const metric = client.form.metrics[0];
    const [from, to] = [Number(metric.baseline), Number(metric.target)];
    // The last eight weeks only: enough for health (recency, satisfaction, progress), light for the demo's start-up.
    const firstWeek = lastWeek - 7 * (RECENT_WEEKS - 1);
    const weeks = RECENT_WEEKS - 1;
    for (let week = firstWeek, i = 0; week <= lastWeek; week += 7, i++) {
      const value = from + (to - from) * 0.7 * (i / weeks) + (to - from) * 0.02 * random.normal();
      saveDemoWeek(
        call,
        {
          clientId: created.clientId,
          week,
          values: { [metric.name]: Math.max(0, value).toFixed(0) },
          satisfaction: String(random.int(7, 9)),
        },
        `check-in ${client.form.name}`,
      );
    }
    const payer = { clientId: created.clientId, name: client.form.name, amount: client.form.monthlyFee };
    payMonthly(call, payer, startDay, todayDay, (due) => {
      const paid = due + random.int(...client.paidAfter);
      return paid <= todayDay ? formatIsoDay(paid) : '';
    });
  }
  return CLIENTS.length;
}
