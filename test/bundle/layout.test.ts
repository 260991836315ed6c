/** Every src module has a test of its own name, or docs/ARCHITECTURE.md names the test that covers it. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

function modules(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return modules(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** `src/x.ts` → what its "Where each test lives" row says covers it */
function coveredIn(architecture: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const m of architecture.matchAll(/^\| `(src\/[^`]+\.ts)` \| (.+) \|$/gm)) rows.set(m[1], m[2]);
  return rows;
}

describe('the test layout mirrors src/', () => {
  const rows = coveredIn(fs.readFileSync(path.join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8'));

  test('every module has test/<layer>/<module>.test.ts or a row in ARCHITECTURE.md naming its test', () => {
    const missing = modules('src').filter(
      (m) =>
        !fs.existsSync(path.join(ROOT, m.replace(/^src\//, 'test/').replace(/\.ts$/, '.test.ts'))) &&
        !rows.has(m),
    );
    expect(missing).toEqual([]);
  });

  test('each row names a module that exists and a test file that exists', () => {
    const broken = [...rows].filter(([module, cell]) => {
      const test = /^`(test\/[^`]+\.test\.ts)`$/.exec(cell)?.[1];
      return !fs.existsSync(path.join(ROOT, module)) || !test || !fs.existsSync(path.join(ROOT, test));
    });
    expect(broken).toEqual([]);
  });
});
