/** Menu items that set up and change the workbook, and the sidebar they open. */
import { escapeHtml } from '../core/html';
import type { SidebarView } from './rpc-types';
import { clientOfSheet, readContext } from '../workbook/clients';
import { LockTimeout } from '../workbook/lock';
import { refreshDashboard } from '../workbook/dashboard';
import { setUpWorkbook } from '../workbook/setup';
import { WorkbookError } from '../workbook/tables';

/** The boot placeholder in src/sidebar/index.html (see .tmp/rpc-notes.md); formatting of the tag may vary. */
export const BOOT_META = /<meta name="clienttabs-boot" content="[^"]*"\s*\/?>/;

/** The sidebar's HTML with `view` injected as HTML-attribute-escaped JSON. */
export function sidebarHtml(template: string, view: SidebarView): string {
  return template.replace(
    BOOT_META,
    () => `<meta name="clienttabs-boot" content="${escapeHtml(JSON.stringify(view))}">`,
  );
}

export function openSidebar(view: SidebarView): void {
  const template = HtmlService.createHtmlOutputFromFile('Sidebar').getContent();
  const html = HtmlService.createHtmlOutput(sidebarHtml(template, view)).setTitle('ClientTabs').setWidth(300);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Known failures become an alert with their message; the rest propagate (Apps Script shows them). */
function alerting(work: () => void): void {
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
    const context = readContext();
    const sheet = context.ss.getActiveSheet();
    const client = clientOfSheet(context.clients, sheet.getSheetId());
    if (!client) {
      SpreadsheetApp.getUi().alert(
        `"${sheet.getName()}" is not a client tab. Open a client's tab (or use Log a check-in to pick a client).`,
      );
      return;
    }
    openSidebar({ view, clientId: client.clientId });
  });
}
