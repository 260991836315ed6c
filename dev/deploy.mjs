// `npm run deploy`: pushes dist/ to the Apps Script project bound in .clasp.json.
// Without a clasp login or a script id it says what to do instead of printing a stack trace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const claspJson = JSON.parse(fs.readFileSync(path.join(root, '.clasp.json'), 'utf8'));
const home = process.env.HOME ?? os.homedir();
const loggedIn = [path.join(home, '.clasprc.json'), path.join(root, '.clasprc.json')].some((file) =>
  fs.existsSync(file),
);

const problems = [];
if (!loggedIn) {
  problems.push('You are not logged in to clasp. Run: npx clasp login');
}
if (!claspJson.scriptId) {
  problems.push(
    'No Apps Script project is bound. Open the spreadsheet you want it in, choose Extensions > Apps Script,\n' +
      '  copy the Script ID from Project settings, and put it in .clasp.json as "scriptId".\n' +
      '  (Or run `npx clasp create --type sheets --title ClientTabs --rootDir dist` in an empty folder and copy its scriptId.)',
  );
}
if (problems.length) {
  console.error(
    `deploy: nothing was pushed.\n\n- ${problems.join('\n- ')}\n\nSee "Push it to a real spreadsheet" in README.md.`,
  );
  process.exit(1);
}

const result = spawnSync(path.join(root, 'node_modules/.bin/clasp'), ['push', '--force'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
