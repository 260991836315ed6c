import { harness, type Harness } from './helpers';

type R<T> = { ok: boolean; value: T; message?: string };
interface FullScan {
  candidates: { tabName: string; tables: { axisLabel: string; measures: { name: string }[] }[] }[];
}

const iso = (day: number) => new Date(Date.UTC(2024, 3, 1) + day * 86_400_000).toISOString().slice(0, 10);

/**
 * A tab with two logs: body measurements weekly to 2024-06-03 (the scan's pick: more check-ins), then
 * a habits log to 2024-05-20, the one the coach picks in the preview.
 */
function adoptedWithCorrection(habitsAxis: string): Harness {
  const h = harness();
  const rows: unknown[][] = [['Date', 'Weight', 'Waist']];
  for (let w = 0; w < 10; w++) rows.push([iso(7 * w), 80 - w * 0.3, 90 - w * 0.2]);
  rows.push(['', '', ''], [habitsAxis, 'Steps', 'Sleep (h)']);
  for (let w = 0; w < 8; w++) rows.push([iso(7 * w), 7000 + w * 150, 6.5 + (w % 3) * 0.5]);
  h.emu.spreadsheet.insertSheet('Sam').getRange(1, 1, rows.length, 3).setValues(rows);
  h.call('menuSetUpWorkbook');
  const scan = h.call<FullScan>('rpcScanForAdoption');
  const tables = scan.candidates.find((c) => c.tabName === 'Sam')?.tables ?? [];
  expect(tables[0].axisLabel).toBe('Date');
  const habits = tables.findIndex((t) => t.axisLabel === habitsAxis);
  expect(habits).toBeGreaterThan(0);
  const adopted = h.call<R<{ adopted: string[] }>>('rpcAdoptTabs', ['Sam'], {
    Sam: { table: habits, measures: ['Steps'] },
  });
  expect(adopted.value.adopted).toEqual(['Sam']);
  return h;
}

const rosterCell = (h: Harness, label: string) => {
  const values = h.sheet('Clients').getDataRange().getValues();
  return {
    value: values[1][(values[0] as string[]).indexOf(label)],
    column: (values[0] as string[]).indexOf(label) + 1,
  };
};

// "Week of" is also our own log's header: the confirmed table must win over reading it as ours.
test.each(['Logged on', 'Week of'])(
  'a tab adopted with a corrected table (%s) reads the same on the roster, the due list and the Dashboard',
  (habitsAxis) => {
    const h = adoptedWithCorrection(habitsAxis);
    const live = rosterCell(h, 'Last check-in').value as Date;
    expect(live.toISOString().slice(0, 10)).toBe('2024-05-20');
    // The coach typed over the roster's live link: the due list and the Dashboard read the tab itself.
    h.sheet('Clients').getRange(2, rosterCell(h, 'Last check-in').column).setValue('see tab');
    const due = h.call<{ clients: { name: string; lastCheckIn: string | null }[] }>('rpcGetDueList');
    expect(due.clients).toContainEqual(expect.objectContaining({ name: 'Sam', lastCheckIn: '2024-05-20' }));
    h.call('menuRefreshDashboard');
    const dashboard = JSON.stringify(h.sheet('Dashboard').getDataRange().getValues());
    // 2024-05-20 + 7 days = 05-27, 16 days before 06-12 (the body log's 06-03 would say 2).
    expect(dashboard).toMatch(/16 days late; every 7 days/);
    // A check-in goes into the confirmed table, below its last week (row 21), in its Steps column.
    const saved = h.call<R<{ row: number }>>('rpcSaveCheckIn', {
      clientId: 'C-0001',
      weekOf: '2024-06-10',
      values: { Steps: '8000' },
      satisfaction: '',
      wins: '',
      blockers: '',
      notes: '',
    });
    expect(saved).toMatchObject({ ok: true, value: { row: 22 } });
    expect(h.sheet('Sam').getRange('B22').getValue()).toBe(8000);
  },
);
