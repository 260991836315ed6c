/** The expectation check (src/core/expectations.ts): matching metrics, best ever, median, reached, verdicts. */
import { dayFromYmd } from '../../src/core/dates';
import {
  beyondBestNotes,
  checkExpectation,
  expectationLines,
  metricKey,
  sameMetricName,
  unitKey,
  type MetricRecord,
} from '../../src/core/expectations';

const START = dayFromYmd(2023, 1, 1) as number;
const month = (n: number) => START + Math.round(n * 30.44);

function record(
  clientId: string,
  client: string,
  points: [number, number][],
  overrides: Partial<MetricRecord> = {},
): MetricRecord {
  return {
    clientId,
    client,
    name: 'Cost per lead',
    unit: '$',
    direction: 'down',
    baseline: 60,
    target: 25,
    startDay: START,
    values: points.map(([m, value]) => ({ day: month(m), value })),
    ...overrides,
  };
}

// Acme reached $30 after 14 months (its best); Bolt $40 at 6; Cora $35 at 9 then worse again.
const HISTORY: MetricRecord[] = [
  record('C-1', 'Acme', [
    [2, 50],
    [8, 38],
    [14, 30],
    [16, 33],
  ]),
  record('C-2', 'Bolt', [
    [3, 45],
    [6, 40],
  ]),
  record(
    'C-3',
    'Cora',
    [
      [4, 42],
      [9, 35],
      [11, 39],
    ],
    { name: 'cost-per-lead' },
  ),
];
const CPL = { name: 'Cost per lead', unit: '$', direction: 'down' as const };

describe('matching a metric to earlier ones', () => {
  test('case, spacing, punctuation and plural -s are set aside', () => {
    expect(metricKey('  Cost-per-Leads ')).toBe('cost per lead');
    expect(sameMetricName('Cost per lead', 'cost  per lead.')).toBe(true);
    expect(sameMetricName('Sales calls', 'sales call')).toBe(true);
    expect(sameMetricName('Business', 'busines')).toBe(false); // "ss" is not a plural
  });

  test('initials match the name they abbreviate, and nothing else', () => {
    expect(sameMetricName('CPL', 'Cost per lead')).toBe(true);
    expect(sameMetricName('cost per lead', 'cpl')).toBe(true);
    expect(sameMetricName('CPL', 'Cost per launch')).toBe(true);
    expect(sameMetricName('CPA', 'Cost per lead')).toBe(false);
    expect(sameMetricName('Revenue', 'Monthly revenue')).toBe(false);
  });

  test('units: USD is $, percent is %, otherwise equal after case and spacing', () => {
    expect(unitKey('USD')).toBe('$');
    expect(unitKey(' Percent ')).toBe('%');
    expect(unitKey('KG')).toBe('kg');
    const inEuros = checkExpectation({ ...CPL, unit: '€', target: 20 }, HISTORY);
    expect(inEuros.verdict).toBe('no-history');
  });

  test('a metric going the other way is a different goal', () => {
    const up = checkExpectation({ ...CPL, direction: 'up', target: 20 }, HISTORY);
    expect(up.clients).toBe(0);
  });
});

