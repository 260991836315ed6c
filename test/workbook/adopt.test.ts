import { CORPUS, type CorpusCell, type CorpusLayout } from '../fixtures/adopt-corpus';
import { FIXTURES, type FixtureCell, type FixtureWorkbook } from '../fixtures/existing-workbooks';
import { checkIn, harness, NOW, SAMPLE_CLIENT, type Harness } from './helpers';

type R<T> = { ok: boolean; value: T; errors?: { field: string; message: string }[]; message?: string };
interface Scan {
  candidates: {
    tabName: string;
    dateColumn: string;
    metricColumns: string[];
    firstDate: string;
    lastDate: string;
    rows: number;
  }[];
  skipped: { tabName: string; reason: string }[];
}
interface FullScan {
  candidates: {
    tabName: string;
    verdict: string;
    checked: boolean;
    reasons: string[];
    tables: {
      orientation: string;
      axisLabel: string;
      measures: { name: string }[];
      observations: number;
      lastDate: string;
      leftOut: { label: string; reason: string }[];
    }[];
    match: { clientId: string; name: string } | null;
    mode: string;
  }[];
  skipped: { tabName: string; reason: string }[];
}
interface Progress {
  adopted: string[];
  remaining: string[];
  failed: { tabName: string; reason: string }[];
  done: boolean;
}

function load(h: Harness, fixture: FixtureWorkbook): void {
  const ss = h.emu.spreadsheet;
  for (const [name, rows] of Object.entries(fixture.tabs)) {
    const sheet = ss.insertSheet(name);
    const width = Math.max(...rows.map((r) => r.length), 1);
    // Dates go in as typed text, which Sheets turns into date cells (midnight in the spreadsheet's zone).
    const cell = (c: FixtureCell | undefined) => (c === undefined ? '' : typeof c === 'object' ? c.date : c);
    sheet
      .getRange(1, 1, rows.length, width)
      .setValues(rows.map((r) => Array.from({ length: width }, (_, i) => cell(r[i]))));
  }
}

describe.each(FIXTURES)('adopting an existing workbook: $name', (fixture) => {
  test('lists what was found, adopts with live links, and changes no cell of the tabs', () => {
    const h = harness();
    load(h, fixture);
    h.call('menuSetUpWorkbook');
    const before = h.snapshot(Object.keys(fixture.tabs));
    const scan = h.call<Scan>('rpcScanForAdoption');
    expect(scan.candidates.map((c) => c.tabName).sort()).toEqual([...fixture.expectAdoptable].sort());
    expect(scan.skipped.map((s) => s.tabName)).toEqual(expect.arrayContaining(fixture.expectSkipped));
    for (const skipped of scan.skipped) expect(skipped.reason).toMatch(/\w/);
    const result = h.call<R<Progress>>(
      'rpcAdoptTabs',
      scan.candidates.map((c) => c.tabName),
    );
    expect(result.value).toMatchObject({ done: true, remaining: [], failed: [] });
    expect(result.value.adopted.sort()).toEqual([...fixture.expectAdoptable].sort());
    expect(h.snapshot(Object.keys(fixture.tabs))).toEqual(before);
    const roster = h.sheet('Clients').getDataRange();
    const values = roster.getValues();
    // Rows with a client: the advice columns' spilled formulas reach further down.
    const formulas = roster.getFormulas().filter((_, i) => i > 0 && values[i][0] !== '');
    expect(formulas.length).toBe(fixture.expectAdoptable.length);
    expect(formulas.every((r) => r[11].startsWith('=IFERROR(MAX(FILTER('))).toBe(true);
    // Adopted again? Nothing to adopt: they are in the roster now.
    expect(h.call<Scan>('rpcScanForAdoption').candidates).toEqual([]);
  });
});

test('the scan describes each tab: date column, metric columns, first and last dates', () => {
  const h = harness();
  for (const fixture of FIXTURES) load(h, fixture);
  h.call('menuSetUpWorkbook');
  const scan = h.call<Scan>('rpcScanForAdoption');
  const byName = Object.fromEntries(scan.candidates.map((c) => [c.tabName, c]));
  expect(byName['Northwind Ltd']).toMatchObject({
    tabName: 'Northwind Ltd',
    dateColumn: 'Session (column A)',
    metricColumns: ['MRR', 'Churned accounts'],
    firstDate: '2024-01-15',
    lastDate: '2024-02-12',
    rows: 3,
  });
  expect(byName.Globex).toMatchObject({
    dateColumn: 'Check-in date (column C)',
    metricColumns: ['Conversion %', 'Ad spend'],
  });
  expect(scan.skipped).toEqual(
    expect.arrayContaining([
      { tabName: 'Ideas', reason: expect.stringMatching(/No dates found/) },
      { tabName: 'Sheet1', reason: 'The tab is empty.' },
    ]),
  );
});

