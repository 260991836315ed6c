/**
 * Adopting an existing tab: from its values (and formulas) alone, find the table that looks most like one
 * client's log (dates down a column, or across a row), its measures, the columns left out and why, its
 * observations, and whether the tab is a client log at all. Pure: the workbook reads the tab once and
 * never writes to it. Every decision carries a sentence the preview shows.
 */
import { normalizeLabel } from './clients';
import { columnLetter, isBlank } from './layout';
import { parseMonthDay, yearsFor, type MonthDay } from './yearless-date';

export type DayReader = (value: unknown) => number | null;
export type Orientation = 'rows' | 'columns';

/** A column (or, transposed, a row) of the chosen table, with its header label. */
export interface AdoptMeasure {
  /** 0-based index across the series: a column for `rows`, a row for `columns`. */
  index: number;
  label: string;
  /** Unique among the measures: the label, with its position when two columns share it. */
  name: string;
  baseline: number | null;
  target: number | null;
}

export interface LeftOut {
  index: number;
  label: string;
  reason: string;
  /** The user may tick it back in: typed numbers or an empty column, never formulas, text or no label. */
  addable: boolean;
}

export interface AdoptTable {
  orientation: Orientation;
  /** 0-based row (rows) or column (columns) of the labels. */
  header: number;
  /** 0-based column (rows) or row (columns) of the dates. */
  axis: number;
  axisLabel: string;
  /** Where the table's data ends (last index along the series with a date, summary or value). */
  end: number;
  measures: AdoptMeasure[];
  leftOut: LeftOut[];
  /** Every dated slot in series order: past or future, measured or not. */
  slots: { index: number; day: number }[];
  /** Slots that hold a measurement on or before today: the check-ins. */
  observations: { index: number; day: number }[];
  /** Total, Average, Start, Change… lines: never check-ins; a new check-in goes above them. */
  summaries: { index: number; label: string }[];
  /** Dates written as "Week 1" and read from a start date. */
  weekLabels: boolean;
  /** Lines dated without a year ("3 Mar"): the year came from the start date or the dated lines around them. */
  yearless: number[];
  /** The start date's cell (oriented: `line` along the series, `index` across), when week labels count from it. */
  start: { line: number; index: number } | null;
  /** Where a new check-in goes when the week has no slot, and whether a line must be inserted there. */
  next: { index: number; insert: boolean };
  /** A sentence for the preview: which cells hold the table. */
  where: string;
  /** Why this table is (or is not) one client's log, in the user's terms: the preview shows the picked table's. */
  reasons: string[];
  score: number;
}

export type Verdict = 'log' | 'doubtful' | 'not-client';

export interface TabScan {
  ok: true;
  verdict: Verdict;
  /** What holds for the tab whichever table is picked (each table's own reasons are in `AdoptTable.reasons`). */
  reasons: string[];
  /** 0 to 1: how sure the scan is. */
  confidence: number;
  table: AdoptTable;
  /** Other tables on the tab the user may pick instead (same shape, lower score). */
  alternatives: AdoptTable[];
  /** The profile block above the table, label → value, as read. */
  profile: { label: string; value: number | string }[];
}

export type AdoptScanResult = TabScan | { ok: false; reason: string };

/** What the user confirmed in the preview, kept so check-ins follow it (labels, not addresses: rows move). */
export interface AdoptChoice {
  orientation: Orientation;
  /** The header's labels, normalized and joined: finds the same table after rows were inserted. */
  headerKey: string;
  axisLabel: string;
  /** Measure names (as in `AdoptMeasure.name`); absent: the scan's own choice. */
  measures?: string[];
}

export interface ScanOptions {
  readDay: DayReader;
  /** Today's day number: dates after it are pre-filled rows, never check-ins. */
  today: number;
  /** Formulas as `getFormulas()` returns them ('' for a value): computed columns are never inputs. */
  formulas?: readonly (readonly string[])[];
  choice?: AdoptChoice | null;
}

/** Share of a column's filled cells (in dated rows) that must be numbers for it to be a measure. */
const MIN_NUMBER_SHARE = 0.6;
/** Share of an axis column's filled cells that must be dates: a few notes ("missed", "holiday") are fine. */
const MIN_DATE_SHARE = 0.6;
/** Header rows are looked for this far down (and across, transposed): big tabs keep their log near the top. */
const MAX_HEADER_SCAN = 200;

