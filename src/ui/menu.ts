/**
 * The add-on menu, declared once: onOpen builds it from this list and the bundle smoke test checks
 * that every item names a top-level global function of dist/Code.js.
 */
export interface MenuItem {
  label: string;
  functionName: string;
}

export type MenuEntry = MenuItem | 'separator';

export const MENU: readonly MenuEntry[] = [
  { label: 'Log a check-in', functionName: 'menuCheckIn' },
  { label: 'Check in this client', functionName: 'menuCheckInThisClient' },
  { label: 'Client card', functionName: 'menuClientCard' },
  { label: 'New client', functionName: 'menuNewClient' },
  { label: 'Edit client', functionName: 'menuEditClient' },
  'separator',
  { label: 'Record a payment', functionName: 'menuRecordPayment' },
  { label: 'Log an out-of-scope request', functionName: 'menuLogRequest' },
  { label: 'Offboard a client', functionName: 'menuOffboardClient' },
  'separator',
  { label: 'Refresh dashboard', functionName: 'menuRefreshDashboard' },
  { label: 'Portfolio review', functionName: 'menuPortfolioReview' },
  { label: 'Act on this review row', functionName: 'menuActOnReviewRow' },
  { label: 'Adopt existing tabs', functionName: 'menuAdoptTabs' },
  { label: 'Set up workbook', functionName: 'menuSetUpWorkbook' },
  'separator',
  { label: 'Formulas', functionName: 'menuShowFormulas' },
  { label: 'Help', functionName: 'menuShowHelp' },
  { label: 'Check this spreadsheet', functionName: 'menuCheckSpreadsheet' },
];

/**
 * Builds the add-on menu. Runs under AuthMode.NONE (before the user has authorized the add-on, in a
 * document they did not install it in), where Apps Script allows menu building and nothing else.
 */
export function buildAddonMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const entry of MENU) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(entry.label, entry.functionName);
  }
  menu.addToUi();
}
