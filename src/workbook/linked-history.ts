/**
 * The tabs linked to a client as history, read for the card and the progress report: each tab's
 * confirmed table, its check-ins and each measure's observations. Reads only.
 */
import { scanTab } from '../core/adopt';
import { formatIsoDay } from '../core/dates';
import { dayOneValue, sameMeasure, withEarlierHistory, type Point } from '../core/linked-history';
import { historyTabsOf } from './adopt-choice';
import { readNumber, strictDayReader, type Zone } from './cells';
import type { ClientTab } from './client-log';
import type { Spreadsheet } from './tables';

export interface HistoryTabData {
  tabName: string;
  checkIns: number;
  firstDate: string | null;
  lastDate: string | null;
  measures: string[];
}

export interface EarlierHistory {
  tabs: HistoryTabData[];
  /** The observations of the client's metric `metricName` across the linked tabs. */
  series(metricName: string): Point[];
}

export function earlierHistory(ss: Spreadsheet, clientId: string, zone: Zone, today: number): EarlierHistory {
  const tabs: HistoryTabData[] = [];
  const measures: { label: string; points: Point[] }[] = [];
  for (const { sheetId, choice } of historyTabsOf(clientId)) {
    const sheet = ss.getSheetById(sheetId);
    if (!sheet) continue;
    const values = sheet.getDataRange().getValues();
    const found = scanTab(values, { readDay: strictDayReader(zone), today, choice });
    if (!found.ok) continue;
    const { table } = found;
    const rows = table.orientation === 'rows';
    const at = (line: number, index: number) => (rows ? values[line]?.[index] : values[index]?.[line]);
    const days = table.observations.map((o) => o.day);
    tabs.push({
      tabName: sheet.getName(),
      checkIns: days.length,
      firstDate: days.length ? formatIsoDay(Math.min(...days)) : null,
      lastDate: days.length ? formatIsoDay(Math.max(...days)) : null,
      measures: table.measures.map((m) => m.name),
    });
    for (const measure of table.measures)
      measures.push({
        label: measure.label,
        points: table.observations
          .map((o) => ({ day: o.day, value: readNumber(at(o.index, measure.index)) }))
          .filter((p): p is Point => p.value !== null),
      });
  }
  return {
    tabs,
    series: (metricName) => measures.filter((m) => sameMeasure(metricName, m.label)).flatMap((m) => m.points),
  };
}

/** A metric's logged values in the client's own tab. */
export function ownSeries(tab: ClientTab, metricName: string): Point[] {
  const column = tab.log.metricColumns.get(metricName) ?? -1;
  if (column < 0) return [];
  return tab.log.entries
    .map((entry) => ({ day: entry.day, value: readNumber(tab.values[entry.row]?.[column]) }))
    .filter((p): p is Point => p.value !== null);
}

/** A metric's values with its earlier history, and its day one (the baseline, else history's first value). */
export function metricWithHistory(
  tab: ClientTab,
  metric: { name: string; baseline: number | null },
  earlier: EarlierHistory,
): { values: Point[]; baseline: number | null; current: number | null } {
  const own = ownSeries(tab, metric.name);
  const before = earlier.series(metric.name);
  const values = withEarlierHistory(own, before);
  return {
    values,
    baseline: dayOneValue(metric.baseline, own, before),
    current: values.at(-1)?.value ?? null,
  };
}
