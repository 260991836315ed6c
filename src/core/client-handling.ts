/**
 * Handling advice by client type (issue 14 §2): each type's one-line advice (editable per type in
 * Settings) and what it means this week, read from the client's record: dated check-ins and logged
 * conversations (contacts), the latest satisfaction, the start date and the agreed cadence.
 */
import { CLIENT_TYPES, matchChoice, type ClientTypeName } from './clients';
import { formatDayAs } from './locale-date';

/** The one-liner of each type when Settings leaves it blank. */
export const DEFAULT_HANDLING_ADVICE: Readonly<Record<ClientTypeName, string>> = {
  'Laissez-faire':
    'Trusts you and goes quiet: check in by email and phone every few weeks, before silence turns into leaving.',
  Micromanager: 'Wants to watch every move: agree a rhythm (once a week, not twice a day) and keep to it.',
  'In the dark': 'Unsure what you do for them: explain the basics from scratch and encourage questions.',
  Savvy: 'Loyal and refers others: keep in touch and show you think of them (an article, an idea).',
};

/** A laissez-faire client silent this long gets a call: three weeks, their default cadence. */
export const SILENCE_DAYS = 21;
/** A savvy client with no touch this long gets something sent: two of their default 14-day cadences. */
export const SAVVY_TOUCH_DAYS = 28;
/** A client in the dark counts as new for this many weeks of working together. */
export const FIRST_WEEKS = 6;
/** A satisfaction at or under this is low (the card's satisfaction chart draws its guide line at 7). */
export const LOW_SATISFACTION = 6;
/** The window in which a micromanager's contacts are counted against the agreed rhythm. */
export const RHYTHM_WINDOW_DAYS = 14;

/** What the card and the check-in form show: plain values, so it crosses google.script.run as is. */
export interface ClientHandling {
  /** The roster's type as the list spells it; null when the client has none (or an unknown one). */
  clientType: ClientTypeName | null;
  /** The type's one-liner (Settings, else the default); for no type, how to set one. */
  advice: string;
  /** What it means this week; null for a client who owes no check-ins (paused, ended) or has no type. */
  thisWeek: string | null;
  /** True when this week asks for something to be done (shown as an action, not a note). */
  act: boolean;
}

export interface HandlingRecord {
  /** The roster's Client type cell, as typed. */
  clientType: unknown;
  /** Owes check-ins (Active, Serving notice): only then is there anything to do this week. */
  current: boolean;
  today: number;
  startDay: number | null;
  cadenceDays: number;
  /** Days of the log's dated check-ins ("No contact this week" rows are text, not contacts). */
  checkIns: readonly number[];
  /** Days of the client's rows in the Conversations sheet. */
  conversations: readonly number[];
  /** The latest check-in's satisfaction (1–10), or null. */
  satisfaction: number | null;
}

export const NO_TYPE_ADVICE = 'No client type set: choose one in Edit client to get handling advice.';

/** The advice of each type: the Settings text where it is filled in, else the default. */
export function handlingAdviceFor(
  clientType: unknown,
  settings: Partial<Record<ClientTypeName, string>> = {},
): string | null {
  const type = matchChoice(CLIENT_TYPES, clientType);
  if (!type) return null;
  const typed = String(settings[type] ?? '').trim();
  return typed === '' ? DEFAULT_HANDLING_ADVICE[type] : typed;
}

/** The client's handling: the type's one-liner and what it means this week. Dates in `dateFormat`. */
export function clientHandling(
  record: HandlingRecord,
  settings: Partial<Record<ClientTypeName, string>>,
  dateFormat: string,
): ClientHandling {
  const type = matchChoice(CLIENT_TYPES, record.clientType);
  if (!type) return { clientType: null, advice: NO_TYPE_ADVICE, thisWeek: null, act: false };
  const advice = handlingAdviceFor(type, settings) as string;
  if (!record.current) return { clientType: type, advice, thisWeek: null, act: false };
  const { thisWeek, act } = THIS_WEEK[type](record, (day) => formatDayAs(day, dateFormat));
  return { clientType: type, advice, thisWeek, act };
}

