/** Every client's metric history for the expectation check (src/workbook/expectations.ts), on the built bundle. */
import { checkExpectation, expectationLines, type MetricRecord } from '../../src/core/expectations';
import { harness, SAMPLE_CLIENT, checkIn, ownDocumentCalls, type Harness } from './helpers';

type R<T = unknown> = { ok: boolean; value: T; message?: string };
type History = { intlLocale: string; records: MetricRecord[] };

/** Acme (cost per lead 29 → 24 over eleven weeks) and Bolt (a "cost-per-lead" in $, reached 26). */
function setUp(): { h: Harness; acme: string; bolt: string } {
  const h = harness();
  h.call('menuSetUpWorkbook');
  const acme = h.call<R<{ clientId: string }>>('rpcCreateClient', SAMPLE_CLIENT).value.clientId;
  const bolt = h.call<R<{ clientId: string }>>('rpcCreateClient', {
    ...SAMPLE_CLIENT,
    name: 'Bolt Ltd',
    startDate: '2024-03-04',
    metrics: [{ name: 'cost-per-lead', unit: '$', direction: 'down', baseline: '40', target: '25' }],
  }).value.clientId;
  for (let i = 0; i < 11; i++) {
    const week = new Date(Date.UTC(2024, 3, 1 + 7 * i)).toISOString().slice(0, 10);
    const values = { Revenue: String(11_000 + 500 * i), 'Cost per lead': String(29 - 0.5 * i) };
    expect(h.call<R>('rpcSaveCheckIn', checkIn(acme, week, { values })).ok).toBe(true);
  }
  for (const [week, value] of [
    ['2024-04-01', '35'],
    ['2024-05-06', '26'],
    ['2024-06-03', '28'],
  ]) {
    const saved = h.call<R>('rpcSaveCheckIn', checkIn(bolt, week, { values: { 'cost-per-lead': value } }));
    expect(saved.ok).toBe(true);
  }
  return { h, acme, bolt };
}

describe('rpcGetMetricHistory', () => {
  test('every client’s metrics with their logged values; the check then warns of a first', () => {
    const { h, acme, bolt } = setUp();
    const history = h.call<History>('rpcGetMetricHistory');
    expect(history.intlLocale).toBe('en-US');
    const cpl = history.records.find((r) => r.clientId === acme && r.name === 'Cost per lead')!;
    expect(cpl).toMatchObject({
      client: 'Acme Co',
      unit: 'USD',
      direction: 'down',
      baseline: 30,
      target: 20,
    });
    expect(cpl.values).toHaveLength(11);
    expect(Math.min(...cpl.values.map((v) => v.value))).toBe(24);
    const boltCpl = history.records.find((r) => r.clientId === bolt)!;
    expect(boltCpl.values.map((v) => v.value)).toEqual([35, 26, 28]);

    // A new client aiming at $20 a lead: Acme's $24 (5 months in) is the best ever.
    const metric = { name: 'CPL', unit: '$', direction: 'down' as const, target: 20 };
    const check = checkExpectation(metric, history.records);
    expect(check).toMatchObject({
      clients: 2,
      best: { value: 24, client: 'Acme Co', months: 5 },
      verdict: 'first',
    });
    expect(expectationLines(metric, check, history.intlLocale).warning).toBe(
      'Your best CPL so far is $24 (Acme Co, 5 months). $20 would be a first: say so now, or set a ' +
        'target you can beat.',
    );
    // Editing Acme itself: only Bolt's $26 compares.
    expect(checkExpectation({ ...metric, clientId: acme }, history.records).best?.client).toBe('Bolt Ltd');
  });

  test('ended clients are history too; a renamed tab is still read; the read writes nothing', () => {
    const { h, acme } = setUp();
    const roster = h.sheet('Clients');
    const status = roster.getRange('C2');
    status.setValue('Ended');
    roster.getRange('F2').setValue(new Date(2024, 5, 11));
    h.sheet('Acme Co').setName('Acme (old)');
    const before = h.snapshot();
    const props = JSON.stringify([...h.emu.properties.document.entries()].sort());
    const history = h.call<History>('rpcGetMetricHistory');
    expect(history.records.filter((r) => r.clientId === acme).map((r) => r.values.length)).toEqual([11, 11]);
    expect(h.snapshot()).toEqual(before);
    expect(JSON.stringify([...h.emu.properties.document.entries()].sort())).toBe(props);
  });

  test('its cost: the client list’s reads plus one getValues per client tab', () => {
    const { h } = setUp();
    const calls = (name: string) => {
      const before = ownDocumentCalls(h);
      h.call(name);
      return ownDocumentCalls(h) - before;
    };
    const list = calls('rpcListClients');
    expect(calls('rpcGetMetricHistory')).toBe(list + 2);
  });

  test('a workbook that is not set up has no history', () => {
    const h = harness();
    expect(h.call<History>('rpcGetMetricHistory').records).toEqual([]);
  });
});