test('check-ins on an adopted tab append below its log, in its own columns', () => {
  const h = harness();
  load(h, FIXTURES[2]);
  h.call('menuSetUpWorkbook');
  h.call('rpcAdoptTabs', ['Globex']);
  // Globex has no Satisfaction, Wins or Notes column: what the user typed for them is refused, not dropped.
  const before = h.snapshot();
  const refused = h.call<R<{ row: number }>>('rpcSaveCheckIn', {
    ...checkIn('C-0001', '2024-06-10'),
    values: { 'Conversion %': '3%', 'Ad spend': '1700' },
  });
  expect(refused).toMatchObject({
    ok: false,
    errors: [{ field: 'satisfaction', message: expect.stringMatching(/no "Satisfaction \(1–10\)" column/) }],
  });
  expect(h.snapshot()).toEqual(before);
  const saved = h.call<R<{ row: number }>>('rpcSaveCheckIn', {
    ...checkIn('C-0001', '2024-06-10'),
    values: { 'Conversion %': '3%', 'Ad spend': '1700' },
    satisfaction: '',
    wins: '',
    notes: '',
  });
  expect(saved).toMatchObject({ ok: true, value: { row: 5 } });
  const row = h.sheet('Globex').getRange('A5:F5').getValues()[0];
  expect([row[0], row[1], row[3], row[4], row[5]]).toEqual(['', '', 0.03, '', 1700]);
});

test("an adopted tab's own Notes column takes the check-in's notes; nothing above the new row changes", () => {
  const h = harness();
  load(h, FIXTURES[1]);
  h.call('menuSetUpWorkbook');
  h.call('rpcAdoptTabs', ['Northwind Ltd']);
  const before = h.snapshot(['Northwind Ltd'])['Northwind Ltd'];
  const saved = h.call<R<{ row: number }>>('rpcSaveCheckIn', {
    ...checkIn('C-0001', '2024-06-10'),
    values: { MRR: '14000', 'Churned accounts': '1' },
    satisfaction: '',
    wins: '',
    notes: '=HYPERLINK("x")',
  });
  expect(saved).toMatchObject({ ok: true, value: { row: 9 } });
  const tab = h.sheet('Northwind Ltd');
  expect(tab.getRange('B9:E9').getValues()[0]).toEqual([14000, 1, '=HYPERLINK("x")', '']);
  expect(tab.getRange('D9').getFormula()).toBe('');
  expect(h.snapshot(['Northwind Ltd'])['Northwind Ltd'].values.slice(0, 8)).toEqual(
    before.values.slice(0, 8),
  );
});

test('adopting 50 tabs stops cleanly at the time budget and resumes where it stopped', () => {
  const h = harness();
  const tabs: FixtureWorkbook = { name: 'fifty', tabs: {}, expectAdoptable: [], expectSkipped: [] };
  for (let i = 1; i <= 50; i++) {
    tabs.tabs[`Client ${i}`] = [
      ['Date', 'Score'],
      [{ date: '2024-03-04' }, i],
    ];
  }
  load(h, tabs);
  h.call('menuSetUpWorkbook');
  const before = h.snapshot(Object.keys(tabs.tabs));
  // Every clock read moves time 10 s on: the 270 s budget is spent after ~27 tabs.
  let time = NOW;
  h.setClock(() => (time += 10_000));
  const names = Object.keys(tabs.tabs);
  const first = h.call<R<Progress>>('rpcAdoptTabs', names).value;
  expect(first.done).toBe(false);
  expect(first.adopted.length).toBeGreaterThan(10);
  expect(first.adopted.length + first.remaining.length).toBe(50);
  expect(h.emu.ui.toasts.at(-1)?.message).toMatch(/Adopted \d+ of 50 tabs so far/);
  // The UI calls again with what remains (an empty list resumes the stored queue too).
  const second = h.call<R<Progress>>('rpcAdoptTabs', []).value;
  expect(second).toMatchObject({ done: true, remaining: [], failed: [] });
  expect([...first.adopted, ...second.adopted]).toEqual(names);
  const ids = h
    .sheet('Clients')
    .getRange('A2:A51')
    .getValues()
    .map((r) => r[0]);
  expect(new Set(ids).size).toBe(50);
  expect(h.snapshot(names)).toEqual(before);
});

