import {
  contentProblem,
  farFromPrevious,
  findWeekRow,
  metricUnitConflict,
  metricWarning,
  parseCheckIn,
  parseMetricValue,
  planCheckIn,
  unitKind,
} from '../../src/core/checkin';
import { parseClientTab } from '../../src/core/client-tab';
import { parseIsoDay } from '../../src/core/dates';
import { parseTypedNumber } from '../../src/core/parse';

const day = (iso: string) => parseIsoDay(iso) as number;
const readDay = (v: unknown) => (typeof v === 'string' ? parseIsoDay(v) : null);

describe('a number typed in a form follows the spreadsheet locale and nothing else', () => {
  test.each([
    ['1,250', 'en_US', 1250],
    ['12.5', 'en_US', 12.5],
    ['1,234.5', 'en_US', 1234.5],
    ['$12,400', 'en_US', 12400],
    ['1.250', 'de_DE', 1250],
    ['12,5', 'de_DE', 12.5],
    ['1.234,5', 'de_DE', 1234.5],
    ['1 234,5', 'fr_FR', 1234.5],
  ])('%s in %s is %s', (typed, locale, value) => {
    expect(parseTypedNumber(typed, locale)?.value).toBe(value);
  });

  test.each([
    ['12,5', 'en_US'],
    ['1,25', 'en_US'],
    ['1.234,5', 'en_US'],
    ['0,250', 'en_US'],
    ['12.5', 'de_DE'],
    ['1,234.5', 'de_DE'],
  ])('%s is ambiguous in %s: refused', (typed, locale) => {
    expect(parseTypedNumber(typed, locale)).toBeNull();
    expect(parseMetricValue(typed, '', locale)).toBeNull();
  });
});

describe('units', () => {
  test('4.2% in a % metric is 4.2, 12% in a USD metric is 12 (after a confirmation), 3% with no unit is 0.03', () => {
    expect(parseMetricValue('4.2%', '%')).toBe(4.2);
    expect(parseMetricValue('3%', '')).toBe(0.03);
    expect(metricUnitConflict('3%', { name: 'Conversion %', unit: '' })).toBeNull();
    expect(parseMetricValue('12%', 'USD')).toBe(12);
    expect(parseMetricValue('$12,400', '%')).toBe(12400);
  });

  test('unit kinds', () => {
    expect(['%', 'USD', '$', '€', 'kg', ''].map(unitKind)).toEqual([
      'percent',
      'money',
      'money',
      'money',
      'other',
      'none',
    ]);
  });

  test('money in a percent metric and a percentage in a money metric ask for a confirmation', () => {
    const rate = { name: 'Close rate', unit: '%' };
    const revenue = { name: 'Revenue', unit: 'USD' };
    expect(metricUnitConflict('$12,400', rate)).toBe(
      '"$12,400" is money, but Close rate is in %: press Enter again to save 12400, or correct it.',
    );
    expect(metricUnitConflict('12%', revenue)).toMatch(/"12%" is a percentage, but Revenue is in USD/);
    expect(metricUnitConflict('12%', { name: 'Weight', unit: 'kg' })).toMatch(/is a percentage/);
    expect(metricUnitConflict('$5', { name: 'Weight', unit: 'kg' })).toMatch(/is money/);
    for (const [typed, metric] of [
      ['4.2%', rate],
      ['4.2', rate],
      ['$12,400', revenue],
      ['12,400 USD', revenue],
      ['12400', revenue],
      ['$50', { name: 'Spend', unit: '' }],
    ] as const)
      expect(metricUnitConflict(typed, metric)).toBeNull();
  });
});

