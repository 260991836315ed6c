/**
 * The "Portfolio review" tab: the quarterly review (rules in core/portfolio-review) written as one block
 * that a re-run rewrites in place: a title line (quarter and day), a header row, one row per active client.
 * Columns are found by their header labels and written in runs, so a column of the user's beside or inside
 * the block, and anything below it, stays as typed; a re-run that would grow into a user's cell refuses.
 */
import { latePaymentRecord } from '../core/invoices';
import { absorbedHours } from '../core/effective-rate';
import { normalizeLabel } from '../core/clients';
import { formatIsoDay } from '../core/dates';
import { columnLetter, findHeaderRow, isBlank } from '../core/layout';
import { formatDayAs } from '../core/locale-date';
import { formatMoney, intlLocaleOf } from '../core/money';
import {
  portfolioReview,
  quarterOf,
  REVIEW_VERDICTS,
  type ReviewClient,
  type ReviewRow,
  type ReviewVerdict,
} from '../core/portfolio-review';
import { isUndecided } from '../core/requests';
import { statusOn } from '../core/status';
import { asText, dayToCell, readDay, readNumber, readText, sheetAt, writeBlock } from './cells';
import { todayIn } from './today';
import { lastCheckIns } from './dashboard';
import { attentionClient, hoursRequests, paymentRecords, rateRecords } from './dashboard-advice';
import { withDocumentLock } from './lock';
import { openRoster } from './roster';
import { RATES } from './advice-schema';
import { PAYMENTS, REQUESTS, SHEET } from './schema';
import { activeSpreadsheet, ensureRows, readTable, readZone, WorkbookError } from './tables';

export const REVIEW_TITLE = 'Portfolio review';
/** The block's header, left to right (a new tab gets them in this order; a re-run finds them by label). */
export const REVIEW_HEADER = [
  'Rank',
  'Client',
  'Verdict',
  'Per hour',
  'Health',
  'Why',
  'What to do',
  'New fee',
  'Date',
  'Notice by',
  'Reason',
  'Client ID',
] as const;
const NO_CLIENTS = 'No active clients to review.';
/** The invoices the review counts: those due in the last 12 months. */
const PAYMENT_WINDOW_DAYS = 365;

/** The title line: "Portfolio review, Q4 2026 (as of 30 Nov 2026)". */
function titleOf(today: number, dateFormat: string): string {
  return `${REVIEW_TITLE}, ${quarterOf(today)} (as of ${formatDayAs(today, dateFormat)})`;
}

/** The review's inputs, read once each: roster, Settings, Payments, Requests, Rates, and last check-ins. */
function reviewRows(): {
  rows: ReviewRow[];
  today: number;
  dateFormat: string;
  zone: ReturnType<typeof readZone>;
} {
  const { ss, zone, settings, clients } = openRoster();
  const today = todayIn(zone);
  const active = clients.filter((c) => statusOn(c.status, c.endDay, today) === 'Active');
  const last = lastCheckIns(ss, active, zone);
  const payments = paymentRecords(readTable(ss, PAYMENTS), zone);
  const requests = hoursRequests(readTable(ss, REQUESTS), zone);
  const logs = { payments, requests, rates: rateRecords(readTable(ss, RATES), zone) };
  const reviewed: ReviewClient[] = active.map((client) => {
    const advice = attentionClient(client, last.get(client.clientId) ?? null, today, settings, logs);
    const invoices = payments.filter(
      (p) => p.clientId === client.clientId && p.dueDay !== null && p.dueDay >= today - PAYMENT_WINDOW_DAYS,
    );
    return {
      clientId: client.clientId,
      name: client.name,
      clientType: client.clientType,
      startDay: client.startDay,
      programMonths: client.programMonths,
      monthlyFee: client.monthlyFee,
      hoursPerMonth: client.hoursPerMonth,
      absorbedHours: absorbedHours(requests, client.clientId, today),
      openRequests: requests.filter((r) => r.clientId === client.clientId && isUndecided(r.decision)).length,
      health: advice.health ?? null,
      payments: latePaymentRecord(invoices, today, settings.graceDays),
      nextReviewDay: advice.nextReviewDay ?? null,
    };
  });
  const rows = portfolioReview(reviewed, {
    today,
    rateFloor: settings.rateFloor,
    formatMoney: (amount) => formatMoney(amount, settings.currency, intlLocaleOf(zone.locale)),
    formatDay: (day) => formatDayAs(day, settings.dateFormat),
  });
  return { rows, today, dateFormat: settings.dateFormat, zone };
}