const SUMMARY_LABEL = new RegExp(
  String.raw`^(grand )?(total|totals|sum|summe|gesamt|average|avg|mean|durchschnitt|median|start|starting|` +
    String.raw`begin|beginning|anfang|change|net change|veränderung|differenz|difference|diff|goal|target|ziel|` +
    String.raw`result|overall|min|max|minimum|maximum|ytd|year to date)\b`,
);
const SUMMARY_COLUMN = new RegExp(
  String.raw`^(total|totals|sum|summe|gesamt|change|net change|veränderung|difference|diff|cumulative|` +
    String.raw`running total|kumuliert|success ?%|% ?(of )?(goal|target)|progress ?%|fortschritt|ytd)\b` +
    String.raw`|\b(total|change|%\s*change)$`,
);
const COUNTER_LABEL = new RegExp(
  String.raw`^(#|no\.?|nr\.?|number|set number|set|day|days|tag|week|weeks|woche|wk|month|monat|season|saison|` +
    String.raw`round|index|row|id|session #|session no\.?|lfd\.? nr\.?)$`,
);
const DUE_LABEL = /\b(due|deadline|by when|fällig|fällig am|frist|erledigen bis)\b/;
const TODO_LABEL = /\b(task|to-?do|aufgabe|action item|priority|priorität|prio|status|done|erledigt)\b/;
const PEOPLE_LABEL =
  /^(client|client name|clients|coachee|customer|kunde|kundin|name|participant|teilnehmer)$/;
const WEEK_TEXT = /^(?:week|wk|w|woche|kw)\s*\.?\s*(\d{1,3})\b/i;
const START_LABEL =
  /^(start|start date|starting date|began|beginn|startdatum|program start|kick-?off|date started)$/;
