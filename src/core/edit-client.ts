/**
 * Reading the Edit client form: the same rules as New client for every field it shares (one parser), and
 * what only an edit has: each metric row says which metric it was (`from`), so a rename is told apart from
 * a removal plus an addition.
 */
import { shown } from './quote';
import type { Checked, FieldProblem } from './outcome';
import { normalizeLabel, type ClientTypeName } from './clients';
import type { MetricSpec } from './client-tab';
import type { OpenedEdit } from './edit-merge';
import { parseNewClient, type NewClientInput } from './new-client';

export interface EditClientInput {
  clientId: string;
  clientType: string;
  cadenceDays: string;
  monthlyFee: string;
  yearlyProfit: string;
  monthlyCosts: string;
  definitionOfSuccess: string;
  scope: string;
  /** Left out: the metrics stay as they are (an adopted tab's columns are its own). */
  metrics?: (NewClientInput['metrics'][number] & { from?: string })[];
  /**
   * What the form was opened with (rpcGetClientEdit's answer): the save then changes only what its user
   * changed, on top of what others saved meanwhile (core/edit-merge.ts). Left out: every field is written.
   */
  opened?: OpenedEdit;
}

/** A metric after the edit; `from` is the metric it was (null: a new one). */
export type EditedMetric = MetricSpec & { from: string | null };

export interface ClientEdit {
  clientType: ClientTypeName | '';
  cadenceDays: number;
  monthlyFee: number | null;
  yearlyProfit: number | null;
  definitionOfSuccess: string;
  scope: string;
  /** Null when the form left the metrics out. */
  metrics: EditedMetric[] | null;
}

/**
 * Checks an edit against the metrics the tab has now (`current`, by name). A row naming a metric that is
 * no longer there (someone changed the tab meanwhile) is refused rather than guessed at.
 */
export function parseClientEdit(
  input: EditClientInput,
  current: readonly string[],
  cadenceTable: Partial<Record<ClientTypeName, number>> = {},
  locale = 'en_US',
): Checked<ClientEdit> {
  const form = (input ?? {}) as Partial<EditClientInput>;
  const errors: FieldProblem[] = [];
  const rawMetrics: unknown = form.metrics;
  const rows = Array.isArray(rawMetrics) ? rawMetrics : [];
  const origins: (string | null)[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const from: unknown = (row as { from?: unknown } | null)?.from;
    if (from === undefined || from === null || from === '') {
      origins.push(null);
      return;
    }
    if (typeof from !== 'string' || !current.includes(from)) {
      errors.push({
        field: `metrics.${index}.name`,
        message: `${shown(from)} is not a metric of this client any more (the tab changed): reopen Edit client.`,
      });
    } else if (seen.has(from)) {
      errors.push({ field: `metrics.${index}.name`, message: `${shown(from)} is listed twice.` });
    }
    seen.add(String(from));
    origins.push(typeof from === 'string' ? from : null);
    const name: unknown = (row as { name?: unknown }).name;
    if (typeof name === 'string' && name.trim() === '')
      errors.push({ field: `metrics.${index}.name`, message: 'Name this metric, or remove it.' });
  });
  // One parser for what New client and Edit client share; the name and start date are not edited here.
  const parsed = parseNewClient(
    {
      ...(form as NewClientInput),
      name: 'x',
      startDate: '2000-01-03',
      program: '',
      programMonths: '',
      metrics: (rawMetrics === undefined ? [] : rawMetrics) as NewClientInput['metrics'],
    },
    [],
    cadenceTable,
    locale,
  );
  if (!parsed.ok) errors.push(...parsed.errors);
  if (errors.length > 0 || !parsed.ok) return { ok: false, errors };
  const client = parsed.value;
  // parseNewClient drops wholly blank rows; an edited row always has a name (checked above), so the rest line up.
  const kept = rows.filter((row, index) => origins[index] !== null || !isBlankRow(row));
  const keptOrigins = origins.filter((origin, index) => origin !== null || !isBlankRow(rows[index]));
  const metrics =
    rawMetrics === undefined
      ? null
      : client.metrics.map((metric, index) => ({ ...metric, from: kept[index] ? keptOrigins[index] : null }));
  return {
    ok: true,
    value: {
      clientType: client.clientType,
      cadenceDays: client.cadenceDays,
      monthlyFee: client.monthlyFee,
      yearlyProfit: client.yearlyProfit,
      definitionOfSuccess: client.definitionOfSuccess,
      scope: client.scope,
      metrics,
    },
  };
}

function isBlankRow(row: unknown): boolean {
  const m = (row ?? {}) as Record<string, unknown>;
  const blank = (value: unknown) =>
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  return blank(m.name) && blank(m.unit) && blank(m.baseline) && blank(m.target);
}

/** True when a new metric name is taken by another column of the log (one of the user's, or a removed metric's). */
export function clashesWithLogColumn(
  name: string,
  logLabels: readonly unknown[],
  ownLabel: string | null,
): boolean {
  const wanted = normalizeLabel(name);
  if (ownLabel !== null && normalizeLabel(ownLabel) === wanted) return false;
  return logLabels.some((label) => normalizeLabel(label) === wanted);
}
