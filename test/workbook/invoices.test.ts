/** Invoices and payments on the built bundle: a payment settles the invoice it picks, on its own row. */
import {
  harness,
  type Harness,
  NOW,
  type RpcResult,
  SAMPLE_CLIENT,
  withClient,
  rowsByLabel,
} from './helpers';

interface Invoices {
  open: {
    row: number;
    due: string;
    amount: number;
    paidAmount: number | null;
    stillDue: number;
    late: boolean;
  }[];
  scheduled: { due: string; amount: number } | null;
  record: { counted: number; late: number; unpaidLate: number; averageDaysLate: number | null };
}

/** The Payments rows, by header label, with dates as yyyy-mm-dd. */
const paymentRows = (h: Harness) => rowsByLabel(h, 'Payments');

/** Makes an invoice for C-0001. */
const createInvoice = (h: Harness, due: string, amount: string, note = '') =>
  h.call<RpcResult>('rpcCreateInvoice', { clientId: 'C-0001', due, amount, note });

/** Pays C-0001's invoice listed on Payments row 2. */
const payInvoice = (h: Harness, due: string, paid: string, amount: string, note = '') =>
  h.call<RpcResult>('rpcPayInvoice', { clientId: 'C-0001', row: 2, due, paid, amount, note });

/** Dates of the Payments sheet are midnight in New York: 04:00 or 05:00 UTC, the same day. */
const day = (iso: string) => iso;

describe('a payment settles an invoice', () => {
  test(
    'paying the overdue invoice writes the paid date and amount onto its row: no second row, not ' +
      'overdue any more',
    () => {
      const h = withClient();
      expect(createInvoice(h, '2024-05-01', '$2,000', 'May').ok).toBe(true);
      let invoices = h.call<Invoices>('rpcGetInvoices', 'C-0001');
      expect(invoices.open).toEqual([
        { row: 2, due: '2024-05-01', amount: 2000, paidAmount: null, stillDue: 2000, late: true },
      ]);
      const why = () => h.sheet('Dashboard').getRange('E3:E8').getValues().flat();
      h.call('menuRefreshDashboard');
      expect(why()).toContain('Late payment');

      const paid = payInvoice(h, '2024-05-01', '2024-06-10', '2,000');
      expect(paid).toMatchObject({ ok: true, value: { row: 2, stillDue: 0 } });
      const rows = paymentRows(h);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        'Client ID': 'C-0001',
        Due: day('2024-05-01'),
        Amount: 2000,
        'Paid amount': 2000,
        Note: 'May',
      });
      expect(h.sheet('Payments').getRange('D2').getDisplayValue()).toBe('6/10/2024');

      invoices = h.call<Invoices>('rpcGetInvoices', 'C-0001');
      expect(invoices.open).toEqual([]);
      expect(invoices.record).toEqual({ counted: 1, late: 1, unpaidLate: 0, averageDaysLate: 40 });
      const card = h.call<{ payments: { late: boolean; paid: string | null }[]; money: { record: unknown } }>(
        'rpcGetClientCard',
        'C-0001',
      );
      // One entry, paid late: not "overdue" and "paid late" twice over.
      expect(card.payments).toEqual([
        expect.objectContaining({ due: '2024-05-01', paid: '2024-06-10', late: true }),
      ]);
      expect(card.money.record).toEqual({ counted: 1, late: 1, unpaidLate: 0, averageDaysLate: 40 });
      h.call('menuRefreshDashboard');
      expect(why()).not.toContain('Late payment');
    },
  );

  test('Record payment with the due date of an open invoice settles that invoice too', () => {
    const h = withClient();
    h.call('rpcRecordPayment', { clientId: 'C-0001', due: '2024-05-01', paid: '', amount: '2000', note: '' });
    expect(
      h.call<RpcResult>('rpcRecordPayment', {
        clientId: 'C-0001',
        due: '2024-05-01',
        paid: '2024-05-20',
        amount: '2000',
        note: 'wire',
      }),
    ).toMatchObject({ ok: true, value: { row: 2 } });
    expect(paymentRows(h)).toEqual([
      expect.objectContaining({ Paid: expect.any(String), 'Paid amount': 2000, Note: 'wire' }),
    ]);
  });

  test('paying an invoice already paid is refused with a clear message and changes nothing', () => {
    const h = withClient();
    createInvoice(h, '2024-05-01', '2000');
    payInvoice(h, '2024-05-01', '2024-05-03', '2000');
    const before = h.snapshot();
    const again = payInvoice(h, '2024-05-01', '2024-06-10', '2000');
    expect(again).toEqual({
      ok: false,
      errors: [
        { field: 'invoice', message: 'The invoice due 5/1/2024 is already paid; nothing was changed.' },
      ],
      message: 'The invoice due 5/1/2024 is already paid; nothing was changed.',
    });
    expect(h.snapshot()).toEqual(before);
  });

  test('a part payment keeps the invoice open for the rest; the rest settles it; more than is due is refused', () => {
    const h = withClient();
    createInvoice(h, '2024-06-01', '2000', 'June');
    expect(payInvoice(h, '2024-06-01', '2024-06-03', '500')).toMatchObject({
      ok: true,
      value: { stillDue: 1500 },
    });
    expect(paymentRows(h)[0]).toMatchObject({
      Paid: '',
      'Paid amount': 500,
      Note: 'June; $500 paid 6/3/2024',
    });
    expect(h.call<Invoices>('rpcGetInvoices', 'C-0001').open).toEqual([
      expect.objectContaining({ paidAmount: 500, stillDue: 1500 }),
    ]);
    const before = h.snapshot();
    const over = payInvoice(h, '2024-06-01', '2024-06-10', '1600');
    expect(over.errors).toEqual([
      { field: 'amount', message: '$1,600 is more than the $1,500 still due on the invoice due 6/1/2024.' },
    ]);
    expect(h.snapshot()).toEqual(before);
    payInvoice(h, '2024-06-01', '2024-06-10', '1500', 'rest');
    expect(paymentRows(h)[0]).toMatchObject({
      'Paid amount': 2000,
      Note: 'June; $500 paid 6/3/2024; rest',
    });
    expect(h.sheet('Payments').getRange('D2').getDisplayValue()).toBe('6/10/2024');
    expect(h.call<Invoices>('rpcGetInvoices', 'C-0001').open).toEqual([]);
  });

  test('a part-paid overdue invoice: the card says Part paid, the Dashboard chases only what is still due', () => {
    const h = withClient();
    createInvoice(h, '2024-05-01', '2000');
    payInvoice(h, '2024-05-01', '2024-05-03', '500');
    const card = h.call<{
      payments: { due: string; paid: string | null; paidAmount: number | null; late: boolean }[];
    }>('rpcGetClientCard', 'C-0001');
    expect(card.payments).toEqual([
      { due: '2024-05-01', paid: null, amount: 2000, paidAmount: 500, late: true },
    ]);
    h.call('menuRefreshDashboard');
    const list = h.sheet('Dashboard').getRange('D3:F12').getValues();
    const late = list.find((r) => r[1] === 'Late payment');
    expect(late?.[2]).toBe('$1,500 unpaid of $2,000, 42 days past due');
  });

  test('the invoice is found by its due date when rows moved since it was listed', () => {
    const h = withClient();
    createInvoice(h, '2024-05-01', '2000');
    createInvoice(h, '2024-06-01', '2000');
    h.sheet('Payments').insertRowsBefore(2, 1); // the user inserted a row above: the listed rows moved down
    payInvoice(h, '2024-06-01', '2024-06-05', '2000');
    const rows = paymentRows(h);
    expect(rows.map((r) => [r.Due, r['Paid amount']])).toEqual([
      ['2024-05-01', ''],
      ['2024-06-01', 2000],
    ]);
  });
});