/** Two existing log tabs, a date column and a Weight column each. */
function twoLogs(h: Harness, names: [string, string]): void {
  names.forEach((name, i) => {
    h.emu.spreadsheet
      .insertSheet(name)
      .getRange('A1:B3')
      .setValues([
        ['Date', 'Weight'],
        ['2024-05-06', 90 + i],
        ['2024-05-13', 89 + i],
      ]);
  });
  h.call('menuSetUpWorkbook');
}

/** Ann's check-in on an adopted tab that logs only Weight. */
const WEIGHT_88 = {
  clientId: 'C-0001',
  weekOf: '2024-06-10',
  values: { Weight: '88' },
  satisfaction: '',
  wins: '',
  blockers: '',
  notes: '',
};
describe('issue 9: adopting', () => {
  test('#10 a tab named in another case is recorded under its real name', () => {
    const h = harness();
    twoLogs(h, ['Old log', 'Bob log']);
    const result = h.call<R<Progress>>('rpcAdoptTabs', ['old log']);
    expect(result.value.adopted).toEqual(['Old log']);
    const roster = h.sheet('Clients').getDataRange();
    const header = roster.getValues()[0] as string[];
    expect(roster.getValues()[1][header.indexOf('Client')]).toBe('Old log');
    expect(roster.getFormulas()[1][header.indexOf('Tab')]).toMatch(/"Old log"\)$/);
  });

  test('#4 after two adopted tabs swap names, a check-in still lands in its client’s tab', () => {
    const h = harness();
    twoLogs(h, ['Ann log', 'Bob log']);
    expect(h.call<R<Progress>>('rpcAdoptTabs', ['Ann log', 'Bob log']).value.adopted).toHaveLength(2);
    h.sheet('Ann log').setName('Ann log (2023)');
    h.sheet('Bob log').setName('Ann log');
    const bobBefore = h.snapshot(['Ann log'])['Ann log'];
    const saved = h.call<R<{ row: number }>>('rpcSaveCheckIn', WEIGHT_88);
    expect(saved.ok).toBe(true);
    expect(h.snapshot(['Ann log'])['Ann log']).toEqual(bobBefore);
    expect(h.sheet('Ann log (2023)').getRange('B4').getValue()).toBe(88);
  });
});

test(
  'rows the user inserts above an adopted tab’s header (150): the log is still found and the ' +
    'check-in lands under it',
  () => {
    const h = harness();
    twoLogs(h, ['Ann log', 'Bob log']);
    h.call('rpcAdoptTabs', ['Ann log']);
    h.sheet('Ann log').insertRowsBefore(1, 150);
    const saved = h.call<R<{ row: number }>>('rpcSaveCheckIn', WEIGHT_88);
    expect(saved).toMatchObject({ ok: true, value: { row: 154 } });
    expect(h.sheet('Ann log').getRange('B154').getValue()).toBe(88);
  },
);

/** Loads corpus tabs the way a user types them: dates as ISO text (Sheets makes them dates), formulas as formulas. */
function loadCorpus(h: Harness, layout: CorpusLayout): void {
  for (const [name, rows] of Object.entries(layout.tabs)) {
    const width = Math.max(...rows.map((r) => r.length), 1);
    const cell = (c: CorpusCell | undefined) =>
      c === undefined ? '' : typeof c !== 'object' ? c : 'date' in c ? c.date : 'spill' in c ? '' : c.formula;
    h.emu.spreadsheet
      .insertSheet(name)
      .getRange(1, 1, rows.length, width)
      .setValues(rows.map((r) => Array.from({ length: width }, (_, i) => cell(r[i]))));
  }
}

/** What a VA types for `value` in `locale`: a decimal comma in de_DE. */
const typed = (value: number, locale: string) =>
  locale === 'de_DE' ? String(value).replace('.', ',') : String(value);

