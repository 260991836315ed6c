import { placeCheckIn, orientedGrid, scanTab, choiceFor, type TabScan } from '../../src/core/adopt';
import { formatIsoDay, parseIsoDay } from '../../src/core/dates';
import { parseDate } from '../../src/core/parse';
import { CORPUS, type CorpusCell, type CorpusLayout } from '../fixtures/adopt-corpus';

const TODAY = parseIsoDay('2024-06-12') as number;
const WEEK = parseIsoDay('2024-06-10') as number;

/** Cell values as getValues returns them: dates as Dates (UTC midnight here), formulas as what they show. */
function grid(rows: CorpusCell[][]): { values: unknown[][]; formulas: string[][] } {
  const width = Math.max(...rows.map((r) => r.length), 1);
  const cell = (c: CorpusCell | undefined): unknown =>
    c === undefined
      ? ''
      : typeof c !== 'object'
        ? c
        : 'date' in c
          ? new Date(`${c.date}T00:00:00Z`)
          : 'spill' in c
            ? c.spill
            : (c.value ?? '');
  return {
    values: rows.map((r) => Array.from({ length: width }, (_, i) => cell(r[i]))),
    formulas: rows.map((r) =>
      Array.from({ length: width }, (_, i) => {
        const c = r[i];
        return typeof c === 'object' && 'formula' in c ? c.formula : '';
      }),
    ),
  };
}

const readDay = (value: unknown) =>
  value instanceof Date
    ? Math.floor(value.getTime() / 86_400_000)
    : typeof value === 'string'
      ? parseDate(value, 'en_US')
      : null;

function scan(layout: CorpusLayout, tab = layout.tab) {
  const { values, formulas } = grid(layout.tabs[tab]);
  return { values, result: scanTab(values, { readDay, today: TODAY, formulas }) };
}

describe.each(CORPUS)('the scan of $id', (layout) => {
  test('finds the right table, axis, measures and observations, or says why not', () => {
    const { result } = scan(layout);
    if ('skip' in layout.expect) {
      expect(result).toEqual({ ok: false, reason: expect.stringMatching(layout.expect.skip) });
      return;
    }
    const want = layout.expect;
    expect(result.ok).toBe(true);
    const found = result as TabScan;
    expect({
      verdict: found.verdict,
      orientation: found.table.orientation,
      axisLabel: found.table.axisLabel,
      measures: found.table.measures.map((m) => m.name),
      observations: found.table.observations.length,
      lastCheckIn: formatIsoDay(Math.max(...found.table.observations.map((o) => o.day))),
    }).toEqual({
      verdict: want.verdict,
      orientation: want.orientation,
      axisLabel: want.axisLabel,
      measures: want.measures,
      observations: want.observations,
      lastCheckIn: want.lastCheckIn,
    });
    for (const label of want.leftOut ?? []) {
      expect(found.table.leftOut).toEqual(
        expect.arrayContaining([
          {
            index: expect.any(Number),
            label,
            reason: expect.stringMatching(/\w/),
            addable: expect.any(Boolean),
          },
        ]),
      );
    }
    if (want.summaries) expect(found.table.summaries.map((s) => s.label)).toEqual(want.summaries);
    for (const [name, value] of Object.entries(want.baselines ?? {}))
      expect(found.table.measures.find((m) => m.name === name)?.baseline).toBe(value);
    for (const [name, value] of Object.entries(want.targets ?? {}))
      expect(found.table.measures.find((m) => m.name === name)?.target).toBe(value);
    expect(found.table.reasons.join(' ')).toMatch(/\w/);
    // Whether the tab is ticked holds whichever table is picked: said once, for the tab.
    expect(found.reasons).toEqual(want.verdict === 'log' ? [] : ['Not adopted unless you tick it.']);
  });

  if (layout.checkIn) {
    test('places a check-in for the week of 2024-06-10 where the expected cells are', () => {
      const { values, result } = scan(layout);
      const found = result as TabScan;
      const place = placeCheckIn(found.table, orientedGrid(values, found.table.orientation, ''), WEEK);
      const cells = Object.keys(layout.checkIn?.cells ?? {});
      // The line the cells are on: a row number, or a column letter when dates run across.
      const lines = new Set(
        cells.map((a1) =>
          found.table.orientation === 'rows' ? Number(a1.replace(/^[A-Z]+/, '')) - 1 : a1.charCodeAt(0) - 65,
        ),
      );
      expect([...lines]).toEqual([place.index]);
      expect(place.insert).toBe(layout.checkIn?.insert === true);
    });
  }
});

