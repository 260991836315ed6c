/**
 * Edit client: the roster row's type, cadence, fee and profit, the tab's definition of success and scope,
 * and its metrics (add, rename, change unit, direction, baseline or target, remove). Writes only cells
 * ClientTabs made (roster row, profile values, metric table, the log header cell of a metric) under the
 * document lock; never a logged value. Checks everything before the first write, so a refusal changes nothing.
 */
import { clip } from '../core/quote';
import { metricSpec, PROFILE, type MetricDef } from '../core/client-tab';
import { normalizeLabel } from '../core/clients';
import { mergeField, readOpened, rebaseMetrics, type OpenedEdit } from '../core/edit-merge';
import {
  clashesWithLogColumn,
  parseClientEdit,
  type EditClientInput,
  type EditedMetric,
} from '../core/edit-client';
import { columnLetter, isBlank, refersToSheet } from '../core/layout';
import { asText, readText, sheetAt, writeBlock } from './cells';
import { setIndexedClient } from './client-index';
import { adoptedChoice } from './adopt-choice';
import { modelTab, openRosterClient, type ClientTab } from './client-log';
import { withDocumentLock } from './lock';
import { refusal, type FieldProblem, type Outcome, type Refusal } from '../core/outcome';
import { liveLinks, openRoster, type LogAddress } from './roster';
import { ROSTER, ROSTER_METRIC_SLOTS } from './schema';
import {
  activeSpreadsheet,
  readSettings,
  readTable,
  readZone,
  WorkbookError,
  writeCells,
  type Table,
} from './tables';
import { rosterClients } from './roster';
import { indexedTabNames } from './client-index';

/** What the form starts from: the fields it edits (the `opened` a save sends back) and who it is. */
export interface ClientEditFormData extends OpenedEdit {
  clientId: string;
  name: string;
  tabName: string;
  /** An adopted tab has no card or metric table of ours: only the roster row can be edited. */
  adopted: boolean;
}

/** What the Edit client form starts from (reads only). */
export function clientEditForm(clientId: string): ClientEditFormData | null {
  const ss = activeSpreadsheet();
  const zone = readZone(ss);
  const settings = readSettings(ss, zone.locale);
  const roster = readTable(ss, ROSTER);
  if (!roster) return null;
  const client = rosterClients(roster, zone, settings, indexedTabNames()).find(
    (c) => c.clientId === clientId,
  );
  if (!client) return null;
  // Read as openRosterClient does, without repairing the index: a read never writes.
  const sheet = client.tabId !== null ? ss.getSheetById(client.tabId) : ss.getSheetByName(client.tabName);
  if (!sheet) throw new WorkbookError(`The tab of ${client.name} (${client.clientId}) is gone.`);
  const width = sheet.getMaxColumns();
  const values = sheet.getRange(1, 1, sheet.getMaxRows(), width).getValues();
  const tab = modelTab(client.clientId, sheet.getName(), width, values, zone, () =>
    adoptedChoice(sheet.getSheetId()),
  );
  if (!tab)
    throw new WorkbookError(`Could not find a log (a "Week of" column) in the tab "${sheet.getName()}".`);
  const profile = (label: string) =>
    readText(tab.model.profile.get(normalizeLabel(label))?.value ?? '', zone);
  const adopted = isAdopted(tab);
  return {
    clientId: client.clientId,
    name: client.name,
    tabName: tab.tabName,
    clientType: client.clientType,
    cadenceDays: client.cadenceDays,
    monthlyFee: client.monthlyFee,
    yearlyProfit: client.yearlyProfit,
    definitionOfSuccess: adopted ? '' : profile(PROFILE.success),
    scope: adopted ? '' : profile(PROFILE.scope),
    adopted,
    metrics: adopted
      ? []
      : tab.metrics.map(({ name, unit, direction, baseline, target }) => ({
          name,
          unit,
          direction,
          baseline,
          target,
        })),
  };
}

/** A tab without our metric table (adopted): its columns are the user's. */
function isAdopted(tab: ClientTab): boolean {
  return tab.adopted || tab.model.metricHeader === null;
}

