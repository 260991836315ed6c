import { DomainError } from './errors';

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