export interface ReviewReport {
  clients: number;
  counts: Record<ReviewVerdict, number>;
}

/** Menu: Portfolio review. Writes (or rewrites) the review block, under the document lock. */
export function writePortfolioReview(): ReviewReport {
  return withDocumentLock(() => {
    const { rows, today, dateFormat, zone } = reviewRows();
    const ss = activeSpreadsheet();
    const existing = ss.getSheetByName(SHEET.review);
    const values = existing ? existing.getDataRange().getValues() : [];
    let header = findHeaderRow(values, REVIEW_HEADER.slice(0, 2));
    const empty = values.every((cells) => cells.every(isBlank));
    if (!header && !empty) {
      throw new WorkbookError(
        `The tab "${existing?.getName() ?? SHEET.review}" has content but no review header ` +
          `(${REVIEW_HEADER.join(', ')}), so the review has nowhere of its own to write. Rename your ` +
          `tab, or type those labels back above the review.`,
      );
    }
    const fresh = !header;
    if (!header)
      header = { row: 1, columns: new Map(REVIEW_HEADER.map((label, i) => [normalizeLabel(label), i])) };
    const columns = REVIEW_HEADER.map((label) => header.columns.get(normalizeLabel(label)) ?? -1);
    const at = (label: (typeof REVIEW_HEADER)[number]) => columns[REVIEW_HEADER.indexOf(label)];
    const [verdictColumn, clientColumn, firstColumn] = [at('Verdict'), at('Client'), at('Rank')];
    const ours = new Set<string>([...REVIEW_VERDICTS].map(normalizeLabel));
    // The previous block: down to the last row whose Verdict is ours (or the no-clients line).
    let previous = 0;
    for (let row = header.row + 1; row < values.length; row++) {
      const cells = values[row] ?? [];
      if (
        ours.has(normalizeLabel(cells[verdictColumn])) ||
        normalizeLabel(cells[clientColumn]) === normalizeLabel(NO_CLIENTS)
      )
        previous = row - header.row;
    }
    const block: unknown[][] = rows.map((r) => [
      r.rank,
      asText(r.name),
      r.verdict,
      r.effectiveRate === null ? '' : Math.round(r.effectiveRate * 100) / 100,
      r.healthScore ?? '',
      asText(r.why),
      asText(r.action),
      r.newFee ?? '',
      r.day === null ? '' : dayToCell(r.day, zone),
      r.noticeBy === null ? '' : dayToCell(r.noticeBy, zone),
      r.leaveReason ?? '',
      asText(r.clientId),
    ]);
    if (block.length === 0) block.push(REVIEW_HEADER.map((label) => (label === 'Client' ? NO_CLIENTS : '')));
    // Inside the old block a row is ours only with our verdict; past it, every row is the user's until blank.
    for (
      let row = header.row + 1;
      row < Math.min(values.length, header.row + 1 + Math.max(block.length, previous));
      row++
    ) {
      const cells = values[row] ?? [];
      const mine =
        row - header.row <= previous &&
        (ours.has(normalizeLabel(cells[verdictColumn])) ||
          normalizeLabel(cells[clientColumn]) === normalizeLabel(NO_CLIENTS));
      const filled = mine ? undefined : columns.find((column) => column >= 0 && !isBlank(cells[column]));
      if (filled !== undefined) {
        throw new WorkbookError(
          `The portfolio review needs ${block.length} rows, but ${columnLetter(filled + 1)}${row + 1} on ` +
            `"${existing?.getName()}" has content of yours inside its columns. Move it below or beside ` +
            `the review and run it again.`,
        );
      }
    }
    const titleRow = header.row - 1;
    const title = titleRow >= 0 ? values[titleRow]?.[firstColumn] : '';
    if (titleRow >= 0 && firstColumn >= 0 && !isBlank(title) && !readText(title).startsWith(REVIEW_TITLE)) {
      throw new WorkbookError(
        `${columnLetter(firstColumn + 1)}${titleRow + 1} on "${existing?.getName()}" holds your own text ` +
          `where the review writes its title and date. Move it and run the review again.`,
      );
    }
    while (block.length < previous) block.push(REVIEW_HEADER.map(() => ''));
    // Every refusal is above: from here on the review writes.
    const sheet = existing ?? ss.insertSheet(SHEET.review, ss.getSheets().length);
    if (fresh) {
      sheet.getRange(2, 1, 1, REVIEW_HEADER.length).setValues([[...REVIEW_HEADER]]);
      formatColumns(sheet, dateFormat);
    }
    if (titleRow >= 0 && firstColumn >= 0)
      writeBlock(sheetAt(sheet), titleRow + 1, firstColumn + 1, [[asText(titleOf(today, dateFormat))]]);
    // A block longer than the sheet (hundreds of clients) gets rows first: Sheets refuses a range past the last.
    const lastRow = header.row + 1 + block.length;
    if (lastRow > values.length) ensureRows(sheet, lastRow);
    const byColumn = new Map<number, number>();
    columns.forEach((column, i) => column >= 0 && byColumn.set(column, i));
    const sorted = [...byColumn.keys()].sort((a, b) => a - b);
    for (let start = 0; start < sorted.length;) {
      let end = start;
      while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
      const run = sorted.slice(start, end + 1).map((column) => byColumn.get(column) as number);
      writeBlock(
        sheetAt(sheet),
        header.row + 2,
        sorted[start] + 1,
        block.map((r) => run.map((i) => r[i])),
      );
      start = end + 1;
    }
    const counts = { Keep: 0, 'Re-price': 0, 'Let go': 0 } as Record<ReviewVerdict, number>;
    for (const r of rows) counts[r.verdict]++;
    return { clients: rows.length, counts };
  });
}

