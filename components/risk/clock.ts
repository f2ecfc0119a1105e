"use client";

import { useEffect, useState } from "react";
import type { TimeLeftFormatter } from "@/components/ui/time-left";
import { dateFormat, zoneAbbreviation } from "@/lib/format";
import { intlLocale } from "@/lib/i18n/intl-locale";
import { formatTimeLeft } from "@/lib/policy/duration";

// Countdowns in the browser. Deliberately not the rule engine's business-day helpers: those pull
// the holiday tables and time-zone library into the page, and a countdown only needs Intl.

/**
 * "Fri 6 Nov 23:59 PST": the instant in the store's zone, with the zone named; with `now`, an
 * instant outside now's year carries its year ("Tue 6 Jan 2026 23:59 PST"); in the viewer's
 * `locale` ("vr 6 nov 23:59 PST", "11月6日周五 23:59 PST"), English by default.
 */
export function formatZoned(instant: Date, timeZone: string, now?: Date, locale = "en"): string {
  const intl = intlLocale(locale);
  const year = (d: Date) => dateFormat(intl, { timeZone, year: "numeric" }).format(d);
  const withYear = now !== undefined && year(instant) !== year(now);
  const local = dateFormat(intl, {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    ...(withYear ? { year: "numeric" } : {}),
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  })
    .format(instant)
    .replaceAll(",", "");
  return `${local} ${zoneAbbreviation(instant, timeZone)}`;
}

export type Countdown = { overdue: boolean; text: string; at: string; urgent: boolean };

/**
 * "overdue by 5 h" / "3 h left", and when, in the store's zone. `urgentHours` is the
 * organisation's critical threshold for the rule (sent by the server); 0 = only once overdue.
 * `words`: the viewer's language (`useLocale()` and `useTimeLeft()`); English without.
 */
export function describeDue(dueAt: Date, now: Date, timeZone: string, urgentHours: number, words?: { locale: string; timeLeft: TimeLeftFormatter }): Countdown {
  const left = dueAt.getTime() - now.getTime();
  const overdue = left < 0;
  return {
    overdue,
    text: words ? words.timeLeft(dueAt, now) : formatTimeLeft(dueAt, now),
    at: formatZoned(dueAt, timeZone, now, words?.locale),
    urgent: overdue || left < urgentHours * 3_600_000,
  };
}

/**
 * The current time: the server's reading of the data shown (so server and browser render the
 * same text), then the browser's clock, ticking every 30 s, once it has moved past it.
 */
export function useNow(serverNow: string): Date {
  const [tick, setTick] = useState<Date | null>(null);
  useEffect(() => {
    const timer = setInterval(() => setTick(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const server = new Date(serverNow);
  return tick && tick.getTime() > server.getTime() ? tick : server;
}
