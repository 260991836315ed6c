import { escapeHtml } from '../core/html';

const HELP_SECTIONS: readonly { title: string; body: string }[] = [
  {
    title: 'What ClientTabs does',
    body:
      'Keep one tab per client: where they started (the baseline), the target, and a row per check-in. ' +
      'ClientTabs keeps a roster of clients in sync with those tabs and gives you CLIENT_* formulas for ' +
      'lifetime value, lifespan, churn, retention, progress and trend.',
  },
  {
    title: 'Formulas',
    body:
      'Type =CLIENT_LTV(yearly_profit, lifespan_years) or any other CLIENT_* formula in a cell. They work ' +
      'on single values and whole columns, in any spreadsheet. Extensions > ClientTabs > Formulas lists them.',
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
    '<style>body{padding:12px;font-size:13px}h2{font-size:14px;margin:12px 0 4px}</style>' +
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
