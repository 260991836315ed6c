/** Runs the BUILT bundle (dist/Code.js) on the emulator, with a fixed "now", like Apps Script would. */
import { createEmulator, type Emulator, type LoadedBundle } from '../../dev/emulator';
import { sampleCheckIn } from '../../dev/fixtures/sample-clients';
import { withSourceStack } from './source-stack';

export { SAMPLE_CLIENT } from '../../dev/fixtures/sample-clients';

/** Wednesday 2024-06-12, noon in New York. */
export const NOW = Date.parse('2024-06-12T16:00:00Z');

export interface Harness {
  emu: Emulator;
  bundle: LoadedBundle;
  call<T = unknown>(name: string, ...args: unknown[]): T;
  /** Moves the bundle's clock (Date.now, new Date()) to `time`. */
  setNow(time: number): void;
  /** Replaces the bundle's clock with `read` (called on every Date.now and new Date()). */
  setClock(read: () => number): void;
  sheet(name: string): GoogleAppsScript.Spreadsheet.Sheet;
  /** Every cell value and formula of every sheet (for "nothing changed" checks). */
  snapshot(names?: string[]): Record<string, { values: unknown[][]; formulas: string[][] }>;
}

export function harness(opts: { locale?: string; timeZone?: string; now?: number } = {}): Harness {
  let now = opts.now ?? NOW;
  let read = (): number => now;
  // The emulator's clock is the bundle's: Date.now() and new Date() inside dist/Code.js read it.
  const emu = createEmulator({
    locale: opts.locale ?? 'en_US',
    timeZone: opts.timeZone ?? 'America/New_York',
    now: () => new Date(read()),
  });
  const bundle = emu.loadBundle();
  // A failure inside the bundle names its src/ line, not Code.js:2:44521.
  const callAs = bundle.callAs;
  bundle.callAs = (mode, name, ...args) => {
    try {
      return callAs(mode, name, ...args);
    } catch (error) {
      throw withSourceStack(error);
    }
  };
  return {
    emu,
    bundle,
    call: <T>(name: string, ...args: unknown[]) => bundle.call(name, ...args) as T,
    setNow(time: number) {
      now = time;
      read = () => now;
    },
    setClock(clock: () => number) {
      read = clock;
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
 * Document calls made by the flow itself. A CLIENT_* formula recalculated by one of its reads runs in
 * an execution of its own, so the emulator logs its calls apart (emu.customFunctionCalls).
 */
export function ownDocumentCalls(h: Harness): number {
  return h.emu.calls.documentCalls();
}

/** The sample check-in, with notes that look like a formula (the log must keep them as text). */
export function checkIn(clientId: string, weekOf: string, extra: Record<string, unknown> = {}) {
  return sampleCheckIn(clientId, weekOf, { notes: '=SUM(1,2)', ...extra });
}
