/** The client's saved conversation plans and needs, loaded once per card for the sections that show them. */
import type { ClientNotes } from '../../ui/rpc-types';
import { run } from '../rpc';

export type NotesLoader = () => Promise<ClientNotes>;

/** One call per card; a failed load answers empty lists (the sections say so). */
export function notesLoader(clientId: string): NotesLoader {
  let notes: Promise<ClientNotes> | null = null;
  return () => (notes = notes ?? run('rpcGetClientNotes', clientId));
}
