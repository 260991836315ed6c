// `npm start` (after `node build.mjs`): the add-on without a Google account. The playground is
// TypeScript (it shares the emulator's and the demo's types), and node can't run TypeScript, so it is
// bundled with esbuild and imported. The bundle goes under node_modules/.cache so that its external
// packages (typescript, which the emulator uses) resolve from the project's node_modules.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!fs.existsSync(path.join(root, 'dist/Code.js'))) {
  console.error('dist/Code.js is missing: run `node build.mjs` first (npm start does).');
  process.exit(1);
}
const outDir = path.join(root, 'node_modules/.cache/clienttabs-playground');
fs.mkdirSync(outDir, { recursive: true });
const outFile = path.join(outDir, 'server.mjs');
await build({
  entryPoints: [path.join(root, 'dev/playground/server.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: outFile,
  logLevel: 'warning',
});
const { startPlayground } = await import(pathToFileURL(outFile).href);
const started = Date.now();
const playground = await startPlayground({
  root,
  port: Number(process.env.PORT || 8080),
  host: process.env.HOST || '127.0.0.1',
  today: process.env.DEMO_TODAY || undefined,
});
if (playground.demo) {
  const d = playground.demo;
  console.log(
    `demo workbook: ${d.clients} clients, ${d.checkIns} check-ins, ${d.payments} payments, ${d.requests} requests, ` +
      `${d.ended} ended (today ${playground.today}, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}
console.log(`ClientTabs playground: ${playground.url}`);
const stop = () => playground.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
