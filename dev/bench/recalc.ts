/**
 * What a full recalculation of the workbook costs in Sheets: one custom-function execution per CLIENT_*
 * call in a formula cell (counted from getFormulas, so it does not depend on the emulator's engine), and the
 * cells the workbook holds against Sheets' limit of 10 million (every cell of every tab, empty ones too:
 * getMaxRows() × getMaxColumns()).
 */
import type { Emulator } from '../emulator';

/** Sheets' cap on cells in a spreadsheet (10 million since March 2022, as tanaikech reports Google's announcement). */
export const CELL_LIMIT = 10_000_000;

const CUSTOM_CALL = /\bCLIENT_[A-Z_]+\s*\(/gi;

export interface RecalcResult {
  clients: number;
  customFunctionExecutions: number;
  cells: number;
}

export function measureRecalc(emulator: Emulator, clients: number): RecalcResult {
  let customFunctionExecutions = 0;
  let cells = 0;
  for (const sheet of emulator.spreadsheet.getSheets()) {
    cells += sheet.getMaxRows() * sheet.getMaxColumns();
    for (const row of sheet.getDataRange().getFormulas())
      for (const formula of row)
        if (formula) customFunctionExecutions += formula.match(CUSTOM_CALL)?.length ?? 0;
  }
  return { clients, customFunctionExecutions, cells };
}

/**
 * How many clients fit under the cell limit, from two measured sizes: cells grow by the same amount per
 * client (a client tab), on top of what the managed sheets hold. Null when cells do not grow with clients.
 */
export function clientsThatFit(results: readonly RecalcResult[]): number | null {
  if (results.length < 2) return null;
  const [a, b] = [...results].sort((x, y) => x.clients - y.clients).slice(-2);
  const perClient = (b.cells - a.cells) / (b.clients - a.clients);
  if (!(perClient > 0)) return null;
  return b.clients + Math.floor((CELL_LIMIT - b.cells) / perClient);
}
