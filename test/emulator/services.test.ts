import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEmulator } from '../../dev/emulator';

type G = {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  LockService: GoogleAppsScript.Lock.LockService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Session: GoogleAppsScript.Base.Session;
  Charts: GoogleAppsScript.Charts.Charts;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
};

describe('AuthMode.NONE (onOpen of an add-on not yet authorized)', () => {
  const CODE = `
    function onOpen(e) {
      var ui = SpreadsheetApp.getUi();
      var sub = ui.createMenu('More').addItem('Help', 'showHelp');
      ui.createAddonMenu().addItem('Open sidebar', 'showSidebar').addSeparator().addSubMenu(sub).addToUi();
    }
    function onOpenGreedy(e) { onOpen(e); return SpreadsheetApp.getActiveSpreadsheet().getName(); }
    function onOpenProps(e) { return PropertiesService.getDocumentProperties().getProperty('x'); }
    function onOpenSidebar(e) { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>x</p>')); }
    function mode(e) { return e.authMode === ScriptApp.AuthMode.NONE; }
  `;
  it('allows only building menus', () => {
    const emu = createEmulator();
    const b = emu.loadBundle(CODE);
    b.callAs('NONE', 'onOpen', b.event('NONE'));
    expect(emu.ui.menus).toEqual([
      {
        title: 'ClientTabs',
        addon: true,
        items: [
          { label: 'Open sidebar', functionName: 'showSidebar' },
          { separator: true },
          { submenu: 'More', items: [{ label: 'Help', functionName: 'showHelp' }] },
        ],
      },
    ]);
    expect(b.callAs('NONE', 'mode', b.event('NONE'))).toBe(true);
    expect(() => b.callAs('NONE', 'onOpenGreedy', b.event('NONE'))).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: ' +
        '(https://www.googleapis.com/auth/spreadsheets.currentonly || ' +
        'https://www.googleapis.com/auth/spreadsheets)',
    );
    expect(() => b.callAs('NONE', 'onOpenProps')).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
    expect(() => b.callAs('NONE', 'onOpenSidebar')).toThrow(
      'You do not have permission to call Ui.showSidebar. Required permissions: ' +
        'https://www.googleapis.com/auth/script.container.ui',
    );
    expect(emu.authMode).toBe('FULL');
    expect(b.call('onOpenGreedy', b.event('FULL'))).toBe('Untitled spreadsheet');
  });

  it('a top-level statement that touches a service fails when the bundle loads', () => {
    const emu = createEmulator();
    expect(() => emu.loadBundle('var ss = SpreadsheetApp.getActiveSpreadsheet();')).toThrow(
      /You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/,
    );
  });
});

describe('AuthMode.LIMITED (onOpen where the add-on is enabled; "Editor add-on authorization")', () => {
  const CODE = `
    function onOpen(e) {
      SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'open').addToUi();
      return SpreadsheetApp.getActiveSheet().getName();
    }
    function sidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>x</p>')); }
    function dialog() { SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput('<p>x</p>'), 'T'); }
    function modeless() { SpreadsheetApp.getUi().showModelessDialog(HtmlService.createHtmlOutput('<p>x</p>'), 'T'); }
    function alert() { SpreadsheetApp.getUi().alert('Hi'); }
  `;
  it('builds menus and reads the document, but cannot open sidebars or dialogs', () => {
    const emu = createEmulator();
    const b = emu.loadBundle(CODE);
    expect(b.callAs('LIMITED', 'onOpen', b.event('LIMITED'))).toBe('Sheet1');
    expect(emu.ui.menus.map((m) => m.title)).toEqual(['ClientTabs']);
    for (const [fn, method] of [
      ['sidebar', 'showSidebar'],
      ['dialog', 'showModalDialog'],
      ['modeless', 'showModelessDialog'],
      ['alert', 'alert'],
    ])
      expect(() => b.callAs('LIMITED', fn)).toThrow(
        `You do not have permission to call Ui.${method}. Required permissions: ` +
          `https://www.googleapis.com/auth/script.container.ui`,
      );
    expect(emu.ui.sidebars).toEqual([]);
    expect(emu.ui.dialogs).toEqual([]);
    b.call('sidebar');
    expect(emu.ui.sidebars).toHaveLength(1);
  });
});

