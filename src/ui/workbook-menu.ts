/** Menu items that set up and change the workbook, and the sidebar they open. */
import { newBootToken, rememberBoot, sidebarHtml } from './boot';
import type { SidebarBoot, SidebarContext, SidebarView } from './rpc-types';
import { clientOfSheet, readContext } from '../workbook/clients';
import { LockTimeout } from '../workbook/lock';
import { refreshDashboard } from '../workbook/dashboard';
import { SHEET } from '../workbook/schema';
import { setUpWorkbook } from '../workbook/setup';
import { activeSpreadsheet, readSettings, readZone, WorkbookError } from '../workbook/tables';

/** Settings' currency symbol and the spreadsheet's locale; null when they can't be read (the sidebar uses en_US). */
function sidebarContext(): SidebarContext | null {
  try {
    const ss = activeSpreadsheet();
    const zone = readZone(ss);
    return { currency: readSettings(ss, zone.locale).currency, locale: zone.locale };
  } catch {
    return null;
  }
}

/** What a menu item says when the workbook has no roster yet. */
export const NOT_SET_UP =
  'ClientTabs is not set up in this spreadsheet yet. Run ClientTabs > Set up workbook first (it adds the ' +
  'Clients roster and the other sheets; your own tabs stay as they are).';

/** False, after telling the user to run Set up, when the spreadsheet has no Clients roster (1 call). */
function isSetUp(): boolean {
  if (SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET.clients)) return true;
  SpreadsheetApp.getUi().alert(NOT_SET_UP);
  return false;
}

/** Opens the sidebar on a workbook view, or tells the user to run Set up when there is no roster to work on. */
export function openWorkbookSidebar(view: SidebarView): void {
  if (isSetUp()) openSidebar(view);
}

/** Opens the sidebar on `view`, its start-up data in the page and kept for a page that finds none. */
export function openSidebar(view: SidebarView, context: SidebarContext | null = sidebarContext()): void {
  const template = HtmlService.createHtmlOutputFromFile('Sidebar').getContent();
  const boot: SidebarBoot = { ...view, ...(context ? { context } : {}), token: newBootToken() };
  rememberBoot(boot);
  const html = HtmlService.createHtmlOutput(sidebarHtml(template, boot))
    .setTitle('ClientTabs')
    .setWidth(300)
    // A <meta> written in the HTML is ignored; addMetaTag is the documented way.
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Known failures become an alert with their message; the rest propagate (Apps Script shows them). */
export function alerting(work: () => void): void {
  try {
    work();
  } catch (error) {
    if (error instanceof LockTimeout || error instanceof WorkbookError)
      SpreadsheetApp.getUi().alert(error.message);
    else throw error;
  }
}

export function runSetUp(): void {
  alerting(() => {
    const report = setUpWorkbook();
    const parts = [
      report.created.length ? `Created ${report.created.join(', ')}.` : 'All sheets were already there.',
      report.headersAdded.length ? `Added ${report.headersAdded.length} missing column headers.` : '',
      report.settingsAdded.length ? `Added ${report.settingsAdded.length} settings.` : '',
      report.linksRepaired ? `Repaired ${report.linksRepaired} tab links.` : '',
      report.dashboardUpgraded
        ? `Updated ${report.dashboardUpgraded} Dashboard formulas so they follow today's date.`
        : '',
      report.progressUpgraded
        ? `Updated ${report.progressUpgraded} roster Progress cells to plain arithmetic, which recalculates at once.`
        : '',
    ];
    SpreadsheetApp.getActiveSpreadsheet().toast(
      parts.filter(Boolean).join(' '),
      'ClientTabs: workbook ready',
    );
  });
}

export function runRefresh(): void {
  alerting(() => {
    const { items } = refreshDashboard();
    SpreadsheetApp.getActiveSpreadsheet().toast(
      items === 0 ? 'Nobody needs attention.' : `${items} item${items === 1 ? '' : 's'} need attention.`,
      'ClientTabs: dashboard refreshed',
    );
  });
}

/** The client of the tab in view, or an alert saying this is not a client tab. */
export function openForActiveClient(view: 'checkin' | 'card'): void {
  alerting(() => {
    if (!isSetUp()) return;
    const context = readContext();
    const sheet = context.ss.getActiveSheet();
    const client = clientOfSheet(context.clients, sheet.getSheetId());
    if (!client) {
      SpreadsheetApp.getUi().alert(
        `"${sheet.getName()}" is not a client tab. Open a client's tab (or use Log a check-in to pick a client).`,
      );
      return;
    }
    openSidebar(
      { view, clientId: client.clientId },
      { currency: context.settings.currency, locale: context.zone.locale },
    );
  });
}

/**
 * A per-client form, with the client of the tab in view preselected when that tab is a client tab (any
 * other tab opens the form with no client chosen; a client ended or serving notice is not offered for
 * offboarding).
 */
export function openWithClientInView(view: 'payment' | 'request' | 'offboard' | 'editClient'): void {
  alerting(() => {
    if (!isSetUp()) return;
    const context = readContext();
    const client = clientOfSheet(context.clients, context.ss.getActiveSheet().getSheetId());
    const preselect =
      client && !(view === 'offboard' && (client.status === 'Ended' || client.status === 'Serving notice'));
    openSidebar(preselect ? { view, clientId: client.clientId } : { view }, {
      currency: context.settings.currency,
      locale: context.zone.locale,
    });
  });
}
