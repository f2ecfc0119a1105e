import { DateTime } from "luxon";

// Quiet hours and the digest time are wall-clock times in the user's own zone ("HH:MM"), so a
// night of 22:00–07:00 stays a night across daylight-saving changes and may cross midnight.

export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function at(local: DateTime, time: string): DateTime {
  const minutes = minutesOf(time);
  return local.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
}

export type QuietHours = { start: string; end: string; timeZone: string };

/**
 * The instant quiet hours end if `now` is inside them, else null. Start and end equal means no
 * quiet hours (an empty window), not a whole day.
 */
export function quietUntil(now: Date, quiet: QuietHours | null): Date | null {
  if (!quiet || quiet.start === quiet.end) return null;
  const local = DateTime.fromJSDate(now, { zone: quiet.timeZone });
  if (!local.isValid) return null;
  const minute = local.hour * 60 + local.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start < end) {
    // Same-day window, e.g. 12:00–14:00.
    return minute >= start && minute < end ? at(local, quiet.end).toJSDate() : null;
  }
  // Across midnight, e.g. 22:00–07:00: in it after the start (ends tomorrow) or before the end (ends today).
  if (minute >= start) return at(local.plus({ days: 1 }), quiet.end).toJSDate();
  if (minute < end) return at(local, quiet.end).toJSDate();
  return null;
}

/** The user's local date at `now` ("2026-12-01") and the instant of `time` on that date. */
export function localSlot(now: Date, time: string, timeZone: string): { date: string; at: Date } {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  return { date: local.toISODate() ?? "", at: at(local, time).toJSDate() };
}

export function isValidTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