const BASELINE_LABEL = /^(?:start(?:ing)?|initial|baseline|before|current|ausgangs|start-?)\s*(.+)$/;
const TARGET_LABEL = /^(?:goal|target|ziel|desired)\s*(.+)$|^(.+?)\s*(?:goal|target|ziel)$/;
const ARRAY_FORMULA =
  /^=\s*(ARRAYFORMULA|FILTER|QUERY|SORT|UNIQUE|IMPORTRANGE|FLATTEN|SEQUENCE|MAP|BYROW|SORTN|TRANSPOSE)\s*\(/i;

type Grid = readonly (readonly unknown[])[];

function transpose<T>(grid: readonly (readonly T[])[], blank: T): T[][] {
  const width = Math.max(0, ...grid.map((row) => row.length));
  return Array.from({ length: width }, (_, c) => grid.map((row) => (c < row.length ? row[c] : blank)));
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A label: text that is not a date, a number or a week label. */
function isLabel(value: unknown, readDay: DayReader): boolean {
  const t = text(value);
  return t !== '' && readDay(t) === null && !/^[-+]?\d+([.,]\d+)?%?$/.test(t);
}

function summaryLabelOf(cells: readonly unknown[], readDay: DayReader): string | null {
  // The line's first filled cell names it: a date or a number there makes it a data line.
  const first = cells.find((cell) => !isBlank(cell));
  const t = text(first);
  return t && readDay(t) === null && SUMMARY_LABEL.test(normalizeLabel(t).replace(/[:.]$/, '')) ? t : null;
}

/** Position words for the user: "column C" or "row 5" (1-based). */
function place(orientation: Orientation, index: number): string {
  return orientation === 'rows' ? `column ${columnLetter(index + 1)}` : `row ${index + 1}`;
}

function lineWord(orientation: Orientation): string {
  return orientation === 'rows' ? 'row' : 'column';
}

/** Cells filled by an array formula (FILTER, QUERY, ARRAYFORMULA…): a write there breaks the formula. */
function spillMask(values: Grid, formulas: readonly (readonly string[])[] | undefined): boolean[][] {
  const mask = values.map((row) => row.map(() => false));
  if (!formulas) return mask;
  formulas.forEach((row, r) =>
    row.forEach((formula, c) => {
      if (!ARRAY_FORMULA.test(formula ?? '')) return;
      // The anchor's output runs down and right while cells hold values without formulas of their own.
      for (let cc = c; cc < (values[r]?.length ?? 0); cc++) {
        if (cc > c && (isBlank(values[r][cc]) || (formulas[r]?.[cc] ?? '') !== '')) break;
        for (let rr = r; rr < values.length; rr++) {
          if (rr > r && (isBlank(values[rr]?.[cc]) || (formulas[rr]?.[cc] ?? '') !== '')) break;
          mask[rr][cc] = true;
        }
      }
    }),
  );
  return mask;
}

/** The profile block's label/value pairs above the table (a label, then the first value to its right). */
function readProfile(
  values: Grid,
  beforeRow: number,
  readDay: DayReader,
): { label: string; value: number | string; day: number | null }[] {
  const pairs: { label: string; value: number | string; day: number | null }[] = [];
  for (let r = 0; r < Math.min(beforeRow, values.length); r++) {
    const cells = values[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const label = text(cells[c]).replace(/:$/, '');
      if (!label || readDay(label) !== null) continue;
      let v = c + 1;
      while (v < cells.length && isBlank(cells[v])) v++;
      if (v >= cells.length || v > c + 3) continue;
      const value = cells[v];
      const day = isNumber(value) ? null : readDay(value);
      if (isNumber(value) || day !== null) {
        pairs.push({ label, value: isNumber(value) ? value : text(value) || String(value), day });
        c = v;
      }
    }
  }
  return pairs;
}

interface Candidate {
  table: AdoptTable;
  /** Dates that are really due dates, labels of people: why this is not one client's log. */
  notClient: string[];
  doubts: string[];
}

/**
 * The scan of one tab. Looks for tables with dates down a column and, transposed, dates across a row;
 * keeps the one that looks most like a log (or the one the user confirmed in `choice`).
 */
export function scanTab(values: Grid, options: ScanOptions): AdoptScanResult {
  if (!values.some((row) => row.some((cell) => !isBlank(cell))))
    return { ok: false, reason: 'The tab is empty.' };
  const { readDay } = options;
  const formulas = options.formulas;
  const byRows = findTables(values, formulas, 'rows', options);
  const byColumns = findTables(
    transpose(values, ''),
    formulas ? transpose(formulas, '') : undefined,
    'columns',
    options,
  );
  const all = [...byRows.candidates, ...byColumns.candidates].sort((a, b) => b.table.score - a.table.score);
  const chosen = options.choice
    ? all.find((c) => matchesChoice(c.table, values, options.choice as AdoptChoice))
    : undefined;
  const best = chosen ?? all.find((c) => c.table.measures.length > 0);
  if (!best) {
    const yearless = byRows.yearlessWithoutAnchor ?? byColumns.yearlessWithoutAnchor;
    const reason = yearless
      ? `Its dates have no year ("${yearless}"): add a "Start date" with the full date above the table, ` +
        'or write the year in its first date, to adopt it.'
      : byRows.weekLabelsWithoutStart || byColumns.weekLabelsWithoutStart
        ? 'Its dates are written as week labels ("Week 1", "Week 2"…) with no start date: ' +
          'add a "Start date" label with a date above the table to adopt it.'
        : all.length > 0
          ? `Found dates in ${place(all[0].table.orientation, all[0].table.axis)} ("${all[0].table.axisLabel}"), ` +
            'but no measurements beside them: a measure is a column of numbers (or, with dates across, a row).'
          : byRows.datesWithoutHeader
            ? 'Found dates, but no header row above them: ' +
              'add labels (for example "Date", "Weight") above the log to adopt it.'
            : 'No dates found down a column or across a row under a header: ' +
              'a client log has a date for each check-in (a date column, or dates across a header row).';
    return { ok: false, reason };
  }
  if (options.choice?.measures && chosen) applyMeasureChoice(best.table, options.choice.measures);
  const profileRows = best.table.orientation === 'rows' ? best.table.header : 0;
  const profile = readProfile(values, profileRows, readDay);
  applyProfile(best.table, profile);
  const { verdict, confidence } = judge(best);
  const alternatives = all.filter((c) => c !== best && c.table.measures.length > 0).slice(0, 4);
  for (const candidate of [best, ...alternatives]) candidate.table.reasons = judge(candidate).reasons;
  return {
    ok: true,
    verdict,
    reasons: verdict === 'log' ? [] : ['Not adopted unless you tick it.'],
    confidence,
    table: best.table,
    alternatives: alternatives.map((c) => c.table),
    profile: profile.map(({ label, value }) => ({ label, value })),
  };
}

/** The key of a table's header: its labels, normalized and joined (what `AdoptChoice.headerKey` holds). */
export function headerKey(values: Grid, table: Pick<AdoptTable, 'orientation' | 'header'>): string {
  const cells =
    table.orientation === 'rows' ? (values[table.header] ?? []) : values.map((row) => row[table.header]);
  return cells
    .map(normalizeLabel)
    .filter((label) => label !== '')
    .join('|');
}

/** The choice that reproduces `table` (after the user's corrections) on later scans. */
export function choiceFor(values: Grid, table: AdoptTable): AdoptChoice {
  return {
    orientation: table.orientation,
    headerKey: headerKey(values, table),
    axisLabel: table.axisLabel,
    measures: table.measures.map((m) => m.name),
  };
}

function matchesChoice(table: AdoptTable, values: Grid, choice: AdoptChoice): boolean {
  return (
    table.orientation === choice.orientation &&
    normalizeLabel(table.axisLabel) === normalizeLabel(choice.axisLabel) &&
    headerKey(values, table) === choice.headerKey
  );
}

/** Keeps the measures the user confirmed, and takes back the numeric columns they ticked. */
function applyMeasureChoice(table: AdoptTable, names: readonly string[]): void {
  const wanted = new Set(names);
  // Only columns that may take a check-in come back: never formulas, a spill range, text or an unlabelled column.
  const pool = [
    ...table.measures,
    ...table.leftOut
      .filter((l) => l.addable)
      .map((l) => ({
        index: l.index,
        label: l.label,
        name: l.label,
        baseline: null,
        target: null,
      })),
  ];
  const kept: AdoptMeasure[] = [];
  for (const measure of pool)
    if (wanted.has(measure.name) && !kept.some((k) => k.index === measure.index)) kept.push(measure);
  const keptIndexes = new Set(kept.map((k) => k.index));
  const dropped = table.measures
    .filter((m) => !keptIndexes.has(m.index))
    .map((m) => ({ index: m.index, label: m.label, reason: 'Left out in the preview.', addable: true }));
  table.leftOut = [...table.leftOut.filter((l) => !keptIndexes.has(l.index)), ...dropped];
  table.measures = kept.sort((a, b) => a.index - b.index);
}

/** Start and goal values in the profile block become the measures' baselines and targets. */
function applyProfile(
  table: AdoptTable,
  profile: readonly { label: string; value: number | string }[],
): void {
  for (const { label, value } of profile) {
    if (!isNumber(value)) continue;
    const norm = normalizeLabel(label);
    const baseline = BASELINE_LABEL.exec(norm);
    const target = TARGET_LABEL.exec(norm);
    const subject = target ? (target[1] ?? target[2]) : baseline ? baseline[1] : null;
    if (!subject) continue;
    const measure = table.measures.find((m) => {
      const name = normalizeLabel(m.label).replace(/\s*\(.*\)$/, '');
      return name !== '' && (subject.startsWith(name) || name.startsWith(subject));
    });
    if (!measure) continue;
    if (target && measure.target === null) measure.target = value;
    else if (!target && measure.baseline === null) measure.baseline = value;
  }
}

/** One table's verdict, reasons and confidence (whether the tab is ticked is said once, by `scanTab`). */
function judge(candidate: Candidate): { verdict: Verdict; reasons: string[]; confidence: number } {
  const { table } = candidate;
  const word = lineWord(table.orientation);
  const reasons: string[] = [];
  const n = table.observations.length;
  if (candidate.notClient.length > 0) {
    return { verdict: 'not-client', reasons: [...candidate.notClient], confidence: 0.2 };
  }
  reasons.push(
    `${n} dated ${word}${n === 1 ? '' : 's'} with measurements in ` +
      `${place(table.orientation, table.axis)} ("${table.axisLabel}")` +
      (table.weekLabels ? ', weeks counted from the start date' : '') +
      (table.yearless.length
        ? ', the year of dates without one from the start date or the dated lines around them'
        : '') +
      '.',
  );
  const future = table.slots.filter(
    (s) =>
      s.day > (table.observations.at(-1)?.day ?? -Infinity) &&
      !table.observations.some((o) => o.index === s.index),
  ).length;
  if (future > 0)
    reasons.push(
      `${future} pre-dated ${word}${future === 1 ? '' : 's'} without values yet: check-ins fill them.`,
    );
  if (table.summaries.length > 0)
    reasons.push(`Summary ${word}s not counted: ${table.summaries.map((s) => `"${s.label}"`).join(', ')}.`);
  const doubts = [...candidate.doubts];
  if (n < 2) doubts.push(`Only ${n} check-in${n === 1 ? '' : 's'} so far: too few to be sure this is a log.`);
  let confidence = Math.min(0.95, 0.5 + 0.1 * Math.min(n, 4) + 0.05 * Math.min(table.measures.length, 2));
  if (doubts.length > 0) confidence = Math.min(confidence, 0.45);
  return doubts.length > 0
    ? { verdict: 'doubtful', reasons: [...reasons, ...doubts], confidence }
    : { verdict: 'log', reasons, confidence };
}

function findTables(
  values: Grid,
  formulas: readonly (readonly string[])[] | undefined,
  orientation: Orientation,
  options: ScanOptions,
): {
  candidates: Candidate[];
  weekLabelsWithoutStart: boolean;
  datesWithoutHeader: boolean;
  /** The first year-less date of a table nothing dates (no start date, no dated line). */
  yearlessWithoutAnchor: string | null;
} {
  const { readDay } = options;
  const spill = spillMask(values, formulas);
  const lines = lineInfos(values, readDay);
  const starts = startDays(values, readDay);
  const candidates: Candidate[] = [];
  let weekLabelsWithoutStart = false;
  let datesWithoutHeader = false;
  let yearlessWithoutAnchor: string | null = null;
  const limit = Math.min(values.length, MAX_HEADER_SCAN);
  for (let header = 0; header < limit; header++) {
    const row = values[header] ?? [];
    const labels = row.map((cell, column) => ({ column, label: isLabel(cell, readDay) ? text(cell) : '' }));
    if (labels.filter((l) => l.label !== '').length < 2) {
      if (header === 0 && row.some((cell) => readDay(cell) !== null && !isNumber(cell)))
        datesWithoutHeader = true;
      continue;
    }
    const start = starts.find((s) => s.row < header) ?? null;
    const startDay = start?.day ?? null;
    // The axis may be unlabelled (a blank corner above dates across): try positions whose next cell is a date.
    const axes = labels.filter(
      (l) =>
        l.label !== '' || (isBlank(row[l.column]) && firstBelowIsDate(values, header, l.column, readDay)),
    );
    for (const axis of axes) {
      const axisLabel = axis.label || `(${place(orientation, axis.column)})`;
      const found = readAxis(values, lines, header, axis.column, readDay, startDay);
      if (found.weekLabelsWithoutStart) weekLabelsWithoutStart = true;
      yearlessWithoutAnchor ??= found.yearlessWithoutAnchor;
      if (!found.slots.length) continue;
      candidates.push(
        buildCandidate(
          values,
          formulas,
          spill,
          orientation,
          header,
          axis.column,
          axisLabel,
          labels,
          found.weekLabels && start ? { ...found, start: { line: start.row, index: start.column } } : found,
          options,
        ),
      );
    }
  }
  return { candidates, weekLabelsWithoutStart, datesWithoutHeader, yearlessWithoutAnchor };
}

function firstBelowIsDate(values: Grid, header: number, column: number, readDay: DayReader): boolean {
  for (let r = header + 1; r < values.length; r++) {
    const cell = values[r]?.[column];
    if (isBlank(cell)) continue;
    return !isNumber(cell) && readDay(cell) !== null;
  }
  return false;
}

/** Every "Start date" label with a date beside it, by row, found once per grid (for "Week 1" labels). */
function startDays(values: Grid, readDay: DayReader): StartDay[] {
  const found: StartDay[] = [];
  for (let r = 0; r < Math.min(values.length, MAX_HEADER_SCAN); r++) {
    const start = startDayOn(values, r, readDay);
    if (start !== null) found.push(start);
  }
  return found;
}

interface StartDay {
  row: number;
  column: number;
  day: number;
}

function startDayOn(values: Grid, r: number, readDay: DayReader): StartDay | null {
  const cells = values[r] ?? [];
  for (let c = 0; c + 1 < cells.length; c++) {
    if (!START_LABEL.test(normalizeLabel(cells[c]).replace(/:$/, ''))) continue;
    for (let v = c + 1; v < Math.min(cells.length, c + 4); v++) {
      const day = isNumber(cells[v]) ? null : readDay(cells[v]);
      if (day !== null) return { row: r, column: v, day };
    }
  }
  return null;
}

interface AxisRead {
  slots: { index: number; day: number }[];
  summaries: { index: number; label: string }[];
  end: number;
  weekLabels: boolean;
  weekLabelsWithoutStart: boolean;
  start?: { line: number; index: number };
  yearless: number[];
  yearlessWithoutAnchor: string | null;
}

/** Walks down the axis column from the header to the next table's header (or the end). */
/** What each line is, worked out once per grid: the axis walk runs once per header label. */
interface LineInfo {
  filled: number;
  summary: string | null;
  /** Two or more labels and nothing else: the header of another table. */
  headerLike: boolean;
}

function lineInfos(values: Grid, readDay: DayReader): LineInfo[] {
  return values.map((cells) => {
    const filled = cells.filter((cell) => !isBlank(cell));
    return {
      filled: filled.length,
      summary: filled.length ? summaryLabelOf(cells, readDay) : null,
      headerLike: filled.length >= 2 && filled.every((c) => isLabel(c, readDay)),
    };
  });
}

function readAxis(
  values: Grid,
  lines: readonly LineInfo[],
  header: number,
  axis: number,
  readDay: DayReader,
  startDay: number | null,
): AxisRead {
  const slots: { index: number; day: number }[] = [];
  const summaries: { index: number; label: string }[] = [];
  let dates = 0;
  let weekTexts = 0;
  let others = 0;
  let end = header;
  /** Dated lines and year-less dates in series order, for `yearsFor`. */
  const series: ({ index: number; day: number } | (MonthDay & { index: number; text: string }))[] = [];
  for (let r = header + 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    const line = lines[r];
    if (line.filled === 0) continue;
    const summary = line.summary;
    if (summary !== null) {
      summaries.push({ index: r, label: summary });
      end = r;
      continue;
    }
    const cell = cells[axis];
    const day = isBlank(cell) || isNumber(cell) ? null : readDay(cell);
    if (day === null && line.headerLike) break;
    end = r;
    if (day !== null) {
      dates++;
      slots.push({ index: r, day });
      series.push({ index: r, day });
      continue;
    }
    const monthDay = isBlank(cell) || isNumber(cell) ? null : parseMonthDay(cell);
    if (monthDay) {
      series.push({ index: r, text: text(cell), ...monthDay });
      continue;
    }
    const week = WEEK_TEXT.exec(text(cell));
    if (week) {
      weekTexts++;
      if (startDay !== null) slots.push({ index: r, day: startDay + 7 * (Number(week[1]) - 1) });
      continue;
    }
    if (!isBlank(cell)) others++;
  }
  const yearlessLines = series.filter((line) => 'month' in line);
  const years = yearlessLines.length ? yearsFor(series, startDay) : [];
  const yearless: number[] = [];
  series.forEach((line, i) => {
    if (!('month' in line) || years[i] === null) return;
    yearless.push(line.index);
    slots.push({ index: line.index, day: years[i] as number });
  });
  slots.sort((a, b) => a.index - b.index);
  // Year-less dates nothing dates are not dates: the table is skipped with what would fix it.
  const unread = yearlessLines.length - yearless.length;
  const yearlessWithoutAnchor =
    yearless.length === 0 && unread >= 2 && unread >= dates
      ? (yearlessLines[0] as { text: string }).text
      : null;
  const weekLabels = weekTexts > 0 && weekTexts >= dates + yearless.length;
  const good = weekLabels ? (startDay !== null ? weekTexts : 0) : dates + yearless.length;
  const fail = {
    slots: [],
    summaries,
    end,
    weekLabels,
    weekLabelsWithoutStart: weekLabels && startDay === null && weekTexts >= 2,
    yearless: [],
    yearlessWithoutAnchor,
  };
  if (good === 0 || good < (good + others + unread + (weekLabels ? dates : weekTexts)) * MIN_DATE_SHARE)
    return fail;
  return {
    slots,
    summaries,
    end,
    weekLabels,
    weekLabelsWithoutStart: false,
    yearless,
    yearlessWithoutAnchor: null,
  };
}

function buildCandidate(
  values: Grid,
  formulas: readonly (readonly string[])[] | undefined,
  spill: boolean[][],
  orientation: Orientation,
  header: number,
  axis: number,
  axisLabel: string,
  labels: { column: number; label: string }[],
  found: AxisRead,
  options: ScanOptions,
): Candidate {
  const measures: AdoptMeasure[] = [];
  const leftOut: LeftOut[] = [];
  const notClient: string[] = [];
  const doubts: string[] = [];
  const slotRows = found.slots.map((s) => s.index);
  const counts = new Map<string, number>();
  for (const l of labels)
    if (l.label) counts.set(normalizeLabel(l.label), (counts.get(normalizeLabel(l.label)) ?? 0) + 1);
  const width = Math.max(...values.slice(header, found.end + 1).map((r) => r.length));
  for (let column = 0; column < width; column++) {
    if (column === axis) continue;
    const label = labels[column]?.label || text(values[header]?.[column]);
    const cells = slotRows.map((r) => values[r]?.[column]);
    const filled = cells.filter((cell) => !isBlank(cell));
    if (!label) {
      if (filled.length > 0)
        leftOut.push({
          index: column,
          label: `(${place(orientation, column)})`,
          reason: 'It has no header label.',
          addable: false,
        });
      continue;
    }
    const norm = normalizeLabel(label);
    const numbers = filled.filter(isNumber) as number[];
    const formulaCells = formulas ? slotRows.filter((r) => (formulas[r]?.[column] ?? '') !== '').length : 0;
    const spilled = slotRows.some((r) => spill[r]?.[column]);
    const out = (reason: string, addable = true) => leftOut.push({ index: column, label, reason, addable });
    if (spilled) out('Filled by an array formula (FILTER, QUERY…): writing there would break it.', false);
    else if (formulaCells > 0 && formulaCells >= filled.length / 2)
      out('Computed by formulas: a check-in would overwrite them.', false);
    else if (filled.length === 0) out('Empty in the dated rows.');
    else if (
      filled.filter((cell) => !isNumber(cell) && options.readDay(cell) !== null).length >=
      filled.length * MIN_DATE_SHARE
    )
      out('Dates: another date column (pick it under Table to date the check-ins by it).', false);
    else if (numbers.length === 0 || numbers.length < filled.length * MIN_NUMBER_SHARE)
      out('Text, not numbers.', false);
    else if (COUNTER_LABEL.test(norm) || isCounter(numbers)) out('A counter (1, 2, 3…), not a measurement.');
    else if (SUMMARY_COLUMN.test(norm)) out('A total or change of other columns, not a measurement.');
    else if (numbers.length >= 3 && numbers.every((n) => n === numbers[0]))
      out('The same value on every line: a fixed goal or setting, not a measurement.');
    else {
      const duplicate = (counts.get(norm) ?? 0) > 1;
      measures.push({
        index: column,
        label,
        name: duplicate ? `${label} (${place(orientation, column)})` : label,
        baseline: null,
        target: null,
      });
    }
  }
  const axisNorm = normalizeLabel(axisLabel);
  if (DUE_LABEL.test(axisNorm))
    notClient.push(`Its dates are due dates ("${axisLabel}"), not check-ins: it looks like a to-do list.`);
  const todoColumn = labels.find((l) => l.label && TODO_LABEL.test(normalizeLabel(l.label)));
  if (todoColumn && !notClient.length && measures.every((m) => TODO_LABEL.test(normalizeLabel(m.label))))
    notClient.push(`Its numbers are "${todoColumn.label}", not measurements: it looks like a to-do list.`);
  const people = labels.find(
    (l) => l.column !== axis && l.label && PEOPLE_LABEL.test(normalizeLabel(l.label)),
  );
  if (people) {
    const names = new Set(
      slotRows.map((r) => normalizeLabel(values[r]?.[people.column])).filter((n) => n !== ''),
    );
    if (names.size >= 2)
      notClient.push(
        `Its ${lineWord(orientation)}s are about ${names.size} different people ("${people.label}"): ` +
          "a log of many clients (like a coaching-hours log), not one client's.",
      );
  }
  const observations = found.slots.filter(
    (s) => s.day <= options.today && measures.some((m) => isNumber(values[s.index]?.[m.index])),
  );
  const days = observations.map((o) => o.day);
  if (days.length >= 3) {
    const sorted = [...days].sort((a, b) => a - b);
    const gaps = sorted.slice(1).map((d, i) => d - sorted[i]);
    const repeats = gaps.filter((g) => g === 0).length;
    if (repeats > gaps.length / 3)
      doubts.push('Several entries share a date: a log has one line per check-in.');
  }
  const lastObs = observations.length ? Math.max(...observations.map((o) => o.index)) : header;
  const firstSummaryBelow = found.summaries.find((s) => s.index > lastObs);
  const nextLine = lastObs + 1;
  const nextBlank = (values[nextLine] ?? []).every((cell) => isBlank(cell));
  const insert = firstSummaryBelow !== undefined && !(nextBlank && nextLine < firstSummaryBelow.index);
  const score =
    observations.length * 3 +
    measures.length * 2 +
    (/(date|datum|week|woche|day|tag|month|monat|session|check|kw)/.test(axisNorm) ? 2 : 0) -
    (notClient.length ? 5 : 0);
  const word = orientation === 'rows' ? 'row' : 'column';
  const table: AdoptTable = {
    orientation,
    header,
    axis,
    axisLabel,
    end: found.end,
    measures,
    leftOut,
    slots: found.slots,
    observations,
    summaries: found.summaries,
    weekLabels: found.weekLabels,
    yearless: found.yearless,
    start: found.start ?? null,
    next: { index: nextLine, insert },
    where:
      orientation === 'rows'
        ? `Header in ${word} ${header + 1}, dates down ${place('rows', axis)}`
        : `Labels in ${place('rows', header)}, dates across row ${axis + 1}`,
    // Filled in by `scanTab` for the tables it offers (`judge`).
    reasons: [],
    score,
  };
  return { table, notClient, doubts };
}

/** 1, 2, 3… (or 0, 1, 2…) down the rows: numbering, not a measurement. */
function isCounter(numbers: readonly number[]): boolean {
  if (numbers.length < 3 || (numbers[0] !== 0 && numbers[0] !== 1)) return false;
  return numbers.every((n, i) => Number.isInteger(n) && (i === 0 || n === numbers[i - 1] + 1));
}

/** `values` as the table sees them: as is for dates down a column, transposed for dates across a row. */
export function orientedGrid<T>(
  values: readonly (readonly T[])[],
  orientation: Orientation,
  blank: T,
): T[][] {
  return orientation === 'rows' ? values.map((row) => [...row]) : transpose(values, blank);
}

export interface CheckInPlace {
  /** 0-based line along the series (a row, or a column when dates run across). */
  index: number;
  /** Insert a line there first (a summary line or another table follows). */
  insert: boolean;
  /** The line is pre-dated (or labelled "Week 3"): its date cell stays as the user wrote it. */
  keepDate: boolean;
}

/**
 * Where a check-in for the week starting `weekDay` goes when the week has no observation yet: the
 * pre-dated line of that week, else the line after the last line dated before it, above summary lines
 * and never over another table (a line is inserted then). `grid` is oriented (see `orientedGrid`).
 */
export function placeCheckIn(table: AdoptTable, grid: Grid, weekDay: number): CheckInPlace {
  const slot = table.slots.find(
    (s) => s.day >= weekDay && s.day < weekDay + 7 && !table.observations.some((o) => o.index === s.index),
  );
  if (slot) return { index: slot.index, insert: false, keepDate: true };
  const before = [...table.observations, ...table.slots.filter((s) => s.day < weekDay)].map((s) => s.index);
  const index = (before.length ? Math.max(...before) : table.header) + 1;
  const blankLine = (i: number) => i >= grid.length || (grid[i] ?? []).every((cell) => isBlank(cell));
  const summaryNext = table.summaries.some((s) => s.index === index + 1);
  const insert = !(blankLine(index) && (blankLine(index + 1) || summaryNext));
  return { index, insert, keepDate: false };
}

/**
 * The client a tab's name refers to, without the words people add to an old copy:
 * "Tom Becker (old)", "Tom Becker - 2023", "Copy of Tom Becker", "Tom Becker archive" → "Tom Becker".
 */
export function baseClientName(tabName: string): string {
  return tabName
    .replace(/[([{][^)\]}]*[)\]}]/g, ' ')
    .replace(/^\s*(copy of|kopie von)\s+/i, '')
    .replace(/\b(old|alt|archive|archived|archiv|backup|copy|kopie|history|previous|\d{4})\b/gi, ' ')
    .replace(/[\s\-–—_:,.]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
