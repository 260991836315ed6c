import { needsAttention } from '../../src/core/attention';
import { cadenceFor, daysOverdue, isDueThisWeek, parseWeekday, weekOf } from '../../src/core/cadence';
import { findWeekRow, parseCheckIn, parseMetricValue, planCheckIn } from '../../src/core/checkin';
import { parseClientTab } from '../../src/core/client-tab';
import { parseIsoDay } from '../../src/core/dates';
import { columnLetter, findHeaderRow, quoteSheetName } from '../../src/core/layout';
import { checkClientName, parseNewClient } from '../../src/core/new-client';
import { dayOfTimeInZone } from '../../src/core/time-zone';

const day = (iso: string) => parseIsoDay(iso) as number;
const readDay = (v: unknown) => (typeof v === 'string' ? parseIsoDay(v) : null);

describe('cadence', () => {
  test('defaults by client type, settings override, unknown type falls back to weekly', () => {
    expect(cadenceFor('Savvy')).toBe(14);
    expect(cadenceFor('micromanager')).toBe(7);
    expect(cadenceFor('Savvy', { Savvy: 21 })).toBe(21);
    expect(cadenceFor('')).toBe(7);
  });
  test('weeks, due-ness and overdue days', () => {
    expect(parseWeekday('Mon')).toBe(1);
    expect(parseWeekday('x')).toBeNull();
    expect(weekOf(day('2024-06-12'), 1)).toBe(day('2024-06-10'));
    expect(weekOf(day('2024-06-12'), 0)).toBe(day('2024-06-09'));
    expect(daysOverdue(day('2024-06-01'), null, 7, day('2024-06-12'))).toBe(4);
    expect(daysOverdue(null, day('2024-06-10'), 7, day('2024-06-12'))).toBe(-5);
    expect(isDueThisWeek(day('2024-06-01'), null, 14, day('2024-06-10'))).toBe(true);
    expect(isDueThisWeek(day('2024-06-07'), null, 14, day('2024-06-10'))).toBe(false);
  });
});

describe('layout helpers', () => {
  test('header rows by label, letters, quoted names', () => {
    expect(findHeaderRow([['x'], ['Week of', 'Revenue']], ['week of'])?.row).toBe(1);
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(28)).toBe('AB');
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
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

describe('form input', () => {
  test("today is the calendar day in the spreadsheet's zone", () => {
    const sundayEveningUtc = Date.parse('2024-06-16T20:00:00Z');
    expect(dayOfTimeInZone(sundayEveningUtc, 'Pacific/Auckland')).toBe(day('2024-06-17'));
    expect(dayOfTimeInZone(sundayEveningUtc, 'America/Los_Angeles')).toBe(day('2024-06-16'));
    expect(dayOfTimeInZone(sundayEveningUtc, 'Not/AZone')).toBe(day('2024-06-16'));
  });
});

describe('needs attention', () => {
  test('overdue, not logged this week, late payments, open requests; active clients only', () => {
    const today = day('2024-06-12');
    const week = day('2024-06-10');
    const items = needsAttention(
      [
        {
          clientId: 'A',
          name: 'A',
          status: 'Active',
          cadenceDays: 7,
          startDay: day('2024-01-01'),
          lastCheckIn: day('2024-05-29'),
        },
        {
          clientId: 'B',
          name: 'B',
          status: 'Active',
          cadenceDays: 7,
          startDay: day('2024-01-01'),
          lastCheckIn: day('2024-06-06'),
        },
        {
          clientId: 'C',
          name: 'C',
          status: 'Ended',
          cadenceDays: 7,
          startDay: day('2024-01-01'),
          lastCheckIn: null,
        },
      ],
      [{ clientId: 'B', dueDay: day('2024-06-01'), paidDay: null, amount: 100 }],
      [{ clientId: 'A', day: day('2024-06-11'), request: 'More', decision: 'Open' }],
      today,
      week,
      7,
    );
    // Most urgent first: a late payment before a request waiting for a decision, a check-in merely due last.
    expect(items.map((i) => [i.name, i.reason])).toEqual([
      ['A', 'Check-in overdue'],
      ['B', 'Late payment'],
      ['A', 'Open out-of-scope request'],
      ['B', 'Nothing logged this week'],
    ]);
  });
});

describe('new client form', () => {
  test('names', () => {
    expect(checkClientName('', [])).toMatch(/Enter/);
    expect(checkClientName('Acme', ['ACME'])).toMatch(/already/);
    expect(checkClientName('=SUM(1)', [])).toBeNull();
  });
  test('derives yearly profit from fee and costs, cadence from type', () => {
    const parsed = parseNewClient(
      {
        name: 'A',
        startDate: '2024-01-01',
        program: '',
        programMonths: '',
        monthlyFee: '1,000',
        yearlyProfit: '',
        monthlyCosts: '400',
        clientType: 'Savvy',
        cadenceDays: '',
        definitionOfSuccess: '',
        scope: '',
        metrics: [],
      },
      [],
    );
    expect(parsed).toMatchObject({
      ok: true,
      value: { yearlyProfit: 7200, cadenceDays: 14, clientType: 'Savvy' },
    });
  });
});
