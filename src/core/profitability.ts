/** What a client's hours earn: the effective hourly rate and the profit after the cost of those hours. */
import { DomainError } from './errors';

/** Revenue ÷ hours worked for it. */
export function effectiveHourlyRate(revenue: number, hours: number): number {
  if (hours <= 0) throw new DomainError(`hours must be more than 0; got ${hours}`);
  return revenue / hours;
}

/** Revenue less the hours at their cost and any direct costs. */
export function clientProfit(revenue: number, hours: number, hourlyCost: number, directCosts = 0): number {
  if (hours < 0) throw new DomainError(`hours must be 0 or more; got ${hours}`);
  if (hourlyCost < 0) throw new DomainError(`hourly_cost must be 0 or more; got ${hourlyCost}`);
  return revenue - hours * hourlyCost - directCosts;
}
