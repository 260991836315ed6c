/** Which view fills the sidebar. The server picks the first one (the boot meta tag); views can move on. */
import type { SidebarView } from '../ui/rpc-types';

export type Navigate = (view: SidebarView) => void;

/** The view the server asked for: `<meta name="clienttabs-boot" content="{...SidebarView JSON}">`. */
export function bootView(doc: Document = document): SidebarView {
  const content = doc.querySelector('meta[name="clienttabs-boot"]')?.getAttribute('content') ?? '';
  if (content.trim()) {
    try {
      const view = JSON.parse(content) as SidebarView;
      if (view && typeof view.view === 'string') return view;
    } catch {
      // A broken boot tag falls through to the check-in, the view a VA opens most.
    }
  }
  return { view: 'checkin' };
}
