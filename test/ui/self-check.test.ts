/**
 * "Check this spreadsheet" on the emulator, in each of its modes: dates built at midnight in either
 * zone, the start-up data found in the page or not, the lock held elsewhere, a formula that errors.
 * The built bundle runs it, as Apps Script would; the spreadsheet must be left exactly as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createEmulator, type EmulatorOptions } from '../../dev/emulator';
import { SAMPLE_CLIENT } from '../../dev/fixtures/sample-clients';
import type { SelfCheckReport, Verdict } from '../../src/ui/rpc-types';

const SCRIPT_ZONE = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../appsscript.json'), 'utf8'))
  .timeZone as string;
const NOW = Date.parse('2024-06-12T16:00:00Z');

function setup(opts: EmulatorOptions = {}) {
  const emu = createEmulator({ now: () => new Date(NOW), scriptTimeZone: SCRIPT_ZONE, ...opts });
  const bundle = emu.loadBundle();
  const call = <T>(name: string, ...args: unknown[]) => bundle.call(name, ...args) as T;
  return { emu, call };
}

type Setup = ReturnType<typeof setup>;

function setUpWorkbook(h: Setup): void {
  h.call('menuSetUpWorkbook');
  h.call('rpcCreateClient', SAMPLE_CLIENT);
  h.emu.spreadsheet.setActiveSheet(h.emu.spreadsheet.getSheetByName(SAMPLE_CLIENT.name)!);
}

/** Every sheet (order, id, name, hidden), every cell's value and formula, and the sheet in view. */
function snapshot(h: Setup) {
  const ss = h.emu.spreadsheet;
  return JSON.parse(
    JSON.stringify({
      active: ss.getActiveSheet().getName(),
      sheets: ss.getSheets().map((sheet) => {
        // Every cell outside the data range is empty; the size says the grid did not change either.
        const range = sheet.getDataRange();
        return {
          id: sheet.getSheetId(),
          name: sheet.getName(),
          hidden: sheet.isSheetHidden(),
          size: [sheet.getMaxRows(), sheet.getMaxColumns()],
          values: range.getValues(),
          formulas: range.getFormulas(),
        };
      }),
    }),
  );
}

/** Opens the check from the menu and answers the start-up token its page got. */
function openCheck(h: Setup): string {
  h.call('menuCheckSpreadsheet');
  const html = h.emu.ui.sidebars.at(-1)!.html;
  const text = /<script type="application\/json" id="clienttabs-boot">([^<]*)<\/script>/.exec(html)?.[1];
  const boot = JSON.parse(text ?? 'null') as { view: string; token: string };
  expect(boot.view).toBe('selfcheck');
  return boot.token;
}

function verdicts(report: SelfCheckReport): Record<string, Verdict> {
  return Object.fromEntries(report.results.map((r) => [r.assumption, r.verdict]));
}

const seenFor = (report: SelfCheckReport, start: string) =>
  report.results.find((r) => r.assumption.startsWith(start))?.seen ?? '';

