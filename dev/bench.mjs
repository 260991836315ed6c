// `npm run bench [-- --quick] [-- --json] [-- --sizes=10,100]`: service-call counts, ratios and budgets at
// scale. The benchmark is TypeScript (it drives the emulator), so it is bundled and imported (dev/run-ts.mjs).
import { importTs, root } from './run-ts.mjs';

const args = process.argv.slice(2);
const sizesArg = args.find((arg) => arg.startsWith('--sizes='));
const sizes = sizesArg
  ? sizesArg
      .slice('--sizes='.length)
      .split(',')
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0)
  : undefined;
if (sizesArg && (!sizes || sizes.length === 0)) {
  console.error('bench: --sizes takes client counts separated by commas, e.g. --sizes=10,100');
  process.exit(2);
}
const { runBenchmarks } = await importTs('dev/bench/index.ts', 'bench');
const json = args.includes('--json');
const { broken } = await runBenchmarks({ root, quick: args.includes('--quick'), json, sizes });
if (broken.length > 0) {
  // In --json mode stdout holds only the JSON object; the broken budgets go to stderr.
  if (json) for (const line of broken) process.stderr.write(`budget broken: ${line}\n`);
  process.exitCode = 1;
}
