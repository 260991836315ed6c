import { createEmulator } from '../../dev/emulator';

describe('spreadsheet basics', () => {
  it('starts with Sheet1, 1000 x 26', () => {
    const emu = createEmulator();
    const ss = emu.spreadsheet;
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    const sh = ss.getSheetByName('Sheet1')!;
    expect(sh.getMaxRows()).toBe(1000);
    expect(sh.getMaxColumns()).toBe(26);
    expect(sh.getLastRow()).toBe(0);
    expect(sh.getLastColumn()).toBe(0);
    expect(ss.getSheetByName('Nope')).toBeNull();
  });

  it('writes and reads values', () => {
    const emu = createEmulator();
    const sh = emu.spreadsheet.getSheets()[0];
    const d = new Date(Date.UTC(2024, 2, 1, 5));
    sh.getRange('A1:C2').setValues([
      ['Name', 3, true],
      [d, '', 'x'],
    ]);
    const v = sh.getRange(1, 1, 2, 3).getValues();
    expect(v).toEqual([
      ['Name', 3, true],
      [d, '', 'x'],
    ]);
    expect(v[1][0]).not.toBe(d);
    expect(sh.getLastRow()).toBe(2);
    expect(sh.getLastColumn()).toBe(3);
    expect(sh.getDataRange().getA1Notation()).toBe('A1:C2');
  });

  it('rejects data of the wrong shape with Apps Script messages', () => {
    const emu = createEmulator();
    const r = emu.spreadsheet.getSheets()[0].getRange('A1:B3');
    expect(() =>
      r.setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 ' +
        'but the range has 3.',
    );
    expect(() => r.setValues([[1, 2], [3, 4], [5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data ' +
        'has 1 but the range has 2.',
    );
  });

  it('rejects bad coordinates', () => {
    const sh = createEmulator().spreadsheet.getSheets()[0];
    expect(() => sh.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sh.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sh.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sh.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sh.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sh.getRange('A1:')).toThrow('Range not found');
  });
});

describe('bundle', () => {
  it('loads code, lists top-level functions, calls them, records menus', () => {
    const emu = createEmulator();
    const b = emu.loadBundle(`
      function onOpen(e) {
        SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'showSidebar').addSeparator().addToUi();
      }
      function write(v) {
        SpreadsheetApp.getActiveSheet().getRange('A1').setValue(v);
        return SpreadsheetApp.getActiveSheet().getRange('A1').getValue();
      }
      var notAFunction = 1;
    `);
    expect(b.functions).toEqual(['onOpen', 'write']);
    b.callAs('NONE', 'onOpen', b.event('NONE'));
    expect(emu.ui.menus).toEqual([
      {
        title: 'ClientTabs',
        addon: true,
        items: [{ label: 'Open', functionName: 'showSidebar' }, { separator: true }],
      },
    ]);
    expect(b.call('write', 42)).toBe(42);
    expect(() => b.call('nope')).toThrow('Script function not found: nope');
  });

  it('evaluates the top level at the start of every execution, as Apps Script does', () => {
    const emu = createEmulator();
    const b = emu.loadBundle(`
      var calls = 0;
      function bump() { calls += 1; return calls; }
      function CLIENT_BUMP(x) { calls += 1; return calls; }
    `);
    expect(b.call('bump')).toBe(1);
    expect(b.call('bump')).toBe(1); // a module-level cache cannot leak into the next execution
    const sh = emu.spreadsheet.getSheets()[0];
    sh.getRange('A1:A2').setFormulas([['=CLIENT_BUMP(1)'], ['=CLIENT_BUMP(2)']]);
    expect(sh.getRange('A1:A2').getValues()).toEqual([[1], [1]]);
  });

  it('reports a document lock left held and releases it', () => {
    const emu = createEmulator();
    const b = emu.loadBundle(`
      function leak() { LockService.getDocumentLock().waitLock(1000); }
      function tidy() { var l = LockService.getDocumentLock(); l.waitLock(1000); l.releaseLock(); return 'ok'; }
    `);
    expect(() => b.call('leak')).toThrow('Lock left held by leak');
    expect(b.call('tidy')).toBe('ok');
  });

  it('keeps the three property stores apart', () => {
    const emu = createEmulator();
    const g = emu.globals() as { PropertiesService: GoogleAppsScript.Properties.PropertiesService };
    g.PropertiesService.getDocumentProperties().setProperty('k', 'doc');
    g.PropertiesService.getScriptProperties().setProperty('k', 3 as unknown as string);
    expect(g.PropertiesService.getDocumentProperties().getProperty('k')).toBe('doc');
    expect(g.PropertiesService.getScriptProperties().getProperty('k')).toBe('3');
    expect(g.PropertiesService.getUserProperties().getProperty('k')).toBeNull();
  });
});