describe('Check this spreadsheet', () => {
  for (const timeZone of ['America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata']) {
    for (const customFunctionDates of ['spreadsheet-midnight', 'script-midnight'] as const) {
      it(`${timeZone}, dates built at ${customFunctionDates}: reports how, passes, and changes nothing`, () => {
        const h = setup({ timeZone, customFunctionDates });
        setUpWorkbook(h);
        const before = snapshot(h);
        const token = openCheck(h);
        const report = h.call<SelfCheckReport>('rpcRunSelfCheck', { token, via: 'inline' });

        expect(verdicts(report)).toMatchObject({
          'A date reaches a custom function as midnight of its day': 'PASS',
          'The sidebar receives its start-up data in the page': 'PASS',
          'The document lock can be taken': 'PASS',
          'A value written and flushed under the lock is what formulas read next': 'PASS',
          'Text written into a plain-text cell reads back as typed': 'PASS',
          'A cell filled by a FILTER result has that value but no formula of its own': 'PASS',
          'A header cell holding {"label";custom function;range} shows the label and spills the rest below it':
            'PASS',
          "A new sheet goes where insertSheet's index says, hidden sheets counted": 'PASS',
        });
        const zone =
          customFunctionDates === 'script-midnight'
            ? `script's time zone (${SCRIPT_ZONE})`
            : `spreadsheet's time zone (${timeZone})`;
        expect(seenFor(report, 'A date')).toContain(`midnight in the ${zone}`);
        expect(seenFor(report, 'A date')).toContain('ClientTabs reads it as 2024-02-29');
        expect(report.text).toContain(`spreadsheet time zone ${timeZone}; script time zone ${SCRIPT_ZONE}`);
        expect(snapshot(h)).toEqual(before);
      });
    }
  }

  it('a page that found no start-up data gets it from the server, and the check says FAIL', () => {
    const h = setup();
    setUpWorkbook(h);
    const token = openCheck(h);
    const fetched = h.call<{ view: string; token: string }>('rpcGetBoot');
    expect(fetched).toMatchObject({ view: 'selfcheck', token });
    const report = h.call<SelfCheckReport>('rpcRunSelfCheck', { token, via: 'rpc' });
    expect(verdicts(report)['The sidebar receives its start-up data in the page']).toBe('FAIL');
    expect(report.text).toMatch(/^FAIL {2}The sidebar receives its start-up data in the page$/m);
    const stale = h.call<SelfCheckReport>('rpcRunSelfCheck', { token: 'another opening', via: 'inline' });
    expect(verdicts(stale)['The sidebar receives its start-up data in the page']).toBe('UNKNOWN');
  });

  it('a formula ClientTabs wrote that shows an error is a FAIL naming the cell and the error', () => {
    const h = setup({ locale: 'de_DE', timeZone: 'Europe/Berlin' });
    setUpWorkbook(h);
    const dashboard = h.emu.spreadsheet.getSheetByName('Dashboard')!;
    // What a locale that reads a formula differently would show: an error in one of the add-on's cells.
    dashboard.getRange('B7').setFormula('=CLIENT_LTV("drei",B5)');
    const before = snapshot(h);
    const report = h.call<SelfCheckReport>('rpcRunSelfCheck', { token: openCheck(h), via: 'inline' });
    expect(verdicts(report)['The formulas ClientTabs writes compute without errors in this locale']).toBe(
      'FAIL',
    );
    expect(seenFor(report, 'The formulas')).toContain('Dashboard!B7 =CLIENT_LTV("drei",B5) shows #ERROR!');
    expect(snapshot(h)).toEqual(before);
  });

  it('judges the formulas by what the Dashboard itself shows', () => {
    const h = setup();
    setUpWorkbook(h);
    const range = h.emu.spreadsheet.getSheetByName('Dashboard')!.getDataRange();
    const formulas = range.getFormulas().flat();
    const shown = range.getValues().flat();
    const errors = shown.filter((v, i) => formulas[i] && typeof v === 'string' && v.startsWith('#'));
    const report = h.call<SelfCheckReport>('rpcRunSelfCheck', { token: openCheck(h), via: 'inline' });
    const verdict = verdicts(report)['The formulas ClientTabs writes compute without errors in this locale'];
    // The emulator computes only some of Sheets' own functions; the check must agree with the sheet.
    expect(verdict).toBe(errors.length ? 'FAIL' : 'PASS');
    expect(seenFor(report, 'The formulas')).toContain(
      errors.length
        ? `${errors.length} of ${formulas.filter(Boolean).length} show an error`
        : `${formulas.filter(Boolean).length} formulas computed`,
    );
  });

  it('without a Dashboard the formula check is UNKNOWN and the rest still runs', () => {
    const h = setup();
    const before = snapshot(h);
    const report = h.call<SelfCheckReport>('rpcRunSelfCheck', { token: openCheck(h), via: 'inline' });
    expect(verdicts(report)).toMatchObject({
      'The formulas ClientTabs writes compute without errors in this locale': 'UNKNOWN',
      'A date reaches a custom function as midnight of its day': 'PASS',
    });
    expect(snapshot(h)).toEqual(before);
  });

  it('when another script holds the lock it says so, and touches nothing', () => {
    const h = setup();
    setUpWorkbook(h);
    const before = snapshot(h);
    const token = openCheck(h);
    const release = h.emu.holdDocumentLock();
    const report = h.call<SelfCheckReport>('rpcRunSelfCheck', { token, via: 'inline' });
    release();
    expect(verdicts(report)['The document lock can be taken']).toBe('FAIL');
    expect(report.results.map((r) => r.assumption)).not.toContain(
      'A date reaches a custom function as midnight of its day',
    );
    expect(snapshot(h)).toEqual(before);
  });
});