/** A new tab's formats, once: money, dates in Settings' format, wrapped Why and What to do, frozen header. */
function formatColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, dateFormat: string): void {
  const column = (label: (typeof REVIEW_HEADER)[number]) => REVIEW_HEADER.indexOf(label) + 1;
  const rows = sheet.getMaxRows() - 2;
  sheet.getRange(3, column('Per hour'), rows, 1).setNumberFormat('0.00');
  sheet.getRange(3, column('New fee'), rows, 1).setNumberFormat('#,##0');
  sheet.getRange(3, column('Date'), rows, 2).setNumberFormat(dateFormat);
  // Sheets clips text at the next filled cell: the two sentences get room to be read.
  sheet.setColumnWidth(column('Why'), 320);
  sheet.setColumnWidth(column('What to do'), 400);
  sheet.setFrozenRows(2);
}

/** What acting on a review row opens: the offboarding or the card's raise, prefilled; or why nothing. */
export type ReviewAction =
  | { kind: 'offboard'; clientId: string; endDate: string; reason: string }
  | { kind: 'raise'; clientId: string; monthlyFee: number; from: string }
  | { kind: 'none'; message: string };

/** The review row at 1-based `sheetRow` of the tab in view, as the coach sees it now. Reads only. */
export function reviewRowAction(sheetId: number, sheetRow: number): ReviewAction {
  const ss = activeSpreadsheet();
  const sheet = ss.getSheetByName(SHEET.review);
  const pick = `Open the "${SHEET.review}" tab, select a client's row and choose Act on this review row again.`;
  if (!sheet || sheet.getSheetId() !== sheetId)
    return { kind: 'none', message: `Nothing to act on here. ${pick}` };
  const zone = readZone(ss);
  const values = sheet.getDataRange().getValues();
  const header = findHeaderRow(values, REVIEW_HEADER.slice(0, 2));
  const cells = values[sheetRow - 1] ?? [];
  const get = (label: (typeof REVIEW_HEADER)[number]) =>
    header ? cells[header.columns.get(normalizeLabel(label)) ?? -1] : '';
  const verdict = REVIEW_VERDICTS.find((v) => normalizeLabel(v) === normalizeLabel(get('Verdict')));
  const clientId = readText(get('Client ID'));
  if (!header || sheetRow - 1 <= header.row || !verdict || clientId === '')
    return { kind: 'none', message: `Row ${sheetRow} is not a client's row of the review. ${pick}` };
  const name = readText(get('Client')) || clientId;
  const day = readDay(get('Date'), zone);
  if (verdict === 'Keep')
    return { kind: 'none', message: `The review says keep ${name}: nothing to change.` };
  if (verdict === 'Re-price') {
    const fee = readNumber(get('New fee'));
    if (fee === null || day === null)
      return {
        kind: 'none',
        message: `${name}'s row has no New fee and Date to prefill the raise with. Run the review again.`,
      };
    return { kind: 'raise', clientId, monthlyFee: fee, from: formatIsoDay(day) };
  }
  if (day === null)
    return {
      kind: 'none',
      message: `${name}'s row has no Date to prefill the ending with. Run the review again.`,
    };
  return { kind: 'offboard', clientId, endDate: formatIsoDay(day), reason: readText(get('Reason')) };
}