type WeekRule = (record: HandlingRecord, date: (day: number) => string) => { thisWeek: string; act: boolean };

/** Contacts up to today (a row dated ahead is a plan, not a contact), oldest first. */
function contacts(record: HandlingRecord): number[] {
  return [...record.checkIns, ...record.conversations]
    .filter((day) => day <= record.today)
    .sort((a, b) => a - b);
}

function lastContact(record: HandlingRecord): number | null {
  const all = contacts(record);
  return all.length ? all[all.length - 1] : null;
}

const weeks = (days: number) => {
  const n = Math.floor(days / 7);
  return n === 1 ? '1 week' : `${n} weeks`;
};

const THIS_WEEK: Record<ClientTypeName, WeekRule> = {
  'Laissez-faire': (record, date) => {
    const last = lastContact(record);
    const since = last ?? record.startDay;
    if (since === null) return { thisWeek: 'Call this week: no reply logged yet.', act: true };
    const silent = record.today - since;
    if (silent >= SILENCE_DAYS) {
      const what =
        last === null ? `no reply since the start ${weeks(silent)} ago` : `no reply in ${weeks(silent)}`;
      return { thisWeek: `Call this week: ${what}.`, act: true };
    }
    const heard = last === null ? `started ${date(since)}` : `last heard from ${date(since)}`;
    return {
      thisWeek: `Quiet is fine: ${heard}. Call if still silent on ${date(since + SILENCE_DAYS)}.`,
      act: false,
    };
  },
  Micromanager: (record, date) => {
    const rhythm = record.cadenceDays;
    if (rhythm < 7)
      return {
        thisWeek:
          `Agree a rhythm: a check-in every ${rhythm === 1 ? 'day' : `${rhythm} days`} is more ` +
          `than once a week. Settle on weekly and keep to it.`,
        act: true,
      };
    const last = lastContact(record);
    const recent = contacts(record).filter((day) => day > record.today - RHYTHM_WINDOW_DAYS).length;
    const allowed = Math.max(1, Math.floor(RHYTHM_WINDOW_DAYS / rhythm));
    if (last !== null && recent > allowed)
      return {
        thisWeek:
          `Keep to the rhythm: ${recent} contacts in the last 2 weeks against one ` +
          `every ${rhythm} days. Next on ${date(last + rhythm)}, not before.`,
        act: true,
      };
    if (last === null || record.today - last >= rhythm) {
      const lastText = last === null ? '' : `; the last was ${date(last)}`;
      return { thisWeek: `Check in this week, as agreed: one every ${rhythm} days${lastText}.`, act: true };
    }
    return { thisWeek: `On rhythm: next check-in on ${date(last + rhythm)}, not before.`, act: false };
  },
  'In the dark': (record) => {
    const week = record.startDay === null ? null : Math.floor((record.today - record.startDay) / 7) + 1;
    const ask = 'Explain one basic this week and ask what questions they have';
    if (week !== null && week >= 1 && week <= FIRST_WEEKS)
      return { thisWeek: `${ask}: week ${week} of working together.`, act: true };
    if (record.satisfaction !== null && record.satisfaction <= LOW_SATISFACTION)
      return { thisWeek: `${ask}: satisfaction ${record.satisfaction}/10 at the last check-in.`, act: true };
    return { thisWeek: 'Settled in: ask whether anything is unclear at the next check-in.', act: false };
  },
  Savvy: (record, date) => {
    const last = lastContact(record);
    const since = last ?? record.startDay;
    if (since === null)
      return { thisWeek: 'Send something this week (an article, an idea): no touch logged yet.', act: true };
    const quiet = record.today - since;
    if (quiet >= SAVVY_TOUCH_DAYS)
      return {
        thisWeek: `Send something this week (an article, an idea): no touch in ${weeks(quiet)}.`,
        act: true,
      };
    const lastText = last === null ? `started ${date(since)}` : `last touch ${date(since)}`;
    return {
      thisWeek: `In touch: ${lastText}. Send an article or idea by ${date(since + SAVVY_TOUCH_DAYS)}.`,
      act: false,
    };
  },
};
