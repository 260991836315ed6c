/** Growth with existing clients (src/core/growth.ts). */
import { growthSignal } from '../../src/core/growth';

describe('growthSignal', () => {
  test('at or past every target in good health: time to offer the next step', () => {
    expect(growthSignal([1, 1.2], 'Green')).toMatchObject({ ready: true, atTarget: 2, measured: 2 });
    expect(growthSignal([1, 1.2], 'Green').message).toMatch(/time to offer the next step/);
  });

  test('one target still open, or health not green: not yet, and it says why', () => {
    expect(growthSignal([1.1, 0.8], 'Green')).toMatchObject({
      ready: false,
      message: '1 of 2 targets reached.',
    });
    expect(growthSignal([1.1, 1], 'Yellow')).toMatchObject({
      ready: false,
      message: expect.stringMatching(/health is Yellow/),
    });
  });

  test('metrics without progress do not count; none at all is never ready', () => {
    expect(growthSignal([1.1, null], 'Green').ready).toBe(true);
    expect(growthSignal([null], 'Green').ready).toBe(false);
    expect(growthSignal([], 'Green').ready).toBe(false);
  });
});
