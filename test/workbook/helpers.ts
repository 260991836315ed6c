/** Runs the BUILT bundle (dist/Code.js) on the emulator, with a fixed "now", like Apps Script would. */
import * as vm from 'node:vm';
import { createEmulator, type Emulator, type LoadedBundle } from '../../dev/emulator';

/** Wednesday 2024-06-12, noon in New York. */
export const NOW = Date.parse('2024-06-12T16:00:00Z');

export interface Harness {
  emu: Emulator;
  bundle: LoadedBundle;
  call<T = unknown>(name: string, ...args: unknown[]): T;
  /** Moves the bundle's clock (Date.now) to `time`. */
  setNow(time: number): void;
  /** Replaces the bundle's clock with `read` (called on every Date.now). */
  setClock(read: () => number): void;
  sheet(name: string): GoogleAppsScript.Spreadsheet.Sheet;
  /** Every cell value and formula of every sheet (for "nothing changed" checks). */
  snapshot(names?: string[]): Record<string, { values: unknown[][]; formulas: string[][] }>;
}

export function harness(opts: { locale?: string; timeZone?: string; now?: number } = {}): Harness {
  let now = opts.now ?? NOW;
  const emu = createEmulator({
    locale: opts.locale ?? 'en_US',
    timeZone: opts.timeZone ?? 'America/New_York',
    now: () => new Date(now),
  });
  const bundle = emu.loadBundle();
  const clock = { now: (): number => now };
  vm.runInContext(
    '(function (clock) { Date.now = function () { return clock.now(); }; })',
    bundle.context,
  )(clock);
  return {
    emu,
    bundle,
    call: <T>(name: string, ...args: unknown[]) => bundle.call(name, ...args) as T,
    setNow(time: number) {
      now = time;
      clock.now = () => now;
    },
    setClock(read: () => number) {
      clock.now = read;
    },
    sheet(name: string) {
      const sheet = emu.spreadsheet.getSheetByName(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      return sheet;
    },
    snapshot(names?: string[]) {
      const out: Record<string, { values: unknown[][]; formulas: string[][] }> = {};
      for (const sheet of emu.spreadsheet.getSheets()) {
        const name = sheet.getName();
        if (names && !names.includes(name)) continue;
        const range = sheet.getDataRange();
        out[name] = { values: range.getValues(), formulas: range.getFormulas() };
      }
      return JSON.parse(JSON.stringify(out));
    },
  };
}

/**
 * Document calls made by the flow itself. The emulator also counts the formula context reads a CLIENT_*
 * recalculation makes (getSpreadsheetLocale then getSpreadsheetTimeZone, see .tmp/emulator-requests.md);
 * in Sheets those run in their own execution, so they are left out.
 */
export function ownDocumentCalls(h: Harness): number {
  const log = h.emu.calls.log();
  let formulaReads = 0;
  for (let i = 1; i < log.length; i++) {
    if (log[i - 1] === 'Spreadsheet.getSpreadsheetLocale' && log[i] === 'Spreadsheet.getSpreadsheetTimeZone')
      formulaReads++;
  }
  return h.emu.calls.documentCalls() - 2 * formulaReads;
}

export const SAMPLE_CLIENT = {
  name: 'Acme Co',
  startDate: '2024-01-08',
  program: 'Growth sprint',
  programMonths: '6',
  monthlyFee: '2,000',
  yearlyProfit: '',
  monthlyCosts: '800',
  clientType: 'Micromanager',
  cadenceDays: '',
  definitionOfSuccess: 'Double monthly revenue without working weekends',
  scope: 'Weekly coaching call, funnel review',
  metrics: [
    { name: 'Revenue', unit: 'USD', direction: 'up', baseline: '10000', target: '20000' },
    { name: 'Cost per lead', unit: 'USD', direction: 'down', baseline: '30', target: '20' },
  ],
};

export function checkIn(clientId: string, weekOf: string, extra: Record<string, unknown> = {}) {
  return {
    clientId,
    weekOf,
    values: { Revenue: '12000', 'Cost per lead': '27' },
    satisfaction: '8',
    wins: 'Closed two deals',
    blockers: '',
    notes: '=SUM(1,2)',
    ...extra,
  };
}
