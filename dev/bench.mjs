// `npm run bench`: the speed and service-call budgets. The benchmark is TypeScript (it drives the
// emulator); esbuild compiles it to .tmp/ first because Node does not run TypeScript.
import { build } from 'esbuild';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, '.tmp/bench.cjs');
await build({
  entryPoints: [path.join(root, 'dev/bench/index.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  external: ['typescript', 'esbuild'],
  logLevel: 'warning',
});
const { runBenchmarks } = createRequire(import.meta.url)(outfile);
await runBenchmarks({ root, quick: process.argv.includes('--quick') });