export function editClient(
  input: EditClientInput,
): Outcome<{ clientId: string; name: string; changed: string[] }> {
  return withDocumentLock(() => {
    const { ss, zone, settings, roster, clients } = openRoster();
    const clientId: unknown = (input as Partial<EditClientInput> | null)?.clientId;
    if (typeof clientId !== 'string' || clientId === '')
      return refusal([{ field: 'clientId', message: 'Choose a client.' }]);
    const client = clients.find((c) => c.clientId === clientId);
    if (!client) return refusal([{ field: 'clientId', message: `No client with ID ${clip(clientId)}.` }]);
    const tab = openRosterClient(ss, client, zone);
    const adopted = isAdopted(tab);
    // A form that says what it opened with changes only what its user changed (core/edit-merge.ts).
    const rawOpened = (input as { opened?: unknown }).opened;
    const opened = rawOpened === undefined ? null : readOpened(rawOpened);
    if (rawOpened !== undefined && !opened)
      return refusal([
        { field: 'clientId', message: 'This form is damaged: close it and open Edit client again.' },
      ]);
    let form = input;
    if (opened && Array.isArray(input.metrics) && !adopted) {
      const rebased = rebaseMetrics(input.metrics, opened.metrics, tab.metrics.map(metricSpec), zone.locale);
      if (!rebased.ok) return refusal(rebased.errors);
      form = { ...input, metrics: rebased.value as EditClientInput['metrics'] };
    }
    const parsed = parseClientEdit(
      form,
      adopted ? [] : tab.metrics.map((m) => m.name),
      settings.cadence,
      zone.locale,
    );
    if (!parsed.ok) return refusal(parsed.errors);
    const edit = parsed.value;
    const changed: string[] = [];

    // What to write of a field: mine, unless I left it as opened (theirs stays) or we both changed it.
    const conflicts: FieldProblem[] = [];
    const merged = <T>(field: string, label: string, mine: T, was: T, openedAs: T | undefined): T => {
      if (!opened) return mine;
      const result = mergeField(mine, openedAs as T, was);
      if (result.ok) return result.value;
      conflicts.push({
        field,
        message: `The ${label} was changed by someone else since you opened this form: reopen Edit client.`,
      });
      return was;
    };
    // The roster row: only the fields this form owns, only when they changed.
    const rosterCells = new Map<number, unknown>();
    const put = (key: keyof OpenedEdit & string, label: string, mine: unknown, was: unknown) => {
      const now = merged(key, label, mine, was, opened?.[key]);
      if (now === was || roster.col[key] < 0) return;
      rosterCells.set(roster.col[key], now ?? '');
      changed.push(label);
    };
    put('clientType', 'client type', edit.clientType, client.clientType);
    put('cadenceDays', 'cadence', edit.cadenceDays, client.cadenceDays);
    put('monthlyFee', 'fee', edit.monthlyFee, client.monthlyFee);
    put('yearlyProfit', 'profit', edit.yearlyProfit, client.yearlyProfit);

    // The profile card's values (the cell right of each label).
    const profileWrites: { row: number; column: number; text: string }[] = [];
    const profileErrors: FieldProblem[] = [];
    for (const [field, label, text] of [
      ['definitionOfSuccess', PROFILE.success, edit.definitionOfSuccess],
      ['scope', PROFILE.scope, edit.scope],
    ] as const) {
      const entry = tab.model.profile.get(normalizeLabel(label));
      const was = entry ? readText(entry.value, zone) : '';
      const now = merged(field, label.toLowerCase(), text, was, opened?.[field]);
      if (now === was) continue;
      if (!entry || adopted) {
        profileErrors.push({
          field,
          message: `The tab "${tab.tabName}" has no "${label}" label in its card to write beside.`,
        });
        continue;
      }
      profileWrites.push({ row: entry.row, column: entry.column, text: now });
      changed.push(label.toLowerCase());
    }
    if (profileErrors.length) return refusal(profileErrors);
    if (conflicts.length) return refusal(conflicts);

    let plan: MetricPlan | null = null;
    if (edit.metrics !== null) {
      if (adopted)
        return refusal([
          {
            field: 'metrics',
            message:
              `The tab "${tab.tabName}" was adopted: its columns are its own, so its metrics are ` +
              `changed in the tab.`,
          },
        ]);
      const planned = planMetrics(tab, edit.metrics);
      if (!planned.ok) return planned;
      plan = planned.value;
      if (plan.changed) changed.push('metrics');
    }
    if (changed.length === 0) return { ok: true, value: { clientId, name: client.name, changed } };

    const sheet = ss.getSheetById(client.tabId ?? -1) ?? ss.getSheetByName(tab.tabName);
    if (!sheet) throw new WorkbookError(`The tab of ${client.name} (${client.clientId}) is gone.`);
    const rosterRow = client.row + 1;
    let links: Map<number, string> | null = null;
    if (plan?.changed) {
      const planned = rosterLinks(sheet, tab, plan, roster, rosterRow);
      if (!planned.ok) return planned;
      links = planned.value;
    }
    // Every check is done: from here on, writes.
    if (plan?.changed) writeMetrics(sheet, tab, plan);
    if (links?.size) writeCells(roster.sheet, rosterRow, links);
    for (const { row, column, text } of profileWrites)
      writeBlock(sheetAt(sheet), row + 1, column + 1, [[asText(text)]]);
    if (rosterCells.size) writeCells(roster.sheet, rosterRow, rosterCells);
    if (plan?.changed)
      setIndexedClient(clientId, {
        sheetId: sheet.getSheetId(),
        name: sheet.getName(),
        width: sheet.getMaxColumns(),
      });
    return { ok: true, value: { clientId, name: client.name, changed } };
  });
}

