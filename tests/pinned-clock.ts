import { afterAll, vi } from "vitest";

/**
 * The instant the integration tests run at. The demo data is laid out relative to "now", but what
 * it yields is not: business days, weekends, holidays and the policy calendar's effective dates
 * all move the counts (on 2026-11-30 the demo queue held 43 items, on 2026-11-25 81). A test that
 * reads the demo data or the clock pins it here, so the suite gives the same answers on any day.
 * A Wednesday mid-morning UTC: the US and UK stores are both inside a business day.
 */
export const PINNED_NOW = new Date("2026-11-25T10:00:00.000Z");

/**
 * Pins `Date` (only `Date`: real timers keep pg, Prisma and the HTTP servers working) to `at`,
 * and lets it run on from there so durations and orderings inside a test stay real.
 */
export function pinClock(at: Date = PINNED_NOW): void {
  vi.useFakeTimers({ toFake: ["Date"], now: at, shouldAdvanceTime: true, advanceTimeDelta: 1 });
  afterAll(() => {
    vi.useRealTimers();
  });
}
