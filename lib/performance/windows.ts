import { DateTime } from "luxon";
import { MARKET_ZONES, addBusinessDays, addCalendarDays, endOfLocalDay, localDateOf } from "@/lib/policy/business-days";
import type { TrailingWindow } from "@/lib/policy/settings";
import type { Market } from "@/lib/policy/types";

const DAY = 24 * 3600 * 1000;

/** A half-open window [from, to): an instant exactly at `from` counts, one exactly at `to` does not. */
export type Window = { from: Date; to: Date };

/** Monday 00:00 in the market's zone of the ISO week holding `instant`. */
export function isoWeekStart(market: Market, instant: Date): Date {
  return DateTime.fromJSDate(instant, { zone: MARKET_ZONES[market] }).startOf("week").toJSDate();
}

/**
 * The window a rate is measured over, ending now. Trailing days are 24-hour days back from now;
 * an ISO week runs from Monday 00:00 in the market's zone (the policy clock) to now.
 */
export function windowFor(window: TrailingWindow, market: Market, now: Date): Window {
  if (window.kind === "iso_week") return { from: isoWeekStart(market, now), to: now };
  return { from: new Date(now.getTime() - window.days * DAY), to: now };
}

/** The last `count` ISO weeks in the market's zone, oldest first; the last one holds `now`. */
export function lastIsoWeeks(market: Market, now: Date, count: number): Window[] {
  const current = DateTime.fromJSDate(now, { zone: MARKET_ZONES[market] }).startOf("week");
  return Array.from({ length: count }, (_, i) => {
    const start = current.minus({ weeks: count - 1 - i });
    return { from: start.toJSDate(), to: start.plus({ weeks: 1 }).toJSDate() };
  });
}

/**
 * OTDR: an order is delivered on time when it is delivered by the end of the n-th business day
 * (market calendar) after the local date of its carrier scan. Measured from dispatch, not from the
 * order: the late-dispatch rate already punishes slow dispatch, and this rate is the carrier leg.
 */
export function deliveryDueAt(market: Market, inTransitAt: Date, businessDays: number): Date {
  return endOfLocalDay(market, addBusinessDays(market, localDateOf(market, inTransitAt), businessDays));
}

/**
 * The same deadline as a lookup table for SQL: for each local dispatch date in [since, until]
 * (one day of slack each side), the instant delivery is due. Keeps holidays in one place
 * (lib/policy) instead of re-implementing business days in SQL.
 */
export function deliveryDueCalendar(market: Market, since: Date, until: Date, businessDays: number): { dates: string[]; dues: Date[] } {
  const dates: string[] = [];
  const dues: Date[] = [];
  const last = addCalendarDays(localDateOf(market, until), 1);
  for (let d = addCalendarDays(localDateOf(market, since), -1); d <= last; d = addCalendarDays(d, 1)) {
    dates.push(d);
    dues.push(endOfLocalDay(market, addBusinessDays(market, d, businessDays)));
  }
  return { dates, dues };
}