describe('custom functions get the services the "Custom Functions in Google Sheets" guide lists', () => {
  const CODE = `
    function docProps() {
      var p = PropertiesService.getDocumentProperties(); p.setProperty('k', 'v'); return p.getProperty('k');
    }
    function userPropsRead() { return PropertiesService.getUserProperties().getProperty('theme'); }
    function userPropsWrite() { PropertiesService.getUserProperties().setProperty('theme', 'dark'); }
    function lock() { var l = LockService.getDocumentLock(); var ok = l.tryLock(100); l.releaseLock(); return ok; }
    function cache() { var c = CacheService.getDocumentCache(); c.put('a', '1'); return c.get('a'); }
    function utilities() { return Utilities.formatString('%d-%s', 7, 'x'); }
    function write() { SpreadsheetApp.getActiveSheet().getRange('A1').setValue(1); }
    function other() { SpreadsheetApp.openById('abc'); }
  `;
  it('Properties (user properties read only), Lock, Cache and Utilities work; the document is read only', () => {
    const emu = createEmulator();
    emu.properties.user.set('theme', 'light');
    const b = emu.loadBundle(CODE);
    expect(b.callAs('CUSTOM_FUNCTION', 'docProps')).toBe('v');
    expect(b.callAs('CUSTOM_FUNCTION', 'userPropsRead')).toBe('light');
    expect(() => b.callAs('CUSTOM_FUNCTION', 'userPropsWrite')).toThrow(
      'You do not have permission to call Properties.setProperty',
    );
    expect(emu.properties.user.get('theme')).toBe('light');
    expect(b.callAs('CUSTOM_FUNCTION', 'lock')).toBe(true);
    expect(b.callAs('CUSTOM_FUNCTION', 'cache')).toBe('1');
    expect(b.callAs('CUSTOM_FUNCTION', 'utilities')).toBe('7-x');
    expect(() => b.callAs('CUSTOM_FUNCTION', 'write')).toThrow('You do not have permission to call setValue');
    expect(() => b.callAs('CUSTOM_FUNCTION', 'other')).toThrow(
      'You do not have permission to call SpreadsheetApp.openById',
    );
    b.call('userPropsWrite');
    expect(emu.properties.user.get('theme')).toBe('dark');
  });
});

describe('call counting', () => {
  it('logs Class.method and counts document calls without handle getters', () => {
    const emu = createEmulator();
    const b = emu.loadBundle(`
      function run() {
        var lock = LockService.getDocumentLock();
        lock.waitLock(1000);
        var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1');
        var range = sheet.getRange(1, 1, 2, 2);
        var values = range.getValues();
        range.setValues([[1, 2], [3, 4]]);
        range.offset(2, 0).getA1Notation();
        SpreadsheetApp.newDataValidation().requireValueInList(['a']).build();
        SpreadsheetApp.flush();
        lock.releaseLock();
        return values.length;
      }
    `);
    emu.calls.reset();
    expect(b.call('run')).toBe(2);
    expect(emu.calls.log()).toEqual([
      'LockService.getDocumentLock',
      'Lock.waitLock',
      'SpreadsheetApp.getActiveSpreadsheet',
      'Spreadsheet.getSheetByName',
      'Sheet.getRange',
      'Range.getValues',
      'Range.setValues',
      'Range.offset',
      'Range.getA1Notation',
      'SpreadsheetApp.newDataValidation',
      'DataValidationBuilder.requireValueInList',
      'DataValidationBuilder.build',
      'SpreadsheetApp.flush',
      'Lock.releaseLock',
    ]);
    expect(emu.calls.documentCalls()).toBe(4); // getSheetByName, getValues, setValues, flush
    expect(emu.calls.count('Range.getValues')).toBe(1);
    expect(emu.calls.count()).toBe(14);
    expect(emu.calls.byMethod()['Lock.waitLock']).toBe(1);
    emu.calls.reset();
    expect(emu.calls.count()).toBe(0);
  });

  it('hands the bundle values of its own realm', () => {
    const emu = createEmulator();
    emu.spreadsheet
      .getSheets()[0]
      .getRange('A1:B1')
      .setValues([[new Date(0), 'x']]);
    const b = emu.loadBundle(`
      function check() {
        var v = SpreadsheetApp.getActiveSheet().getRange('A1:B1').getValues();
        try { SpreadsheetApp.getActiveSheet().getRange(0, 1); } catch (e) { var err = e; }
        return [v instanceof Array, v[0] instanceof Array, v[0][0] instanceof Date, err instanceof Error, String(err)];
      }
    `);
    expect(b.call('check')).toEqual([
      true,
      true,
      true,
      true,
      'Exception: The starting row of the range is too small.',
    ]);
  });
});

