/** Runs the BUILT bundle (dist/Code.js) on the emulator, with a fixed "now", like Apps Script would. */
import { createEmulator, type Emulator, type LoadedBundle } from '../../dev/emulator';
import { SAMPLE_CLIENT, sampleCheckIn } from '../../dev/fixtures/sample-clients';
import type { ClientEditData } from '../../src/ui/rpc-types';
import { withSourceStack } from './source-stack';

export { SAMPLE_CLIENT };

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

/** What an RPC that writes answers: ok with what it wrote, or refused with a message per field. */
export interface RpcResult {
  ok: boolean;
  value?: Record<string, unknown>;
  errors?: { field: string; message: string }[];
  message?: string;
}

/** A set-up workbook with the sample client C-0001; `changes` override fields of its form. */
export function withClient(changes: Record<string, unknown> = {}): Harness {
  const h = harness();
  h.call('menuSetUpWorkbook');
  h.call('rpcCreateClient', { ...SAMPLE_CLIENT, ...changes });
  return h;
}

/** `withClient()` with one check-in, for the week of `weekOf`. */
export function withCheckIn(weekOf: string): Harness {
  const h = withClient();
  h.call('rpcSaveCheckIn', checkIn('C-0001', weekOf));
  return h;
}

/** The Offboard client form: `clientId` (C-0001 by default) ends 2024-09-30, "Poor fit", notice 2024-08-01. */
export const offboarding = (clientId = 'C-0001') => ({
  clientId,
  endDate: '2024-09-30',
  reason: 'Poor fit',
  noticeDate: '2024-08-01',
  endAtPeriodClose: false,
});

/** The rows below a sheet's header row 1, by header label, dates as yyyy-mm-dd; empty rows left out. */
export function rowsByLabel(h: Harness, sheetName: string): Record<string, unknown>[] {
  const [header, ...rows] = h.sheet(sheetName).getDataRange().getValues();
  return rows
    .filter((row) => row.some((v) => v !== ''))
    .map((row) =>
      Object.fromEntries(
        header.map((label, i) => [
          String(label),
          row[i] instanceof Date ? (row[i] as Date).toISOString().slice(0, 10) : row[i],
        ]),
      ),
    );
}

/** The Edit client form as the sidebar sends it for `data` when nothing was changed (with what it opened). */
export function editForm(clientId: string, data: ClientEditData) {
  const text = (n: number | null) => (n === null ? '' : String(n));
  return {
    clientId,
    clientType: data.clientType,
    cadenceDays: String(data.cadenceDays),
    monthlyFee: text(data.monthlyFee),
    yearlyProfit: text(data.yearlyProfit),
    monthlyCosts: '',
    definitionOfSuccess: data.definitionOfSuccess,
    scope: data.scope,
    metrics: data.metrics.map((m) => ({
      from: m.name,
      name: m.name,
      unit: m.unit,
      direction: m.direction,
      baseline: text(m.baseline),
      target: text(m.target),
    })),
    opened: data,
  };
}
