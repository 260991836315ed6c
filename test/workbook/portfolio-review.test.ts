/** The Portfolio review tab (src/workbook/portfolio-review.ts) and acting on its rows, on the built bundle. */
import { checkIn, harness, SAMPLE_CLIENT, type Harness } from './helpers';

type R = { ok: boolean; message?: string };
const HEADER = [
  'Rank',
  'Client',
  'Verdict',
  'Per hour',
  'Health',
  'Why',
  'What to do',
  'New fee',
  'Date',
  'Notice by',
  'Reason',
  'Client ID',
];

/** Today is Wed 2024-06-12. Three active clients on a 6-month program from 2024-01-08, and one paused. */
function portfolio(): Harness {
  const h = harness();
  h.call('menuSetUpWorkbook');
  const ok = (answer: unknown) => expect((answer as R).message ?? 'ok').toBe('ok');
  for (const [name, hours] of [
    ['Acme Co', '20'],
    ['Beta LLC', '45'],
    ['Cara Ltd', '20'],
    ['Dormant Inc', '60'],
  ] as const) {
    const created = h.call<{ ok: boolean; value: { clientId: string } }>('rpcCreateClient', {
      ...SAMPLE_CLIENT,
      name,
    });
    ok(created);
    ok(h.call('rpcSetClientHours', { clientId: created.value.clientId, hoursPerMonth: hours }));
    ok(h.call('rpcSaveCheckIn', checkIn(created.value.clientId, '2024-06-10')));
  }
  // Cara pays every invoice 20 days late.
  for (const month of ['01', '02', '03', '04', '05'])
    ok(
      h.call('rpcRecordPayment', {
        clientId: 'C-0003',
        due: `2024-${month}-08`,
        paid: `2024-${month}-28`,
        amount: '2,000',
        note: '',
      }),
    );
  const roster = h.sheet('Clients');
  const header = roster.getRange(1, 1, 1, roster.getLastColumn()).getValues()[0];
  roster.getRange(5, header.indexOf('Status') + 1).setValue('Paused');
  return h;
}

function review(h: Harness): unknown[][] {
  return h.sheet('Portfolio review').getDataRange().getDisplayValues();
}

function run(h: Harness): string | null {
  const alerts = h.emu.ui.alerts.length;
  h.emu.ui.respond({ button: 'OK' });
  h.call('menuPortfolioReview');
  return h.emu.ui.alerts.length > alerts ? (h.emu.ui.alerts.at(-1) as { prompt: string }).prompt : null;
}

/** The sidebar's start-up data (its JSON block), without the per-opening token and context. */
function opened(h: Harness): unknown {
  const html = h.emu.ui.sidebars.at(-1)!.html;
  const match = /<script type="application\/json" id="clienttabs-boot">([^<]*)<\/script>/.exec(html);
  const view = JSON.parse(match![1]) as Record<string, unknown>;
  delete view.token;
  delete view.context;
  return view;
}

function actOnRow(h: Harness, row: number): string | null {
  const sheet = h.sheet('Portfolio review');
  h.emu.spreadsheet.setActiveRange(sheet.getRange(row, 2));
  const alerts = h.emu.ui.alerts.length;
  h.emu.ui.respond({ button: 'OK' });
  h.call('menuActOnReviewRow');
  return h.emu.ui.alerts.length > alerts ? (h.emu.ui.alerts.at(-1) as { prompt: string }).prompt : null;
}

