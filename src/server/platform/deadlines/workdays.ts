import { getHolidays } from 'feiertagejs';
import type { FEDERAL_STATES } from '../../../contracts/common.js';

/** A German federal state (ISO 3166-2:DE suffix), as stored on the agency. */
export type FederalState = (typeof FEDERAL_STATES)[number];

type Region = Parameters<typeof getHolidays>[1];
/** Our codes and feiertagejs' regions are the same ISO suffixes; the table makes the compiler check it. */
const REGION: Record<FederalState, Region> = {
  BW: 'BW',
  BY: 'BY',
  BE: 'BE',
  BB: 'BB',
  HB: 'HB',
  HH: 'HH',
  HE: 'HE',
  MV: 'MV',
  NI: 'NI',
  NW: 'NW',
  RP: 'RP',
  SL: 'SL',
  SN: 'SN',
  ST: 'ST',
  SH: 'SH',
  TH: 'TH',
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const cache = new Map<string, ReadonlySet<string>>();

function holidaysOf(year: number, state: FederalState): ReadonlySet<string> {
  const key = `${state}:${year}`;
  let set = cache.get(key);
  if (!set) {
    set = new Set(getHolidays(year, REGION[state]).map((h) => h.dateString));
    cache.set(key, set);
  }
  return set;
}

/** Calendar date → UTC midnight in ms (a calendar date has no zone; UTC keeps the arithmetic exact). */
function toUtcMs(date: string): number {
  const m = DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`invalid date: ${date}`);
  return ms;
}
const fromUtcMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A statutory public holiday of the state on that date. */
export function isPublicHoliday(date: string, state: FederalState): boolean {
  toUtcMs(date);
  return holidaysOf(Number(date.slice(0, 4)), state).has(date);
}

/** Monday to Friday and not a public holiday of the state. */
export function isWorkingDay(date: string, state: FederalState): boolean {
  const weekday = new Date(toUtcMs(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isPublicHoliday(date, state);
}

/**
 * Results of the pure date functions below, per argument: a list import computes the same few
 * dates (one arrival day, a handful of service dates) for thousands of rows. Bounded: cleared when
 * full, so a long-running process never holds more than a few thousand entries.
 */
function memo<T>(limit = 20_000) {
  const map = new Map<string, T>();
  return (key: string, compute: () => T): T => {
    let v = map.get(key);
    if (v === undefined) {
      if (map.size >= limit) map.clear();
      v = compute();
      map.set(key, v);
    }
    return v;
  };
}
const workingDayMemo = memo<string>();
const endOfDayMemo = memo<number>();

/**
 * The date `days` working days after `start` (start itself not counted). `days = 0` gives `start`
 * when it is a working day, else the next working day.
 */
export function addWorkingDays(start: string, days: number, state: FederalState): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer: ${days}`);
  return workingDayMemo(`${state}|${start}|${days}`, () => computeWorkingDays(start, days, state));
}

function computeWorkingDays(start: string, days: number, state: FederalState): string {
  let ms = toUtcMs(start);
  if (days === 0) {
    while (!isWorkingDay(fromUtcMs(ms), state)) ms += DAY_MS;
    return fromUtcMs(ms);
  }
  let left = days;
  while (left > 0) {
    ms += DAY_MS;
    if (isWorkingDay(fromUtcMs(ms), state)) left -= 1;
  }
  return fromUtcMs(ms);
}

const berlinParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Berlin',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallClock(instantMs: number): { date: string; ms: number } {
  const p = Object.fromEntries(berlinParts.formatToParts(new Date(instantMs)).map((x) => [x.type, x.value]));
  const date = `${p.year}-${p.month}-${p.day}`;
  const ms = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return { date, ms };
}

/** Offset of Berlin's wall clock from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function berlinOffsetMs(instantMs: number): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return wallClock(whole).ms - whole;
}

/** The Europe/Berlin calendar date of an instant. */
export function berlinDate(instant: Date): string {
  return wallClock(instant.getTime()).date;
}

/** The instant 23:59:59.999 Europe/Berlin on that date (CET or CEST as in force that day). */
export function endOfDayBerlin(date: string): Date {
  return new Date(
    endOfDayMemo(date, () => {
      const wall = toUtcMs(date) + DAY_MS - 1;
      // Germany switches clocks at night (02:00/03:00), never near midnight: one correction suffices.
      let utc = wall - berlinOffsetMs(wall);
      utc = wall - berlinOffsetMs(utc);
      return utc;
    }),
  );
}

/** 'YYYY-MM-DD' → 'TT.MM.JJJJ' (German notation for texts and mails). */
export function germanDate(date: string): string {
  const m = DATE.exec(date);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : date;
}
