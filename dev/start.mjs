// `npm start` (after `node build.mjs`): the add-on without a Google account. The playground is
// TypeScript (it shares the emulator's and the demo's types), so it is bundled and imported
// (dev/run-ts.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { importTs, root } from './run-ts.mjs';

if (!fs.existsSync(path.join(root, 'dist/Code.js'))) {
  console.error('dist/Code.js is missing: run `node build.mjs` first (npm start does).');
  process.exit(1);
}
const { startPlayground } = await importTs('dev/playground/server.ts', 'playground');
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
