/**
 * Edit client (src/workbook/edit-client.ts) on the built bundle: each kind of edit lands in the cells
 * ClientTabs owns, the log's values stay in their weeks, the roster's live links and CLIENT_* formulas keep
 * working, and a refusal changes nothing.
 */
import { checkIn, editForm, harness, SAMPLE_CLIENT, type Harness } from './helpers';
import type { ClientEditData } from '../../src/ui/rpc-types';

type R = {
  ok: boolean;
  value?: { clientId: string; name: string; changed: string[] };
  errors?: { field: string; message: string }[];
  message?: string;
};
const WEEKS = ['2024-05-20', '2024-05-27', '2024-06-03'];

function workbook(): Harness {
  const h = harness();
  h.call('menuSetUpWorkbook');
  expect(h.call<R>('rpcCreateClient', SAMPLE_CLIENT).ok).toBe(true);
  WEEKS.forEach((week, i) => {
    const values = { Revenue: String(12000 + i * 1000), 'Cost per lead': String(27 - i) };
    expect(h.call<R>('rpcSaveCheckIn', checkIn('C-0001', week, { values })).ok).toBe(true);
  });
  return h;
}

/** The form as the sidebar sends it when nothing was changed. */
const unchanged = (h: Harness) => editForm('C-0001', h.call<ClientEditData>('rpcGetClientEdit', 'C-0001'));

type Direction = 'up' | 'down';
/** A metric the form adds (no `from`: it is new): measured up, no baseline or target, unless given. */
const newMetric = (
  name: string,
  given: { direction?: Direction; baseline?: string; target?: string } = {},
) => ({
  from: undefined as unknown as string,
  name,
  unit: '',
  direction: 'up' as Direction,
  baseline: '',
  target: '',
  ...given,
});

/** The roster row of C-0001 keyed by header label (values as Sheets computes them). */
function rosterRow(h: Harness): Record<string, unknown> {
  const values = h.sheet('Clients').getDataRange().getValues();
  const row = values.find((r) => r[0] === 'C-0001')!;
  return Object.fromEntries((values[0] as string[]).map((label, i) => [label, row[i]]));
}

/** The tab's log rows keyed by header label, by week (yyyy-mm-dd). */
function logByWeek(h: Harness, tab = 'Acme Co'): Record<string, Record<string, unknown>> {
  const values = h.sheet(tab).getDataRange().getValues();
  const header = values.findIndex((r) => r[0] === 'Week of');
  const out: Record<string, Record<string, unknown>> = {};
  for (const row of values.slice(header + 1)) {
    if (!(row[0] instanceof Date)) continue;
    const iso = new Date(row[0].getTime() + 12 * 3600 * 1000).toISOString().slice(0, 10);
    out[iso] = Object.fromEntries(
      (values[header] as string[]).map((label, i) => [label, row[i]]).filter(([label]) => label !== ''),
    );
  }
  return out;
}

function metricTable(h: Harness, tab = 'Acme Co'): unknown[][] {
  const values = h.sheet(tab).getDataRange().getValues();
  const header = values.findIndex((r) => r[0] === 'Metric' && r[1] === 'Unit');
  const rows: unknown[][] = [];
  for (let r = header + 1; r < values.length && values[r][0] !== '' && values[r][0] !== 'Week of'; r++)
    rows.push(values[r].slice(0, 5));
  return rows;
}

function expectRefused(h: Harness, input: unknown, field?: string, message?: RegExp): R {
  const before = h.snapshot();
  const result = h.call<R>('rpcEditClient', input);
  expect(result.ok).toBe(false);
  const messages = [result.message ?? '', ...(result.errors ?? []).map((e) => e.message)];
  for (const text of messages) expect(text).not.toMatch(/TypeError|undefined|\[object Object\]/);
  if (field) expect(result.errors?.map((e) => e.field)).toContain(field);
  if (message) expect(messages.join(' ')).toMatch(message);
  expect(h.snapshot()).toEqual(before);
  return result;
}

