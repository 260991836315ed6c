// `npm run deploy`: pushes dist/ to an Apps Script project with clasp, and makes a version on request.
//   npm run deploy                              the project bound to a spreadsheet (.clasp.json): to try it
//   npm run deploy -- --standalone              the standalone project an editor add-on is published from
//                                               (.clasp-standalone.json)
//   npm run deploy -- --standalone --version "what changed"   then `clasp create-version`, for the
//                                               Marketplace SDK's "Apps Script version"
//   --dry-run                                   prints the clasp commands instead of running them
// Without a clasp login or a script id it says what to do instead of printing a stack trace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  'Usage: npm run deploy [-- [--standalone] [--version "description"] [--dry-run]]\n' +
  '  --standalone   push to the standalone project in .clasp-standalone.json (the one you publish)\n' +
  '  --version "…"  after pushing, create an immutable version with that description\n' +
  '  --dry-run      print the clasp commands instead of running them';

function stop(message, code = 1) {
  console.error(`deploy: nothing was pushed.\n\n${message}`);
  process.exit(code);
}

const options = { standalone: false, version: null, dryRun: false };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--standalone') options.standalone = true;
  else if (arg === '--dry-run') options.dryRun = true;
  else if (arg === '--version' || arg.startsWith('--version=')) {
    const description = arg.startsWith('--version=') ? arg.slice('--version='.length) : args[++i];
    if (description === undefined || description.startsWith('--') || description.trim() === '')
      stop(
        `--version needs a description of what changed, e.g. --version "Check this spreadsheet".\n\n${USAGE}`,
        2,
      );
    options.version = description.trim();
  } else stop(`Unknown option ${JSON.stringify(arg)}.\n\n${USAGE}`, 2);
}

const projectFile = options.standalone ? '.clasp-standalone.json' : '.clasp.json';
const problems = [];
let project = null;
try {
  project = JSON.parse(fs.readFileSync(path.join(root, projectFile), 'utf8'));
} catch (error) {
  problems.push(
    error.code === 'ENOENT'
      ? `There is no ${projectFile}. Create it with {"scriptId": "", "rootDir": "dist"} ` +
          'and fill in the script id (below).'
      : `${projectFile} is not valid JSON: ${error.message}`,
  );
}

const home = process.env.HOME ?? os.homedir();
const loggedIn = [path.join(home, '.clasprc.json'), path.join(root, '.clasprc.json')].some((file) =>
  fs.existsSync(file),
);
if (!loggedIn) problems.push('You are not logged in to clasp. Run: npx clasp login');

if (project && !project.scriptId) {
  problems.push(
    options.standalone
      ? 'No standalone Apps Script project is set. An editor add-on is published from a standalone project:\n' +
          '  in an empty folder run `npx clasp create-script --type standalone --title ClientTabs`, then copy the\n' +
          '  scriptId from the .clasp.json it writes into .clasp-standalone.json as "scriptId".'
      : 'No Apps Script project is bound. Open the spreadsheet you want it in, choose Extensions > Apps Script,\n' +
          '  copy the Script ID from Project settings, and put it in .clasp.json as "scriptId".\n' +
          '  (To publish, use the standalone project instead: npm run deploy -- --standalone.)',
  );
}
if (problems.length) {
  stop(`- ${problems.join('\n- ')}\n\nSee "Push it to a real spreadsheet" and "Publish it" in README.md.`);
}

// -P points clasp at the project file; the bound one is clasp's default, .clasp.json.
const target = options.standalone ? ['-P', projectFile] : [];
const commands = [[...target, 'push', '--force']];
if (options.version) commands.push([...target, 'create-version', options.version]);

const clasp = path.join(root, 'node_modules/.bin/clasp');
for (const command of commands) {
  if (options.dryRun) {
    console.log(
      ['clasp', ...command].map((part) => (/^[\w./-]+$/.test(part) ? part : JSON.stringify(part))).join(' '),
    );
    continue;
  }
  const result = spawnSync(clasp, command, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
if (options.version && !options.dryRun)
  console.log(
    '\nSet the new version number (printed above) as the Apps Script version ' +
      "in the Marketplace SDK's App Configuration.",
  );
