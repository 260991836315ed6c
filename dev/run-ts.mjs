// Node does not run TypeScript, so the dev scripts written in it (the playground, the benchmark) are
// bundled with esbuild and imported. The bundle goes under node_modules/.cache so that the packages it
// leaves external (typescript, which the emulator uses) resolve from the project's node_modules.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles `entry` (a path from the project root) and imports it; `name` names the cached bundle. */
export async function importTs(entry, name) {
  const outDir = path.join(root, `node_modules/.cache/clienttabs-${name}`);
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, `${name}.mjs`);
  await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: outFile,
    logLevel: 'warning',
  });
  return import(pathToFileURL(outFile).href);
}