describe('issue 10: Edit client', () => {
  test('the form opens with what the client has now, and reading it writes nothing', () => {
    const h = workbook();
    const before = h.snapshot();
    const data = h.call<ClientEditData>('rpcGetClientEdit', 'C-0001');
    expect(data).toMatchObject({
      clientType: 'Micromanager',
      cadenceDays: 7,
      monthlyFee: 2000,
      yearlyProfit: 14400,
      definitionOfSuccess: SAMPLE_CLIENT.definitionOfSuccess,
      scope: SAMPLE_CLIENT.scope,
      adopted: false,
    });
    expect(data.metrics.map((m) => [m.name, m.direction, m.baseline, m.target])).toEqual([
      ['Revenue', 'up', 10000, 20000],
      ['Cost per lead', 'down', 30, 20],
    ]);
    expect(h.snapshot()).toEqual(before);
  });

  test('saving the form unchanged changes nothing', () => {
    const h = workbook();
    const before = h.snapshot();
    const result = h.call<R>('rpcEditClient', unchanged(h));
    expect(result).toMatchObject({ ok: true, value: { changed: [] } });
    expect(h.snapshot()).toEqual(before);
  });

  test('client type, cadence, fee and profit change in the roster row only (the Dashboard follows)', () => {
    const h = workbook();
    const before = h.snapshot();
    const form = {
      ...unchanged(h),
      clientType: 'Savvy',
      cadenceDays: '14',
      monthlyFee: '2,500',
      yearlyProfit: '',
      monthlyCosts: '1,000',
    };
    const result = h.call<R>('rpcEditClient', form);
    expect(result.ok).toBe(true);
    expect(rosterRow(h)).toMatchObject({
      'Client type': 'Savvy',
      'Check-in every (days)': 14,
      'Monthly fee': 2500,
      'Yearly profit': 18000,
    });
    const after = h.snapshot();
    for (const sheet of Object.keys(before).filter((name) => name !== 'Clients' && name !== 'Dashboard'))
      expect(after[sheet]).toEqual(before[sheet]);
    expect(after.Dashboard.formulas).toEqual(before.Dashboard.formulas);
    expect(after.Dashboard.values.find((row) => row[0] === 'Yearly profit per client')?.[1]).toBe(18000);
    expect(h.call<ClientEditData>('rpcGetClientEdit', 'C-0001').cadenceDays).toBe(14);
  });

  test('definition of success and scope are rewritten in the card, as text', () => {
    const h = workbook();
    const form = {
      ...unchanged(h),
      definitionOfSuccess: '=IMPORTXML("x","y")',
      scope: '+1 call a week\nand email',
    };
    expect(h.call<R>('rpcEditClient', form).ok).toBe(true);
    const tab = h.sheet('Acme Co');
    expect(tab.getRange('B5:B6').getValues()).toEqual([[form.definitionOfSuccess], [form.scope]]);
    expect(tab.getRange('B5:B6').getFormulas()).toEqual([[''], ['']]);
    const card = h.call<{ definitionOfSuccess: string; scope: string }>('rpcGetClientCard', 'C-0001');
    expect(card.definitionOfSuccess).toBe(form.definitionOfSuccess);
  });

  test('renaming a metric keeps its values, the roster live links and a CLIENT_* formula on its column', () => {
    const h = workbook();
    // A formula of the user's over the metric's log column, on a sheet of their own.
    const mine = h.emu.spreadsheet.insertSheet('Mine', h.emu.spreadsheet.getNumSheets());
    mine.getRange('A1').setFormula("=CLIENT_TREND('Acme Co'!B13:B15)");
    mine.getRange('A2').setFormula("=SUM('Acme Co'!B13:B)");
    const trendBefore = mine.getRange('A1').getValue();
    const logBefore = logByWeek(h);
    const form = unchanged(h);
    form.metrics[0] = { ...form.metrics[0], name: 'Monthly revenue' };
    expect(h.call<R>('rpcEditClient', form)).toMatchObject({ ok: true, value: { changed: ['metrics'] } });

    expect(metricTable(h).map((r) => r[0])).toEqual(['Monthly revenue', 'Cost per lead']);
    const log = logByWeek(h);
    for (const week of WEEKS) {
      expect(log[week]['Monthly revenue']).toBe(logBefore[week].Revenue);
      expect(log[week]).not.toHaveProperty('Revenue');
    }
    const roster = rosterRow(h);
    expect(roster['Metric 1']).toBe('Monthly revenue');
    expect(roster['Latest 1']).toBe(14000);
    expect(roster['Progress 1']).toBeCloseTo(0.4);
    expect(mine.getRange('A1').getValue()).toEqual(trendBefore);
    expect(mine.getRange('A2').getValue()).toBe(39000);

    // The next check-in goes into the same column under the new name; the form offers the new name.
    const form2 = h.call<{ metrics: { name: string; last: number | null }[] }>('rpcGetCheckInForm', 'C-0001');
    expect(form2.metrics.map((m) => [m.name, m.last])).toEqual([
      ['Monthly revenue', 14000],
      ['Cost per lead', 25],
    ]);
    const saved = h.call<R>(
      'rpcSaveCheckIn',
      checkIn('C-0001', '2024-06-10', { values: { 'Monthly revenue': '15000', 'Cost per lead': '24' } }),
    );
    expect(saved.ok).toBe(true);
    expect(logByWeek(h)['2024-06-10']['Monthly revenue']).toBe(15000);
    expect(rosterRow(h)['Latest 1']).toBe(15000);
  });

  test('a new target and direction change the metric table and the progress the roster shows', () => {
    const h = workbook();
    const form = unchanged(h);
    form.metrics[0] = { ...form.metrics[0], target: '30,000' };
    form.metrics[1] = { ...form.metrics[1], unit: '$', direction: 'up', baseline: '20', target: '40' };
    expect(h.call<R>('rpcEditClient', form).ok).toBe(true);
    expect(metricTable(h)).toEqual([
      ['Revenue', 'USD', 'up', 10000, 30000],
      ['Cost per lead', '$', 'up', 20, 40],
    ]);
    const roster = rosterRow(h);
    expect(roster['Progress 1']).toBeCloseTo(0.2);
    expect(roster['Progress 2']).toBeCloseTo(0.25);
  });

  test(
    'adding metrics: new log columns right of the log, rows made for their definitions, no logged ' +
      'value moves from its week',
    () => {
      const h = workbook();
      const logBefore = logByWeek(h);
      const form = unchanged(h);
      form.metrics.push(
        newMetric('Leads', { baseline: '40', target: '80' }),
        newMetric('Churned users', { direction: 'down' }),
      );
      expect(h.call<R>('rpcEditClient', form).ok).toBe(true);
      expect(metricTable(h).map((r) => r[0])).toEqual(['Revenue', 'Cost per lead', 'Leads', 'Churned users']);
      const log = logByWeek(h);
      for (const week of WEEKS)
        expect(log[week]).toEqual({ ...logBefore[week], Leads: '', 'Churned users': '' });
      const roster = rosterRow(h);
      expect(roster['Metric 3']).toBe('Leads');
      expect(roster['Last check-in']).toBeInstanceOf(Date);
      expect(roster['Latest 1']).toBe(14000);
      // A check-in fills the new metrics, in their columns.
      const values = { Revenue: '15000', 'Cost per lead': '24', Leads: '50', 'Churned users': '3' };
      expect(h.call<R>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10', { values })).ok).toBe(true);
      expect(logByWeek(h)['2024-06-10']).toMatchObject({ Revenue: 15000, Leads: 50, 'Churned users': 3 });
      expect(rosterRow(h)['Latest 3']).toBe(50);
      expect(rosterRow(h)['Progress 3']).toBeCloseTo(0.25);
    },
  );

  test("adding metrics inserts whole rows above the log: a user's column in front keeps each note on its week", () => {
    const h = workbook();
    const tab = h.sheet('Acme Co');
    tab.insertColumnsBefore(1, 1);
    const header =
      tab
        .getDataRange()
        .getValues()
        .findIndex((row) => row.includes('Week of')) + 1;
    tab
      .getRange(header, 1, WEEKS.length + 1, 1)
      .setValues([['My notes'], ...WEEKS.map((w) => [`call ${w}`])]);
    // Each note beside the week it was typed against, as the user sees them.
    const pairs = (rows: string[][], at: number) =>
      rows.slice(at, at + 1 + WEEKS.length).map((row) => [row[0], row[1]]);
    const before = pairs(tab.getDataRange().getDisplayValues(), header - 1);
    const form = unchanged(h);
    for (const name of ['Leads', 'Calls', 'Referrals'])
      form.metrics.push({
        from: undefined as unknown as string,
        name,
        unit: '',
        direction: 'up',
        baseline: '',
        target: '',
      });
    expect(h.call<R>('rpcEditClient', form).ok).toBe(true);
    const rows = tab.getDataRange().getDisplayValues();
    const moved = rows.findIndex((row) => row.includes('Week of'));
    expect(moved + 1).toBeGreaterThan(header);
    expect(pairs(rows, moved)).toEqual(before);
    // Nothing of the user's stayed behind above the header.
    expect(rows.slice(0, moved).filter((row) => /^(call|My notes)/.test(row[0]))).toEqual([]);
  });

  test("renaming a metric after the user inserted a column at the tab's left edge: the roster's links follow", () => {
    const h = workbook();
    // Sheets rewrites the roster's links into this tab; a name that needs no quotes may lose them.
    h.sheet('Acme Co').setName('Acme');
    h.sheet('Acme').insertColumnsBefore(1, 1);
    const form = unchanged(h);
    form.metrics[0].name = 'Sales';
    expect(h.call<R>('rpcEditClient', form)).toMatchObject({ ok: true, value: { changed: ['metrics'] } });
    expect(rosterRow(h)['Metric 1']).toBe('Sales');
    expect(rosterRow(h)['Latest 1']).toBe(14000);
  });

  test('removing a metric drops its definition; its column and values stay in the tab', () => {
    const h = workbook();
    const logBefore = logByWeek(h);
    const form = unchanged(h);
    form.metrics = form.metrics.slice(1);
    expect(h.call<R>('rpcEditClient', form).ok).toBe(true);
    expect(metricTable(h).map((r) => r[0])).toEqual(['Cost per lead']);
    expect(logByWeek(h)).toEqual(logBefore);
    const roster = rosterRow(h);
    expect(roster['Metric 1']).toBe('Cost per lead');
    expect(roster['Latest 1']).toBe(25);
    expect(roster['Metric 2']).toBe('');
    const next = h.call<{ metrics: { name: string }[] }>('rpcGetCheckInForm', 'C-0001');
    expect(next.metrics.map((m) => m.name)).toEqual(['Cost per lead']);
  });
});

describe('issue 10: Edit client with other executions', () => {
  test('two forms opened together: one adds a metric and raises the fee, the other renames one; both land', () => {
    const h = workbook();
    const coach = unchanged(h);
    const va = unchanged(h);
    coach.monthlyFee = '2,500';
    coach.metrics.push(newMetric('Leads'));
    expect(h.call<R>('rpcEditClient', coach).ok).toBe(true);
    va.metrics[1].name = 'CPL';
    va.scope = 'Ads and email';
    expect(h.call<R>('rpcEditClient', va)).toMatchObject({
      ok: true,
      value: { changed: ['scope', 'metrics'] },
    });
    const now = h.call<ClientEditData>('rpcGetClientEdit', 'C-0001');
    expect(now.metrics.map((m) => m.name)).toEqual(['Revenue', 'CPL', 'Leads']);
    expect([now.monthlyFee, now.scope]).toEqual([2500, 'Ads and email']);
    expect(rosterRow(h)['Metric 2']).toBe('CPL');
  });

  test('both change the fee two ways: the later save is refused, naming the fee, and changes nothing', () => {
    const h = workbook();
    const coach = unchanged(h);
    const va = unchanged(h);
    coach.monthlyFee = '2,500';
    expect(h.call<R>('rpcEditClient', coach).ok).toBe(true);
    va.monthlyFee = '3,000';
    va.metrics[0].target = '99999';
    const before = h.snapshot();
    expect(h.call<R>('rpcEditClient', va).errors).toEqual([
      {
        field: 'monthlyFee',
        message: 'The fee was changed by someone else since you opened this form: reopen Edit client.',
      },
    ]);
    expect(h.snapshot()).toEqual(before);
  });

  test('a check-in right after an edit that made room for two new metrics lands in its week, in their columns', () => {
    const h = workbook();
    const form = unchanged(h);
    form.metrics.push(newMetric('Leads'), newMetric('Calls'));
    const values = { Revenue: '15000', 'Cost per lead': '24', Leads: '50', Calls: '9' };
    const checkInAfter = h.emu.interleave('after', 'Lock.releaseLock', () =>
      h.call<R>('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10', { values })),
    );
    expect(h.call<R>('rpcEditClient', form).ok).toBe(true);
    expect(checkInAfter.ran).toBe(true);
    expect((checkInAfter.value as R).ok).toBe(true);
    expect(logByWeek(h)['2024-06-10']).toMatchObject({ Revenue: 15000, Leads: 50, Calls: 9 });
    expect(Object.keys(logByWeek(h))).toEqual([...WEEKS, '2024-06-10']);
  });

  test('reading the form of an unknown client, or with no ID, answers null and writes nothing', () => {
    const h = workbook();
    const before = h.snapshot();
    for (const id of [undefined, null, 42, '', 'C-9999', '=A1'])
      expect(h.call('rpcGetClientEdit', id)).toBeNull();
    expect(h.snapshot()).toEqual(before);
  });
});

