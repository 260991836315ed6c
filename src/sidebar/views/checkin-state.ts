/**
 * The weekly check-in's state and rules, apart from its rendering (views/checkin.ts): the VA's round
 * through the clients due (done, skipped with what was typed, which comes next) and what a Save sends
 * or refuses. No DOM here, so the rules are unit-tested without a browser (test/sidebar/checkin-state.test.ts).
 */
import type { CheckInEntry, CheckInForm, DueClient, DueList } from '../../ui/rpc-types';
import { contentProblem, metricWarning } from '../../core/checkin';
import { ownValue, setOwn } from '../../core/own';
import { checkMetric, checkSatisfaction } from '../validate';

export const TEXT_FIELDS = [
  { key: 'wins', label: 'Wins' },
  { key: 'blockers', label: 'Blockers' },
  { key: 'notes', label: 'Notes' },
] as const;

export type DueState = 'done' | 'current' | 'skipped' | 'pending';

/** Where the VA is in this week's round: who is done, skipped (and what was typed), and open now. */
export class CheckInRound {
  due: DueList | null = null;
  readonly done = new Set<string>();
  readonly skipped = new Set<string>();
  /** What was typed for a skipped client, kept (on the server, for this user) until it is saved. */
  readonly drafts = new Map<string, Record<string, string>>();
  currentId: string | null = null;

  /** The due list arrived: clients already logged this week are done; the server's skips come back. */
  start(list: DueList): void {
    this.due = list;
    for (const client of list.clients) if (client.doneThisWeek) this.done.add(client.clientId);
    for (const [clientId, draft] of Object.entries(list.skipped ?? {})) {
      if (this.done.has(clientId)) continue;
      this.skipped.add(clientId);
      if (Object.keys(draft).length) this.drafts.set(clientId, draft);
    }
  }

  /** Done this week: those the list said were done, plus those saved since, never more than are due. */
  doneCount(): number {
    if (!this.due) return 0;
    const newlyDone = this.due.clients.filter((c) => !c.doneThisWeek && this.done.has(c.clientId)).length;
    return Math.min(this.due.totalDue, this.due.doneCount + newlyDone);
  }

  stateOf(clientId: string): DueState {
    if (this.done.has(clientId)) return 'done';
    if (clientId === this.currentId) return 'current';
    return this.skipped.has(clientId) ? 'skipped' : 'pending';
  }

  /** The next client to do after `fromId`, going round the list; skipped and done clients are passed over. */
  nextPending(fromId: string | null): string | null {
    if (!this.due) return null;
    const clients = this.due.clients;
    const start = clients.findIndex((c) => c.clientId === fromId);
    for (let step = 1; step <= clients.length; step++) {
      const client = clients[(start + step + clients.length) % clients.length];
      if (
        client.clientId !== fromId &&
        !this.done.has(client.clientId) &&
        !this.skipped.has(client.clientId)
      ) {
        return client.clientId;
      }
    }
    return null;
  }

  /** Opening a client makes it current; a skipped client opened again is no longer skipped. */
  open(clientId: string): DueClient | null {
    this.currentId = clientId;
    this.skipped.delete(clientId);
    return this.due?.clients.find((c) => c.clientId === clientId) ?? null;
  }

  /** A save went through: done; true when a kept draft is to be forgotten on the server too. */
  saved(clientId: string): boolean {
    this.done.add(clientId);
    return this.drafts.delete(clientId);
  }

  /** Skipped with what was typed (an empty draft keeps nothing); true when something is kept. */
  skip(clientId: string, draft: Record<string, string>): boolean {
    const kept = Object.keys(draft).length > 0;
    this.skipped.add(clientId);
    if (kept) this.drafts.set(clientId, draft);
    else this.drafts.delete(clientId);
    return kept;
  }

  /** The end of the round: nothing is open. */
  finish(): void {
    this.currentId = null;
  }

