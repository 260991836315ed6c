import { DomainError } from './errors';
import { clientProfit } from './profitability';

/** The default LTV:CAC target: a client should be worth at least three times what it cost to win them. */
export const DEFAULT_LTV_TO_CAC_RATIO = 3;

/** Lifetime value of a client: yearly profit × years they stay. */
export function clientLtv(yearlyProfit: number, lifespanYears: number): number {
  return yearlyProfit * lifespanYears;
}

/** The most you can spend to win a client and still hit the LTV:CAC ratio. */
export function maxCac(ltv: number, ltvToCacRatio = DEFAULT_LTV_TO_CAC_RATIO): number {
  if (!(ltvToCacRatio > 0)) {
    throw new DomainError(`the LTV:CAC ratio must be greater than 0; got ${ltvToCacRatio}`);
  }
  return ltv / ltvToCacRatio;
}

/**
 * LTV net of absorbed work: the yearly profit less a year's absorbed out-of-scope hours at their cost
 * (core/profitability's clientProfit), times the years a client is expected to stay.
 */
export function netLtv(
  yearlyProfit: number,
  absorbedYearHours: number,
  hourlyCost: number,
  expectedYears: number,
): number {
  if (!(expectedYears >= 0)) throw new DomainError(`expected years must be 0 or more; got ${expectedYears}`);
  return clientLtv(clientProfit(yearlyProfit, absorbedYearHours, hourlyCost), expectedYears);
}
