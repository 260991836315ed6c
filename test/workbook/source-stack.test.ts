import { harness } from './helpers';
import { sourceStack } from './source-stack';

test('an error thrown inside the built bundle names the src/ line it came from, not Code.js', () => {
  const h = harness();
  let stack = '';
  try {
    h.call('rpcGetCheckInForm', '');
  } catch (error) {
    stack = String((error as Error).stack);
  }
  expect(stack).toContain('Choose a client.');
  const frames = stack.split('\n').filter((line) => line.trim().startsWith('at '));
  expect(frames[0]).toMatch(/\(src\/ui\/rpc\.ts:\d+:\d+\)$/);
});

test('a frame the map does not cover is left as it was', () => {
  expect(sourceStack('at x (other.js:1:1)')).toBe('at x (other.js:1:1)');
  // build.mjs's wrappers follow the bundle's mapped lines.
  expect(sourceStack('at f (Code.js:99999:1)')).toBe('at f (Code.js:99999:1)');
});
