/**
 * What every demo builder shares: the server call it is given, the check that an RPC answered ok, and the
 * RPCs a demo client goes through (created, a week logged, its monthly invoices paid). The builders keep
 * their own numbers and random draws; these only send them.
 */
import { addMonths, formatIsoDay } from '../../src/core/dates';
import type { ClientSummary, NewClientForm, Result } from '../../src/ui/rpc-types';

/** A server function called by name, as google.script.run does. */
export type ServerCall = (name: string, ...args: unknown[]) => unknown;

/** A New client form without the fields a demo fills itself: the start date, and the two left blank. */
export type DemoClientForm = Omit<NewClientForm, 'startDate' | 'yearlyProfit' | 'cadenceDays'>;

/** The answer's value; a failed or unexpected answer stops the demo, naming `what` and the fields. */
export function expectOk<T>(answer: unknown, what: string): T {
  const result = answer as Result<T>;
  if (!result || typeof result !== 'object' || !('ok' in result))
    throw new Error(`demo: ${what}: unexpected answer`);
  if (!result.ok) {
    const details = result.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    throw new Error(`demo: ${what}: ${result.message}${details ? ` (${details})` : ''}`);
  }
  return result.value;
}

/** Creates a client that started on `startDay`, with no yearly profit and the type's cadence. */
export function createDemoClient(call: ServerCall, form: DemoClientForm, startDay: number): ClientSummary {
  return expectOk<ClientSummary>(
    call('rpcCreateClient', {
      ...form,
      startDate: formatIsoDay(startDay),
      yearlyProfit: '',
      cadenceDays: '',
    }),
    `create ${form.name}`,
  );
}

/** One week's check-in: the metrics' values and satisfaction as typed, no blockers or notes. */
export interface DemoWeek {
  clientId: string;
  week: number;
  values: Record<string, string>;
  satisfaction: string;
  wins?: string;
}

export function saveDemoWeek(call: ServerCall, week: DemoWeek, what: string): void {
  const { clientId, values, satisfaction, wins } = week;
  expectOk(
    call('rpcSaveCheckIn', {
      clientId,
      weekOf: formatIsoDay(week.week),
      values,
      satisfaction,
      wins: wins ?? '',
      blockers: '',
      notes: '',
    }),
    what,
  );
}

/**
 * A payment of `amount` for every month from `startDay` to `todayDay`; `paidOn(due)` is the paid date
 * (`yyyy-mm-dd`, or '' while it is open), drawn in month order so a builder's random sequence stays its own.
 */
export function payMonthly(
  call: ServerCall,
  client: { clientId: string; name: string; amount: string },
  startDay: number,
  todayDay: number,
  paidOn: (due: number) => string,
): void {
  for (let month = 0; addMonths(startDay, month) <= todayDay; month++) {
    const due = addMonths(startDay, month);
    expectOk(
      call('rpcRecordPayment', {
        clientId: client.clientId,
        due: formatIsoDay(due),
        paid: paidOn(due),
        amount: client.amount,
        note: '',
      }),
      `payment ${client.name}`,
    );
  }
}