describe('scan details a user sees', () => {
  test('a choice made in the preview is found again after rows were inserted above the table', () => {
    const layout = CORPUS.find((l) => l.id === 'run-log-then-gear-list') as CorpusLayout;
    const { values, result } = scan(layout);
    const found = result as TabScan;
    const choice = { ...choiceFor(values, found.table), measures: ['Distance (km)'] };
    const moved = [[], [], ...values];
    const again = scanTab(moved, { readDay, today: TODAY, choice }) as TabScan;
    expect(again.table.header).toBe(found.table.header + 2);
    expect(again.table.measures.map((m) => m.name)).toEqual(['Distance (km)']);
    expect(again.table.leftOut).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: 'Long run (km)', reason: 'Left out in the preview.' }),
      ]),
    );
  });

  test('the user may pick the other table on a tab with two logs', () => {
    const values = [
      ['Date', 'Weight'],
      [new Date('2024-05-06T00:00:00Z'), 80],
      [new Date('2024-05-13T00:00:00Z'), 79],
      [new Date('2024-05-20T00:00:00Z'), 78],
      [],
      ['Date', 'Waist'],
      [new Date('2024-05-06T00:00:00Z'), 90],
    ];
    const first = scanTab(values, { readDay, today: TODAY }) as TabScan;
    expect(first.table.measures.map((m) => m.name)).toEqual(['Weight']);
    expect(first.alternatives.map((t) => t.measures.map((m) => m.name))).toContainEqual(['Waist']);
    const other = first.alternatives.find((t) => t.measures[0]?.name === 'Waist');
    const picked = scanTab(values, { readDay, today: TODAY, choice: choiceFor(values, other!) }) as TabScan;
    expect(picked.table.header).toBe(5);
  });

  test('each table on a tab carries its own reasons, so the preview can follow the table the user picks', () => {
    const values = [
      ['Date', 'Weight'],
      [new Date('2024-05-06T00:00:00Z'), 80],
      [new Date('2024-05-13T00:00:00Z'), 79],
      [new Date('2024-05-20T00:00:00Z'), 78],
      [],
      ['Task', 'Due date', 'Priority'],
      ['Send invoices', new Date('2024-06-03T00:00:00Z'), 1],
      ['Renew insurance', new Date('2024-06-05T00:00:00Z'), 2],
    ];
    const found = scanTab(values, { readDay, today: TODAY }) as TabScan;
    expect(found.verdict).toBe('log');
    expect(found.reasons).toEqual([]);
    expect(found.table.reasons).toEqual(['3 dated rows with measurements in column A ("Date").']);
    const todo = found.alternatives.find((t) => t.axisLabel === 'Due date');
    expect(todo?.reasons).toEqual([
      'Its dates are due dates ("Due date"), not check-ins: it looks like a to-do list.',
    ]);
    // Confirmed in the preview, the to-do table decides the tab's verdict, and the tab is not ticked.
    const picked = scanTab(values, { readDay, today: TODAY, choice: choiceFor(values, todo!) }) as TabScan;
    expect(picked.verdict).toBe('not-client');
    expect(picked.table.reasons).toEqual(todo?.reasons);
    expect(picked.reasons).toEqual(['Not adopted unless you tick it.']);
    expect(picked.alternatives.find((t) => t.axisLabel === 'Date')?.reasons).toEqual(found.table.reasons);
  });

  test('an empty tab and a tab without dates are skipped with what is missing', () => {
    expect(scanTab([], { readDay, today: TODAY })).toEqual({ ok: false, reason: 'The tab is empty.' });
    expect(
      scanTab(
        [
          ['Idea', 'Owner'],
          ['Podcast', 'me'],
        ],
        { readDay, today: TODAY },
      ),
    ).toEqual({
      ok: false,
      reason: expect.stringMatching(/No dates found/),
    });
    expect(
      scanTab(
        [
          ['Date', 'Note'],
          [new Date('2024-01-01T00:00:00Z'), 'x'],
        ],
        { readDay, today: TODAY },
      ),
    ).toEqual({
      ok: false,
      reason: expect.stringMatching(/no measurements beside them/),
    });
  });
});

describe('adding back a left-out column', () => {
  const layout = CORPUS.find((l) => l.id === 'season-week-counters') as CorpusLayout;

  test('counters may come back when the user ticks them; a formula column never does', () => {
    const { values, result } = scan(layout);
    const found = result as TabScan;
    const addable = Object.fromEntries(found.table.leftOut.map((l) => [l.label, l.addable]));
    expect(addable).toEqual({ Season: true, Week: true, Total: false });
    const { formulas } = grid(layout.tabs[layout.tab]);
    const choice = { ...choiceFor(values, found.table), measures: ['Goals', 'Week', 'Total'] };
    const again = scanTab(values, { readDay, today: TODAY, formulas, choice }) as TabScan;
    expect(again.table.measures.map((m) => m.name)).toEqual(['Week', 'Goals']);
    expect(again.table.leftOut.map((l) => l.label)).toEqual(expect.arrayContaining(['Total', 'Assists']));
  });
});
