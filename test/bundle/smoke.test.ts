/**
 * The built bundle, loaded the way Apps Script loads it: dist/Code.js evaluated in a fresh VM
 * context holding the emulator's services. `npm test` builds before jest runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { createEmulator } from '../../dev/emulator';
import { MENU } from '../../src/ui/menu';

const codePath = path.resolve(__dirname, '../../dist/Code.js');
const code = fs.readFileSync(codePath, 'utf8');

/** Every top-level statement of the bundle, parsed as Apps Script would see the file. */
function topLevel() {
  const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const functions = new Map<string, ts.FunctionDeclaration>();
  const others: string[] = [];
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) functions.set(statement.name.text, statement);
    else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) others.push(d.name.getText(file));
    } else if (ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)) {
      others.push(`"${statement.expression.text}"`);
    } else others.push(ts.SyntaxKind[statement.kind]);
  }
  return { file, functions, others };
}

/** The names src/main.ts exports: the only globals the bundle may have. */
function exportedNames(): string[] {
  const main = fs.readFileSync(path.resolve(__dirname, '../../src/main.ts'), 'utf8');
  const names: string[] = [];
  for (const match of main.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of match[1].split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name) names.push(name.trim());
    }
  }
  return names;
}

describe('dist/Code.js as Apps Script loads it', () => {
  it('has no import, export or require left', () => {
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/^\s*export\s/m);
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).not.toMatch(/\bimport\s*\(|\bimport\.meta\b/);
  });

  it('parses as a classic script, the way Apps Script reads a .gs file', () => {
    // vm.Script is a classic script: any module syntax left in the file is a SyntaxError here.
    expect(() => new vm.Script(code, { filename: 'Code.js' })).not.toThrow();
    const sourceFile = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
    expect(ts.isExternalModule(sourceFile)).toBe(false);
  });

  it('adds no global beyond the exports and the namespace, and the namespace cannot be called', () => {
    const emulator = createEmulator();
    const injected = new Set(Object.keys(emulator.globals()));
    const bundle = emulator.loadBundle(code);
    const added = Object.keys(bundle.context).filter((name) => !injected.has(name));
    expect(added.sort()).toEqual([...exportedNames(), 'ClientTabs_'].sort());
    for (const name of exportedNames()) expect(typeof bundle.context[name]).toBe('function');
    // google.script.run and the Run menu can only call functions: an object global exposes nothing.
    expect(typeof bundle.context.ClientTabs_).toBe('object');
  });

  it('passes arguments through the wrappers, including omitted optional ones', () => {
    const emulator = createEmulator({ timeZone: 'UTC' });
    const bundle = emulator.loadBundle(code);
    expect(bundle.call('CLIENT_LTV', 3500, 3.2)).toBeCloseTo(11200, 9);
    expect(bundle.call('CLIENT_MAX_CAC', 9000)).toBe(3000);
    const starts = [[new Date('2020-01-01T00:00:00Z')], [new Date('2021-01-01T00:00:00Z')]];
    const ends = [[new Date('2021-01-01T00:00:00Z')], [new Date('2022-01-01T00:00:00Z')]];
    expect(bundle.call('CLIENT_LIFESPAN', starts, ends)).toBeCloseTo((366 + 365) / 2 / 365.25, 12);
  });

  it('declares exactly the exports of src/main.ts as top-level functions, and one namespace', () => {
    const { functions, others } = topLevel();
    expect([...functions.keys()].sort()).toEqual(exportedNames().sort());
    // The only other top-level statements: the strict-mode directive and the bundle's namespace.
    expect(others).toEqual(['"use strict"', 'ClientTabs_']);
  });

  it('does no work at the top level: loading touches no service', () => {
    const emulator = createEmulator();
    emulator.calls.reset();
    emulator.loadBundle(code);
    expect(emulator.calls.count()).toBe(0);
  });

  it('keeps private helpers private', () => {
    const emulator = createEmulator();
    const bundle = emulator.loadBundle(code);
    expect(bundle.functions.sort()).toEqual(exportedNames().sort());
    for (const helper of ['buildAddonMenu', 'showHelp', 'helpHtml', 'escapeHtml']) {
      expect(bundle.context[helper]).toBeUndefined();
    }
  });

  it('onOpen under AuthMode.NONE builds the add-on menu and touches nothing else', () => {
    const emulator = createEmulator();
    const bundle = emulator.loadBundle(code);
    emulator.calls.reset();
    bundle.callAs('NONE', 'onOpen', bundle.event('NONE'));
    expect(emulator.ui.menus).toHaveLength(1);
    expect(emulator.ui.menus[0].addon).toBe(true);
    const touched = new Set(emulator.calls.log().map((call) => call.split('.')[0]));
    expect([...touched].sort()).toEqual(['Menu', 'SpreadsheetApp', 'Ui']);
    expect(emulator.calls.byMethod()['SpreadsheetApp.getUi']).toBe(1);
  });

  it('onOpen under AuthMode.LIMITED (the add-on enabled in this file) builds the same menu and opens nothing', () => {
    const emulator = createEmulator();
    const bundle = emulator.loadBundle(code);
    bundle.callAs('LIMITED', 'onOpen', bundle.event('LIMITED'));
    const labels = emulator.ui.menus[0].items.map((item) => ('label' in item ? item.label : '-'));
    expect(labels).toEqual(MENU.map((entry) => (entry === 'separator' ? '-' : entry.label)));
    expect([emulator.ui.sidebars, emulator.ui.dialogs, emulator.ui.alerts]).toEqual([[], [], []]);
  });

  it('onInstall shows the same menu as onOpen', () => {
    const emulator = createEmulator();
    const bundle = emulator.loadBundle(code);
    bundle.callAs('NONE', 'onInstall', bundle.event('NONE'));
    const labels = emulator.ui.menus[0].items.map((item) => ('label' in item ? item.label : '-'));
    expect(labels).toEqual(MENU.map((entry) => (entry === 'separator' ? '-' : entry.label)));
  });

  it('names a top-level global function in every menu item, submenus included', () => {
    const emulator = createEmulator();
    const bundle = emulator.loadBundle(code);
    bundle.callAs('NONE', 'onOpen', bundle.event('NONE'));
    type Item = (typeof emulator.ui.menus)[number]['items'][number];
    const names = (items: Item[]): string[] =>
      items.flatMap((item) =>
        'functionName' in item ? [item.functionName] : 'items' in item ? names(item.items) : [],
      );
    const functionNames = names(emulator.ui.menus[0].items);
    expect(functionNames.length).toBeGreaterThan(0);
    for (const name of functionNames) {
      expect(bundle.functions).toContain(name);
      expect(typeof bundle.context[name]).toBe('function');
    }
  });

  it('gives every CLIENT_* function a JSDoc block with @customfunction and one @param per parameter', () => {
    const { file, functions } = topLevel();
    const formulas = [...functions.values()].filter((fn) => fn.name!.text.startsWith('CLIENT_'));
    expect(formulas.map((fn) => fn.name!.text).sort()).toEqual([
      'CLIENT_BEST_ACHIEVED',
      'CLIENT_CHURN',
      'CLIENT_DAYS_LATE',
      'CLIENT_EFFECTIVE_RATE',
      'CLIENT_HEALTH',
      'CLIENT_LIFESPAN',
      'CLIENT_LTV',
      'CLIENT_MAX_CAC',
      'CLIENT_NEXT_CHECKIN',
      'CLIENT_PROFIT',
      'CLIENT_PROGRESS',
      'CLIENT_RETENTION',
      'CLIENT_TREND',
    ]);
    for (const fn of formulas) {
      const docs = ts.getJSDocCommentsAndTags(fn).filter(ts.isJSDoc);
      expect(docs.length).toBeGreaterThan(0);
      const text = file.text.slice(docs[docs.length - 1].getStart(file), docs[docs.length - 1].end);
      expect(text).toContain('@customfunction');
      const documented = [...text.matchAll(/@param\s+(?:\{[^}]*\}\s*)?\[?(\w+)/g)].map((m) => m[1]);
      expect(documented).toEqual(fn.parameters.map((p) => p.name.getText(file)));
      // A description before the first tag (Sheets shows it in autocomplete) and an example.
      const description = text
        .slice(3, text.indexOf('@'))
        .replace(/^\s*\*\s?/gm, '')
        .trim();
      expect(description.length).toBeGreaterThan(20);
      expect(text).toMatch(new RegExp(`@example =${fn.name!.text}\\(`));
    }
  });

  it('ships the sidebar, the formula reference and the manifest beside it', () => {
    const dist = path.dirname(codePath);
    for (const file of ['Sidebar.html', 'Formulas.html', 'appsscript.json']) {
      expect(fs.existsSync(path.join(dist, file))).toBe(true);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });
});
