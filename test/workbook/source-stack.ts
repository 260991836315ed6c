/**
 * Maps a stack thrown inside the built bundle back to src/: `at Ar (Code.js:2:44521)` becomes
 * `at Ar (src/ui/rpc.ts:97:11)`, from dist/Code.js.map (build.mjs writes it; the shipped Code.js is unchanged).
 */
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
let loaded: { map: SourceMap | null; mtime: number } | null = null;

function bundleMap(): SourceMap | null {
  const file = path.join(root, 'dist/Code.js.map');
  const mtime = fs.existsSync(file) ? fs.statSync(file).mtimeMs : -1;
  // Rebuilt while jest runs (watch mode): read the map again.
  if (!loaded || loaded.mtime !== mtime) {
    loaded = { map: mtime < 0 ? null : new SourceMap(JSON.parse(fs.readFileSync(file, 'utf8'))), mtime };
  }
  return loaded.map;
}

/** `stack` with each Code.js:line:column frame replaced by its source file and line. */
export function sourceStack(stack: string): string {
  const map = bundleMap();
  if (!map) return stack;
  return stack.replace(/\bCode\.js:(\d+):(\d+)/g, (frame, line: string, column: string) => {
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1) as {
      generatedLine?: number;
      originalSource?: string;
      originalLine?: number;
      originalColumn?: number;
    };
    // The wrappers build.mjs appends after the bundle have no mapping of their own: they stay Code.js.
    if (entry.generatedLine !== Number(line) - 1 || !entry.originalSource || entry.originalLine === undefined)
      return frame;
    const source = path.relative(root, path.resolve(root, 'dist', entry.originalSource));
    return `${source}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}`;
  });
}

/** Rewrites the stack of an error thrown by the bundle in place, so jest prints source lines. */
export function withSourceStack(error: unknown): unknown {
  const thrown = error as { stack?: unknown } | null;
  if (thrown && typeof thrown === 'object' && typeof thrown.stack === 'string') {
    try {
      thrown.stack = sourceStack(thrown.stack);
    } catch {
      // A frozen or exotic error keeps its own stack: the failure still shows.
    }
  }
  return error;
}
