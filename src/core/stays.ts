/** One client's time with us, as day numbers. `endDay` null: still a client. */
export interface Stay {
  startDay: number;
  endDay: number | null;
}

/** A stay as seen on `asOfDay`: how many days it has lasted so far, and whether it has ended by then. */
export interface ObservedStay {
  days: number;
  ended: boolean;
}

/**
 * Stays as known on `asOfDay`. Clients who start after `asOfDay` are left out; an end date after
 * `asOfDay` is not known yet, so that client is still active (censored at `asOfDay`).
 */
export function observeStays(stays: readonly Stay[], asOfDay: number): ObservedStay[] {
  const observed: ObservedStay[] = [];
  for (const { startDay, endDay } of stays) {
    if (startDay > asOfDay) continue;
    const ended = endDay !== null && endDay <= asOfDay;
    observed.push({ days: (ended ? (endDay as number) : asOfDay) - startDay, ended });
  }
  return observed;
}