describe('methods the emulator lacks', () => {
  it('say "not emulated: Class.method" instead of handing back undefined', () => {
    const emu = createEmulator();
    const b = emu.loadBundle(`
      function rich() {
        var range = SpreadsheetApp.getActiveSheet().getRange('A1');
        try { range.getRichTextValue(); }
        catch (e) { return [e instanceof Error, String(e), typeof range.then, typeof JSON.stringify(range)]; }
      }
    `);
    expect(b.call('rich')).toEqual([
      true,
      'Exception: not emulated: Range.getRichTextValue',
      'undefined',
      'string',
    ]);
    expect(emu.calls.count('Range.getRichTextValue')).toBe(1);
    const sheet = emu.spreadsheet.getActiveSheet() as unknown as Record<string, () => unknown>;
    expect(() => sheet.getBandings()).toThrow('not emulated: Sheet.getBandings');
  });

  it('include the methods removed because nothing called them', () => {
    const emu = createEmulator();
    const range = emu.spreadsheet.getActiveSheet().getRange('A1:B2') as unknown as Record<
      string,
      () => unknown
    >;
    expect(() => range.mergeVertically()).toThrow('not emulated: Range.mergeVertically');
    const html = emu.loadBundle(`
      function favicon() {
        try { HtmlService.createHtmlOutput('x').setFaviconUrl('https://example.com/i.png'); }
        catch (e) { return String(e); }
      }
    `);
    expect(html.call('favicon')).toBe('Exception: not emulated: HtmlOutput.setFaviconUrl');
  });

  it("include the emulator's own helpers, which Apps Script does not have", () => {
    const emu = createEmulator();
    const b = emu.loadBundle(`
      function helpers() {
        var range = SpreadsheetApp.getActiveSheet().getRange('A1');
        var out = [];
        try { range.setStyle(); } catch (e) { out.push(String(e)); }
        try { LockService.getDocumentLock().acquire(1); } catch (e) { out.push(String(e)); }
        return out;
      }
    `);
    expect(b.call('helpers')).toEqual([
      'Exception: not emulated: Range.setStyle',
      'Exception: not emulated: Lock.acquire',
    ]);
  });
});

describe('LockService', () => {
  it('tryLock/waitLock fail while another execution holds the document lock', () => {
    const emu = createEmulator();
    const b = emu.loadBundle(`
      function attempt() { return LockService.getDocumentLock().tryLock(100); }
      function insist() { LockService.getDocumentLock().waitLock(100); }
      function hold() {
        var l = LockService.getDocumentLock();
        l.waitLock(10); var again = l.tryLock(10); var has = l.hasLock(); l.releaseLock();
        return [again, has, l.hasLock()];
      }
    `);
    const release = emu.holdDocumentLock();
    expect(b.call('attempt')).toBe(false);
    expect(() => b.call('insist')).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    release();
    expect(b.call('hold')).toEqual([true, true, false]);
  });
});

describe('CacheService', () => {
  it('expires entries on the emulator clock', () => {
    let t = Date.UTC(2024, 0, 1);
    const emu = createEmulator({ now: () => new Date(t) });
    const { CacheService } = emu.globals() as G;
    const cache = CacheService.getScriptCache();
    cache.put('a', '1', 60);
    cache.put('b', '2');
    cache.putAll({ c: '3', d: '4' }, 30000);
    expect(cache.getAll(['a', 'b', 'c', 'zz'])).toEqual({ a: '1', b: '2', c: '3' });
    t += 61 * 1000;
    expect(cache.get('a')).toBeNull();
    expect(cache.get('b')).toBe('2');
    t += 600 * 1000;
    expect(cache.get('b')).toBeNull();
    t += 6 * 3600 * 1000 - 661 * 1000;
    expect(cache.get('c')).toBeNull(); // capped at 21600 s
    expect(CacheService.getDocumentCache()!.get('d')).toBeNull();
    cache.remove('d');
  });
});

