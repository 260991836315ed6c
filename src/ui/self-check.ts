/**
 * "Check this spreadsheet": runs, in the user's real spreadsheet, the assumptions no machine outside Google
 * can confirm, and answers the report (src/core/self-check.ts judges and words it). It works in two
 * temporary hidden sheets under the document lock and deletes them: no user cell is read for writing,
 * and the spreadsheet is left as it was (sheets, their order, the sheet in view).
 */
import { dayFromYmd } from '../core/dates';
import { columnLetter } from '../core/layout';
import {
  type CheckResult,
  type FormulaSeen,
  judgeBoot,
  judgeDates,
  judgeFlush,
  judgeFormulas,
  judgeLock,
  judgePlainText,
  judgeSpill,
  judgeHeaderArray,
  judgeSheetIndex,
  HEADER_ARRAY_PROBE,
  SPILL_PROBE,
  PLAIN_TEXT_PROBES,
  couldNotCheck,
  selfCheckReport,
  type SelfCheckReport,
} from '../core/self-check';
import { asText, sheetAt, writeBlock } from '../workbook/cells';
import { LockTimeout, withDocumentLock } from '../workbook/lock';
import { SHEET } from '../workbook/schema';
import { sentBoot } from './boot';
import type { BootDelivery } from './rpc-types';
import { version } from '../../package.json';

/** The date typed into the probe sheet: a leap day, so a day off either way is plain to see. */
const PROBE_DATE = '2024-02-29';
const PROBE_DAY = dayFromYmd(2024, 2, 29) as number;
/** The two values written one after the other, each followed by a flush. */
const FLUSH_VALUES = [41, 42] as const;
/** How often a formula that says "Loading..." is read again, a second apart. */
const RETRIES = 5;

