/**
 * Apps Script's limits and what a call costs there, to say at how many clients each flow would cross a
 * limit. Google publishes the limits but no per-call latency: its best-practices guide
 * (developers.google.com/apps-script/guides/support/best-practices) only says service calls are far slower
 * than JavaScript and to batch them. So the per-call costs are third-party measurements, named below;
 * where there is none the figure is marked as a guess.
 */

/**
 * developers.google.com/apps-script/guides/services/quotas, "Current limitations": Script runtime 6 min /
 * execution.
 */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
/** The same quotas page: Custom function runtime 30 sec / execution. */
export const CUSTOM_FUNCTION_LIMIT_MS = 30 * 1000;

export interface CallCost {
  ms: number;
  source: string;
}

/** Milliseconds per call, by what the call is. */
export const CALL_COSTS: Record<
  'document' | 'propertyRead' | 'propertyWrite' | 'lock' | 'cacheRead' | 'cacheWrite',
  CallCost
> = {
  document: {
    ms: 2.2,
    source:
      'bugbugnow.net (2019): 1,000 getRange(i,1).getValue() in a loop took 3,064 ms, ' +
      'the same column read with one getValues 905 ms',
  },
  propertyRead: {
    ms: 30,
    source: 'ziritione.org, Luis Peralta: Properties getProperty, average of 100 runs',
  },
  propertyWrite: {
    ms: 62,
    source: 'ziritione.org, Luis Peralta: Properties setProperty, average of 100 runs',
  },
  lock: { ms: 30, source: 'guess: no published figure; priced as a Properties read' },
  cacheRead: { ms: 3, source: 'ziritione.org, Luis Peralta: CacheService get, average of 100 runs' },
  cacheWrite: { ms: 93, source: 'ziritione.org, Luis Peralta: CacheService put, average of 100 runs' },
};

/**
 * Estimated Apps Script time of a run from its calls (`Class.method` → count; `isDocument` says which are
 * document calls). Handle getters, builders, Session, Utilities and the service getters cost nothing here
 * (a guess: they need no round trip).
 */
export function estimateMs(byMethod: Record<string, number>, isDocument: (name: string) => boolean): number {
  let ms = 0;
  for (const [name, count] of Object.entries(byMethod)) {
    const [cls, method] = name.split('.');
    let cost = 0;
    if (isDocument(name)) cost = CALL_COSTS.document.ms;
    else if (cls === 'Properties')
      cost = /^(set|delete)/.test(method) ? CALL_COSTS.propertyWrite.ms : CALL_COSTS.propertyRead.ms;
    else if (cls === 'Lock' && /Lock$/.test(method) && method !== 'releaseLock') cost = CALL_COSTS.lock.ms;
    else if (cls === 'Cache')
      cost = /^(put|remove)/.test(method) ? CALL_COSTS.cacheWrite.ms : CALL_COSTS.cacheRead.ms;
    ms += cost * count;
  }
  return ms;
}

/**
 * The client count at which a flow's estimated time reaches `limitMs`, extrapolated linearly from its two
 * largest measured sizes. Null when it does not grow with clients (it never crosses).
 */
export function crossingClients(
  points: readonly { clients: number; ms: number }[],
  limitMs = EXECUTION_LIMIT_MS,
): number | null {
  if (points.length < 2) return null;
  const [a, b] = [...points].sort((x, y) => x.clients - y.clients).slice(-2);
  const slope = (b.ms - a.ms) / (b.clients - a.clients);
  // Under a tenth of a millisecond per client is flat: the same calls, whatever the size.
  if (!(slope > 0.1)) return null;
  return Math.max(1, Math.round(b.clients + (limitMs - b.ms) / slope));
}