describe('HtmlService', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-html-'));
  fs.writeFileSync(path.join(dir, 'Sidebar.html'), '<h1>ClientTabs</h1>');
  fs.writeFileSync(
    path.join(dir, 'Report.html'),
    '<p><?= name ?></p><?!= raw ?><? for (var i = 0; i < 2; i++) { ?>*<? } ?>',
  );

  it('serves files from distDir and shows sidebars and dialogs', () => {
    const emu = createEmulator({ distDir: dir });
    const b = emu.loadBundle(`
      function showSidebar() {
        SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('ClientTabs'));
      }
      function report() {
        var t = HtmlService.createTemplateFromFile('Report');
        t.name = '<Acme & Co>';
        t.raw = '<b>ok</b>';
        SpreadsheetApp.getUi().showModalDialog(t.evaluate().setWidth(500).setHeight(300), 'Report');
      }
      function missing() { HtmlService.createHtmlOutputFromFile('Nope'); }
    `);
    b.call('showSidebar');
    b.call('report');
    expect(emu.ui.sidebars).toEqual([{ title: 'ClientTabs', html: '<h1>ClientTabs</h1>', width: 300 }]);
    expect(emu.ui.dialogs).toEqual([
      {
        title: 'Report',
        html: '<p>&lt;Acme &amp; Co&gt;</p><b>ok</b>**',
        modal: true,
        width: 500,
        height: 300,
      },
    ]);
    expect(() => b.call('missing')).toThrow('No HTML file named Nope was found.');
  });

  it('ignores <meta> tags written in the HTML and serves those added with addMetaTag', () => {
    const emu = createEmulator({ distDir: dir });
    const b = emu.loadBundle(`
      function show() {
        var page = '<html><head><meta name="clienttabs-boot" content="{}"><META ' +
          'charset="utf-8"></head><body>x</body></html>';
        var out = HtmlService.createHtmlOutput(page).addMetaTag('viewport', 'width=device-width');
        SpreadsheetApp.getUi().showSidebar(out);
        return [out.getMetaTags()[0].getName(), out.getMetaTags()[0].getContent(), out.getContent() === page];
      }
      function notAllowed() { HtmlService.createHtmlOutput('x').addMetaTag('clienttabs-boot', '{}'); }
    `);
    expect(b.call('show')).toEqual(['viewport', 'width=device-width', true]);
    expect(emu.ui.sidebars[0].html).toBe(
      '<html><head><meta name="viewport" content="width=device-width"></head><body>x</body></html>',
    );
    expect(() => b.call('notAllowed')).toThrow('Invalid argument: name');
  });
});

describe('Ui alerts and prompts', () => {
  it('answers from the queue, and throws when nothing is queued', () => {
    const emu = createEmulator();
    const b = emu.loadBundle(`
      function confirm() {
        var ui = SpreadsheetApp.getUi();
        return ui.alert('Delete client', 'Really?', ui.ButtonSet.YES_NO) === ui.Button.YES;
      }
      function ask() {
        var ui = SpreadsheetApp.getUi();
        var r = ui.prompt('Client name', ui.ButtonSet.OK_CANCEL);
        return [r.getSelectedButton() == ui.Button.OK, r.getResponseText()];
      }
    `);
    emu.ui.respond({ button: 'YES' });
    expect(b.call('confirm')).toBe(true);
    emu.ui.respond({ button: 'NO' });
    expect(b.call('confirm')).toBe(false);
    emu.ui.respond({ text: 'Acme' });
    expect(b.call('ask')).toEqual([true, 'Acme']);
    expect(() => b.call('confirm')).toThrow('Ui.alert called with no answer queued: "Really?"');
    expect(emu.ui.alerts[0]).toEqual({
      title: 'Delete client',
      prompt: 'Really?',
      buttons: 'YES_NO',
      kind: 'alert',
    });
  });
});
