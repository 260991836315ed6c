/** Which view fills the sidebar. The server picks the first one (the start-up data); views can move on. */
import { BOOT_ID, type SidebarBoot, type SidebarView } from '../ui/rpc-types';

export type Navigate = (view: SidebarView) => void;

/** The start-up data the server put in the page, or null when there is none or it can't be read. */
export function bootView(doc: Pick<Document, 'getElementById'> = document): SidebarBoot | null {
  const text = doc.getElementById(BOOT_ID)?.textContent ?? '';
  if (!text.trim()) return null;
  try {
    const boot = JSON.parse(text) as SidebarBoot | null;
    return boot && typeof boot === 'object' && typeof boot.view === 'string' ? boot : null;
  } catch {
    return null;
  }
}
