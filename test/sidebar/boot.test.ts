/** The server finds the sidebar's boot tag by its exact text: the built Sidebar.html must keep it verbatim. */
import fs from 'node:fs';
import path from 'node:path';
import { BOOT_META, sidebarHtml } from '../../src/ui/workbook-menu';

const built = fs.readFileSync(path.resolve(__dirname, '../../dist/Sidebar.html'), 'utf8');

test('dist/Sidebar.html carries the boot tag the server replaces', () => {
  expect(built.split(BOOT_META)).toHaveLength(2);
});

test('the view reaches the page as escaped JSON', () => {
  const html = sidebarHtml(built, { view: 'card', clientId: 'C-"1"<x>' });
  const content = /<meta name="clienttabs-boot" content="([^"]*)">/.exec(html)?.[1] ?? '';
  expect(content).not.toContain('<');
  const decoded = content
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  expect(JSON.parse(decoded)).toEqual({ view: 'card', clientId: 'C-"1"<x>' });
});

test('the sidebar bundle holds no server code', () => {
  for (const service of ['SpreadsheetApp', 'HtmlService', 'LockService', 'PropertiesService']) {
    expect(built).not.toContain(`${service}.`);
  }
});
