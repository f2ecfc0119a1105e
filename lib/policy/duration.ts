// How long until (or since) a due instant, in words. Imported by the rule engine (flag reasons) and
// by the screens' countdowns alike, so it imports nothing: no holiday tables, time-zone library or
// message files reach the browser through it.

/** A coarse duration as the message it is worded by (namespace "duration" of the messages). */
export type DurationParts =
  | { key: "days"; values: { days: number } }
  | { key: "daysHours"; values: { days: number; hours: number } }
  | { key: "hours"; values: { hours: number } }
  | { key: "minutes"; values: { minutes: number } };

/** Whole days and hours, or hours, or minutes — coarse on purpose: sellers act on hours, not seconds. */
export function durationParts(ms: number): DurationParts {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days >= 1) return hours % 24 ? { key: "daysHours", values: { days, hours: hours % 24 } } : { key: "days", values: { days } };
  if (hours >= 1) return { key: "hours", values: { hours } };
  return { key: "minutes", values: { minutes } };
}

/** "5 h", "2 d 3 h", "40 min" (English; other languages: formatTimeLeftWith). */
export function formatDuration(ms: number): string {
  const { key, values } = durationParts(ms);
  switch (key) {
    case "daysHours":
      return `${values.days} d ${values.hours} h`;
    case "days":
      return `${values.days} d`;
    case "hours":
      return `${values.hours} h`;
    case "minutes":
      return `${values.minutes} min`;
  }
}

/** Milliseconds from now to the deadline; negative once it has passed. */
export function timeLeft(deadline: Date, now: Date): number {
  return deadline.getTime() - now.getTime();
}

/** "5 h left" or "overdue by 3 h": the one wording of a countdown, in reasons and on screens (English). */
export function formatTimeLeft(deadline: Date, now: Date): string {
  const ms = timeLeft(deadline, now);
  return ms >= 0 ? `${formatDuration(ms)} left` : `overdue by ${formatDuration(ms)}`;
}

/**
 * A translator of the "duration" namespace: next-intl's `useTranslations("duration")` or
 * `getTranslations("duration")` fits, as does the reason renderer's own.
 */
export type DurationTranslate = (key: DurationParts["key"] | "left" | "overdueBy", values: Record<string, string | number>) => string;

/** formatDuration in the translator's language ("5 u", "5 小时"). */
export function formatDurationWith(t: DurationTranslate, ms: number): string {
  const { key, values } = durationParts(ms);
  return t(key, values);
}

/** formatTimeLeft in the translator's language: "nog 5 u" / "5 u te laat", "剩余 5 小时" / "已逾期 5 小时". */
export function formatTimeLeftWith(t: DurationTranslate, ms: number): string {
  return t(ms >= 0 ? "left" : "overdueBy", { duration: formatDurationWith(t, ms) });
}
