import { checkIn, harness, type Harness, SAMPLE_CLIENT, withClient } from './helpers';

type R<T> = { ok: boolean; value: T; message?: string };
interface Card {
  metrics: { name: string; baseline: number | null; current: number | null; progress: number | null }[];
  history?: { tabName: string; checkIns: number; firstDate: string; lastDate: string; measures: string[] }[];
}

/** Tom Becker on the roster (no baseline for Revenue yet), and his old tab linked to him as history. */
function tomWithHistory(): Harness {
  const h = harness();
  h.emu.spreadsheet
    .insertSheet('Tom Becker (old)')
    .getRange('A1:C4')
    .setValues([
      ['Date', 'Revenue (USD)', 'Leads'],
      ['2023-08-07', 9000, 9],
      ['2023-08-14', 9500, 11],
      ['2023-08-21', 9400, 12],
    ]);
  h.call('menuSetUpWorkbook');
  const metrics = [{ name: 'Revenue', unit: 'USD', direction: 'up', baseline: '', target: '20000' }];
  expect(h.call<R<unknown>>('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Tom Becker', metrics }).ok).toBe(
    true,
  );
  const adopted = h.call<R<{ adopted: string[] }>>('rpcAdoptTabs', ['Tom Becker (old)']);
  expect(adopted.value.adopted).toEqual(['Tom Becker (old)']);
  return h;
}

test('the card shows the linked tab, and its values are Tom’s earlier history in Progress', () => {
  const h = tomWithHistory();
  let card = h.call<Card>('rpcGetClientCard', 'C-0001');
  expect(card.history).toEqual([
    {
      tabName: 'Tom Becker (old)',
      checkIns: 3,
      firstDate: '2023-08-07',
      lastDate: '2023-08-21',
      measures: ['Revenue (USD)', 'Leads'],
    },
  ]);
  // No check-in of his own yet: his latest Revenue is the old tab's, day one its first value.
  expect(card.metrics[0]).toMatchObject({ name: 'Revenue', baseline: 9000, current: 9400 });
  expect(card.metrics[0].progress).toBeCloseTo(400 / 11_000);
  h.call('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10', { values: { Revenue: '12000' } }));
  card = h.call<Card>('rpcGetClientCard', 'C-0001');
  expect(card.metrics[0]).toMatchObject({ baseline: 9000, current: 12_000 });
  expect(card.metrics[0].progress).toBeCloseTo(3000 / 11_000);
});

test('the progress report counts the old tab’s check-ins before his own: day one, four weeks ago, the trend', () => {
  const h = tomWithHistory();
  h.call('rpcSaveCheckIn', checkIn('C-0001', '2024-06-10', { values: { Revenue: '12000' } }));
  const made = h.call<R<{ tabName: string; text: string }>>('rpcMakeProgressReport', 'C-0001');
  expect(made.ok).toBe(true);
  // Four weeks ago (on or before 2024-05-15) is the old tab's last value.
  expect(made.value.text).toContain(
    '- Revenue: 9,000 USD on day one, 12,000 USD now, target 20,000 USD: 27% of the way. Last 4 ' +
      'weeks: 9,400 USD → 12,000 USD (+2,600 USD).',
  );
  const row = h.sheet(made.value.tabName).getRange('A11:G11').getValues()[0];
  expect(row).toEqual(['Revenue (USD)', 9000, 9400, 12_000, 20_000, 3000 / 11_000, 2600]);
});

test('a client without a linked tab reads as before: no history, the baseline as set', () => {
  const h = withClient();
  const card = h.call<Card>('rpcGetClientCard', 'C-0001');
  expect(card.history).toEqual([]);
  expect(card.metrics[0]).toMatchObject({ baseline: 10_000, current: null, progress: null });
});
