/**
 * The wire between the sidebar and the server (src/ui/wire.ts). The type checks below run in
 * `npm run typecheck`: a server function whose arguments or answer hold a Date or a function (which
 * google.script.run refuses) makes that fail, naming the function.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Server } from '../../src/sidebar/rpc';
import type { Carried, Jsonify } from '../../src/ui/wire';

type NotCarried = {
  [K in keyof Server]: Carried<ReturnType<Server[K]>> extends true
    ? Carried<Parameters<Server[K]>[number]> extends true
      ? never
      : K
    : K;
}[keyof Server];

// Fails the typecheck with the name of any server function whose types google.script.run cannot carry.
const everyRpcCarried: [NotCarried] extends [never] ? true : NotCarried = true;

// The mapping itself: a Date or a function cannot cross; undefined in an array arrives as null.
const dateRefused: Jsonify<{ at: Date }>['at'] extends never ? true : false = true;
const functionRefused: Jsonify<{ run: () => void }>['run'] extends never ? true : false = true;
const holesBecomeNull: Jsonify<(string | undefined)[]> extends (string | null)[] ? true : false = true;
const plainKept: Carried<{ a: string; b: number[]; c: { d: boolean | null } }> = true;
const dateNotCarried: Carried<{ at: Date }> = false;

test('the type checks above hold (npm run typecheck is what enforces them)', () => {
  expect([everyRpcCarried, dateRefused, functionRefused, holesBecomeNull, plainKept, dateNotCarried]).toEqual(
    [true, true, true, true, true, false],
  );
});

test('the sidebar bundle holds no server code: the server types reach it as `import type` only', () => {
  const html = fs.readFileSync(path.resolve(__dirname, '../../dist/Sidebar.html'), 'utf8');
  for (const serverOnly of [
    'SpreadsheetApp',
    'PropertiesService',
    'LockService',
    'getDocumentLock',
    'Bring it back with Edit',
  ])
    expect(html).not.toContain(serverOnly);
  expect(html).toContain('google.script.run');
});