describe('Portfolio review', () => {
  test(
    'writes a dated block: keep, re-price with the raise and its day, let go at the first period ' +
      'close with notice',
    () => {
      const h = portfolio();
      const before = h.snapshot(['Clients', 'Payments', 'Requests', 'Rates']);
      expect(run(h)).toBeNull();
      // Nothing changes until the coach acts.
      expect(h.snapshot(['Clients', 'Payments', 'Requests', 'Rates'])).toEqual(before);
      const values = review(h);
      expect(values[0][0]).toBe('Portfolio review, Q2 2024 (as of 6/12/2024)');
      expect(values[1]).toEqual(HEADER);
      const rows = values.slice(2).map((r) => [r[0], r[1], r[2], r[3], r[7], r[8], r[9], r[10], r[11]]);
      expect(rows).toEqual([
        ['1', 'Acme Co', 'Keep', '100.00', '', '', '', '', 'C-0001'],
        // $2,000 / 45 h = $44.44 against $50: $2,250 pays the floor, from the yearly review (a year after the start).
        ['2', 'Beta LLC', 'Re-price', '44.44', '2,250', '1/8/2025', '12/9/2024', '', 'C-0002'],
        // Notice today: the earliest end is 7/12, past the period closing 7/8: the next close, 1/8/2025.
        ['3', 'Cara Ltd', 'Let go', '100.00', '', '1/8/2025', '12/9/2024', 'Pays late', 'C-0003'],
      ]);
      expect(values[3][5]).toBe('$44/h against a $50 floor; health Yellow 74');
      expect(values[3][6]).toBe('Raise to $2,250 a month (+13%) from 1/8/2025; tell them by 12/9/2024');
      expect(values[4][5]).toBe('$100/h above a $50 floor; health Yellow 64; late 5 of 5 invoices');
      expect(values[4][6]).toBe(
        'End on 1/8/2025, the close of a program period; give notice by 12/9/2024 (Pays late)',
      );
      expect(h.emu.ui.toasts.at(-1)?.message).toBe(
        '1 to keep, 1 to re-price, 1 to let go. Nothing changes until you act on a row.',
      );
    },
  );

  test('a re-run rewrites only its block: a column of the user beside it and a note below it stay', () => {
    const h = portfolio();
    run(h);
    const sheet = h.sheet('Portfolio review');
    sheet.getRange('N2:N5').setValues([['My call notes'], ['called 6/1'], ['=UPPER("ok")'], ['my 007']]);
    sheet.getRange('A8').setValue('Discuss Beta with my partner');
    // Beta's hours drop to 30: $66.67/h, kept; Cara settles nothing, still let go.
    h.call('rpcSetClientHours', { clientId: 'C-0002', hoursPerMonth: '30' });
    h.setNow(Date.parse('2024-07-15T16:00:00Z'));
    expect(run(h)).toBeNull();
    const values = review(h);
    expect(values[0][0]).toBe('Portfolio review, Q3 2024 (as of 7/15/2024)');
    expect(values.slice(2, 5).map((r) => [r[1], r[2]])).toEqual([
      ['Acme Co', 'Keep'],
      ['Beta LLC', 'Keep'],
      ['Cara Ltd', 'Let go'],
    ]);
    expect(
      sheet
        .getRange('N2:N5')
        .getFormulas()
        .map((r) => r[0]),
    ).toEqual(['', '', '=UPPER("ok")', '']);
    expect(
      sheet
        .getRange('N2:N5')
        .getDisplayValues()
        .map((r) => r[0]),
    ).toEqual(['My call notes', 'called 6/1', 'OK', 'my 007']);
    expect(sheet.getRange('A8').getValue()).toBe('Discuss Beta with my partner');
  });

  test('a shorter review blanks its own old rows, never the user note under them', () => {
    const h = portfolio();
    run(h);
    const sheet = h.sheet('Portfolio review');
    sheet.getRange('B7').setValue('my note');
    h.call('rpcOffboardClient', {
      clientId: 'C-0001',
      reason: 'Program completed',
      noticeDate: '2024-06-12',
      endDate: '2024-06-12',
      endAtPeriodClose: false,
    });
    expect(run(h)).toBeNull();
    expect(
      review(h)
        .slice(2)
        .map((r) => [r[1], r[2]]),
    ).toEqual([
      ['Beta LLC', 'Re-price'],
      ['Cara Ltd', 'Let go'],
      ['', ''],
      ['', ''],
      ['my note', ''],
    ]);
  });

  test('a review longer than its sheet (hundreds of clients, or rows deleted) gets rows, not an error', () => {
    const h = portfolio();
    run(h);
    const sheet = h.sheet('Portfolio review');
    // The tab ends right below the block: a fifth client needs a row the sheet does not have.
    const last = sheet.getLastRow();
    sheet.deleteRows(last + 1, sheet.getMaxRows() - last);
    expect(h.call<{ ok: boolean }>('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Elm Co' }).ok).toBe(true);
    expect(run(h)).toBeNull();
    expect(review(h).map((r) => r[1])).toContain('Elm Co');
  });

  test('refuses, changing nothing, when the review would grow into a cell of the user', () => {
    const h = portfolio();
    run(h);
    const sheet = h.sheet('Portfolio review');
    sheet.getRange('C6').setValue('my note right under the review');
    h.call('rpcCreateClient', { ...SAMPLE_CLIENT, name: 'Echo Co' });
    const before = h.snapshot();
    expect(run(h)).toBe(
      'The portfolio review needs 4 rows, but C6 on "Portfolio review" has content of yours inside ' +
        'its columns. Move it below or beside the review and run it again.',
    );
    expect(h.snapshot()).toEqual(before);
  });

  test("refuses a user's own tab of that name, and the title cell when it holds the user's text", () => {
    const h = portfolio();
    const mine = h.emu.spreadsheet.insertSheet('Portfolio Review');
    mine.getRange('A1:B2').setValues([
      ['Plan', 'Q3'],
      ['Hire', 'yes'],
    ]);
    const before = h.snapshot();
    expect(run(h)).toMatch(/^The tab "Portfolio Review" has content but no review header/);
    expect(h.snapshot()).toEqual(before);
    mine.clear();
    expect(run(h)).toBeNull();
    mine.getRange('A1').setValue('My own title');
    const again = h.snapshot();
    expect(run(h)).toBe(
      'A1 on "Portfolio Review" holds your own text where the review writes its title and date. Move ' +
        'it and run the review again.',
    );
    expect(h.snapshot()).toEqual(again);
  });

  test('acting on a row opens the matching flow prefilled, and writes nothing', () => {
    const h = portfolio();
    run(h);
    const before = h.snapshot();
    expect(actOnRow(h, 4)).toBeNull();
    expect(opened(h)).toEqual({
      view: 'card',
      clientId: 'C-0002',
      raise: { monthlyFee: 2250, from: '2025-01-08' },
    });
    expect(actOnRow(h, 5)).toBeNull();
    expect(opened(h)).toEqual({
      view: 'offboard',
      clientId: 'C-0003',
      endDate: '2025-01-08',
      reason: 'Pays late',
    });
    expect(actOnRow(h, 3)).toBe('The review says keep Acme Co: nothing to change.');
    expect(actOnRow(h, 2)).toMatch(/^Row 2 is not a client's row of the review\./);
    h.emu.spreadsheet.setActiveSheet(h.sheet('Clients'));
    h.emu.ui.respond({ button: 'OK' });
    h.call('menuActOnReviewRow');
    expect((h.emu.ui.alerts.at(-1) as { prompt: string }).prompt).toMatch(
      /^Nothing to act on here\. Open the "Portfolio review" tab/,
    );
    expect(h.snapshot()).toEqual(before);
  });

  test('before Set up: the Set up message, nothing written', () => {
    const h = harness();
    expect(run(h)).toMatch(/^ClientTabs is not set up in this spreadsheet yet/);
    expect(h.emu.spreadsheet.getSheetByName('Portfolio review')).toBeNull();
  });
});
