import fs from 'node:fs';
import path from 'node:path';
import { createEmulator } from '../../dev/emulator';
import { MENU } from '../../src/ui/menu';

const code = fs.readFileSync(path.resolve(__dirname, '../../dist/Code.js'), 'utf8');

function load() {
  const emulator = createEmulator();
  const bundle = emulator.loadBundle(code);
  return { emulator, bundle };
}

describe('Help and Formulas menu items', () => {
  it('Help opens a dialog that says what ClientTabs does', () => {
    const { emulator, bundle } = load();
    bundle.call('menuShowHelp');
    expect(emulator.ui.dialogs).toHaveLength(1);
    expect(emulator.ui.dialogs[0].title).toBe('ClientTabs help');
    expect(emulator.ui.dialogs[0].html).toContain('one tab per client');
  });

  it('Help names every menu item, so a user reading it finds each one in the menu', () => {
    const { emulator, bundle } = load();
    bundle.call('menuShowHelp');
    const text = emulator.ui.dialogs[0].html.replace(/<[^>]+>/g, ' ');
    // Every item but Help itself, the dialog being read.
    const labels = MENU.flatMap((entry) =>
      entry === 'separator' || entry.label === 'Help' ? [] : [entry.label],
    );
    expect(labels.filter((label) => !text.includes(label))).toEqual([]);
  });

  it('Formulas opens the reference generated from the JSDoc, listing every CLIENT_* formula', () => {
    const { emulator, bundle } = load();
    bundle.call('menuShowFormulas');
    expect(emulator.ui.dialogs).toHaveLength(1);
    const html = emulator.ui.dialogs[0].html;
    const formulas = bundle.functions.filter((name) => name.startsWith('CLIENT_'));
    expect(formulas).toHaveLength(13);
    for (const name of formulas) expect(html).toContain(`${name}(`);
    // ...with the examples of their JSDoc, as the user would type them.
    const examples = [...code.matchAll(/@example (=CLIENT_\w+\(.*\))$/gm)].map((m) => m[1]);
    expect(examples.length).toBeGreaterThanOrEqual(formulas.length);
    for (const example of examples) expect(html).toContain(example.replace(/"/g, '&quot;'));
  });
});
