/** Reading the Edit client form (src/core/edit-client.ts): renames, additions and removals told apart. */
import { clashesWithLogColumn, parseClientEdit, type EditClientInput } from '../../src/core/edit-client';

const base: EditClientInput = {
  clientId: 'C-0001',
  clientType: 'Savvy',
  cadenceDays: '',
  monthlyFee: '2,000',
  yearlyProfit: '',
  monthlyCosts: '800',
  definitionOfSuccess: 'Double revenue',
  scope: 'Calls',
  metrics: [
    { from: 'Revenue', name: 'Monthly revenue', unit: '$', direction: 'up', baseline: '10', target: '20' },
    { name: 'Leads', unit: '', direction: 'down', baseline: '', target: '' },
    { name: '', unit: '', direction: 'up', baseline: '', target: '' },
  ],
};

test('a row with `from` is that metric (renamed here), one without is new, a blank new row is dropped', () => {
  const parsed = parseClientEdit(base, ['Revenue', 'Cost per lead'], { Savvy: 14 });
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  expect(parsed.value.metrics).toEqual([
    { from: 'Revenue', name: 'Monthly revenue', unit: '$', direction: 'up', baseline: 10, target: 20 },
    { from: null, name: 'Leads', unit: '', direction: 'down', baseline: null, target: null },
  ]);
  expect(parsed.value).toMatchObject({
    cadenceDays: 14,
    monthlyFee: 2000,
    yearlyProfit: 14400,
    clientType: 'Savvy',
  });
});

test('metrics left out stay as they are (null), not "all removed"', () => {
  const parsed = parseClientEdit({ ...base, metrics: undefined }, ['Revenue']);
  expect(parsed.ok && parsed.value.metrics).toBeNull();
});

test.each([
  [
    'a metric the tab no longer has',
    [{ ...base.metrics![0], from: 'Profit' }],
    'metrics.0.name',
    /not a metric of this client any more/,
  ],
  [
    'the same metric twice',
    [base.metrics![0], { ...base.metrics![0], name: 'Other' }],
    'metrics.1.name',
    /listed twice/,
  ],
  [
    'a metric emptied instead of removed',
    [{ ...base.metrics![0], name: ' ' }],
    'metrics.0.name',
    /Name this metric, or remove it/,
  ],
  [
    'a `from` that is not text',
    [{ ...base.metrics![0], from: 7 as unknown as string }],
    'metrics.0.name',
    /not a metric/,
  ],
])('%s is refused on its row', (_label, metrics, field, message) => {
  const parsed = parseClientEdit({ ...base, metrics }, ['Revenue']);
  expect(parsed.ok).toBe(false);
  if (!parsed.ok)
    expect(parsed.errors).toEqual(
      expect.arrayContaining([{ field, message: expect.stringMatching(message) }]),
    );
});

test('the New client rules apply to what both forms share (one parser)', () => {
  const parsed = parseClientEdit({ ...base, monthlyFee: '-1', clientType: 'Boss', cadenceDays: '0' }, [
    'Revenue',
  ]);
  expect(parsed.ok).toBe(false);
  if (!parsed.ok)
    expect(parsed.errors.map((e) => e.field).sort()).toEqual(['cadenceDays', 'clientType', 'monthlyFee']);
});

test("a name taken by another log column clashes, the metric's own column does not", () => {
  const header = ['Week of', 'Revenue', 'Satisfaction (1–10)', 'Calls'];
  expect(clashesWithLogColumn(' calls ', header, null)).toBe(true);
  expect(clashesWithLogColumn('Revenue', header, 'Revenue')).toBe(false);
  expect(clashesWithLogColumn('Leads', header, null)).toBe(false);
});