interface MetricPlan {
  changed: boolean;
  metrics: EditedMetric[];
  /** 0-based row of the first definition, and the metric table's columns. */
  firstRow: number;
  columns: { name: number; unit: number; direction: number; baseline: number; target: number };
  /** Rows to insert right below the blank rows after the definitions, so the new ones fit (0 mostly). */
  insertRows: number;
  /** 0-based row they go before. */
  insertAt: number;
  /** 0-based log column of each metric after the edit (new ones: a blank column right of the log). */
  logColumns: number[];
  /** Columns to add at the right edge of the tab for new metrics' log columns. */
  addColumns: number;
}

function sameSpec(a: EditedMetric, b: MetricDef): boolean {
  return (
    a.name === b.name &&
    a.unit === b.unit &&
    a.direction === b.direction &&
    a.baseline === b.baseline &&
    a.target === b.target
  );
}

function planMetrics(tab: ClientTab, metrics: EditedMetric[]): { ok: true; value: MetricPlan } | Refusal {
  const header = tab.model.metricHeader!;
  const col = (label: string) => header.columns.get(normalizeLabel(label)) as number;
  const columns = {
    name: col('Metric'),
    unit: col('Unit'),
    direction: col('Direction'),
    baseline: col('Baseline'),
    target: col('Target'),
  };
  const logRow = tab.values[tab.log.headerRow] ?? [];
  const errors: FieldProblem[] = [];
  metrics.forEach((metric, index) => {
    const own = metric.from !== null ? tab.log.metricColumns.get(metric.from) : undefined;
    const ownLabel = own !== undefined ? readText(logRow[own]) : null;
    if (
      clashesWithLogColumn(metric.name, logRow, ownLabel) &&
      (metric.from === null || metric.name !== metric.from)
    )
      errors.push({
        field: `metrics.${index}.name`,
        message: `The log of "${tab.tabName}" already has a column called "${clip(metric.name)}": choose another name.`,
      });
  });
  if (errors.length) return refusal(errors);

  const unchanged =
    metrics.length === tab.metrics.length &&
    metrics.every(
      (metric, index) => metric.from === tab.metrics[index].name && sameSpec(metric, tab.metrics[index]),
    );
  const firstRow = tab.metrics.length ? tab.metrics[0].row : header.row + 1;
  const logColumns: number[] = [];
  let addColumns = 0;
  // New metrics' log columns: the first columns right of the log that are blank from the header down.
  let candidate = lastFilled(logRow) + 1;
  const width = tab.values[0]?.length ?? 0;
  const blankBelow = (column: number) =>
    tab.values.slice(tab.log.headerRow).every((row) => column >= row.length || isBlank(row[column]));
  for (const metric of metrics) {
    if (metric.from !== null) {
      logColumns.push(tab.log.metricColumns.get(metric.from) ?? -1);
      continue;
    }
    while (candidate < width && !blankBelow(candidate)) candidate++;
    if (candidate >= width) addColumns++;
    logColumns.push(candidate++);
  }
  // The definitions take the rows from the first one down: blank rows below them are used, the rest are
  // inserted there (Sheets moves what is below, the log too, and rewrites every reference to it).
  let free = 0;
  const tableColumns = Object.values(columns);
  for (let row = firstRow + tab.metrics.length; row < tab.log.headerRow; row++) {
    if (!tableColumns.every((column) => isBlank(tab.values[row]?.[column]))) break;
    free++;
  }
  const insertRows = Math.max(0, metrics.length - tab.metrics.length - free);
  const insertAt = firstRow + tab.metrics.length + free;
  return {
    ok: true,
    value: { changed: !unchanged, metrics, firstRow, columns, insertRows, insertAt, logColumns, addColumns },
  };
}

function lastFilled(row: readonly unknown[]): number {
  for (let column = row.length - 1; column >= 0; column--) if (!isBlank(row[column])) return column;
  return -1;
}

