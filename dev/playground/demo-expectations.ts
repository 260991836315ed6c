/**
 * Demo history for the expectation check (issue 14 §1): a past lead-generation client whose best cost
 * per lead was $30, 14 months in, and a new one whose target of $20 would be a first, so the card, the
 * progress report and the New client form show "beyond anything achieved before". Added through the real
 * RPCs after the rest of the demo, with their own seed, so the other clients' numbers do not change.
 */
import { addMonths, formatIsoDay, startOfWeek } from '../../src/core/dates';
import { createDemoClient, expectOk, saveDemoWeek, type ServerCall } from './demo-calls';
import { seeded } from './prng';

const LEADS = { name: 'Cost per lead', unit: '$', direction: 'down' as const };

/** Adds the two clients; returns how many. */
export function addExpectationDemoClients(call: ServerCall, todayDay: number, seed = 20250314): number {
  const random = seeded(seed);
  const create = (name: string, startDay: number, baseline: number, target: number) =>
    createDemoClient(
      call,
      {
        name,
        program: 'Lead generation',
        programMonths: '18',
        monthlyFee: '1,500',
        monthlyCosts: '700',
        clientType: 'In the dark',
        definitionOfSuccess: `Leads at $${target} each, steady enough to hire a second crew.`,
        scope: 'Search ads, landing pages, monthly report.',
        metrics: [{ ...LEADS, baseline: String(baseline), target: String(target) }],
      },
      startDay,
    ).clientId;
  const log = (clientId: string, startDay: number, lastWeek: number, cost: (month: number) => number) => {
    for (let week = startOfWeek(startDay, 1) + 7; week <= lastWeek; week += 7) {
      const month = (week - startDay) / 30.44;
      const value = cost(month) + (month > 13.5 && month < 14.5 ? 0 : random.normal() * 0.4);
      saveDemoWeek(
        call,
        { clientId, week, values: { [LEADS.name]: value.toFixed(2) }, satisfaction: '8' },
        `check-in ${clientId}`,
      );
    }
  };

  // Summit Plumbing (ended 4 months ago): $72 → its best, $30, 14 months in, then back above $31.
  const summitStart = addMonths(todayDay, -22);
  const summitEnd = addMonths(todayDay, -4);
  const summit = create('Summit Plumbing', summitStart, 72, 35);
  log(summit, summitStart, startOfWeek(summitEnd, 1), (month) =>
    month < 14 ? 72 - (42 * month) / 14 + 1.5 : month < 14.5 ? 30 : 31.5 + (month - 14) * 0.2,
  );
  expectOk(
    call('rpcOffboardClient', {
      clientId: summit,
      endDate: formatIsoDay(summitEnd),
      reason: 'Program completed',
      noticeDate: formatIsoDay(summitEnd - 35),
      endAtPeriodClose: false,
    }),
    'offboard Summit Plumbing',
  );

  // Bright Path Solar (2 months in): target $20 a lead, beyond anything achieved before.
  const brightStart = addMonths(todayDay, -2);
  const bright = create('Bright Path Solar', brightStart, 64, 20);
  log(bright, brightStart, startOfWeek(todayDay, 1), (month) => 64 - 5 * month + 2);
  return 2;
}