describe('a value far from the previous check-in asks for a confirmation', () => {
  test('3 times or a third of the previous value, either way', () => {
    expect(farFromPrevious('Revenue', 2040, 199)).toBe(
      "Revenue: 2040 is 3 times or more the previous check-in's 199: press Enter again to save it, or correct it.",
    );
    expect(farFromPrevious('Revenue', 19.9, 199)).toMatch(/1\/3 or less of the previous check-in's 199/);
    expect(farFromPrevious('Revenue', 597, 199)).toMatch(/3 times or more/);
    expect(farFromPrevious('Revenue', 596, 199)).toBeNull();
    expect(farFromPrevious('Revenue', 67, 199)).toBeNull();
    expect(farFromPrevious('Revenue', 2040, null)).toBeNull();
    expect(farFromPrevious('Revenue', 5, 0)).toBeNull();
    expect(farFromPrevious('Margin', -5, 5)).toBeNull();
  });

  test('the unit conflict is named first', () => {
    expect(metricWarning('12%', { name: 'Revenue', unit: 'USD' }, 12000)).toMatch(/is a percentage/);
    expect(metricWarning('2040', { name: 'Revenue', unit: 'USD' }, 199)).toMatch(/3 times or more/);
    expect(metricWarning('abc', { name: 'Revenue', unit: 'USD' }, 199)).toBeNull();
  });
});

describe('an empty check-in', () => {
  const nothing = { measured: false, written: false, noContact: false };
  test('is refused unless the week is marked no contact', () => {
    expect(contentProblem(nothing, true)).toEqual({
      field: 'noContact',
      message:
        'Nothing to save: type at least one metric or the satisfaction, or tick "No contact this week".',
    });
    expect(contentProblem({ ...nothing, written: true }, true)?.field).toBe('noContact');
    expect(contentProblem({ ...nothing, measured: true }, true)).toBeNull();
    expect(contentProblem({ ...nothing, noContact: true }, true)).toBeNull();
    expect(contentProblem({ ...nothing, noContact: true, written: true }, true)).toBeNull();
  });
  test('no contact with a value typed is a contradiction', () => {
    expect(contentProblem({ measured: true, written: false, noContact: true }, true)?.message).toMatch(
      /untick it/,
    );
  });
  test('a tab with no metric and no satisfaction column takes text alone', () => {
    expect(contentProblem({ ...nothing, written: true }, false)).toBeNull();
    expect(contentProblem(nothing, false)?.message).toMatch(/wins, blockers or notes/);
  });
});

describe('check-in planning', () => {
  const values = [
    ['Client', 'Acme'],
    ['Client ID', 'C-0001'],
    ['Metric', 'Unit', 'Direction', 'Baseline', 'Target'],
    ['Revenue', 'USD', 'up', 10, 20],
    [],
    ['Week of', 'Revenue', 'Mine', 'Satisfaction (1-10)', 'Wins', 'Blockers', 'Notes', 'Entered by'],
    ['2024-06-03', 11, 'x', 7, '', '', '', ''],
  ];
  const model = parseClientTab(values, readDay);
  test('reads the card, the metrics and the log by label', () => {
    expect(model.metrics).toMatchObject([{ name: 'Revenue', baseline: 10, target: 20 }]);
    expect(model.log).toMatchObject({ headerRow: 5, weekColumn: 0, satisfactionColumn: 3, lastRow: 6 });
  });
  test('writes our columns in runs around a user column; refuses a duplicate week', () => {
    const parsed = parseCheckIn(
      {
        weekOf: '2024-06-10',
        values: { Revenue: '12' },
        satisfaction: '8',
        wins: 'w',
        blockers: '',
        notes: '',
      },
      model.metrics,
      parseIsoDay,
    );
    if (!parsed.ok) throw new Error('parse');
    const plan = planCheckIn(model.log!, values, parsed.value, 'VA', false, day('2024-06-12'));
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.row).toBe(7);
    expect(plan.value.runs.map((r) => [r.column, r.cells.length])).toEqual([
      [0, 2],
      [3, 5],
    ]);
    const dup = { ...parsed.value, weekDay: day('2024-06-03') };
    expect(planCheckIn(model.log!, values, dup, '', false, 0).ok).toBe(false);
    const replace = planCheckIn(model.log!, values, dup, '', true, day('2024-06-12'));
    expect(replace.ok && replace.value.previousNote).toMatch(/Revenue: 11.*Mine|Revenue: 11/);
    expect(findWeekRow(model.log!, day('2024-06-05'))).toBeNull();
  });
  test('a metric value typed with its unit is in that unit: 70% for a metric in % is 70, not 0.7', () => {
    const metrics = parseClientTab(
      values.map((row, r) => (r === 3 ? ['Billable ratio', '%', 'up', 55, 75] : row)),
      readDay,
    ).metrics;
    const input = { weekOf: '2024-06-10', satisfaction: '', wins: '', blockers: '', notes: '' };
    const read = (typed: string) => {
      const parsed = parseCheckIn({ ...input, values: { 'Billable ratio': typed } }, metrics, parseIsoDay);
      return parsed.ok ? parsed.value.metricValues.get('Billable ratio') : parsed.errors;
    };
    expect(read('70%')).toBe(70);
    expect(read('70 %')).toBe(70);
    expect(read('70')).toBe(70);
    expect(read('-5%')).toBe(-5);
    expect(parseMetricValue('85 kg', 'kg')).toBe(85);
    expect(parseMetricValue('85kg', 'KG')).toBe(85);
    expect(parseMetricValue('2.5x', 'x')).toBe(2.5);
    expect(parseMetricValue('$1,200', '$')).toBe(1200);
    expect(parseMetricValue('1,200 $', '$')).toBe(1200);
    // Without a unit a percentage is a fraction, as in Sheets; with another unit it is the number typed
    // (metricUnitConflict asks first). Letters are refused.
    expect(parseMetricValue('12%', '')).toBe(0.12);
    expect(parseMetricValue('12%', 'leads')).toBe(12);
    expect(parseMetricValue('kg', 'kg')).toBeNull();
    expect(parseMetricValue('85 lb', 'kg')).toBeNull();
    expect(read('abc')).toEqual([expect.objectContaining({ field: 'values.Billable ratio' })]);
  });
  test('refuses a value for a log column that is not there, instead of dropping it', () => {
    const withoutNotes = values.map((row, r) =>
      r === 5 ? row.map((c) => (c === 'Notes' ? 'Mine too' : c)) : row,
    );
    const log = parseClientTab(withoutNotes, readDay).log!;
    const entry = {
      weekDay: day('2024-06-10'),
      metricValues: new Map([['Revenue', 12]]),
      satisfaction: null,
      wins: '',
      blockers: '',
      notes: 'keep me',
      noContact: false,
    };
    expect(planCheckIn(log, withoutNotes, entry, '', false, 0)).toMatchObject({
      ok: false,
      field: 'notes',
      message: expect.stringMatching(/no "Notes" column/),
    });
    expect(planCheckIn(log, withoutNotes, { ...entry, notes: '' }, '', false, 0).ok).toBe(true);
  });
});
