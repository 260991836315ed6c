/**
 * Brings the roster's Status cells up to the calendar: a client serving notice becomes Ended on their end
 * date. Nothing runs at midnight (a time-driven trigger needs the script.scriptapp scope, which this add-on
 * does not ask for), so the status shown everywhere is derived (core/status.ts) and the flows that already
 * write under the lock, Refresh and Set up, write it into the cell. Reads (sidebar, card) never write.
 */
import { matchChoice, CLIENT_STATUSES } from '../core/clients';
import { statusOn } from '../core/status';
import { rosterClients } from './roster';
import type { Zone } from './cells';
import type { Settings, Table } from './tables';

/**
 * Writes the status of today into each Status cell that says "Serving notice" or "Ended" but disagrees
 * with its End date, one setValues per run of adjacent rows (none when nothing changed). Active and
 * Paused are the user's and are never rewritten. Returns how many cells were written.
 */
export function writeStatusesOfToday(roster: Table, zone: Zone, settings: Settings, today: number): number {
  const column = roster.col.status;
  if (column === undefined || column < 0) return 0;
  const changes = new Map<number, string>();
  for (const client of rosterClients(roster, zone, settings)) {
    const stored = matchChoice(CLIENT_STATUSES, roster.values[client.row]?.[column]);
    if (stored !== 'Serving notice' && stored !== 'Ended') continue;
    const status = statusOn(stored, client.endDay, today);
    if (status !== stored) changes.set(client.row, status);
  }
  const rows = [...changes.keys()].sort((a, b) => a - b);
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    const run = rows.slice(i, j + 1);
    roster.sheet
      .getRange(run[0] + 1, column + 1, run.length, 1)
      .setValues(run.map((row) => [changes.get(row)]));
    i = j + 1;
  }
  return rows.length;
}
