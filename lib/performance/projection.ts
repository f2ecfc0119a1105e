import type { Tally } from "./metrics";

// The what-if: today's at-risk orders played forward with nothing handled, and which of them
// would save the most if handled first.

/** An open order that will move a rate unless someone acts. */
export type AtRiskOrder = {
  id: string;
  externalId: string;
  /**
   * "critical": not yet dispatched, deadline within the critical hours — counted late once it
   * passes. "overdue": deadline passed, already counted late (dispatching now cannot save LDR).
   */
  dispatch: "critical" | "overdue" | null;
  /**
   * "shipped": scanned in the VTR window with a tracking fault (already counted; correcting the
   * number saves it). "pending": not scanned yet, tracking faulty — counts invalid once it ships.
   */
  tracking: "shipped" | "pending" | null;
  /** Auto-cancel is near or past (no tracking after the dispatch deadline): a seller-fault cancellation. */
  autoCancel: boolean;
  /** Placed inside the SFCR window, i.e. already in its denominator. */
  inSfcrWindow: boolean;
  /** The most urgent instant (dispatch deadline or auto-cancel), for ties. */
  dueAt: Date | null;
};

export type ProjectedTallies = { ldr: Tally; vtr: Tally; sfcr: Tally };

/**
 * The tallies if every at-risk order not in `handled` goes wrong — critical dispatches go late,
 * faulty tracking stays faulty, auto-cancels happen — and every handled one goes right
 * (dispatched on time, tracking corrected, shipped before the auto-cancel).
 */
export function projectTallies(current: ProjectedTallies, orders: readonly AtRiskOrder[], handled: ReadonlySet<string> = new Set()): ProjectedTallies {
  const ldr = { ...current.ldr };
  const vtr = { ...current.vtr };
  const sfcr = { ...current.sfcr };
  for (const o of orders) {
    const fixed = handled.has(o.id);
    if (o.dispatch === "critical") {
      ldr.orders++;
      if (!fixed) ldr.failures++;
    }
    if (o.tracking === "shipped" && fixed) vtr.failures--;
    if (o.tracking === "pending") {
      vtr.orders++;
      if (!fixed) vtr.failures++;
    }
    if (o.autoCancel && !fixed) {
      sfcr.failures++;
      if (!o.inSfcrWindow) sfcr.orders++;
    }
  }
  return { ldr, vtr, sfcr };
}

const failurePercent = (t: Tally) => (t.orders === 0 ? 0 : (t.failures * 100) / t.orders);

/**
 * Score impact: the sum of the failure rates in percentage points (LDR + invalid-tracking share +
 * SFCR). Lower is better; handling an order lowers it by its saving.
 */
export function exposurePoints(t: ProjectedTallies): number {
  return failurePercent(t.ldr) + failurePercent(t.vtr) + failurePercent(t.sfcr);
}

export type Saver = AtRiskOrder & { savedPoints: number };

/**
 * The orders that save the most if handled first: each order's saving is the drop in projected
 * exposure points when it alone is handled. Ties go to the most urgent. Overdue orders whose only
 * harm is already counted save nothing and are left out.
 */
export function rankSavers(current: ProjectedTallies, orders: readonly AtRiskOrder[], limit = 10): Saver[] {
  const base = exposurePoints(projectTallies(current, orders));
  return orders
    .map((o) => ({ ...o, savedPoints: base - exposurePoints(projectTallies(current, orders, new Set([o.id]))) }))
    .filter((o) => o.savedPoints > 1e-9)
    .sort(
      (a, b) =>
        b.savedPoints - a.savedPoints || (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) || a.externalId.localeCompare(b.externalId),
    )
    .slice(0, limit);
}