describe.each(['en_US', 'de_DE'])('the corpus of real layouts in %s', (locale) => {
  describe.each(CORPUS)('$id', (layout) => {
    test('scan, adoption (no cell changes) and a check-in in the right place', () => {
      const h = harness({ locale, timeZone: locale === 'de_DE' ? 'Europe/Berlin' : 'America/New_York' });
      loadCorpus(h, layout);
      h.call('menuSetUpWorkbook');
      const scan = h.call<FullScan>('rpcScanForAdoption');
      const candidate = scan.candidates.find((c) => c.tabName === layout.tab);
      if ('skip' in layout.expect) {
        expect(candidate).toBeUndefined();
        expect(scan.skipped).toContainEqual({
          tabName: layout.tab,
          reason: expect.stringMatching(layout.expect.skip),
        });
        return;
      }
      const want = layout.expect;
      expect(candidate).toBeDefined();
      const found = candidate as FullScan['candidates'][number];
      expect({
        verdict: found.verdict,
        checked: found.checked,
        orientation: found.tables[0].orientation,
        axisLabel: found.tables[0].axisLabel,
        measures: found.tables[0].measures.map((m) => m.name),
        observations: found.tables[0].observations,
        lastDate: found.tables[0].lastDate,
      }).toEqual({
        verdict: want.verdict,
        checked: want.verdict === 'log',
        orientation: want.orientation,
        axisLabel: want.axisLabel,
        measures: want.measures,
        observations: want.observations,
        lastDate: want.lastCheckIn,
      });
      // Not ticked by default: a non-client tab is never adopted unless the user ticks it.
      const ticked = scan.candidates.filter((c) => c.checked).map((c) => c.tabName);
      if (want.verdict !== 'log') expect(ticked).not.toContain(layout.tab);
      if (!layout.checkIn) return;
      const before = h.snapshot(Object.keys(layout.tabs));
      const adopted = h.call<R<Progress>>('rpcAdoptTabs', [layout.tab]);
      expect(adopted.value).toMatchObject({ adopted: [layout.tab], failed: [], done: true });
      expect(h.snapshot(Object.keys(layout.tabs))).toEqual(before);
      const roster = h.sheet('Clients').getDataRange().getValues();
      const header = roster[0] as string[];
      const lastCheckIn = roster[1][header.indexOf('Last check-in')];
      expect(lastCheckIn instanceof Date ? dayOf(lastCheckIn, h) : lastCheckIn).toBe(
        want.liveLastCheckIn ?? want.lastCheckIn,
      );
      const values: Record<string, string> = {};
      for (const [name, value] of Object.entries(layout.checkIn.values)) values[name] = typed(value, locale);
      const beforeCheckIn = h.snapshot([layout.tab])[layout.tab];
      const saved = h.call<R<{ row: number }>>('rpcSaveCheckIn', { ...WEIGHT_88, values });
      expect(saved).toMatchObject({ ok: true });
      const tab = h.sheet(layout.tab);
      if (!layout.checkIn.insert) {
        // Nothing moved: only the measure cells changed, and the date of a line that had none.
        const after = h.snapshot([layout.tab])[layout.tab];
        const changed: string[] = [];
        after.values.forEach((row, r) =>
          row.forEach((value, c) => {
            const old = beforeCheckIn.values[r]?.[c] ?? '';
            // The user's own formulas (a Summe over the log) may recompute; typed cells must not change.
            const typedCell = (beforeCheckIn.formulas[r]?.[c] ?? '') === '';
            if (typedCell && JSON.stringify(old) !== JSON.stringify(value) && old !== '')
              changed.push(`${String.fromCharCode(65 + c)}${r + 1}`);
          }),
        );
        expect(changed).toEqual([]);
      }
      for (const [a1, value] of Object.entries(layout.checkIn.cells))
        expect([a1, tab.getRange(a1).getValue()]).toEqual([a1, value]);
    });
  });
});

