/** Medians of repeated runs: timings on a shared 2-core machine are noisy. */
import { performance } from 'node:perf_hooks';

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The median time of `runs` runs of `fn`, after one warm-up run. */
export function timeIt(runs: number, fn: () => void): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}
