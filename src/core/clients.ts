/**
 * The vocabulary of a client's life with the business: statuses, client types, why clients leave,
 * what happens to an out-of-scope request. One list each, shared by the workbook's dropdowns and the
 * server's input checks.
 */

/** "Serving notice": offboarded with an end date still ahead; still served (and checked in) until that day. */
export const CLIENT_STATUSES = ['Active', 'Serving notice', 'Paused', 'Ended'] as const;
export type ClientStatusName = (typeof CLIENT_STATUSES)[number];

export const CLIENT_TYPES = ['Laissez-faire', 'Micromanager', 'In the dark', 'Savvy'] as const;
export type ClientTypeName = (typeof CLIENT_TYPES)[number];

/** Why a client left: the client's side, our side, or the program simply ran its course. */
export const CLIENT_SIDE_REASONS = [
  'Could not keep up',
  'Unhappy with the experience',
  'Found a better service',
  'Time, money or personal problems',
] as const;
export const OUR_SIDE_REASONS = ['Unprofitable', 'Pays late', 'Scope creep', 'Poor fit'] as const;
export const LEAVE_REASONS = [...CLIENT_SIDE_REASONS, ...OUR_SIDE_REASONS, 'Program completed'] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];

export const REQUEST_DECISIONS = ['Open', 'Change order', 'Declined', 'Included in scope'] as const;
export type RequestDecision = (typeof REQUEST_DECISIONS)[number];

export const DIRECTIONS = ['up', 'down'] as const;

/** The notice a client gets before an ending we initiate (our side): at least this many days. */
export const MIN_NOTICE_DAYS = 30;

/** Case- and space-insensitive match of typed text against a fixed list; the list's spelling, or null. */
export function matchChoice<T extends string>(choices: readonly T[], typed: unknown): T | null {
  if (typeof typed !== 'string') return null;
  const wanted = normalizeLabel(typed);
  return choices.find((choice) => normalizeLabel(choice) === wanted) ?? null;
}

/** A header label as compared: trimmed, lower case, single spaces, any dash as '-'. */
export function normalizeLabel(label: unknown): string {
  return String(label ?? '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
