import type { PolicySettings } from "@/lib/policy";

// When an alert goes out, relative to the item's due instant. Read from the organisation's
// policy settings (lib/data/settings.ts), never fixed here: with the defaults (due soon 24 h,
// critical 6 h) a dispatch deadline is alerted 24 h, 12 h and 4 h before it — when it turns
// due soon, halfway there, and two-thirds into the critical window (time left to act).

export function dispatchLeadHours(settings: PolicySettings): number[] {
  const { dueSoonHours, criticalHours } = settings.dispatch;
  const leads = [dueSoonHours, dueSoonHours / 2, (criticalHours * 2) / 3].map((h) => Math.max(1, Math.round(h)));
  return [...new Set(leads)].sort((a, b) => b - a);
}

/**
 * The lead whose instant has come and is the latest to have come (the smallest such lead), or
 * null if none yet. A pass that was not running at 24 h sends the 12 h alert, not both.
 */
export function currentLead(dueAt: Date, leadHours: readonly number[], now: Date): number | null {
  const left = dueAt.getTime() - now.getTime();
  if (left <= 0) return null;
  let best: number | null = null;
  for (const lead of leadHours) if (lead * 3_600_000 >= left && (best === null || lead < best)) best = lead;
  return best;
}
