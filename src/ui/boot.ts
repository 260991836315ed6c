/**
 * The sidebar's start-up data. Apps Script ignores `<meta>` tags written in the HTML (HtmlOutput.addMetaTag
 * reference), so the data rides in a `<script type="application/json">` block, which the page reads
 * before it renders. Each opening is also kept for this user, so a page that finds no block can ask for it
 * (rpcGetBoot), and the self-check can tell which way it arrived.
 */
import { jsonForScriptBlock } from '../core/html';
import { BOOT_ID, type SidebarBoot } from './rpc-types';

/** Where src/sidebar/index.html (and so dist/Sidebar.html) takes the block. */
export const BOOT_SLOT = '<!-- clienttabs:boot -->';

const SENT_KEY = 'clienttabs.boot.sent';

/** The sidebar's HTML with `boot` in its JSON block; a template without the slot is a build error. */
export function sidebarHtml(template: string, boot: SidebarBoot): string {
  const at = template.indexOf(BOOT_SLOT);
  if (at < 0) throw new Error(`Sidebar.html has no ${BOOT_SLOT} slot for the start-up data`);
  const block = `<script type="application/json" id="${BOOT_ID}">${jsonForScriptBlock(boot)}</script>`;
  return template.slice(0, at) + block + template.slice(at + BOOT_SLOT.length);
}

/** A token for one opening of the sidebar. */
export function newBootToken(): string {
  return Utilities.getUuid();
}

/** Keeps the start-up data of the sidebar being opened, for this user. */
export function rememberBoot(boot: SidebarBoot): void {
  PropertiesService.getUserProperties().setProperty(SENT_KEY, JSON.stringify(boot));
}

/** The start-up data of the last sidebar opened for this user, or null. */
export function sentBoot(): SidebarBoot | null {
  const raw = PropertiesService.getUserProperties().getProperty(SENT_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as SidebarBoot;
  } catch {
    return null;
  }
}
