// `npm start` (until the playground lands): prints a true summary of what the build produced.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const code = fs.readFileSync(path.join(root, 'dist/Code.js'), 'utf8');
const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, false, ts.ScriptKind.JS);
const globals = file.statements.filter(ts.isFunctionDeclaration).map((fn) => fn.name.text);
const menuItems = [...code.matchAll(/\{ label: "([^"]+)", functionName: "([^"]+)" \}/g)].map((m) => m[1]);
console.log(`ClientTabs built into dist/ (Code.js ${(code.length / 1024).toFixed(1)} KiB).`);
console.log(`Menu items: ${menuItems.join(', ') || '(none)'}`);
console.log(`Formulas: ${globals.filter((name) => name.startsWith('CLIENT_')).join(', ') || '(none yet)'}`);
console.log(`Other globals: ${globals.filter((name) => !name.startsWith('CLIENT_')).join(', ')}`);
