import fc from 'fast-check';
import { DomainError } from '../../src/core/errors';
import { clientLtv, maxCac, netLtv } from '../../src/core/ltv';
import { progressFraction } from '../../src/core/progress';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });

describe('clientLtv', () => {
  it('is yearly profit × lifespan: 3500 × 3.2 = 11200', () => {
    expect(clientLtv(3500, 3.2)).toBeCloseTo(11200, 9);
  });

  it('scales linearly with profit and with lifespan', () => {
    fc.assert(
      fc.property(
        finite,
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (profit, years, k) => {
          const scale = Math.max(1, Math.abs(profit * years * k));
          expect(Math.abs(clientLtv(profit * k, years) - k * clientLtv(profit, years))).toBeLessThan(
            1e-9 * scale,
          );
          expect(Math.abs(clientLtv(profit, years * k) - k * clientLtv(profit, years))).toBeLessThan(
            1e-9 * scale,
          );
        },
      ),
    );
  });
});

describe('maxCac', () => {
  it('divides LTV by the ratio, 3 by default', () => {
    expect(maxCac(11200)).toBeCloseTo(3733.33, 2);
    expect(maxCac(11200, 4)).toBe(2800);
  });

  it('refuses a ratio of 0 or less', () => {
    expect(() => maxCac(100, 0)).toThrow(DomainError);
    expect(() => maxCac(100, -2)).toThrow('the LTV:CAC ratio must be greater than 0; got -2');
  });
});

describe('progressFraction', () => {
  it('is halfway at $25 when cost per lead goes from $30 to $20', () => {
    expect(progressFraction(30, 25, 20)).toBe(0.5);
  });

  it('goes below 0 when things got worse and above 1 past the target', () => {
    expect(progressFraction(30, 35, 20)).toBe(-0.5);
    expect(progressFraction(10, 25, 20)).toBe(1.5);
  });

  it('is 0 at the baseline and 1 at the target, whichever way the goal goes', () => {
    fc.assert(
      fc.property(finite, finite, (baseline, target) => {
        fc.pre(baseline !== target);
        expect(progressFraction(baseline, baseline, target)).toBe(0);
        expect(progressFraction(baseline, target, target)).toBeCloseTo(1, 9);
      }),
    );
  });

  it('explains why baseline equal to target has no progress', () => {
    expect(() => progressFraction(30, 25, 30)).toThrow(
      'baseline and target are both 30; progress needs a target different from the baseline',
    );
  });
});

describe('netLtv', () => {
  it(
    'takes a year’s absorbed hours at their cost off the yearly profit, then × years: (12,000 − 30 ' +
      '× 40) × 2.5 = 27,000',
    () => {
      expect(netLtv(12_000, 30, 40, 2.5)).toBe(27_000);
    },
  );

  it(
    'is the plain LTV when nothing was absorbed, and can go below 0 when absorbed work costs more ' +
      'than the profit',
    () => {
      expect(netLtv(12_000, 0, 40, 2.5)).toBe(clientLtv(12_000, 2.5));
      expect(netLtv(1_000, 50, 40, 2)).toBe(-2_000); // (1,000 − 2,000) × 2
    },
  );

  it('refuses negative hours, cost or years with the input named', () => {
    expect(() => netLtv(12_000, -1, 40, 2)).toThrow('hours must be 0 or more; got -1');
    expect(() => netLtv(12_000, 1, -40, 2)).toThrow('hourly_cost must be 0 or more; got -40');
    expect(() => netLtv(12_000, 1, 40, -2)).toThrow('expected years must be 0 or more; got -2');
  });
});