describe('issue 10: Edit client refuses and changes nothing', () => {
  const h = workbook();
  const good = unchanged(h);
  const FORMULA = '=IMPORTXML("https://evil.example/x","//a")';
  test.each([
    ['nothing', undefined, 'clientId'],
    ['a string', 'C-0001', 'clientId'],
    ['an unknown client', { ...good, clientId: 'C-9999' }, 'clientId'],
    ['a formula as client ID', { ...good, clientId: FORMULA }, 'clientId'],
    ['an unknown client type', { ...good, clientType: 'Boss' }, 'clientType'],
    ['a cadence of 0', { ...good, cadenceDays: '0' }, 'cadenceDays'],
    ['a negative fee', { ...good, monthlyFee: '-5' }, 'monthlyFee'],
    ['a fee of 1e308', { ...good, monthlyFee: '1e308' }, 'monthlyFee'],
    ['a list as scope', { ...good, scope: ['a'] }, 'scope'],
    ['metrics as text', { ...good, metrics: 'Revenue' }, 'metrics'],
    [
      'a metric that is not there',
      { ...good, metrics: [{ ...good.metrics[0], from: 'Profit' }] },
      'metrics.0.name',
    ],
    ['a metric listed twice', { ...good, metrics: [good.metrics[0], good.metrics[0]] }, 'metrics.1.name'],
    [
      'a renamed metric with no name',
      { ...good, metrics: [{ ...good.metrics[0], name: '' }] },
      'metrics.0.name',
    ],
    [
      'a metric named like a formula',
      { ...good, metrics: [{ ...good.metrics[0], name: FORMULA }] },
      'metrics.0.name',
    ],
    [
      'a metric renamed to another one',
      { ...good, metrics: [{ ...good.metrics[0], name: 'Cost per lead' }, good.metrics[1]] },
      'metrics.1.name',
    ],
    [
      'a metric renamed to a log column',
      { ...good, metrics: [{ ...good.metrics[0], name: 'Notes' }] },
      'metrics.0.name',
    ],
    [
      'a target equal to its baseline',
      { ...good, metrics: [{ ...good.metrics[0], target: '10000' }] },
      'metrics.0.target',
    ],
    [
      'eleven metrics',
      {
        ...good,
        metrics: Array.from({ length: 11 }, (_, i) => ({
          ...good.metrics[0],
          from: undefined,
          name: `M${i}`,
        })),
      },
      'metrics',
    ],
  ])('%s', (_label, input, field) => {
    expectRefused(h, input, field);
  });

  test("a metric named like a column of the user's in the log", () => {
    const tab = h.sheet('Acme Co');
    const header =
      tab
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'Week of') + 1;
    tab.getRange(header, 10).setValue('Calls');
    const metrics = [...good.metrics, newMetric('calls')];
    expectRefused(h, { ...good, metrics }, 'metrics.2.name', /already has a column called "calls"/);
    tab.getRange(header, 10).setValue('');
  });

  test("the user's own value where a new metric's live link goes", () => {
    const clients = h.sheet('Clients');
    const labels = clients.getDataRange().getValues()[0] as string[];
    const cell = clients.getRange(2, labels.indexOf('Metric 3') + 1);
    cell.setValue('my note');
    const metrics = [...good.metrics, newMetric('Leads')];
    expectRefused(h, { ...good, metrics }, undefined, /holds something of yours/);
    cell.setValue('');
  });
});
