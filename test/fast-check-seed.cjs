/**
 * Property tests explore a new random seed on every local run, and one fixed seed under CI=true, so a
 * green CI is repeatable; FC_SEED=n replays a seed a failure printed, anywhere.
 */
const fc = require('fast-check');

const fixed = process.env.FC_SEED ?? (process.env.CI === 'true' ? '20261130' : undefined);
if (fixed !== undefined) fc.configureGlobal({ seed: Number(fixed) });
