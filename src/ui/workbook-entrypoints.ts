/**
 * The workbook's public functions: menu handlers and the sidebar's RPC. Each is a thin, documented
 * declaration (build.mjs copies this JSDoc into dist/Code.js) over src/ui/rpc.ts and workbook-menu.ts.
 */
import {
  openForActiveClient,
  openWithClientInView,
  openWorkbookSidebar,
  runRefresh,
  runSetUp,
} from './workbook-menu';
import { actOnReviewRow, runPortfolioReview } from './review-menu';

/** Menu: Set up workbook. Creates or repairs Clients, Dashboard, Settings, Payments, Requests and the template. */
export function menuSetUpWorkbook(): void {
  runSetUp();
}

/** Menu: New client. Opens the sidebar on the New client form. */
export function menuNewClient(): void {
  openWorkbookSidebar({ view: 'newClient' });
}

/** Menu: Adopt existing tabs. Opens the sidebar on the adoption scan. */
export function menuAdoptTabs(): void {
  openWorkbookSidebar({ view: 'adopt' });
}

/** Menu: Log a check-in. Opens the sidebar on this week's check-ins. */
export function menuCheckIn(): void {
  openWorkbookSidebar({ view: 'checkin' });
}

/** Menu: Check in this client. Opens the check-in form for the client whose tab is in view. */
export function menuCheckInThisClient(): void {
  openForActiveClient('checkin');
}

/** Menu: Client card. Shows the card of the client whose tab is in view. */
export function menuClientCard(): void {
  openForActiveClient('card');
}

/** Menu: Refresh dashboard. Rewrites the Dashboard's "needs attention" list. */
export function menuRefreshDashboard(): void {
  runRefresh();
}

/** Menu: Record a payment. Opens the sidebar on the payment form (client of the tab in view preselected). */
export function menuRecordPayment(): void {
  openWithClientInView('payment');
}

/** Menu: Log an out-of-scope request. Opens the sidebar on the request form (client of the tab in view preselected). */
export function menuLogRequest(): void {
  openWithClientInView('request');
}

/** Menu: Offboard a client. Opens the sidebar on the offboarding form (client of the tab in view preselected). */
export function menuOffboardClient(): void {
  openWithClientInView('offboard');
}

/** Menu: Edit client. Opens the sidebar on the Edit client form (client of the tab in view preselected). */
export function menuEditClient(): void {
  openWithClientInView('editClient');
}

/** Menu: Portfolio review. Writes the quarterly review (keep, re-price, let go) to its own tab. */
export function menuPortfolioReview(): void {
  runPortfolioReview();
}

/** Menu: Act on this review row. Opens the offboarding or the card's raise, prefilled from the selected review row. */
export function menuActOnReviewRow(): void {
  actOnReviewRow();
}
