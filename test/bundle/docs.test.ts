import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

describe('formula documentation', () => {
  it('docs/FORMULAS.md matches the JSDoc in src (run `npm run docs` after changing a formula)', () => {
    const generated = fs.readFileSync(path.join(root, 'dist/FORMULAS.md'), 'utf8');
    const committed = fs.readFileSync(path.join(root, 'docs/FORMULAS.md'), 'utf8');
    expect(committed).toBe(generated);
  });
});
