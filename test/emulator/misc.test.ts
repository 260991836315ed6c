import { createEmulator } from '../../dev/emulator';

type G = {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Session: GoogleAppsScript.Base.Session;
  Charts: GoogleAppsScript.Charts.Charts;
  Logger: GoogleAppsScript.Base.Logger;
};

function setup() {
  const emu = createEmulator({ now: () => new Date('2024-03-01T12:00:00Z') });
  const g = emu.globals() as G;
  return { emu, g, sh: emu.spreadsheet.getSheets()[0] };
}

describe('Utilities and Session', () => {
  it('formatDate uses Java patterns in the given time zone', () => {
    const { g } = setup();
    const d = new Date('2024-03-01T03:04:05Z');
    expect(g.Utilities.formatDate(d, 'America/New_York', 'yyyy-MM-dd')).toBe('2024-02-29');
    expect(g.Utilities.formatDate(d, 'UTC', "EEE, d MMM yyyy HH:mm:ss 'UTC'")).toBe(
      'Fri, 1 Mar 2024 03:04:05 UTC',
    );
    expect(g.Utilities.formatDate(d, 'Europe/Berlin', 'EEEE d MMMM, h:mm a')).toBe('Friday 1 March, 4:04 AM');
    expect(g.Utilities.formatDate(d, 'Asia/Kolkata', 'M/d/yy HH:mm Z')).toBe('3/1/24 08:34 +0530');
    expect(g.Utilities.formatString('%s has %d clients (%.1f%%)', 'Ann', 3.7, 12.345)).toBe(
      'Ann has 3 clients (12.3%)',
    );
  });

  it('Session gives the user, the script time zone and the user language', () => {
    const { g } = setup();
    expect(g.Session.getActiveUser().getEmail()).toBe('coach@example.com');
    expect(g.Session.getScriptTimeZone()).toBe('America/New_York');
    expect(g.Session.getActiveUserLocale()).toBe('en');
  });

  it('Logger and console record into emu.logs', () => {
    const emu = createEmulator();
    const b = emu.loadBundle(`function f() { Logger.log('n=%s', 3); console.log('hi', {a: 1}); }`);
    b.call('f');
    expect(emu.logs).toEqual(['n=3', 'hi {"a":1}']);
  });
});

