/** Sidebar RPCs of the advice: recording a raise, and a client's hours per month. */
import { profitCard, type ProfitCardData } from '../workbook/profit-card';
import {
  recordRaise,
  setClientHours,
  type HoursInput,
  type RaiseInput,
  type RecordedRaise,
} from '../workbook/rates';
import { guarded } from './rpc';
import type { Result } from './rpc-types';

/** Sidebar (card): records a raise from a day on; the old fee's record stays in Rates. */
export function rpcRecordRaise(form: RaiseInput): Result<RecordedRaise> {
  return guarded(() => recordRaise(form));
}

/** Sidebar (card): sets the hours a month the client's work takes (blank clears it). */
export function rpcSetClientHours(
  form: HoursInput,
): Result<{ clientId: string; hoursPerMonth: number | null }> {
  return guarded(() => setClientHours(form));
}

/** Sidebar (card): the fee history, next rate review, effective rate and LTV net of absorbed work. */
export function rpcGetClientProfit(clientId: string): ProfitCardData | null {
  return profitCard(typeof clientId === 'string' ? clientId : '');
}
