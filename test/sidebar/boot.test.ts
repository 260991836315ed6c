/**
 * The sidebar's start-up data: a `<script type="application/json">` block the server writes into the
 * built Sidebar.html (Apps Script ignores `<meta>` tags written in the HTML), which the page reads back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BOOT_SLOT, sidebarHtml } from '../../src/ui/boot';
import { bootView } from '../../src/sidebar/router';
import type { SidebarBoot } from '../../src/ui/rpc-types';

const built = fs.readFileSync(path.resolve(__dirname, '../../dist/Sidebar.html'), 'utf8');
const HOSTILE = `</script><img src=x onerror="alert(1)"><script>alert(2)</script><!--`;

/** What a browser runs as the block's text: everything up to the first `</script` (HTML's rule). */
function blockText(html: string): string | null {
  const open = '<script type="application/json" id="clienttabs-boot">';
  const at = html.indexOf(open);
  if (at < 0) return null;
  const text = html.slice(at + open.length);
  return text.slice(0, text.search(/<\/script/i));
}

const documentWith = (text: string | null) => ({
  getElementById: (id: string) =>
    id === 'clienttabs-boot' && text !== null ? ({ textContent: text } as HTMLElement) : null,
});

test('dist/Sidebar.html has one slot for the start-up data and no <meta> carrying it', () => {
  expect(built.split(BOOT_SLOT)).toHaveLength(2);
  expect(built).not.toMatch(/<meta name="clienttabs-boot"/);
});

test('the data reaches the page intact, and a hostile name cannot end the block', () => {
  const boot: SidebarBoot = {
    view: 'card',
    clientId: HOSTILE,
    context: { currency: `${HOSTILE}\u2028€ & "'`, locale: 'de_DE' },
    token: 'T-1',
  };
  const html = sidebarHtml(built, boot);
  const text = blockText(html);
  expect(text).not.toBeNull();
  expect(text).not.toMatch(/[<>]/);
  expect(JSON.parse(text as string)).toEqual(boot);
  expect(bootView(documentWith(text))).toEqual(boot);
  // Nothing of the name is markup: the only <img in the page would be the hostile one.
  expect(html).not.toContain('<img');
  expect(html.split('<script').length).toBe(built.split('<script').length + 1);
});

test('a page without the block, or with a broken one, has no start-up data (the sidebar then asks the server)', () => {
  expect(bootView(documentWith(null))).toBeNull();
  expect(bootView(documentWith('  '))).toBeNull();
  expect(bootView(documentWith('{"view":'))).toBeNull();
  expect(bootView(documentWith('"checkin"'))).toBeNull();
});

test('a template without the slot is refused rather than served without data', () => {
  expect(() => sidebarHtml('<html><head></head></html>', { view: 'checkin' })).toThrow(
    /no <!-- clienttabs:boot --> slot/,
  );
});

test('the sidebar bundle holds no server code', () => {
  for (const service of ['SpreadsheetApp', 'HtmlService', 'LockService', 'PropertiesService']) {
    expect(built).not.toContain(`${service}.`);
  }
});
