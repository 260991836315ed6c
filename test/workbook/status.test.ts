/** The one status rule on the built bundle: the card and the Dashboard say the same of every client. */
import { checkIn, harness, SAMPLE_CLIENT } from './helpers';

type CardState = {
  status: string;
  checkIn: string;
  overdueBy: number | null;
  paysLate: boolean;
  tone: string;
};

/** The Dashboard reasons a card state stands for (the list's words). */
function reasonsOf(state: CardState): string[] {
  const reasons: string[] = [];
  if (state.checkIn === 'overdue') reasons.push('Check-in overdue');
  if (state.checkIn === 'due') reasons.push('Nothing logged this week');
  if (state.paysLate) reasons.push('Late payment');
  return reasons;
}

test('a client not logged this week and paying late: the card says so in red, as the Dashboard lists them', () => {
  const h = harness(); // Wednesday 2024-06-12; the week started Monday 06-10
  h.call('menuSetUpWorkbook');
  // Logged the week of 06-03 with a 9-day cadence: due 06-12, so not overdue yet, but nothing this week.
  h.call('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Late payer', cadenceDays: '9' });
  h.call('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Overdue' });
  h.call('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Fine' });
  h.call('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Leaving' });
  h.call('rpcSaveCheckIn', checkIn('C-0001', '2024-06-03'));
  h.call('rpcSaveCheckIn', checkIn('C-0002', '2024-05-20'));
  h.call('rpcSaveCheckIn', checkIn('C-0003', '2024-06-10'));
  h.call('rpcRecordPayment', { clientId: 'C-0001', due: '2024-05-20', paid: '', amount: '2000', note: '' });
  h.call('rpcOffboardClient', {
    clientId: 'C-0004',
    endDate: '2024-08-01',
    noticeDate: '2024-06-01',
    reason: 'Poor fit',
    endAtPeriodClose: false,
  });
  h.call('menuRefreshDashboard');

  const card = h.call<{ state: CardState }>('rpcGetClientCard', 'C-0001').state;
  expect(card).toEqual({ status: 'Active', checkIn: 'due', overdueBy: null, paysLate: true, tone: 'bad' });

  const dashboard = h.sheet('Dashboard');
  const rows = dashboard
    .getRange('D3:H20')
    .getValues()
    .filter((row) => row[0] !== '');
  // The reasons the status rule decides (the list also gives advice rows: health, program end...).
  const STATUS_REASONS = ['Check-in overdue', 'Nothing logged this week', 'Late payment'];
  const listed = (clientId: string) =>
    rows
      .filter((row) => row[4] === clientId && STATUS_REASONS.includes(String(row[1])))
      .map((row) => String(row[1]))
      .sort();
  expect(listed('C-0001')).toEqual(['Late payment', 'Nothing logged this week']);
  for (const clientId of ['C-0001', 'C-0002', 'C-0003', 'C-0004']) {
    const state = h.call<{ state: CardState }>('rpcGetClientCard', clientId).state;
    expect([clientId, reasonsOf(state).sort()]).toEqual([clientId, listed(clientId)]);
  }
  expect(listed('C-0003')).toEqual([]);
  expect(listed('C-0004')).toEqual(['Check-in overdue']); // serving notice, still chased
});