export function runSelfCheck(received: { token: string | null; via: BootDelivery }): SelfCheckReport {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const spreadsheetZone = ss.getSpreadsheetTimeZone();
  const scriptZone = Session.getScriptTimeZone();
  const results: CheckResult[] = [judgeBoot(received, sentBoot()?.token ?? null)];
  try {
    withDocumentLock(() => {
      results.push(judgeLock(true));
      try {
        results.push(...checkInTemporarySheets(ss, spreadsheetZone, scriptZone));
      } catch (error) {
        // No temporary sheet (the 10-million-cell cap, a protected structure...): say so, don't fail.
        results.push(couldNotCheck(error instanceof Error ? error.message : String(error)));
      }
    });
  } catch (error) {
    if (!(error instanceof LockTimeout)) throw error;
    results.push(judgeLock(false));
  }
  const locale = ss.getSpreadsheetLocale();
  return selfCheckReport(results, {
    addOnVersion: version,
    locale,
    spreadsheetZone,
    scriptZone,
    checkedAt: new Date().toISOString(),
  });
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function checkInTemporarySheets(ss: Spreadsheet, spreadsheetZone: string, scriptZone: string): CheckResult[] {
  const inView = ss.getActiveSheet();
  const made: Sheet[] = [];
  const temporary = (): Sheet => {
    const sheet = ss.insertSheet(`ClientTabs check ${Utilities.getUuid().slice(0, 8)}`, ss.getNumSheets());
    made.push(sheet);
    return sheet;
  };
  try {
    const probe = temporary();
    const dashboard = ss.getSheetByName(SHEET.dashboard);
    const copy = dashboard ? temporary() : null;
    ss.setActiveSheet(inView);
    for (const sheet of made) sheet.hideSheet();

    // A date typed as a user types it, the value the flush check changes, and the probe reading each.
    probe.getRange(1, 1, 2, 2).setValues([
      [PROBE_DATE, '=CLIENTTABS_PROBE(A1)'],
      [FLUSH_VALUES[0], '=CLIENTTABS_PROBE(A2)'],
    ]);
    // User text as the add-on writes it (writeBlock: plain-text format, then the string as typed).
    writeBlock(
      sheetAt(probe),
      1,
      3,
      PLAIN_TEXT_PROBES.map((text) => [asText(text)]),
    );
    // Adoption's guess about FILTER output: numbers in E, the FILTER in F1 spilling below it.
    probe.getRange(1, 5, 3, 1).setValues(SPILL_PROBE.numbers.map((n) => [n]));
    probe.getRange(1, 6).setFormula(SPILL_PROBE.formula);
    // The roster's header-cell arrays: a label stacked on a custom function and a range, spilling from G1.
    probe.getRange(1, 7).setFormula(HEADER_ARRAY_PROBE.formula);
    // Where a sheet inserted just before the hidden probe lands (new client tabs are placed the same way).
    const before = probe.getIndex() - 1;
    const placed = ss.insertSheet(`ClientTabs check ${Utilities.getUuid().slice(0, 8)}`, before);
    made.push(placed);
    placed.hideSheet();
    ss.setActiveSheet(inView);
    const order = ss.getSheets().map((sheet) => sheet.getName());
    const formulas = copy && dashboard ? copyFormulas(dashboard, copy) : [];
    const [[dateAnswer], [firstAnswer]] = readAnswered(probe.getRange(1, 2, 2, 1));
    probe.getRange(2, 1).setValue(FLUSH_VALUES[1]);
    const [[secondAnswer]] = readAnswered(probe.getRange(2, 2));
    const seen = copy ? formulasSeen(copy, formulas) : [];
    const texts = probe.getRange(1, 3, PLAIN_TEXT_PROBES.length, 1);
    const plain = judgePlainText(
      texts.getValues().map(([v]) => v),
      texts.getFormulas().map(([f]) => f),
    );
    const spill = probe.getRange(1, 6, SPILL_PROBE.spilled.length, 1);
    const spillResult = judgeSpill(
      spill.getValues().map(([v]) => v),
      spill.getFormulas().map(([f]) => f),
    );
    const header = probe.getRange(1, 7, HEADER_ARRAY_PROBE.shown.length, 1);
    const headerResult = judgeHeaderArray(
      readAnswered(header).map(([v]) => v),
      header.getFormulas().map(([f]) => f),
    );
    return [
      judgeDates(dateAnswer, PROBE_DAY, spreadsheetZone, scriptZone),
      judgeFlush(FLUSH_VALUES, [firstAnswer, secondAnswer]),
      judgeFormulas(seen, 'There is no Dashboard yet (run Set up workbook first), so no formula was tried.'),
      plain,
      spillResult,
      headerResult,
      judgeSheetIndex(order, placed.getName(), before),
    ];
  } finally {
    for (const sheet of made) ss.deleteSheet(sheet);
    ss.setActiveSheet(inView);
    SpreadsheetApp.flush();
  }
}

/** Flushes and reads `range`, again a second later while a custom function still says "Loading...". */
function readAnswered(range: GoogleAppsScript.Spreadsheet.Range): unknown[][] {
  let values: unknown[][] = [];
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    SpreadsheetApp.flush();
    values = range.getValues();
    if (!values.some((row) => row.some((v) => typeof v === 'string' && /^Loading/i.test(v)))) break;
    Utilities.sleep(1000);
  }
  return values;
}

/**
 * Writes the Dashboard's formulas at the same addresses of `copy`, so relative references mean the same.
 * Only formulas: a value copied into a cell that a formula spills into would block the spill.
 */
function copyFormulas(dashboard: Sheet, copy: Sheet): { row: number; col: number; formula: string }[] {
  const formulas = dashboard.getDataRange().getFormulas();
  const found: { row: number; col: number; formula: string }[] = [];
  formulas.forEach((row, r) =>
    row.forEach((formula, c) => formula && found.push({ row: r, col: c, formula })),
  );
  if (found.length) copy.getRange(1, 1, formulas.length, formulas[0].length).setFormulas(formulas);
  return found;
}

function formulasSeen(copy: Sheet, formulas: { row: number; col: number; formula: string }[]): FormulaSeen[] {
  if (!formulas.length) return [];
  const values = readAnswered(copy.getDataRange());
  return formulas.map(({ row, col, formula }) => ({
    where: `${SHEET.dashboard}!${columnLetter(col + 1)}${row + 1}`,
    formula,
    value: values[row]?.[col] ?? '',
  }));
}
