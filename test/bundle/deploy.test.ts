/**
 * `npm run deploy`: which clasp commands it runs for the bound and the standalone project (seen with
 * --dry-run: there is no network here), and what it says when clasp is not set up (no stack trace).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

interface Setup {
  bound?: object;
  standalone?: object | null;
  loggedIn?: boolean;
}

function deploy(
  args: string[],
  { bound = { scriptId: '', rootDir: 'dist' }, standalone = null, loggedIn = false }: Setup = {},
) {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'clienttabs-deploy-'));
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'clienttabs-home-'));
  fs.mkdirSync(path.join(project, 'dev'));
  fs.copyFileSync(path.join(root, 'dev/deploy.mjs'), path.join(project, 'dev/deploy.mjs'));
  fs.writeFileSync(path.join(project, '.clasp.json'), JSON.stringify(bound));
  if (standalone) fs.writeFileSync(path.join(project, '.clasp-standalone.json'), JSON.stringify(standalone));
  if (loggedIn) fs.writeFileSync(path.join(home, '.clasprc.json'), '{}');
  return spawnSync(process.execPath, [path.join(project, 'dev/deploy.mjs'), ...args], {
    cwd: project,
    env: { ...process.env, HOME: home },
    encoding: 'utf8',
  });
}

const NO_STACK = /\n\s+at .+:\d+:\d+/;

describe('npm run deploy without clasp set up', () => {
  it('without a login or a script id, names both steps and exits non-zero', () => {
    const result = deploy([]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npx clasp login');
    expect(result.stderr).toContain('Script ID');
    expect(result.stderr).toContain('nothing was pushed');
    expect(result.stderr).not.toMatch(NO_STACK);
  });

  it('with a script id but no login, asks only for the login', () => {
    const result = deploy([], { bound: { scriptId: 'abc123', rootDir: 'dist' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npx clasp login');
    expect(result.stderr).not.toContain('Script ID');
  });

  it('--standalone without its script id says how to create the standalone project', () => {
    const result = deploy(['--standalone'], {
      standalone: { scriptId: '', rootDir: 'dist' },
      loggedIn: true,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npx clasp create-script --type standalone --title ClientTabs');
    expect(result.stderr).toContain('.clasp-standalone.json');
    expect(result.stderr).not.toContain('npx clasp login');
    expect(result.stderr).not.toMatch(NO_STACK);
  });

  it('--standalone with no .clasp-standalone.json says to create it', () => {
    const result = deploy(['--standalone'], { loggedIn: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('There is no .clasp-standalone.json');
  });
});

describe('npm run deploy: the clasp commands it runs', () => {
  it('pushes to the bound project (.clasp.json) by default', () => {
    const result = deploy(['--dry-run'], { bound: { scriptId: 'bound1', rootDir: 'dist' }, loggedIn: true });
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual(['clasp push --force']);
  });

  it('pushes to the standalone project and creates a version with the description given', () => {
    const result = deploy(['--standalone', '--version', 'Check this spreadsheet', '--dry-run'], {
      standalone: { scriptId: 'standalone1', rootDir: 'dist' },
      loggedIn: true,
    });
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'clasp -P .clasp-standalone.json push --force',
      'clasp -P .clasp-standalone.json create-version "Check this spreadsheet"',
    ]);
  });

  it('refuses --version without a description, and an unknown option, with its usage', () => {
    for (const args of [['--version'], ['--version', '--dry-run'], ['--verison', 'x']]) {
      const result = deploy(args, { bound: { scriptId: 'bound1', rootDir: 'dist' }, loggedIn: true });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('Usage: npm run deploy');
      expect(result.stdout).toBe('');
    }
  });
});

test('the repository has both project files, pointing clasp at dist/', () => {
  for (const file of ['.clasp.json', '.clasp-standalone.json']) {
    expect(JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'))).toMatchObject({ rootDir: 'dist' });
  }
});