describe('invoices made ahead and from the fee schedule', () => {
  test('an invoice made ahead is open, not late, and a double entry is refused', () => {
    const h = withClient();
    expect(createInvoice(h, '2024-07-01', '2,500', '=extra').ok).toBe(true);
    expect(paymentRows(h)).toEqual([
      expect.objectContaining({ Due: '2024-07-01', Paid: '', Amount: 2500, Note: '=extra' }),
    ]);
    expect(h.call<Invoices>('rpcGetInvoices', 'C-0001').open).toEqual([
      expect.objectContaining({ late: false, stillDue: 2500 }),
    ]);
    const before = h.snapshot();
    const twice = createInvoice(h, '2024-07-01', '2500');
    expect(twice.errors?.[0]).toEqual({
      field: 'due',
      message: 'Acme Co already has an invoice of $2,500 due 7/1/2024 (Payments row 2); nothing was added.',
    });
    expect(h.snapshot()).toEqual(before);
  });

  test('the fee schedule offers the monthly fee, due on the start date, then monthly on the start day', () => {
    const h = withClient();
    let scheduled = h.call<Invoices>('rpcGetInvoices', 'C-0001').scheduled;
    expect(scheduled).toEqual({ due: '2024-01-08', amount: 2000 });
    h.call('rpcCreateInvoice', {
      clientId: 'C-0001',
      ...scheduled,
      amount: String(scheduled?.amount),
      note: '',
    });
    scheduled = h.call<Invoices>('rpcGetInvoices', 'C-0001').scheduled;
    expect(scheduled).toEqual({ due: '2024-02-08', amount: 2000 });
    // An invoice typed by hand later in the month moves the schedule past it.
    createInvoice(h, '2024-03-20', '2000');
    expect(h.call<Invoices>('rpcGetInvoices', 'C-0001').scheduled).toEqual({
      due: '2024-04-08',
      amount: 2000,
    });
  });

  test('no fee, no schedule', () => {
    const h = harness();
    h.call('menuSetUpWorkbook');
    // A client billed by the project: profit typed, no monthly fee.
    expect(
      h.call<RpcResult>('rpcCreateClient', { ...SAMPLE_CLIENT, monthlyFee: '', yearlyProfit: '9000' }).ok,
    ).toBe(true);
    expect(h.call<Invoices>('rpcGetInvoices', 'C-0001').scheduled).toBeNull();
  });
});

