import { mergeField, readOpened, rebaseMetrics, type FormMetric } from '../../src/core/edit-merge';
import type { MetricSpec } from '../../src/core/client-tab';

const revenue: MetricSpec = { name: 'Revenue', unit: '$', direction: 'up', baseline: 12000, target: 20000 };
const leads: MetricSpec = { name: 'Leads', unit: '', direction: 'up', baseline: 40, target: 80 };
const row = (spec: MetricSpec, change: Partial<FormMetric> = {}): FormMetric => ({
  from: spec.name,
  name: spec.name,
  unit: spec.unit,
  direction: spec.direction,
  baseline: spec.baseline === null ? '' : String(spec.baseline),
  target: spec.target === null ? '' : String(spec.target),
  ...change,
});
const names = (rows: FormMetric[]) => rows.map((r) => `${r.from ?? '+'}→${r.name}`);

describe('mergeField: mine as saved, what both opened, theirs now', () => {
  test.each([
    ['I left it: theirs stays', 2000, 2000, 2500, { ok: true, value: 2500 }],
    ['I changed it, they did not: mine', 3000, 2000, 2000, { ok: true, value: 3000 }],
    ['we both changed it the same way', 3000, 2000, 3000, { ok: true, value: 3000 }],
    ['we both changed it two ways: refused', 3000, 2000, 2500, { ok: false }],
  ])('%s', (_, mine, opened, theirs, expected) => {
    expect(mergeField(mine, opened, theirs)).toEqual(expected);
  });
});

describe('rebaseMetrics: the form rows on top of the tab as it is now', () => {
  test('nobody saved since: the form rows, untouched', () => {
    const rows = [row(revenue, { name: 'Sales' })];
    expect(rebaseMetrics(rows, [revenue], [revenue], 'en_US')).toEqual({ ok: true, value: rows });
  });

  test('a metric added by the other is kept; my rename applies', () => {
    const rebased = rebaseMetrics([row(revenue, { name: 'Sales' })], [revenue], [revenue, leads], 'en_US');
    expect(rebased.ok && names(rebased.value)).toEqual(['Revenue→Sales', 'Leads→Leads']);
  });

  test('their new target stays when I left the metric alone, and I add one of mine', () => {
    const theirs = { ...revenue, target: 25000 };
    const mine = { from: '', name: 'Calls', unit: '', direction: 'up', baseline: '', target: '' };
    const rebased = rebaseMetrics([row(revenue), mine], [revenue], [theirs], 'en_US');
    expect(rebased.ok && rebased.value.map((r) => [r.name, r.target])).toEqual([
      ['Revenue', '25000'],
      ['Calls', ''],
    ]);
  });

  test('their numbers come back typed in the spreadsheet locale', () => {
    const theirs = { ...revenue, target: 25000.5 };
    const rebased = rebaseMetrics(
      [row(revenue, { baseline: '12000', target: '20000' })],
      [revenue],
      [theirs],
      'de_DE',
    );
    expect(rebased.ok && rebased.value[0].target).toBe('25000,5');
  });

  test('a metric they renamed that I left alone goes by its new name', () => {
    const renamed = { ...revenue, name: 'Sales' };
    const rebased = rebaseMetrics([row(revenue), row(leads)], [revenue, leads], [renamed, leads], 'en_US');
    expect(rebased.ok && names(rebased.value)).toEqual(['Sales→Sales', 'Leads→Leads']);
  });

  test('my removal applies to a metric they did not touch', () => {
    const rebased = rebaseMetrics(
      [row(revenue)],
      [revenue, leads],
      [revenue, leads, { ...leads, name: 'X' }],
      'en_US',
    );
    expect(rebased.ok && names(rebased.value)).toEqual(['Revenue→Revenue', 'X→X']);
  });

  test.each([
    ['both changed its target', [row(revenue, { target: '30000' })], [{ ...revenue, target: 25000 }]],
    ['I changed what they renamed', [row(revenue, { target: '30000' })], [{ ...revenue, name: 'Sales' }]],
    ['I removed what they changed', [] as FormMetric[], [{ ...revenue, target: 25000 }]],
  ])('refused, naming the metric: %s', (_, rows, current) => {
    const rebased = rebaseMetrics(rows, [revenue], current, 'en_US');
    expect(rebased.ok).toBe(false);
    expect(!rebased.ok && rebased.errors[0].message).toBe(
      '"Revenue" was changed by someone else since you opened this form: reopen Edit client.',
    );
  });

  test('a row naming a metric the form did not open with, or one listed twice, is refused', () => {
    const current = [revenue, leads];
    expect(rebaseMetrics([row(revenue), row(leads)], [revenue], current, 'en_US')).toEqual({
      ok: false,
      errors: [{ field: 'metrics.1.name', message: '"Leads" was not in this form when it opened.' }],
    });
    const twice = rebaseMetrics([row(revenue), row(revenue)], [revenue], current, 'en_US');
    expect(!twice.ok && twice.errors[0]).toEqual({
      field: 'metrics.1.name',
      message: '"Revenue" is listed twice.',
    });
  });
});

describe('readOpened: what the form says it opened with', () => {
  const opened = {
    clientType: 'Savvy',
    cadenceDays: 14,
    monthlyFee: 2000,
    yearlyProfit: null,
    definitionOfSuccess: 'Revenue doubles',
    scope: 'Ads',
    metrics: [revenue],
    clientId: 'C-0001',
  };
  test('the answer of rpcGetClientEdit reads back', () => {
    expect(readOpened(opened)).toEqual({ ...opened, clientId: undefined });
  });
  test.each([
    ['nothing', null],
    ['text', 'opened'],
    ['a fee as text', { ...opened, monthlyFee: '2000' }],
    ['metrics as text', { ...opened, metrics: 'Revenue' }],
    ['a metric with a sideways direction', { ...opened, metrics: [{ ...revenue, direction: 'left' }] }],
    ['a target of Infinity', { ...opened, metrics: [{ ...revenue, target: Infinity }] }],
  ])('%s is not a form that opened', (_, raw) => {
    expect(readOpened(raw)).toBeNull();
  });
});