  /** Skipped and not done since: the clients "Go back to skipped" returns to. */
  leftOut(): DueClient[] {
    return this.due
      ? this.due.clients.filter((c) => this.skipped.has(c.clientId) && !this.done.has(c.clientId))
      : [];
  }

  /** Going back to the skipped: they are all to do again; the first of them opens. */
  backToSkipped(): string | null {
    const first = this.leftOut()[0]?.clientId ?? null;
    this.skipped.clear();
    return first;
  }
}

/** A field's starting text: what a skip kept, else `fallback` (the row already logged, or blank). */
export function typedValue(draft: Record<string, string> | null, key: string, fallback: string): string {
  return ownValue<string>(draft, key) ?? fallback;
}

/**
 * What to keep of a skipped form: each field's text that is not blank (`fieldText` gives '' for a field the
 * tab lacks).
 */
export function draftOf(form: CheckInForm, fieldText: (key: string) => string): Record<string, string> {
  const draft: Record<string, string> = {};
  const keys = [
    ...form.metrics.map((m) => `values.${m.name}`),
    'satisfaction',
    ...TEXT_FIELDS.map((f) => f.key),
  ];
  for (const key of keys) if (fieldText(key) !== '') setOwn(draft, key, fieldText(key));
  return draft;
}

/** A metric's warning (another unit, far from the last value) for the text typed, or null. */
export function warningFor(
  metric: CheckInForm['metrics'][number],
  text: string,
  locale: string,
): string | null {
  return metricWarning(text.trim(), metric, metric.last, locale);
}

export interface FieldMessage {
  field: string;
  message: string;
}

export interface SaveCheck {
  entry: CheckInEntry;
  /** Refused: shown beside the fields, nothing is sent. */
  errors: FieldMessage[];
  /** Asked once: shown beside the field; Enter again on the same text confirms it. */
  warnings: FieldMessage[];
}

/**
 * What a Save sends, or why not: the same checks the server runs (it checks again). `pending` holds the
 * text each metric's warning was shown for: a warning on that same text is confirmed.
 */
export function checkSave(
  form: CheckInForm,
  fieldText: (key: string) => string,
  options: {
    enteredBy: string;
    noContact: boolean;
    replace: boolean;
    pending: ReadonlyMap<string, string>;
    locale: string;
  },
): SaveCheck {
  const entry: CheckInEntry = {
    clientId: form.client.clientId,
    weekOf: form.weekOf,
    values: {},
    satisfaction: fieldText('satisfaction'),
    wins: fieldText('wins'),
    blockers: fieldText('blockers'),
    notes: fieldText('notes'),
    enteredBy: options.enteredBy,
    noContact: options.noContact,
    confirmed: [],
  };
  const errors: FieldMessage[] = [];
  const warnings: FieldMessage[] = [];
  let measured = false;
  for (const metric of form.metrics) {
    const key = `values.${metric.name}`;
    const text = fieldText(key);
    const check = checkMetric(metric.name, text, metric.unit, options.locale);
    if (!check.ok) errors.push({ field: key, message: check.message });
    else if (check.value !== null) measured = true;
    setOwn(entry.values, metric.name, text);
    const warning = check.ok ? warningFor(metric, text, options.locale) : null;
    if (warning !== null && options.pending.get(metric.name) === text) entry.confirmed?.push(metric.name);
    else if (warning !== null) warnings.push({ field: key, message: warning });
  }
  const score = checkSatisfaction(entry.satisfaction);
  if (!score.ok) errors.push({ field: 'satisfaction', message: score.message });
  else if (score.value !== null) measured = true;
  const written = entry.wins !== '' || entry.blockers !== '' || entry.notes !== '';
  const content = contentProblem(
    { measured, written, noContact: entry.noContact === true },
    form.metrics.length > 0 || form.fields.satisfaction,
  );
  if (content && errors.length === 0) errors.push(content);
  if (form.existing) {
    if (!options.replace)
      errors.push({ field: 'replace', message: 'Tick this to replace the row already logged this week.' });
    else entry.replace = true;
  }
  return { entry, errors, warnings };
}
