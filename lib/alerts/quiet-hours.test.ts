import { describe, expect, it } from "vitest";
import { localSlot, quietUntil } from "./quiet-hours";

describe("quietUntil", () => {
  const night = { start: "22:00", end: "07:00", timeZone: "Europe/London" };
  it("is quiet after the start and before the end across midnight, in the user's zone", () => {
    expect(quietUntil(new Date("2026-03-10T21:59:00Z"), night)).toBeNull();
    expect(quietUntil(new Date("2026-03-10T22:00:00Z"), night)?.toISOString()).toBe("2026-03-11T07:00:00.000Z");
    expect(quietUntil(new Date("2026-03-11T03:00:00Z"), night)?.toISOString()).toBe("2026-03-11T07:00:00.000Z");
    expect(quietUntil(new Date("2026-03-11T07:00:00Z"), night)).toBeNull();
  });
  it("follows summer time: 07:00 BST is 06:00 UTC", () => {
    expect(quietUntil(new Date("2026-06-10T23:30:00Z"), night)?.toISOString()).toBe("2026-06-11T06:00:00.000Z");
    expect(quietUntil(new Date("2026-06-10T20:30:00Z"), night)).toBeNull(); // 21:30 BST
  });
  it("handles a same-day window and an empty one", () => {
    const lunch = { start: "12:00", end: "14:00", timeZone: "America/New_York" };
    expect(quietUntil(new Date("2026-03-10T17:00:00Z"), lunch)?.toISOString()).toBe("2026-03-10T18:00:00.000Z");
    expect(quietUntil(new Date("2026-03-10T19:00:00Z"), lunch)).toBeNull();
    expect(quietUntil(new Date("2026-03-10T17:00:00Z"), { ...lunch, end: "12:00" })).toBeNull();
  });
});

describe("localSlot", () => {
  it("gives the user's local date and the instant of a local time on it", () => {
    expect(localSlot(new Date("2026-03-11T03:00:00Z"), "08:00", "America/Los_Angeles")).toEqual({ date: "2026-03-10", at: new Date("2026-03-10T15:00:00Z") });
  });
});