/** A date cell's calendar day in the spreadsheet's zone, as yyyy-mm-dd. */
function dayOf(date: Date, h: Harness): string {
  const zone = h.emu.spreadsheet.getSpreadsheetTimeZone();
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

describe('issue 10: an old tab of an existing client', () => {
  /** Tom Becker on the roster, and the tab a coach kept for him before: 2023 weeks, long overdue. */
  function tomAndHisOldTab(): Harness {
    const h = harness();
    h.emu.spreadsheet
      .insertSheet('Tom Becker (old)')
      .getRange('A1:C5')
      .setValues([
        ['Tom Becker: weekly numbers', '', ''],
        ['', '', ''],
        ['Date', 'Revenue', 'Leads'],
        ['2023-08-07', 18500, 9],
        ['2023-08-14', 18900, 11],
      ]);
    h.call('menuSetUpWorkbook');
    expect(h.call<R<unknown>>('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Tom Becker' }).ok).toBe(true);
    return h;
  }
  const rosterNames = (h: Harness) => {
    const values = h.sheet('Clients').getDataRange().getValues();
    const header = values[0] as string[];
    // Rows with a client (the advice columns spill blanks further down).
    return values
      .slice(1)
      .filter((r) => r[header.indexOf('Client ID')] !== '')
      .map((r) => [r[header.indexOf('Client')], r[header.indexOf('Status')]]);
  };

  test('the scan offers to link it to Tom as history, and adopting does so: no second Tom on the roster', () => {
    const h = tomAndHisOldTab();
    const scan = h.call<FullScan>('rpcScanForAdoption');
    const old = scan.candidates.find((c) => c.tabName === 'Tom Becker (old)');
    expect(old).toMatchObject({ match: { clientId: 'C-0001', name: 'Tom Becker' }, mode: 'history' });
    expect(old?.reasons.join(' ')).toMatch(/matches the client Tom Becker: linked to them as history/);
    const before = h.snapshot(['Tom Becker (old)']);
    const result = h.call<R<Progress>>('rpcAdoptTabs', ['Tom Becker (old)']);
    expect(result.value).toMatchObject({ adopted: ['Tom Becker (old)'], failed: [], done: true });
    expect(rosterNames(h)).toEqual([['Tom Becker', 'Active']]);
    expect(h.snapshot(['Tom Becker (old)'])).toEqual(before);
    // Linked: not offered again.
    expect(h.call<FullScan>('rpcScanForAdoption').candidates.map((c) => c.tabName)).not.toContain(
      'Tom Becker (old)',
    );
  });

  test('or adopted as an ended client, its end date the last check-in: never due, never overdue', () => {
    const h = tomAndHisOldTab();
    h.call('rpcAdoptTabs', ['Tom Becker (old)'], { 'Tom Becker (old)': { mode: 'ended' } });
    const values = h.sheet('Clients').getDataRange().getValues();
    const header = values[0] as string[];
    expect(rosterNames(h)).toEqual([
      ['Tom Becker', 'Active'],
      ['Tom Becker (old)', 'Ended'],
    ]);
    const end = values[2][header.indexOf('End date')] as Date;
    expect(end.toISOString().slice(0, 10)).toBe('2023-08-14');
  });

  test('the preview can pick the measures: only the ticked ones become metrics, and check-ins follow them', () => {
    const h = harness();
    h.emu.spreadsheet
      .insertSheet('Ann log')
      .getRange('A1:C3')
      .setValues([
        ['Date', 'Weight', 'Steps'],
        ['2024-05-06', 90, 7000],
        ['2024-05-13', 89, 7200],
      ]);
    h.call('menuSetUpWorkbook');
    h.call('rpcAdoptTabs', ['Ann log'], { 'Ann log': { table: 0, measures: ['Weight'] } });
    const refused = h.call<R<unknown>>('rpcSaveCheckIn', {
      ...WEIGHT_88,
      values: { Weight: '88', Steps: '8000' },
    });
    expect(refused.ok).toBe(false);
    const saved = h.call<R<{ row: number }>>('rpcSaveCheckIn', WEIGHT_88);
    expect(saved).toMatchObject({ ok: true, value: { row: 4 } });
    expect(h.sheet('Ann log').getRange('A4:C4').getValues()[0].slice(1)).toEqual([88, '']);
  });
});

describe('issue 15: a tab dated by "Week 1" labels and a start date', () => {
  const layout = CORPUS.find((l) => l.id === 'program-weeks-with-start') as CorpusLayout;
  test('the roster, the due list and the Dashboard see its last check-in (Week 9 of a 2024-04-01 start)', () => {
    const h = harness();
    loadCorpus(h, layout);
    h.call('menuSetUpWorkbook');
    h.call('rpcAdoptTabs', [layout.tab]);
    const roster = h.sheet('Clients').getDataRange().getValues();
    const header = roster[0] as string[];
    expect(dayOf(roster[1][header.indexOf('Last check-in')] as Date, h)).toBe('2024-05-27');
    // Week 9's weight, the latest value: 80 - 8 × 0.5.
    expect(roster[1][header.indexOf('Latest 1')]).toBe(76);
    const due = h.call<{ clients: { name: string; lastCheckIn: string | null }[] }>('rpcGetDueList');
    expect(due.clients).toContainEqual(
      expect.objectContaining({ name: layout.tab, lastCheckIn: '2024-05-27' }),
    );
    h.call('menuRefreshDashboard');
    const dashboard = JSON.stringify(h.sheet('Dashboard').getDataRange().getValues());
    expect(dashboard).toMatch(/9 days late; every 7 days/);
    expect(dashboard).not.toMatch(/No check-in yet/);
    // The coach moves the start date a week later: the live link follows, no script runs.
    h.sheet(layout.tab).getRange('B1').setValue('2024-04-08');
    const moved = h.sheet('Clients').getDataRange().getValues()[1][header.indexOf('Last check-in')] as Date;
    expect(dayOf(moved, h)).toBe('2024-06-03');
  });
});