describe('checkExpectation', () => {
  test('a target beyond the best ever is a first, with the issue’s warning', () => {
    const check = checkExpectation({ ...CPL, clientId: 'C-9', target: 20 }, HISTORY);
    expect(check.best).toEqual({ value: 30, client: 'Acme', clientId: 'C-1', months: 14 });
    expect(check.median).toBe(35); // bests 30, 40, 35
    expect(check.reached).toEqual({ count: 0, medianMonths: null });
    expect(check.verdict).toBe('first');
    const lines = expectationLines({ ...CPL, target: 20 }, check, 'en-US');
    expect(lines.warning).toBe(
      'Your best cost per lead so far is $30 (Acme, 14 months). $20 would be a first: say so now, or ' +
        'set a target you can beat.',
    );
    expect(lines.summary).toBe('Median $35 · 0 of 3 reached $20.');
  });

  test('a target exactly at the best is not a first', () => {
    const check = checkExpectation({ ...CPL, target: 30 }, HISTORY);
    expect(check.verdict).toBe('at-best');
    expect(check.reached).toEqual({ count: 1, medianMonths: 14 });
    expect(expectationLines({ ...CPL, target: 30 }, check, 'en-US').warning).toBeNull();
  });

  test('a reachable target counts who reached it and how long it took them', () => {
    const check = checkExpectation({ ...CPL, target: 40 }, HISTORY);
    expect(check.verdict).toBe('within');
    // Acme first reached ≤ $40 at 8 months, Bolt at 6, Cora at 9.
    expect(check.reached).toEqual({ count: 3, medianMonths: 8 });
    expect(expectationLines({ ...CPL, target: 40 }, check, 'en-US').summary).toBe(
      'Best so far $30 (Acme, 14 months) · median $35 · 3 of 3 reached $40, in a median 8 months.',
    );
  });

  test('an "up" metric: the best is the highest, a higher target is the first', () => {
    const revenue = (id: string, name: string, points: [number, number][]) =>
      record(id, name, points, { name: 'Monthly revenue', direction: 'up', baseline: 5000, target: 10000 });
    const history = [
      revenue('C-1', 'Acme', [
        [3, 7000],
        [6, 12000],
      ]),
      revenue('C-2', 'Bolt', [[5, 9000]]),
    ];
    const metric = { name: 'monthly revenues', unit: 'USD', direction: 'up' as const };
    expect(checkExpectation({ ...metric, target: 15000 }, history)).toMatchObject({
      best: { value: 12000, client: 'Acme', months: 6 },
      median: 10500,
      verdict: 'first',
    });
    expect(checkExpectation({ ...metric, target: 9000 }, history).reached).toEqual({
      count: 2,
      medianMonths: 6,
    }); // 5 and 6, whole
  });

  test('a metric with no history says so and warns of nothing', () => {
    const check = checkExpectation({ name: 'Referrals', unit: '', direction: 'up', target: 5 }, HISTORY);
    expect(check).toMatchObject({ clients: 0, best: null, median: null, verdict: 'no-history' });
    expect(
      expectationLines({ name: 'Referrals', unit: '', direction: 'up', target: 5 }, check, 'en-US'),
    ).toEqual({
      warning: null,
      summary: 'No earlier client has a referrals logged to compare with.',
    });
  });

  test('a name that matches two metrics of one client counts that client once, with the better of the two', () => {
    const history = [
      ...HISTORY,
      record('C-4', 'Dune', [[5, 44]], { name: 'CPL' }),
      record('C-4', 'Dune', [[7, 28]], { name: 'Cost per leads' }),
    ];
    const check = checkExpectation({ ...CPL, target: 20 }, history);
    expect(check.clients).toBe(4);
    expect(check.best).toMatchObject({ value: 28, client: 'Dune', months: 7 });
  });

  test('ended clients count; the client itself does not', () => {
    // Acme may have ended long ago: its record still counts (the history has no status filter).
    const own = record('C-9', 'Self', [[1, 10]]);
    const check = checkExpectation({ ...CPL, clientId: 'C-9', target: 20 }, [...HISTORY, own]);
    expect(check.best?.client).toBe('Acme');
    expect(check.verdict).toBe('first');
    // Without a client ID (a new client) every record counts.
    expect(checkExpectation({ ...CPL, target: 20 }, [...HISTORY, own]).verdict).toBe('within');
  });

  test('no target: the numbers, no verdict', () => {
    const check = checkExpectation({ ...CPL, target: null }, HISTORY);
    expect(check.verdict).toBe('no-target');
    expect(check.reached).toBeNull();
    expect(check.best?.value).toBe(30);
  });

  test('a client with the metric but nothing logged is not an achievement', () => {
    const check = checkExpectation({ ...CPL, target: 20 }, [record('C-5', 'Echo', [])]);
    expect(check.verdict).toBe('no-history');
  });
});

describe('beyondBestNotes (card and report)', () => {
  test('one note per metric whose target is beyond the best, in the locale', () => {
    const metrics = [
      { name: 'Cost per lead', unit: '$', direction: 'down' as const, target: 20 },
      { name: 'Cost per lead', unit: '$', direction: 'down' as const, target: 40 },
      { name: 'Referrals', unit: '', direction: 'up' as const, target: 3 },
    ];
    expect(beyondBestNotes('C-9', metrics, HISTORY, 'de-DE')).toEqual([
      'Target set beyond anything achieved before: Cost per lead $20; the best so far is $30 (Acme, 14 months).',
    ]);
  });
});
