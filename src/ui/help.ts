import { escapeHtml } from '../core/html';

const HELP_SECTIONS: readonly { title: string; body: string }[] = [
  {
    title: 'What ClientTabs does',
    body:
      'Keep one tab per client: where they started (the baseline), the target, and a row per check-in. ' +
      'ClientTabs keeps a roster of clients in sync with those tabs, walks your VA through the week, and ' +
      'gives you CLIENT_* formulas for lifetime value, lifespan, churn, retention, progress and trend.',
  },
  {
    title: 'Start here',
    body:
      'New workbook: Set up workbook creates the Clients roster, Dashboard, Settings, Payments and Requests. ' +
      'Already keep a tab per client? Adopt existing tabs reads each tab, says whether it looks like a ' +
      'client log and why (its table, its dates, its measures), lets you correct that, and adds the ones you ' +
      'confirm to the roster without changing any of their cells; an old tab of a client you have is linked to them.',
  },
  {
    title: 'Adding a client',
    body:
      'New client asks for the start date, program, fee, client type (its check-in rhythm follows), the ' +
      'definition of success in the client’s own words, and the metrics with their baseline and target. ' +
      'Beside each target it shows the best and the median any earlier client reached on that metric, and ' +
      'warns (never blocks) when the target would be a first. Edit client changes all of it later.',
  },
  {
    title: 'The weekly check-in',
    body:
      'Log a check-in lists every client due this week. Type each number and press Enter to move on; Enter ' +
      'on the last field saves and opens the next client. Alt+S skips a client. A week already logged is ' +
      'only replaced when you tick Replace, and the old values are kept in a note. Check in this client ' +
      'does the same for the tab in view; the form says how to handle this client type this week.',
  },
  {
    title: 'Advice',
    body:
      'Client card shows health, why a client might leave, handling by client type, growth, payments and ' +
      'requests, and makes a one-page progress report. Refresh dashboard lists who needs attention and why. ' +
      'Portfolio review writes a tab sorting every active client into keep, re-price or let go, each with ' +
      'the numbers behind it; select a client’s row there and choose Act on this review row to open the ' +
      'raise or the offboarding, filled in. Nothing changes until you save.',
  },
  {
    title: 'Money and endings',
    body:
      'Record a payment (late ones show on the Dashboard). Log an out-of-scope request as a change order ' +
      'with its fee. Offboard a client: an ending on our side needs at least 30 days’ notice. Until ' +
      'the end date they are Serving notice and still checked in; from that day they are Ended. Ended ' +
      'clients stay on the roster, so lifespan, LTV, churn and retention count them.',
  },
  {
    title: 'Formulas',
    body:
      'Type =CLIENT_LTV(yearly_profit, lifespan_years) or any other CLIENT_* formula in a cell. They work ' +
      'on single values and whole columns, in any spreadsheet. Extensions > ClientTabs > Formulas lists them.',
  },
  {
    title: 'Something looks wrong?',
    body:
      'Check this spreadsheet tests, here, what ClientTabs relies on in Google Sheets (how dates reach ' +
      'formulas, the sidebar, the formulas it writes, saving under a lock) and shows a report to copy into ' +
      'a bug report. It uses a hidden sheet it deletes afterwards; your cells are not changed.',
  },
];

/** The help dialog's HTML. Static text, escaped all the same. */
export function helpHtml(): string {
  const sections = HELP_SECTIONS.map(
    (section) => `<h2>${escapeHtml(section.title)}</h2><p>${escapeHtml(section.body)}</p>`,
  ).join('');
  return (
    '<!DOCTYPE html><html><head><base target="_top"><meta charset="utf-8">' +
    '<link rel="stylesheet" href="https://ssl.gstatic.com/docs/script/css/add-ons1.css">' +
    '<style>body{padding:12px;font:13px/1.45 Roboto,Arial,sans-serif;color:#202124}' +
    'h2{font-size:14px;font-weight:500;margin:14px 0 4px}p{margin:0}</style>' +
    `</head><body>${sections}</body></html>`
  );
}

/** Shows the help dialog. */
export function showHelp(): void {
  const html = HtmlService.createHtmlOutput(helpHtml()).setWidth(420).setHeight(360);
  SpreadsheetApp.getUi().showModalDialog(html, 'ClientTabs help');
}

/** Shows the formula reference generated from the formulas' JSDoc at build time (dist/Formulas.html). */
export function showFormulas(): void {
  const html = HtmlService.createHtmlOutputFromFile('Formulas').setWidth(520).setHeight(520);
  SpreadsheetApp.getUi().showModelessDialog(html, 'ClientTabs formulas');
}
