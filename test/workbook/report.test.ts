/** The progress report tab (src/workbook/report.ts), on the built bundle. */
import { harness, SAMPLE_CLIENT, checkIn, type Harness } from './helpers';
import type { AdoptScan, ProgressReport } from '../../src/ui/rpc-types';

type R<T = ProgressReport> = { ok: boolean; value: T; message?: string; errors?: unknown[] };

/** Eleven weekly check-ins, 2024-04-01 to 2024-06-10: revenue 11,000 → 16,000, cost per lead 29 → 24. */
const WEEKS = Array.from({ length: 11 }, (_, i) =>
  new Date(Date.UTC(2024, 3, 1 + 7 * i)).toISOString().slice(0, 10),
);
const REVENUE = WEEKS.map((_, i) => 11_000 + 500 * i);
const DEFINITION = '=HYPERLINK("http://evil.example","Double revenue")';

function setUp(): { h: Harness; id: string } {
  const h = harness();
  h.call('menuSetUpWorkbook');
  const id = h.call<R<{ clientId: string }>>('rpcCreateClient', {
    ...SAMPLE_CLIENT,
    definitionOfSuccess: DEFINITION,
  }).value.clientId;
  WEEKS.forEach((week, i) => {
    const values = { Revenue: String(REVENUE[i]), 'Cost per lead': String(29 - 0.5 * i) };
    const saved = h.call<R>(
      'rpcSaveCheckIn',
      checkIn(id, week, { values, wins: i % 4 === 0 ? `+Win ${i}` : '' }),
    );
    expect(saved.ok).toBe(true);
  });
  return { h, id };
}

