/**
 * "Check this spreadsheet": what each observation made in the user's real spreadsheet says about an
 * assumption ClientTabs makes that no machine outside Google can confirm, and the plain-text report a user
 * can paste into a bug report. Pure: the observations are gathered by src/ui/self-check.ts.
 */
import { formatIsoDay } from './dates';
import { dayOfDateArgument, dayOfDateInZone, isMidnightInZone } from './time-zone';

export type Verdict = 'PASS' | 'FAIL' | 'UNKNOWN';

/** One assumption, its verdict and what was seen (plain text, for a bug report). */
export interface CheckResult {
  assumption: string;
  verdict: Verdict;
  seen: string;
}

export interface SelfCheckReport {
  results: CheckResult[];
  text: string;
}

/** What Sheets shows while a custom function has not answered yet. */
const PENDING = /^(Loading\.{0,3}|)$/i;
/** Sheets' error values, as getValues returns them. */
const ERROR_VALUE = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)/;

export function isErrorValue(value: unknown): boolean {
  return typeof value === 'string' && ERROR_VALUE.test(value);
}

/** The probe's answer for a cell: `date:<ISO instant>`, `number:<n>`, `text:<s>`, … (see CLIENTTABS_PROBE). */
export function probeAnswer(value: unknown): string {
  if (value instanceof Date) return `date:${value.toISOString()}`;
  if (typeof value === 'number') return `number:${value}`;
  if (typeof value === 'boolean') return `boolean:${value}`;
  if (typeof value === 'string') return value === '' ? 'blank' : `text:${value}`;
  return `other:${Object.prototype.toString.call(value)}`;
}

export const ASSUMPTION = {
  dates: 'A date reaches a custom function as midnight of its day',
  boot: 'The sidebar receives its start-up data in the page',
  formulas: 'The formulas ClientTabs writes compute without errors in this locale',
  lock: 'The document lock can be taken',
  flush: 'A value written and flushed under the lock is what formulas read next',
  plainText: 'Text written into a plain-text cell reads back as typed',
  spill: 'A cell filled by a FILTER result has that value but no formula of its own',
  headerArray:
    'A header cell holding {"label";custom function;range} shows the label and spills the rest below it',
  sheetIndex: "A new sheet goes where insertSheet's index says, hidden sheets counted",
} as const;

/**
 * The roster's advice columns are one formula in the header cell, `={"Health";CLIENT_HEALTH(...)}`, that spills
 * the values below the label. The Custom Functions guide and the arrays help imply it; a guess until checked.
 */
export const HEADER_ARRAY_PROBE = {
  label: 'Probe',
  formula: '={"Probe";CLIENTTABS_PROBE(E1);E2:E3}',
  /** What the four cells show: the label, the probe's answer for E1, then E2:E3. */
  shown: ['Probe', 'number:3', 1, 2],
} as const;

/**
 * `values`/`formulas`: the header cell and the three below it. PASS: what HEADER_ARRAY_PROBE shows, no
 * formula below.
 */
export function judgeHeaderArray(values: readonly unknown[], formulas: readonly string[]): CheckResult {
  const assumption = ASSUMPTION.headerArray;
  const seen = `${HEADER_ARRAY_PROBE.formula} showed ${values.map(describe).join(', ')}; formulas below it ${formulas
    .slice(1)
    .map((f) => JSON.stringify(f))
    .join(', ')}.`;
  const pass =
    HEADER_ARRAY_PROBE.shown.every((value, i) => values[i] === value) &&
    formulas[0]?.startsWith('={') === true &&
    formulas.slice(1).every((formula) => formula === '');
  return { assumption, verdict: pass ? 'PASS' : 'FAIL', seen };
}

/**
 * New client tabs go after the last client tab, at an index counted over getSheets(), which lists hidden sheets
 * too. Whether insertSheet(name, index) counts hidden sheets the same way no Google page says: a guess.
 * `names`: every sheet's name in order after inserting `inserted` at 0-based `index`.
 */
export function judgeSheetIndex(names: readonly string[], inserted: string, index: number): CheckResult {
  const assumption = ASSUMPTION.sheetIndex;
  const at = names.indexOf(inserted);
  const seen =
    `Asked for position ${index + 1} of ${names.length} (before a hidden sheet); it went to ` +
    `position ${at + 1}.`;
  return { assumption, verdict: at === index ? 'PASS' : 'FAIL', seen };
}

