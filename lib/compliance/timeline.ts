// Layout of the creator timeline as pure numbers (percent of the strip), so it is testable
// without rendering.

const DAY = 86_400_000;

export type TimelineRange = { from: Date; to: Date };

/** Two windows back (so the one just aged out is visible) and the restriction week ahead. */
export function timelineRange(now: Date, windowDays: number, restrictionDays: number): TimelineRange {
  return { from: new Date(now.getTime() - 2 * windowDays * DAY), to: new Date(now.getTime() + restrictionDays * DAY) };
}

/** Position of an instant on the strip, clamped to [0, 100]. */
export function percentOf(range: TimelineRange, at: Date): number {
  const span = range.to.getTime() - range.from.getTime();
  if (span <= 0) return 0;
  const p = ((at.getTime() - range.from.getTime()) / span) * 100;
  return Math.min(100, Math.max(0, Math.round(p * 100) / 100));
}

/** A shaded band for [start, end) clipped to the strip; null when it lies outside. */
export function bandOf(range: TimelineRange, start: Date, end: Date): { left: number; width: number } | null {
  if (end.getTime() <= range.from.getTime() || start.getTime() >= range.to.getTime()) return null;
  const left = percentOf(range, start);
  const right = percentOf(range, end);
  return { left, width: Math.max(right - left, 0.5) };
}

/** Day ticks at UTC midnights inside the range. */
export function dayTicks(range: TimelineRange): Date[] {
  const first = Math.ceil(range.from.getTime() / DAY) * DAY;
  const ticks: Date[] = [];
  for (let t = first; t <= range.to.getTime(); t += DAY) ticks.push(new Date(t));
  return ticks;
}