/** The 0-based columns of `columns` as runs of adjacent ones: [first, last] pairs. */
function runs(columns: number[]): [number, number][] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const column of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === column - 1) last[1] = column;
    else out.push([column, column]);
  }
  return out;
}

/** The log header row after the edit (0-based): rows inserted above it move it down. */
function logHeaderAfter(tab: ClientTab, plan: MetricPlan): number {
  return tab.log.headerRow + plan.insertRows;
}

/**
 * The roster's live links after the edit (they follow the metrics by position), keyed by 0-based roster
 * column: only cells that change, and only when each holds nothing or a formula into this tab (ours);
 * anything else there is the user's, and the edit is refused.
 */
function rosterLinks(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  tab: ClientTab,
  plan: MetricPlan,
  roster: Table,
  rosterRow: number,
): { ok: true; value: Map<number, string> } | Refusal {
  const { metrics, columns, firstRow } = plan;
  const logHeaderRow = logHeaderAfter(tab, plan);
  const address: LogAddress = {
    tabName: sheet.getName(),
    sheetId: sheet.getSheetId(),
    firstRow: logHeaderRow + 2,
    weekColumn: tab.log.weekColumn + 1,
    metrics: metrics
      .map((metric, index) => ({ metric, column: plan.logColumns[index], row: firstRow + index + 1 }))
      .filter(({ column }) => column >= 0)
      .map(({ metric, column, row }) => {
        const bounded = metric.baseline !== null && metric.target !== null;
        return {
          headerCell: `${columnLetter(column + 1)}${logHeaderRow + 1}`,
          column: column + 1,
          baselineCell: bounded ? `${columnLetter(columns.baseline + 1)}${row}` : null,
          targetCell: bounded ? `${columnLetter(columns.target + 1)}${row}` : null,
        };
      }),
  };
  const wanted = liveLinks(address, rosterRow, roster);
  const keys = ['trend'];
  for (let i = 1; i <= ROSTER_METRIC_SLOTS; i++) keys.push(`metric${i}`, `latest${i}`, `progress${i}`);
  const current = roster.sheet.getRange(rosterRow, 1, 1, roster.values[0]?.length || 1).getFormulas()[0];
  const ours = (formula: string, value: unknown) =>
    (formula === '' && isBlank(value)) || refersToSheet(formula, sheet.getName());
  const cells = new Map<number, string>();
  for (const key of keys) {
    const column = roster.col[key];
    if (column === undefined || column < 0) continue;
    const formula = wanted[key] ?? '';
    if ((current[column] ?? '') === formula) continue;
    if (!ours(current[column] ?? '', roster.values[rosterRow - 1]?.[column])) {
      const at = `Clients!${columnLetter(column + 1)}${rosterRow}`;
      return refusal(
        [],
        `${at} holds something of yours where the live link of this metric goes: move it, then save again.`,
      );
    }
    cells.set(column, formula);
  }
  return { ok: true, value: cells };
}

/** The metric table (our columns only), renamed and new log header cells; rows or columns added first. */
function writeMetrics(sheet: GoogleAppsScript.Spreadsheet.Sheet, tab: ClientTab, plan: MetricPlan): void {
  const { metrics, columns, firstRow } = plan;
  if (plan.insertRows > 0) sheet.insertRowsBefore(plan.insertAt + 1, plan.insertRows);
  if (plan.addColumns > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), plan.addColumns);
  const logHeaderRow = logHeaderAfter(tab, plan);

  // From the first definition down to the last row the table held: removed metrics leave blank rows.
  const rows = Math.max(metrics.length, tab.metrics.length);
  const cellOf = (metric: EditedMetric | undefined, column: number): unknown => {
    if (!metric) return '';
    if (column === columns.name) return asText(metric.name);
    if (column === columns.unit) return asText(metric.unit);
    if (column === columns.direction) return metric.direction;
    if (column === columns.baseline) return metric.baseline ?? '';
    return metric.target ?? '';
  };
  // One block per run of adjacent table columns: a column of the user's between ours is never written.
  for (const [left, right] of runs(Object.values(columns))) {
    const block = Array.from({ length: rows }, (_, i) =>
      Array.from({ length: right - left + 1 }, (_, k) => cellOf(metrics[i], left + k)),
    );
    writeBlock(sheetAt(sheet), firstRow + 1, left + 1, block);
  }

  // The log header: a renamed metric's cell, and a new metric's cell right of the log.
  metrics.forEach((metric, index) => {
    const column = plan.logColumns[index];
    if (column < 0 || metric.from === metric.name) return;
    writeBlock(sheetAt(sheet), logHeaderRow + 1, column + 1, [[asText(metric.name)]]);
  });
}
