// `npm run bench`: the speed and service-call budgets. The benchmark is TypeScript (it drives the
// emulator), so it is bundled and imported (dev/run-ts.mjs).
import { importTs, root } from './run-ts.mjs';

const { runBenchmarks } = await importTs('dev/bench/index.ts', 'bench');
await runBenchmarks({ root, quick: process.argv.includes('--quick') });
