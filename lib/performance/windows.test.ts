import { describe, expect, it } from "vitest";
import { deliveryDueAt, deliveryDueCalendar, lastIsoWeeks, windowFor } from "./windows";

describe("windows", () => {
  const now = new Date("2026-03-18T20:00:00Z");

  it("trailing days end now; the ISO week starts Monday 00:00 in the market's zone", () => {
    expect(windowFor({ kind: "trailing_days", days: 30 }, "US", now)).toEqual({ from: new Date("2026-02-16T20:00:00Z"), to: now });
    expect(windowFor({ kind: "iso_week" }, "US", now).from.toISOString()).toBe("2026-03-16T07:00:00.000Z");
    expect(windowFor({ kind: "iso_week" }, "UK", now).from.toISOString()).toBe("2026-03-16T00:00:00.000Z");
  });

  it("twelve ISO weeks, oldest first, back to back, the last holding now", () => {
    const weeks = lastIsoWeeks("US", now, 12);
    expect(weeks).toHaveLength(12);
    expect(weeks[11]?.from.toISOString()).toBe("2026-03-16T07:00:00.000Z");
    // Across the DST change (8 Mar) a week is 167 hours, and weeks still meet.
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]?.from.getTime()).toBe(weeks[i - 1]?.to.getTime());
    expect(weeks[0]?.from.toISOString()).toBe("2025-12-29T08:00:00.000Z");
  });

  it("the SQL lookup table gives the same due instants as the function", () => {
    const since = new Date("2026-02-01T00:00:00Z");
    const cal = deliveryDueCalendar("US", since, now, 6);
    for (const scan of [new Date("2026-02-13T20:00:00Z"), new Date("2026-03-06T09:00:00Z"), new Date("2026-03-18T06:59:00Z")]) {
      const local = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles" }).format(scan);
      const i = cal.dates.indexOf(local);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(cal.dues[i]).toEqual(deliveryDueAt("US", scan, 6));
    }
  });
});
