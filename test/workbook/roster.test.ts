/** The roster's live links (src/workbook/roster.ts liveLinks), on the built bundle. */
import { checkIn, harness, SAMPLE_CLIENT } from './helpers';

type R = { ok: boolean; value: { clientId: string } };

describe('live links in the roster', () => {
  test('after the user sorts the roster, each row still shows its own client’s check-ins and metrics', () => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    const clients = ['Acme Co', 'Beta LLC', 'Cobalt'].map((name, i) => {
      const { clientId } = h.call<R>('rpcCreateClient', { ...SAMPLE_CLIENT, name }).value;
      const weeks = ['2024-05-20', '2024-05-27', '2024-06-03'].slice(0, i + 1);
      for (const week of weeks)
        expect(
          h.call<{ ok: boolean }>(
            'rpcSaveCheckIn',
            checkIn(clientId, week, { values: { Revenue: String(1000 * (i + 1)), 'Cost per lead': '20' } }),
          ).ok,
        ).toBe(true);
      return name;
    });
    const roster = h.sheet('Clients');
    const shown = () => {
      const values = roster.getDataRange().getDisplayValues();
      const header = values[0];
      const at = (label: string) => header.indexOf(label);
      return values
        .slice(1)
        .filter((row) => clients.includes(row[at('Client')] as string))
        .map((row) => [
          row[at('Client')],
          row[at('Last check-in')],
          row[at('Metric 1')],
          row[at('Latest 1')],
          row[at('Progress 1')],
        ])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    };
    const before = shown();
    expect(before.map((row) => row.slice(0, 4))).toEqual([
      ['Acme Co', '5/20/2024', 'Revenue', '1,000'],
      ['Beta LLC', '5/27/2024', 'Revenue', '2,000'],
      ['Cobalt', '6/3/2024', 'Revenue', '3,000'],
    ]);
    roster.getRange(2, 1, 3, roster.getLastColumn()).sort({ column: 2, ascending: false });
    expect(roster.getRange('B2:B4').getValues().flat()).toEqual(['Cobalt', 'Beta LLC', 'Acme Co']);
    expect(shown()).toEqual(before);
  });
});
