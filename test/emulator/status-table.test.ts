/** The per-method table in dev/emulator/README.md lists exactly the public methods of the emulated classes. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const EMULATOR = path.join(__dirname, '../../dev/emulator');
/** emulator helpers the emulator's own code calls, not Apps Script methods */
const NOT_APPS_SCRIPT = new Set(['Range.span', 'HtmlOutput.served']);

/** `Class.method` for each public method of each class in dev/emulator/<service>/<class>.ts */
function publicMethods(): string[] {
  const out: string[] = [];
  for (const dir of fs.readdirSync(EMULATOR, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const file of fs.readdirSync(path.join(EMULATOR, dir.name)).filter((f) => f.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(EMULATOR, dir.name, file), 'utf8');
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      for (const cls of source.statements.filter(ts.isClassDeclaration)) {
        const tag = cls.members.find(
          (m) => ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === 'emuClass',
        ) as ts.PropertyDeclaration | undefined;
        if (!tag?.initializer || !ts.isStringLiteral(tag.initializer)) continue;
        const name = tag.initializer.text;
        for (const m of cls.members) {
          if (!ts.isMethodDeclaration(m) || !ts.isIdentifier(m.name)) continue;
          const hidden =
            ts.getCombinedModifierFlags(m) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected);
          if (!hidden && !NOT_APPS_SCRIPT.has(`${name}.${m.name.text}`)) out.push(`${name}.${m.name.text}`);
        }
      }
    }
  }
  return out;
}

describe("the emulator README's per-method table", () => {
  const readme = fs.readFileSync(path.join(EMULATOR, 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| (\w+) \| `(\w+)` \| (faithful|partial|guess) \| (.+) \|$/gm)];
  const listed = rows.map((r) => `${r[1]}.${r[2]}`);

  test('lists every public method of every emulated class, and nothing else', () => {
    const methods = publicMethods();
    expect(methods.length).toBeGreaterThan(200);
    expect(methods.filter((m) => !listed.includes(m))).toEqual([]);
    expect(listed.filter((m) => !methods.includes(m))).toEqual([]);
  });

  test("each row's source is Google's reference page for its class", () => {
    const unsourced = rows.filter(
      (r) => !r[4].startsWith(`[${r[1]}](https://developers.google.com/apps-script/reference/`),
    );
    expect(unsourced.map((r) => r[0])).toEqual([]);
  });
});
