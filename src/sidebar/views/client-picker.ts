/** A client dropdown shared by the card and the per-client forms. */
import type { ClientStatus, ClientSummary } from '../../ui/rpc-types';
import { h, replaceChildren } from '../dom';
import { run } from '../rpc';

export interface ClientPicker {
  select: HTMLSelectElement;
  ready: Promise<ClientSummary[]>;
  selected(): ClientSummary | undefined;
}

/** Fills a select with the clients (optionally only some statuses), preselecting `clientId`. */
export function clientPicker(clientId: string | undefined, statuses?: ClientStatus[]): ClientPicker {
  const select = h('select', { disabled: true }, h('option', { value: '' }, 'Loading clients…'));
  let clients: ClientSummary[] = [];
  const ready = run('rpcListClients').then((all) => {
    clients = all
      .filter((c) => !statuses || statuses.includes(c.status) || c.clientId === clientId)
      .sort((a, b) => a.name.localeCompare(b.name));
    replaceChildren(
      select,
      h('option', { value: '' }, clients.length ? 'Choose a client…' : 'No clients yet'),
      clients.map((c) =>
        h('option', { value: c.clientId }, c.status === 'Active' ? c.name : `${c.name} (${c.status})`),
      ),
    );
    select.disabled = false;
    if (clientId) select.value = clientId;
    return clients;
  });
  ready.catch(() => {
    replaceChildren(select, h('option', { value: '' }, 'Could not load the clients'));
  });
  return { select, ready, selected: () => clients.find((c) => c.clientId === select.value) };
}
