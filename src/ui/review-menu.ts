/** The portfolio review's menu items: write the review tab, and act on the row the coach selected. */
import { reviewRowAction, writePortfolioReview } from '../workbook/portfolio-review';
import { SHEET } from '../workbook/schema';
import { alerting, NOT_SET_UP, openSidebar } from './workbook-menu';

export function runPortfolioReview(): void {
  alerting(() => {
    if (!SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET.clients)) {
      SpreadsheetApp.getUi().alert(NOT_SET_UP);
      return;
    }
    const { clients, counts } = writePortfolioReview();
    SpreadsheetApp.getActiveSpreadsheet().toast(
      clients === 0
        ? 'No active clients to review.'
        : `${counts.Keep} to keep, ${counts['Re-price']} to re-price, ${counts['Let go']} to let go. ` +
            `Nothing changes until you act on a row.`,
      'ClientTabs: portfolio review written',
    );
  });
}

/** Opens the flow that matches the selected review row, prefilled; nothing is written until the coach saves. */
export function actOnReviewRow(): void {
  alerting(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const range = ss.getActiveRange();
    const action = reviewRowAction(ss.getActiveSheet().getSheetId(), range ? range.getRow() : 0);
    if (action.kind === 'none') SpreadsheetApp.getUi().alert(action.message);
    else if (action.kind === 'raise')
      openSidebar({
        view: 'card',
        clientId: action.clientId,
        raise: { monthlyFee: action.monthlyFee, from: action.from },
      });
    else
      openSidebar({
        view: 'offboard',
        clientId: action.clientId,
        endDate: action.endDate,
        reason: action.reason,
      });
  });
}