/** The spill check: numbers in a column, and a FILTER of those above 1 beside them (its anchor first). */
export const SPILL_PROBE = {
  numbers: [3, 1, 2],
  formula: '=FILTER(E1:E3,E1:E3>1)',
  spilled: [3, 2],
} as const;

/**
 * Adoption tells a FILTER's output column (never written: a value there breaks the FILTER) from typed
 * numbers by the anchor's formula and the blank formulas below it. A guess until a real sheet says so.
 */
export function judgeSpill(values: readonly unknown[], formulas: readonly string[]): CheckResult {
  const assumption = ASSUMPTION.spill;
  const seen =
    `FILTER anchor formula ${JSON.stringify(formulas[0] ?? '')}; values ${values.map(describe).join(', ')}; ` +
    `formulas below it ${formulas
      .slice(1)
      .map((f) => JSON.stringify(f))
      .join(', ')}.`;
  const pass =
    /^=FILTER\(/i.test(formulas[0] ?? '') &&
    SPILL_PROBE.spilled.every((value, i) => values[i] === value) &&
    formulas.slice(1).every((formula) => formula === '');
  return { assumption, verdict: pass ? 'PASS' : 'FAIL', seen };
}

/** What the plain-text check writes: a formula, a leading zero, a date and a boolean, all as text. */
export const PLAIN_TEXT_PROBES = ['=1+1', '0012', '3/4/2025', 'TRUE'] as const;

/**
 * How text written the way ClientTabs writes a user's text (plain-text format, then the raw string) read
 * back: PASS when every value is the string written and no cell became a formula.
 */
export function judgePlainText(values: readonly unknown[], formulas: readonly string[]): CheckResult {
  const assumption = ASSUMPTION.plainText;
  const seen =
    `Wrote ${PLAIN_TEXT_PROBES.map((t) => JSON.stringify(t)).join(', ')}; ` +
    `read ${values.map(describe).join(', ')}.`;
  const asTyped = PLAIN_TEXT_PROBES.every((text, i) => values[i] === text && !formulas[i]);
  return { assumption, verdict: asTyped ? 'PASS' : 'FAIL', seen };
}

/**
 * How a date typed as `expectedDay` reached the probe (`probe`: its answer cell's value). PASS when it
 * arrived at midnight in either zone and ClientTabs reads it as the right day; which zone is in `seen`.
 */
export function judgeDates(
  probe: unknown,
  expectedDay: number,
  spreadsheetZone: string,
  scriptZone: string,
): CheckResult {
  const assumption = ASSUMPTION.dates;
  const answer = typeof probe === 'string' ? probe : '';
  if (typeof probe !== 'string' || PENDING.test(probe))
    return {
      assumption,
      verdict: 'UNKNOWN',
      seen: `The test formula had not answered (${describe(probe)}); run the check again.`,
    };
  if (isErrorValue(probe) || !answer.startsWith('date:'))
    return {
      assumption,
      verdict: 'FAIL',
      seen: `The test formula received ${answer || describe(probe)}, not a date.`,
    };
  const date = new Date(answer.slice('date:'.length));
  const read = dayOfDateArgument(date, spreadsheetZone, scriptZone);
  const built = isMidnightInZone(date, spreadsheetZone)
    ? `midnight in the spreadsheet's time zone (${spreadsheetZone})`
    : isMidnightInZone(date, scriptZone)
      ? `midnight in the script's time zone (${scriptZone})`
      : `neither zone's midnight (${formatIsoDay(dayOfDateInZone(date, spreadsheetZone) ?? 0)} in ${spreadsheetZone})`;
  const seen =
    `${formatIsoDay(expectedDay)} arrived as ${date.toISOString()}: ${built}; ClientTabs ` +
    `reads it as ${read === null ? 'no date' : formatIsoDay(read)}.`;
  return { assumption, verdict: read === expectedDay ? 'PASS' : 'FAIL', seen };
}

/** Whether the page that runs the check found the start-up data the server put in it. */
export function judgeBoot(
  received: { token: string | null; via: 'inline' | 'rpc' | 'none' },
  sentToken: string | null,
): CheckResult {
  const assumption = ASSUMPTION.boot;
  if (received.via === 'inline' && received.token !== null && received.token === sentToken)
    return { assumption, verdict: 'PASS', seen: 'The page found the data the server wrote into it.' };
  if (received.via === 'inline')
    return {
      assumption,
      verdict: 'UNKNOWN',
      seen: 'The page found start-up data, but from another opening (two sidebars at once?); run the check again.',
    };
  if (received.via === 'rpc')
    return {
      assumption,
      verdict: 'FAIL',
      seen: 'The page found no start-up data in itself and had to ask the server (one extra call on every opening).',
    };
  return {
    assumption,
    verdict: 'FAIL',
    seen: 'The page found no start-up data and could not get it from the server.',
  };
}

/** A formula cell copied into the check's sheet and what it showed there. */
export interface FormulaSeen {
  /** Where the formula lives, e.g. `Dashboard!B4`. */
  where: string;
  formula: string;
  value: unknown;
}

export function judgeFormulas(cells: readonly FormulaSeen[], nothingToCheck: string): CheckResult {
  const assumption = ASSUMPTION.formulas;
  if (cells.length === 0) return { assumption, verdict: 'UNKNOWN', seen: nothingToCheck };
  const pending = cells.filter((cell) => typeof cell.value === 'string' && /^Loading/i.test(cell.value));
  const failed = cells.filter((cell) => isErrorValue(cell.value));
  if (failed.length) {
    const list = failed.map((cell) => `${cell.where} ${cell.formula} shows ${String(cell.value)}`);
    return {
      assumption,
      verdict: 'FAIL',
      seen: `${failed.length} of ${cells.length} show an error: ${list.join('; ')}`,
    };
  }
  if (pending.length)
    return {
      assumption,
      verdict: 'UNKNOWN',
      seen: `${pending.length} of ${cells.length} had not answered yet; run the check again.`,
    };
  return { assumption, verdict: 'PASS', seen: `${cells.length} formulas computed without an error.` };
}

export function judgeLock(obtained: boolean): CheckResult {
  return obtained
    ? { assumption: ASSUMPTION.lock, verdict: 'PASS', seen: 'Taken.' }
    : {
        assumption: ASSUMPTION.lock,
        verdict: 'FAIL',
        seen: 'Not taken in time: another script held it. Nothing else was checked.',
      };
}

/** What the check says when it could not make its temporary sheet: nothing but the lock was tried. */
export function couldNotCheck(message: string): CheckResult {
  return {
    assumption: 'The check can work in a temporary hidden sheet',
    verdict: 'UNKNOWN',
    seen: `Sheets refused: ${message} Dates, formulas and flushing were not checked.`,
  };
}

/** `answers`: the probe's answer after each of the writes of `written`, each followed by a flush. */
export function judgeFlush(written: readonly number[], answers: readonly unknown[]): CheckResult {
  const assumption = ASSUMPTION.flush;
  const expected = written.map((n) => `number:${n}`);
  const seen = `Wrote ${written.join(' then ')}; the formula read ${answers.map(describe).join(' then ')}.`;
  if (answers.every((answer, i) => answer === expected[i])) return { assumption, verdict: 'PASS', seen };
  if (answers.some((answer) => typeof answer !== 'string' || PENDING.test(answer)))
    return {
      assumption,
      verdict: 'UNKNOWN',
      seen: `${seen} The formula had not answered; run the check again.`,
    };
  return { assumption, verdict: 'FAIL', seen };
}

function describe(value: unknown): string {
  if (value === '' || value === null || value === undefined) return 'a blank';
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** The report as plain text: a header naming the spreadsheet's settings, then one block per assumption. */
export function selfCheckReport(
  results: readonly CheckResult[],
  about: {
    addOnVersion: string;
    locale: string;
    spreadsheetZone: string;
    scriptZone: string;
    checkedAt: string;
  },
): SelfCheckReport {
  const lines = [
    'ClientTabs: Check this spreadsheet',
    `Checked ${about.checkedAt}; ClientTabs ${about.addOnVersion}; locale ${about.locale}; spreadsheet ` +
      `time zone ${about.spreadsheetZone}; script time zone ${about.scriptZone}`,
    '',
    ...results.flatMap((result) => [`${result.verdict}  ${result.assumption}`, `      ${result.seen}`]),
  ];
  return { results: results.slice(), text: lines.join('\n') };
}