describe('the progress report', () => {
  test(
    'a printable tab: the definition of success and scope quoted, day one → now → target per ' +
      'metric, a trend line, the wins',
    () => {
      const { h, id } = setUp();
      const made = h.call<R>('rpcMakeProgressReport', id);
      expect(made).toMatchObject({ ok: true, value: { tabName: 'Report – Acme Co', replaced: false } });
      const sheet = h.sheet('Report – Acme Co');
      const values = sheet.getRange('A1:H20').getValues();
      expect(values[0][0]).toBe('Progress report: Acme Co');
      expect(values[1][0]).toBe('Growth sprint · since 1/8/2024 · as of 6/12/2024');
      expect(values[4][0]).toBe(DEFINITION); // the client's words, as text: no formula, no link
      expect(sheet.getRange('A5').getFormula()).toBe('');
      expect(values[6][0]).toBe(SAMPLE_CLIENT.scope);
      expect(values[9]).toEqual([
        'Metric',
        'Day one',
        '4 weeks ago',
        'Now',
        'Target',
        'Way to target',
        'Last 4 weeks',
        'Trend since day one',
      ]);
      // Now = the 06-10 check-in; four weeks ago = the latest on or before 05-15 (the 05-13 check-in).
      expect(values[10].slice(0, 7)).toEqual(['Revenue (USD)', 10_000, 14_000, 16_000, 20_000, 0.6, 2_000]);
      expect(values[11].slice(0, 7)).toEqual(['Cost per lead (USD)', 30, 26, 24, 20, 0.6, -2]);
      expect(sheet.getRange('F11').getDisplayValue()).toBe('60%');
      expect(sheet.getRange('H11').getFormula()).toBe('=SPARKLINE(K2:K12)');
      expect(h.emu.sparkline('Report – Acme Co', 'H11')).toEqual(REVENUE);
      expect(sheet.isColumnHiddenByUser(11)).toBe(true);
      expect(values[13][0]).toBe('Wins logged');
      expect(values.slice(14, 17).map((row) => row[1])).toEqual(['+Win 8', '+Win 4', '+Win 0']);
      expect(sheet.getRange('A15').getDisplayValue()).toBe('5/27/2024');
      expect(sheet.getRange('A15:H17').getFormulas().flat().filter(Boolean)).toEqual([]);
    },
  );

  test('the same report as plain text for an email', () => {
    const { h, id } = setUp();
    const { text } = h.call<R>('rpcMakeProgressReport', id).value;
    expect(text).toContain(`What you wanted\n“${DEFINITION}”`);
    expect(text).toContain(
      '- Revenue: 10,000 USD on day one, 16,000 USD now, target 20,000 USD: 60% of the way. Last 4 ' +
        'weeks: 14,000 USD → 16,000 USD (+2,000 USD).',
    );
    expect(text).toContain('Wins\n- 5/27/2024: +Win 8\n- 4/29/2024: +Win 4\n- 4/1/2024: +Win 0');
  });

  test('made again: the same tab is rewritten with the new numbers; no other tab changes', () => {
    const { h, id } = setUp();
    const first = h.call<R>('rpcMakeProgressReport', id).value;
    const sheetId = h.sheet(first.tabName).getSheetId();
    h.call(
      'rpcSaveCheckIn',
      checkIn(id, '2024-06-17', { values: { Revenue: '18000', 'Cost per lead': '22' } }),
    );
    h.setNow(Date.parse('2024-06-19T16:00:00Z'));
    const others = () =>
      h.snapshot(
        h.emu.spreadsheet
          .getSheets()
          .map((s) => s.getName())
          .filter((n) => n !== first.tabName),
      );
    const before = others();
    const again = h.call<R>('rpcMakeProgressReport', id);
    expect(again.value).toMatchObject({ tabName: 'Report – Acme Co', replaced: true });
    expect(h.sheet('Report – Acme Co').getSheetId()).toBe(sheetId);
    expect(h.sheet('Report – Acme Co').getRange('A11:D11').getValues()).toEqual([
      ['Revenue (USD)', 10_000, 14_500, 18_000],
    ]);
    expect(h.emu.spreadsheet.getSheets().filter((s) => s.getName().startsWith('Report – '))).toHaveLength(1);
    expect(others()).toEqual(before);
  });

  test('a tab of the user’s with the report’s name is never touched: refused, naming it', () => {
    const { h, id } = setUp();
    h.emu.spreadsheet.insertSheet('Report – Acme Co').getRange('A1').setValue('my own notes');
    const before = h.snapshot();
    const refused = h.call<R>('rpcMakeProgressReport', id);
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /A tab named "Report – Acme Co" already exists and ClientTabs did not make it/,
      ),
    });
    expect(h.snapshot()).toEqual(before);
  });

  test('a note the user typed into the report tab is never wiped: making it again is refused, naming the tab', () => {
    const { h, id } = setUp();
    h.call<R>('rpcMakeProgressReport', id);
    const sheet = h.sheet('Report – Acme Co');
    sheet.insertColumnsBefore(2, 1);
    sheet.getRange('B4').setValue('Call them about the dip');
    const before = h.snapshot();
    const again = h.call<R>('rpcMakeProgressReport', id);
    expect(again).toMatchObject({
      ok: false,
      message:
        '"Report – Acme Co" has changes of yours since ClientTabs made it. Rename that tab to keep ' +
        'them (or delete it), then make the report again.',
    });
    expect(h.snapshot()).toEqual(before);
  });

  test('once the user renamed their edited report tab, the report goes to a new tab and theirs is kept', () => {
    const { h, id } = setUp();
    h.call<R>('rpcMakeProgressReport', id);
    const mine = h.sheet('Report – Acme Co');
    mine.getRange('A30').setValue('my notes');
    mine.setName('Acme notes');
    const made = h.call<R>('rpcMakeProgressReport', id);
    expect(made).toMatchObject({ ok: true, value: { tabName: 'Report – Acme Co', replaced: false } });
    expect(h.sheet('Report – Acme Co').getSheetId()).not.toBe(mine.getSheetId());
    expect(h.sheet('Acme notes').getRange('A30').getValue()).toBe('my notes');
    expect(h.sheet('Acme notes').getRange('A1').getValue()).toBe('Progress report: Acme Co');
  });

  test('a report tab the user only added empty rows and columns to is still ours: made again in place', () => {
    const { h, id } = setUp();
    h.call<R>('rpcMakeProgressReport', id);
    const sheetId = h.sheet('Report – Acme Co').getSheetId();
    h.sheet('Report – Acme Co').insertColumnsBefore(3, 2);
    h.sheet('Report – Acme Co').insertRowsAfter(20, 3);
    const again = h.call<R>('rpcMakeProgressReport', id);
    expect(again).toMatchObject({ ok: true, value: { replaced: true } });
    expect(h.sheet('Report – Acme Co').getSheetId()).toBe(sheetId);
  });

  test('an unknown or missing client is refused and nothing is written', () => {
    const { h } = setUp();
    const before = h.snapshot();
    expect(h.call<R>('rpcMakeProgressReport', 'C-9999')).toMatchObject({
      ok: false,
      message: 'No client with ID C-9999 in the Clients sheet.',
    });
    expect(h.call<R>('rpcMakeProgressReport', { clientId: 'C-0001' })).toMatchObject({
      ok: false,
      message: 'Choose a client.',
    });
    expect(h.snapshot()).toEqual(before);
  });

  test('adopting existing tabs does not offer a report tab as a client log', () => {
    const { h, id } = setUp();
    h.call('rpcMakeProgressReport', id);
    const scan = h.call<AdoptScan>('rpcScanForAdoption');
    expect([...scan.candidates.map((c) => c.tabName), ...scan.skipped.map((s) => s.tabName)]).not.toContain(
      'Report – Acme Co',
    );
  });

  test('a target beyond anything achieved before is said, with the best so far, as context', () => {
    const { h, id } = setUp();
    const bolt = h.call<R<{ clientId: string }>>('rpcCreateClient', {
      ...SAMPLE_CLIENT,
      name: 'Bolt Ltd',
      startDate: '2024-02-05',
      metrics: [{ name: 'CPL', unit: '$', direction: 'down', baseline: '40', target: '25' }],
    }).value.clientId;
    expect(h.call<R>('rpcSaveCheckIn', checkIn(bolt, '2024-05-06', { values: { CPL: '26' } })).ok).toBe(true);
    // Acme's target is $20 a lead; Bolt's best is $26, three months in: a first. Revenue has no history.
    const note =
      'Target set beyond anything achieved before: Cost per lead 20 USD; the best so far is 26 USD ' +
      '(Bolt Ltd, 3 months).';
    const made = h.call<R>('rpcMakeProgressReport', id);
    expect(made.value.text).toContain(`\n- ${note}\n`);
    expect(h.sheet('Report – Acme Co').getRange('A13').getValue()).toBe(note);
    // Bolt's own report: $25 is within Acme's $24, so nothing is said.
    expect(h.call<R>('rpcMakeProgressReport', bolt).value.text).not.toContain('Target set beyond');
  });
});
