import { buildAddonMenu } from './menu';
import { showFormulas, showHelp } from './help';
import { openSidebar } from './workbook-menu';

/**
 * Builds the ClientTabs menu when the spreadsheet opens. Only builds the menu: it runs under
 * AuthMode.NONE, where any other service call fails and would take the menu down with it.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e the open event
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildAddonMenu();
}

/**
 * Runs when the add-on is installed: shows the menu right away, without a reload.
 * @param {GoogleAppsScript.Events.AddonOnInstall} e the install event
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Menu: Help. Shows what ClientTabs does and where to start. */
export function menuShowHelp(): void {
  showHelp();
}

/** Menu: Formulas. Lists every CLIENT_* formula with its parameters and an example. */
export function menuShowFormulas(): void {
  showFormulas();
}

/** Menu: Check this spreadsheet. Tests, in this spreadsheet, what ClientTabs assumes about Sheets, and reports it. */
export function menuCheckSpreadsheet(): void {
  openSidebar({ view: 'selfcheck' });
}