describe('issue 15: dates without a year', () => {
  const layout = CORPUS.find((l) => l.id === 'yearless-week-ranges-from-start') as CorpusLayout;
  test('the roster shows the last year-less week and its values until a dated check-in is newer', () => {
    const h = harness();
    loadCorpus(h, layout);
    h.call('menuSetUpWorkbook');
    h.call('rpcAdoptTabs', [layout.tab]);
    const row = () => h.sheet('Clients').getDataRange().getValues()[1];
    const header = h.sheet('Clients').getDataRange().getValues()[0] as string[];
    const at = (label: string) => row()[header.indexOf(label)];
    expect(dayOf(at('Last check-in') as Date, h)).toBe('2024-06-03');
    expect([at('Latest 1'), at('Latest 2')]).toEqual([82 - 14 * 0.4, 6 + (14 % 3)]);
    // The VA corrects the last week's weight in the tab: the roster follows.
    h.sheet(layout.tab).getRange('B19').setValue(76.2);
    expect(at('Latest 1')).toBe(76.2);
    const saved = h.call<R<{ row: number }>>('rpcSaveCheckIn', {
      ...WEIGHT_88,
      values: { 'Weight (kg)': '75.8' },
    });
    expect(saved).toMatchObject({ ok: true, value: { row: 20 } });
    expect(dayOf(at('Last check-in') as Date, h)).toBe('2024-06-10');
    expect(at('Latest 1')).toBe(75.8);
    // Energy was not logged on the dated line: the year-less week's value is still its latest.
    expect(at('Latest 2')).toBe(6 + (14 % 3));
  });
});

describe('issue 15: adding back a column the scan left out', () => {
  function goalLog(): Harness {
    const h = harness();
    h.emu.spreadsheet
      .insertSheet('Ben log')
      .getRange('A1:D4')
      .setValues([
        ['Date', 'Weight', 'Goal', 'Total'],
        ['2024-05-20', 90, 80, '=B2'],
        ['2024-05-27', 89, 80, '=B2+B3'],
        ['2024-06-03', 88.5, 80, '=B2+B3+B4'],
      ]);
    h.call('menuSetUpWorkbook');
    return h;
  }

  test(
    'the preview says why each was left out and which may come back; adoption and check-ins ' +
      'follow the choice',
    () => {
      const h = goalLog();
      const scan = h.call<FullScan>('rpcScanForAdoption');
      const table = scan.candidates.find((c) => c.tabName === 'Ben log')?.tables[0];
      expect(table?.measures.map((m) => m.name)).toEqual(['Weight']);
      expect(table?.leftOut).toEqual([
        { label: 'Goal', reason: expect.stringMatching(/same value on every line/), addable: true },
        { label: 'Total', reason: expect.stringMatching(/Computed by formulas/), addable: false },
      ]);
      const before = h.snapshot(['Ben log']);
      h.call('rpcAdoptTabs', ['Ben log'], { 'Ben log': { table: 0, measures: ['Weight', 'Goal'] } });
      expect(h.snapshot(['Ben log'])).toEqual(before);
      const form = h.call<{ metrics: { name: string }[] }>('rpcGetCheckInForm', 'C-0001');
      expect(form.metrics.map((m) => m.name)).toEqual(['Weight', 'Goal']);
      const saved = h.call<R<{ row: number }>>('rpcSaveCheckIn', {
        ...WEIGHT_88,
        values: { Weight: '88', Goal: '78' },
      });
      expect(saved).toMatchObject({ ok: true, value: { row: 5 } });
      expect(h.sheet('Ben log').getRange('B5:C5').getValues()[0]).toEqual([88, 78]);
    },
  );

  test('a formula column cannot be added back, even by a crafted call: check-ins never write over it', () => {
    const h = goalLog();
    h.call('rpcAdoptTabs', ['Ben log'], { 'Ben log': { table: 0, measures: ['Weight', 'Total'] } });
    const form = h.call<{ metrics: { name: string }[] }>('rpcGetCheckInForm', 'C-0001');
    expect(form.metrics.map((m) => m.name)).toEqual(['Weight']);
  });
});