describe('a workbook from before Paid amount', () => {
  function oldWorkbook(): Harness {
    const h = withClient();
    const payments = h.sheet('Payments');
    // The old header, and a column of the user's where Paid amount would go.
    payments.getRange('G1').setValue('Invoice #');
    createInvoice(h, '2024-05-01', '2000');
    payments.getRange('G2').setValue('INV-7');
    return h;
  }

  test('a full payment still settles the invoice; a part payment asks for Set up and changes nothing', () => {
    const h = oldWorkbook();
    const before = h.snapshot();
    const part = payInvoice(h, '2024-05-01', '2024-05-03', '500');
    expect(part.errors?.[0].message).toMatch(
      /needs the "Paid amount" column in Payments: run ClientTabs > Set up workbook/,
    );
    expect(h.snapshot()).toEqual(before);
    expect(payInvoice(h, '2024-05-01', '2024-05-03', '2000').ok).toBe(true);
    expect(paymentRows(h)[0]).toMatchObject({ Paid: '2024-05-03', 'Invoice #': 'INV-7' });
  });

  test('a Payments sheet whose Paid header was renamed refuses to settle rather than lose the date', () => {
    const h = oldWorkbook();
    h.sheet('Payments').getRange('D1').setValue('Paid on');
    const before = h.snapshot();
    const result = payInvoice(h, '2024-05-01', '2024-05-03', '2000');
    expect(result.errors).toEqual([{ field: 'paid', message: expect.stringContaining('no "Paid" column') }]);
    expect(h.snapshot()).toEqual(before);
  });

  test("Set up adds Paid amount after the user's own column, whose values stay", () => {
    const h = oldWorkbook();
    h.call('menuSetUpWorkbook');
    expect(h.sheet('Payments').getRange('A1:H1').getValues()[0]).toEqual([
      'Client ID',
      'Client',
      'Due',
      'Paid',
      'Amount',
      'Note',
      'Invoice #',
      'Paid amount',
    ]);
    expect(h.sheet('Payments').getRange('G2').getValue()).toBe('INV-7');
    payInvoice(h, '2024-05-01', '2024-05-03', '500');
    expect(paymentRows(h)[0]).toMatchObject({ 'Paid amount': 500, 'Invoice #': 'INV-7', Paid: '' });
  });
});

test('NOW is the helpers clock: 2024-06-12', () => {
  expect(new Date(NOW).toISOString().slice(0, 10)).toBe('2024-06-12');
});

describe('bad input gets a clear message and changes nothing', () => {
  const pay = { clientId: 'C-0001', row: 2, due: '2024-05-01', paid: '2024-05-03', amount: '2000', note: '' };
  const ahead = { clientId: 'C-0001', due: '2024-07-01', amount: '2000', note: '' };
  let h: Harness;
  beforeAll(() => {
    h = withClient();
    createInvoice(h, '2024-05-01', '2000');
  });

  test.each([
    ['rpcPayInvoice', 'nothing', undefined, 'clientId'],
    ['rpcPayInvoice', 'an unknown client', { ...pay, clientId: 'C-9999' }, 'clientId'],
    ['rpcPayInvoice', 'no invoice due that day', { ...pay, due: '2024-04-01' }, 'invoice'],
    ['rpcPayInvoice', 'February 30th', { ...pay, due: '2024-02-30' }, 'invoice'],
    ['rpcPayInvoice', 'no paid date', { ...pay, paid: '' }, 'paid'],
    ['rpcPayInvoice', 'a formula for the amount', { ...pay, amount: '=2000' }, 'amount'],
    ['rpcPayInvoice', 'a negative amount', { ...pay, amount: '-5' }, 'amount'],
    ['rpcPayInvoice', 'no amount', { ...pay, amount: '' }, 'amount'],
    ['rpcPayInvoice', 'a numeric note', { ...pay, note: 42 }, 'note'],
    ['rpcCreateInvoice', 'nothing', undefined, 'clientId'],
    ['rpcCreateInvoice', 'a due date in words', { ...ahead, due: 'next month' }, 'due'],
    ['rpcCreateInvoice', 'an amount in words', { ...ahead, amount: 'two grand' }, 'amount'],
    ['rpcCreateInvoice', 'an amount past the bound', { ...ahead, amount: '1e12' }, 'amount'],
  ])('%s with %s is refused', (name, _label, input, field) => {
    const before = h.snapshot();
    const result = h.call<RpcResult>(name, input);
    expect(result.ok).toBe(false);
    expect(result.errors?.map((e) => e.field)).toContain(field);
    for (const message of [result.message, ...(result.errors ?? []).map((e) => e.message)])
      expect(message).not.toMatch(/TypeError|undefined|\[object Object\]/);
    expect(h.snapshot()).toEqual(before);
  });

  test('invoices of an unknown client, or of no client, are null', () => {
    expect(h.call('rpcGetInvoices', 'C-9999')).toBeNull();
    expect(h.call('rpcGetInvoices', 42)).toBeNull();
    expect(h.call('rpcGetInvoices')).toBeNull();
  });
});
