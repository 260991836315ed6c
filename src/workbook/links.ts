/** Reading and repairing the roster's live link formulas. */
import { formulaString } from '../core/layout';
import { tabNameInFormula } from './roster';

/** The tab name a live link formula points at, or null. */
export function liveLinksLabel(formula: unknown): string | null {
  return typeof formula === 'string' && formula.startsWith('=') ? tabNameInFormula(formula) : null;
}

/** The HYPERLINK formula for a tab, rewritten when its label is not the tab's current name. */
export function repairLinkFormula(formula: string, sheetId: number, tabName: string): string {
  const wanted = `=HYPERLINK("#gid=${sheetId}",${formulaString(tabName)})`;
  return formula === wanted ? formula : wanted;
}
