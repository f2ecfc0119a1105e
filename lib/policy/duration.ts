// How long until (or since) a due instant, in words. Imported by the rule engine (flag reasons) and
// by the screens' countdowns alike, so it imports nothing: no holiday tables or time-zone library
// reach the browser through it.

/** "5 h", "2 d 3 h", "40 min" — coarse on purpose: sellers act on hours, not seconds. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days >= 1) return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
  if (hours >= 1) return `${hours} h`;
  return `${minutes} min`;
}

/** Milliseconds from now to the deadline; negative once it has passed. */
export function timeLeft(deadline: Date, now: Date): number {
  return deadline.getTime() - now.getTime();
}

/** "5 h left" or "overdue by 3 h": the one wording of a countdown, in reasons and on screens. */
export function formatTimeLeft(deadline: Date, now: Date): string {
  const ms = timeLeft(deadline, now);
  return ms >= 0 ? `${formatDuration(ms)} left` : `overdue by ${formatDuration(ms)}`;
}
