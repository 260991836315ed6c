/**
 * A demo client that makes the handling advice by client type visible: a laissez-faire client silent for
 * four weeks, so the card and the check-in say "Call this week: no reply in 4 weeks". Added after the rest
 * of the demo with its own seed, so the other clients' numbers do not change.
 */
import { addAdviceDemoClients, type AdviceDemoClient } from './demo-advice';
import type { ServerCall } from './demo-calls';

const SILENT_LAISSEZ_FAIRE: AdviceDemoClient = {
  form: {
    name: 'Willow Creek Pottery',
    program: 'Wholesale growth',
    programMonths: '12',
    monthlyFee: '$600',
    monthlyCosts: '90',
    clientType: 'Laissez-faire',
    definitionOfSuccess: 'Twelve shops stocking our mugs, reordering every quarter.',
    scope: 'Wholesale outreach, line sheet, a call every few weeks.',
    metrics: [{ name: 'Shops stocking', unit: '', direction: 'up', baseline: '3', target: '12' }],
  },
  // Short, so building the demo (which every browser test waits for) stays quick.
  monthsAgo: 3,
  path: [{ from: 3, to: 6, decimals: 0 }],
  satisfaction: () => 8,
  quietWeeks: 4,
  wins: ['Second shop reordered'],
};

export function addHandlingDemoClients(call: ServerCall, todayDay: number): number {
  return addAdviceDemoClients(call, todayDay, 20250314, [SILENT_LAISSEZ_FAIRE]);
}
