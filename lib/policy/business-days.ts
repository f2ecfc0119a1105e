import Holidays from "date-holidays";
import { DateTime } from "luxon";
import type { Market } from "./types";

export { formatDuration, formatTimeLeft, timeLeft } from "./duration";

/**
 * The policy clock. US: the official FAQ says the cut-off is "11:59 PM PST"; we follow the
 * America/Los_Angeles wall clock through daylight saving time (spec). UK: Europe/London is an
 * assumption (no UK source found).
 */
export const MARKET_ZONES: Record<Market, string> = { US: "America/Los_Angeles", UK: "Europe/London" };

/** A calendar date in a market's zone, "YYYY-MM-DD". */
export type LocalDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// 5 U.S.C. 6103: eleven federal holidays (Juneteenth since 2021). For country "US" without a
// state, date-holidays types exactly these as public (Christmas Eve is "optional", the day after
// Thanksgiving an "observance"), so the type is the filter; names are not, because they vary
// with the language ("Labor Day" in en-us, "Labour Day" in en). Tests pin the yearly lists.

let usCalendar: Holidays | null = null;
let ukCalendar: Holidays | null = null;
const cache = new Map<string, ReadonlySet<LocalDate>>();

function calendarFor(market: Market): Holidays {
  if (market === "US") return (usCalendar ??= new Holidays("US"));
  // England & Wales share one bank-holiday calendar; Scotland and Northern Ireland differ.
  return (ukCalendar ??= new Holidays("GB", "ENG"));
}

