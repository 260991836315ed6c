/** Which view fills the sidebar. The server picks the first one (the boot meta tag); views can move on. */
import type { SidebarBoot, SidebarView } from '../ui/rpc-types';

export type Navigate = (view: SidebarView) => void;

/**
 * The view the server asked for, with the spreadsheet's context when it sent it:
 * `<meta name="clienttabs-boot" content="{...SidebarBoot JSON}">`.
 */
export function bootView(doc: Document = document): SidebarBoot {
  const content = doc.querySelector('meta[name="clienttabs-boot"]')?.getAttribute('content') ?? '';
  if (content.trim()) {
    try {
      const view = JSON.parse(content) as SidebarBoot;
      if (view && typeof view.view === 'string') return view;
    } catch {
      // A broken boot tag falls through to the check-in, the view a VA opens most.
    }
  }
  return { view: 'checkin' };
}
