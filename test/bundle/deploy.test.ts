/** `npm run deploy` without clasp set up: it says what to do and pushes nothing, with no stack trace. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

function deploy(claspJson: object) {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'clienttabs-deploy-'));
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'clienttabs-home-'));
  fs.mkdirSync(path.join(project, 'dev'));
  fs.copyFileSync(path.join(root, 'dev/deploy.mjs'), path.join(project, 'dev/deploy.mjs'));
  fs.writeFileSync(path.join(project, '.clasp.json'), JSON.stringify(claspJson));
  return spawnSync(process.execPath, [path.join(project, 'dev/deploy.mjs')], {
    cwd: project,
    env: { ...process.env, HOME: home },
    encoding: 'utf8',
  });
}

describe('npm run deploy without clasp set up', () => {
  it('without a login or a script id, names both steps and exits non-zero', () => {
    const result = deploy({ scriptId: '', rootDir: 'dist' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npx clasp login');
    expect(result.stderr).toContain('Script ID');
    expect(result.stderr).toContain('nothing was pushed');
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  });

  it('with a script id but no login, asks only for the login', () => {
    const result = deploy({ scriptId: 'abc123', rootDir: 'dist' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npx clasp login');
    expect(result.stderr).not.toContain('Script ID');
  });
});
