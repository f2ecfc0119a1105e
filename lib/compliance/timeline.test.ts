import { describe, expect, it } from "vitest";
import { bandOf, dayTicks, percentOf, timelineRange } from "./timeline";

describe("creator timeline layout", () => {
  const now = new Date("2026-11-20T12:00:00Z");
  const range = timelineRange(now, 7, 7);
  it("spans two windows back and the restriction week ahead", () => {
    expect(range.from.toISOString()).toBe("2026-11-06T12:00:00.000Z");
    expect(range.to.toISOString()).toBe("2026-11-27T12:00:00.000Z");
    expect(percentOf(range, now)).toBeCloseTo(66.67, 1);
    expect(percentOf(range, new Date("2026-01-01T00:00:00Z"))).toBe(0);
  });
  it("clips bands to the strip and drops those outside", () => {
    expect(bandOf(range, new Date("2026-11-01T00:00:00Z"), new Date("2026-11-13T12:00:00Z"))).toEqual({ left: 0, width: 33.33 });
    expect(bandOf(range, new Date("2026-10-01T00:00:00Z"), new Date("2026-10-08T00:00:00Z"))).toBeNull();
    expect(dayTicks(range)).toHaveLength(21);
  });
});
