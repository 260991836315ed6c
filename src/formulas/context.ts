/**
 * What a formula may know besides its arguments: the spreadsheet's locale and time zone (custom functions
 * are allowed to read these) and today's date. Behind a provider so tests and the emulator can inject them.
 */
import { isDate } from '../core/dates';
import { timeZone as manifestTimeZone } from '../../appsscript.json';

export interface FormulaContext {
  /** Spreadsheet locale such as `en_US`, `de_DE`. */
  locale: string;
  /** IANA time zone such as `Europe/Berlin`. */
  timeZone: string;
  /** The script's time zone: appsscript.json fixes it for every user, so it is known at build time. */
  scriptTimeZone: string;
  /** Now; its calendar day in `timeZone` is "today". */
  today: Date;
}

export type FormulaContextProvider = () => Partial<FormulaContext>;

const FALLBACK: Readonly<Pick<FormulaContext, 'locale' | 'timeZone'>> = { locale: 'en_US', timeZone: 'UTC' };

function readActiveSpreadsheet(): Partial<FormulaContext> {
  if (typeof SpreadsheetApp === 'undefined') return {};
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    return { locale: spreadsheet.getSpreadsheetLocale(), timeZone: spreadsheet.getSpreadsheetTimeZone() };
  } catch {
    return {};
  }
}

let provider: FormulaContextProvider = readActiveSpreadsheet;
// Apps Script re-evaluates the bundle on every execution, so a module-level cache lives for one execution.
let cached: FormulaContext | null = null;

/** Replace how the context is read (tests, the emulator); `null` restores the spreadsheet reader. */
export function setFormulaContextProvider(next: FormulaContextProvider | null): void {
  provider = next ?? readActiveSpreadsheet;
  cached = null;
}

/** The locale, time zone and today for this execution, read once. Never throws. */
export function getFormulaContext(): FormulaContext {
  if (cached) return cached;
  let provided: Partial<FormulaContext> = {};
  try {
    provided = provider() ?? {};
  } catch {
    provided = {};
  }
  cached = {
    locale: provided.locale || FALLBACK.locale,
    timeZone: provided.timeZone || FALLBACK.timeZone,
    scriptTimeZone: provided.scriptTimeZone || manifestTimeZone,
    today: isDate(provided.today) && !isNaN(provided.today.getTime()) ? provided.today : new Date(),
  };
  return cached;
}