// Calendar-date arithmetic on plain UTC dates: the evaluation of every open order runs through
// here, and Date.UTC is two orders of magnitude cheaper than a time-zone library for it.
function utcMidnight(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function plusDays(date: LocalDate, days: number): LocalDate {
  return new Date(utcMidnight(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
function weekday(date: LocalDate): number {
  return new Date(utcMidnight(date)).getUTCDay() || 7;
}

function computeHolidays(market: Market, year: number): ReadonlySet<LocalDate> {
  const out = new Set<LocalDate>();
  const cal = calendarFor(market);
  // Observed dates cross year boundaries: date-holidays lists the Friday observance of a Saturday
  // New Year's Day under the PREVIOUS year (2021-12-31 for 2022-01-01), so read the neighbours too.
  for (const y of [year - 1, year, year + 1]) {
    for (const h of cal.getHolidays(y)) {
      // date-holidays types the Friday observance of a Saturday Veterans Day (2023-11-10,
      // 2028-11-10) as "bank", not "public"; both count. Optional days and observances do not.
      if (h.type !== "public" && h.type !== "bank") continue;
      const date = h.date.slice(0, 10);
      if (market === "US") {
        // Derive the observed date ourselves as well, so a library entry typed or filed
        // unexpectedly cannot make us miss one: Saturday → Friday before, Sunday → Monday after.
        const wd = weekday(date);
        const observed = wd === 6 ? plusDays(date, -1) : wd === 7 ? plusDays(date, 1) : date;
        if (observed.startsWith(`${year}-`)) out.add(observed);
      }
      // A Set: a substitute listed by the library and derived by us is counted once.
      if (date.startsWith(`${year}-`) && weekday(date) <= 5) out.add(date);
    }
  }
  return out;
}

/** Weekday holidays (observed dates) of a market in a calendar year; cached per market and year. */
export function holidaysInYear(market: Market, year: number): ReadonlySet<LocalDate> {
  const key = `${market}:${year}`;
  let set = cache.get(key);
  if (!set) {
    set = computeHolidays(market, year);
    cache.set(key, set);
  }
  return set;
}

/** Works out the holidays of every market from the year before `now` to the year after (the years the engine reads). */
export function warmHolidayCalendars(now: Date): void {
  const year = now.getUTCFullYear();
  for (const market of Object.keys(MARKET_ZONES) as Market[]) for (let y = year - 1; y <= year + 1; y++) holidaysInYear(market, y);
}

function assertDate(date: LocalDate): void {
  // The round trip rejects dates that do not exist (2026-02-30 would roll over to March).
  if (!ISO_DATE.test(date) || Number.isNaN(utcMidnight(date)) || new Date(utcMidnight(date)).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
}

export function isHoliday(market: Market, date: LocalDate): boolean {
  assertDate(date);
  return holidaysInYear(market, Number(date.slice(0, 4))).has(date);
}

export function isBusinessDay(market: Market, date: LocalDate): boolean {
  assertDate(date);
  return weekday(date) <= 5 && !isHoliday(market, date);
}

const businessDaysAhead = new Map<string, LocalDate>();

/**
 * The n-th business day strictly after `date` (the start date itself never counts, whatever it
 * is); negative n walks backwards; 0 returns the date unchanged.
 */
export function addBusinessDays(market: Market, date: LocalDate, n: number): LocalDate {
  assertDate(date);
  if (!Number.isInteger(n)) throw new RangeError(`business days must be an integer: ${n}`);
  // The exposure windows walk every day of a few months per store and view (lib/performance/windows.ts):
  // each (market, date, n) is walked once (bounded, like the caches below).
  const key = `${market}${date}${n}`;
  const known = businessDaysAhead.get(key);
  if (known !== undefined) return known;
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0;) {
    d = plusDays(d, step);
    if (isBusinessDay(market, d)) left--;
  }
  if (businessDaysAhead.size > 100_000) businessDaysAhead.clear();
  businessDaysAhead.set(key, d);
  return d;
}

/** Business days d with from < d ≤ to (negative when to is before from). */
export function businessDaysBetween(market: Market, from: LocalDate, to: LocalDate): number {
  assertDate(from);
  assertDate(to);
  if (to < from) return -businessDaysBetween(market, to, from);
  let count = 0;
  for (let d = plusDays(from, 1); d <= to; d = plusDays(d, 1)) if (isBusinessDay(market, d)) count++;
  return count;
}

// en-CA formats a date as YYYY-MM-DD; one cached formatter per zone.
const localDateFormats: Partial<Record<Market, Intl.DateTimeFormat>> = {};

// Both market zones change date only on whole hours (UTC offsets of whole hours), so the local
// date of an instant is the local date of its UTC hour: memoised per hour.
const localDateByHour = new Map<string, LocalDate>();

/** The calendar date of an instant in the market's zone. */
export function localDateOf(market: Market, instant: Date): LocalDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`invalid instant: ${String(instant)}`);
  const key = `${market}:${Math.floor(ms / 3_600_000)}`;
  let date = localDateByHour.get(key);
  if (date === undefined) {
    const format = (localDateFormats[market] ??= new Intl.DateTimeFormat("en-CA", {
      timeZone: MARKET_ZONES[market],
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }));
    date = format.format(instant);
    if (localDateByHour.size > 100_000) localDateByHour.clear();
    localDateByHour.set(key, date);
  }
  return date;
}

// Zone arithmetic through luxon costs ~40 µs a call; a day's start or cut-off never changes, so
// each (market, date) is worked out once (bounded, like the local-date cache above).
const dayBoundaries = new Map<string, number>();

function memoDay(key: string, compute: () => Date): Date {
  let ms = dayBoundaries.get(key);
  if (ms === undefined) {
    ms = compute().getTime();
    if (dayBoundaries.size > 100_000) dayBoundaries.clear();
    dayBoundaries.set(key, ms);
  }
  return new Date(ms);
}

export function startOfLocalDay(market: Market, date: LocalDate): Date {
  assertDate(date);
  return memoDay(`s${market}${date}`, () => DateTime.fromISO(date, { zone: MARKET_ZONES[market] }).startOf("day").toJSDate());
}

/**
 * The cut-off of a local day: 23:59:59.000 wall clock. DST changes happen at 02:00 (US) and
 * 01:00 (UK), so this wall time always exists exactly once.
 */
export function endOfLocalDay(market: Market, date: LocalDate): Date {
  assertDate(date);
  return memoDay(`e${market}${date}`, () => {
    const [y, m, d] = date.split("-").map(Number) as [number, number, number];
    return DateTime.fromObject({ year: y, month: m, day: d, hour: 23, minute: 59, second: 59, millisecond: 0 }, { zone: MARKET_ZONES[market] }).toJSDate();
  });
}

/**
 * Cut-off of the n-th business day after the local date of `from`. With n = 2 this is the
 * dispatch deadline: Wed → Fri, Fri → Tue, Sat/Sun → Tue, one day later per holiday in between.
 * The deadline is the LAST on-time instant (23:59:59.000 local): an event at or before it is on
 * time, anything after it (even 23:59:59.5) is late. Timestamps are second-precision in practice.
 */
export function businessDeadline(market: Market, from: Date, n: number): Date {
  const date = localDateOf(market, from);
  const key = `${market}:${date}:${n}`;
  let deadline = deadlineCache.get(key);
  if (deadline === undefined) {
    deadline = endOfLocalDay(market, addBusinessDays(market, date, n)).getTime();
    if (deadlineCache.size > 50_000) deadlineCache.clear();
    deadlineCache.set(key, deadline);
  }
  return new Date(deadline);
}

// Deadlines depend only on (market, local date, n): a few hundred distinct keys a year.
const deadlineCache = new Map<string, number>();

export function dispatchDeadline(market: Market, placedAt: Date, businessDays = 2): Date {
  return businessDeadline(market, placedAt, businessDays);
}

const localFormats: Partial<Record<Market, Intl.DateTimeFormat>> = {};

/** "Tue 10 Mar 23:59 PDT" in the market's zone (en-US names US zones, en-GB British ones). */
// Deadlines repeat (every order of a day shares its cut-off), and formatToParts costs several
// microseconds, so formatted instants are remembered (bounded like the caches above).
const formattedInstants = new Map<string, string>();

/**
 * With `now`, an instant outside now's year (in the market's zone) carries its year:
 * "Tue 6 Jan 2026 23:59 PST" instead of a bare "Tue 6 Jan 23:59 PST" read as this year.
 */
export function formatLocal(market: Market, instant: Date, now?: Date): string {
  const withYear = now !== undefined && localDateOf(market, instant).slice(0, 4) !== localDateOf(market, now).slice(0, 4);
  return formatMarketInstant(market, instant, withYear);
}

/** formatLocal with the year decided by the caller (a flag reason's stored `year`). */
export function formatMarketInstant(market: Market, instant: Date, withYear: boolean): string {
  const key = `${market}${instant.getTime()}${withYear ? "y" : ""}`;
  let text = formattedInstants.get(key);
  if (text === undefined) {
    text = formatLocalUncached(market, instant, withYear);
    if (formattedInstants.size > 100_000) formattedInstants.clear();
    formattedInstants.set(key, text);
  }
  return text;
}

function formatLocalUncached(market: Market, instant: Date, withYear: boolean): string {
  const format = (localFormats[market] ??= new Intl.DateTimeFormat(market === "US" ? "en-US" : "en-GB", {
    timeZone: MARKET_ZONES[market],
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }));
  const part = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  const year = withYear ? ` ${localDateOf(market, instant).slice(0, 4)}` : "";
  return `${part.weekday} ${part.day} ${part.month}${year} ${part.hour}:${part.minute} ${part.timeZoneName}`;
}

/** "Tue 6 Jan 2026" for a local date. */
export function formatLocalDate(date: LocalDate): string {
  return DateTime.fromISO(date, { zone: "UTC" }).setLocale("en-GB").toFormat("ccc d LLL yyyy");
}

/** Calendar days from one local date to another (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  assertDate(from);
  assertDate(to);
  return Math.round(DateTime.fromISO(to, { zone: "UTC" }).diff(DateTime.fromISO(from, { zone: "UTC" }), "days").days);
}

export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  assertDate(date);
  return plusDays(date, days);
}