describe('data validation', () => {
  it('builds and stores rules per cell', () => {
    const { g, sh } = setup();
    const list = g.SpreadsheetApp.newDataValidation()
      .requireValueInList(['Active', 'Paused', 'Ended'], true)
      .setAllowInvalid(false)
      .setHelpText('Pick a status')
      .build();
    sh.getRange('B2:B4').setDataValidation(list);
    const got = sh.getRange('B3').getDataValidation()!;
    expect(got.getCriteriaType()).toBe(g.SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    expect(got.getCriteriaValues()).toEqual([['Active', 'Paused', 'Ended'], true]);
    expect(got.getAllowInvalid()).toBe(false);
    expect(got.getHelpText()).toBe('Pick a status');
    expect(got.copy().requireNumberBetween(1, 10).build().getCriteriaType()).toBe('NUMBER_BETWEEN');
    expect(
      sh
        .getRange('A1:B2')
        .getDataValidations()
        .map((r) => r.map((v) => v && v.getCriteriaType())),
    ).toEqual([
      [null, null],
      [null, 'VALUE_IN_LIST'],
    ]);
    // scripts may write a value outside the list: it is stored (Sheets flags it in the UI)
    sh.getRange('B2').setValue('Gone');
    expect(sh.getRange('B2').getValue()).toBe('Gone');
    const inRange = g.SpreadsheetApp.newDataValidation().requireValueInRange(sh.getRange('Z1:Z3')).build();
    expect(inRange.getCriteriaValues()[0].getA1Notation()).toBe('Z1:Z3');
    expect(g.SpreadsheetApp.newDataValidation().requireDate().build().getCriteriaType()).toBe(
      'DATE_IS_VALID_DATE',
    );
    expect(g.SpreadsheetApp.newDataValidation().requireCheckbox().build().getCriteriaType()).toBe('CHECKBOX');
    sh.getRange('B2:B4').clearDataValidations();
    expect(sh.getRange('B3').getDataValidation()).toBeNull();
  });
});

describe('protections, conditional formats, charts', () => {
  it('protects ranges and sheets', () => {
    const { g, sh } = setup();
    const p = sh.getRange('A1:F1').protect().setDescription('Headers').setWarningOnly(true);
    sh.protect().setDescription('Whole sheet');
    const ranges = sh.getProtections(g.SpreadsheetApp.ProtectionType.RANGE);
    expect(ranges.map((x) => [x.getDescription(), x.isWarningOnly(), x.getRange().getA1Notation()])).toEqual([
      ['Headers', true, 'A1:F1'],
    ]);
    expect(sh.getProtections(g.SpreadsheetApp.ProtectionType.SHEET)[0].getDescription()).toBe('Whole sheet');
    p.remove();
    expect(sh.getProtections(g.SpreadsheetApp.ProtectionType.RANGE)).toEqual([]);
  });

  it('stores conditional format rules', () => {
    const { g, sh } = setup();
    const gradient = g.SpreadsheetApp.newConditionalFormatRule()
      .setGradientMinpointWithValue('#e67c73', g.SpreadsheetApp.InterpolationType.NUMBER, '0')
      .setGradientMaxpointWithValue('#57bb8a', g.SpreadsheetApp.InterpolationType.NUMBER, '100')
      .setRanges([sh.getRange('C2:C50')])
      .build();
    const red = g.SpreadsheetApp.newConditionalFormatRule()
      .whenNumberLessThan(5)
      .setBackground('#f4cccc')
      .setRanges([sh.getRange('D2:D')])
      .build();
    sh.setConditionalFormatRules([gradient, red]);
    const rules = sh.getConditionalFormatRules();
    expect(rules.length).toBe(2);
    expect(rules[0].getGradientCondition()!.getMaxColor()).toBe('#57bb8a');
    expect(rules[1].getBooleanCondition()!.getCriteriaType()).toBe('NUMBER_LESS_THAN');
    expect(rules[1].getBooleanCondition()!.getBackground()).toBe('#f4cccc');
    expect(rules[1].getRanges()[0].getA1Notation()).toBe('D2:D1000');
  });

  it('builds, inserts, updates and removes charts', () => {
    const { g, sh } = setup();
    const chart = sh
      .newChart()
      .setChartType(g.Charts.ChartType.LINE)
      .addRange(sh.getRange('A1:B10'))
      .setPosition(2, 5, 0, 0)
      .setOption('title', 'Weekly revenue')
      .build();
    sh.insertChart(chart);
    const [c] = sh.getCharts();
    expect(c.getRanges()[0].getA1Notation()).toBe('A1:B10');
    expect(c.getOptions().get('title')).toBe('Weekly revenue');
    expect(c.getContainerInfo().getAnchorColumn()).toBe(5);
    sh.updateChart(c.modify().setChartType(g.Charts.ChartType.COLUMN).build());
    expect(sh.getCharts()[0].modify().getChartType()).toBe('COLUMN');
    sh.removeChart(sh.getCharts()[0]);
    expect(sh.getCharts()).toEqual([]);
  });
});

describe('other spreadsheet state', () => {
  it('notes, styles, frozen rows, widths, hidden sheets, toasts, named ranges', () => {
    const { emu, sh } = setup();
    const r = sh.getRange('A1:B1');
    r.setNote('header').setFontWeight('bold').setBackground('#EEEEEE').setWrap(true);
    expect(r.getNotes()).toEqual([['header', 'header']]);
    expect(r.getFontWeights()).toEqual([['bold', 'bold']]);
    expect(sh.getRange('C1').getBackground()).toBe('#ffffff');
    expect(r.getBackgrounds()).toEqual([['#eeeeee', '#eeeeee']]);
    sh.setFrozenRows(1);
    sh.setColumnWidth(2, 240);
    expect([sh.getFrozenRows(), sh.getColumnWidth(2), sh.getColumnWidth(3)]).toEqual([1, 240, 100]);
    const other = emu.spreadsheet.insertSheet('Settings');
    other.hideSheet();
    expect(other.isSheetHidden()).toBe(true);
    emu.spreadsheet.toast('Saved', 'ClientTabs', 5);
    expect(emu.ui.toasts).toEqual([{ message: 'Saved', title: 'ClientTabs' }]);
    emu.spreadsheet.setNamedRange('Fees', sh.getRange('C2:C9'));
    expect(emu.spreadsheet.getRangeByName('Fees')!.getA1Notation()).toBe('C2:C9');
    expect(emu.spreadsheet.getNamedRanges().map((n) => n.getName())).toEqual(['Fees']);
    emu.spreadsheet.removeNamedRange('Fees');
    expect(emu.spreadsheet.getRangeByName('Fees')).toBeNull();
    sh.getRange('B2').activate();
    expect(emu.spreadsheet.getActiveRange()!.getA1Notation()).toBe('B2');
    expect(emu.spreadsheet.getCurrentCell()!.getA1Notation()).toBe('B2');
  });

  it('setFormula on a range moves relative references', () => {
    const { sh } = setup();
    sh.getRange('C2:C4').setFormula('=CLIENT_LTV(A2, $B$1)');
    expect(sh.getRange('C2:C4').getFormulas()).toEqual([
      ['=CLIENT_LTV(A2, $B$1)'],
      ['=CLIENT_LTV(A3, $B$1)'],
      ['=CLIENT_LTV(A4, $B$1)'],
    ]);
  });
});
