import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, mergeSettings } from "@/lib/policy/settings";
import { currentLead, dispatchLeadHours } from "./lead-times";

describe("dispatch lead times", () => {
  it("are 24, 12 and 4 hours with the default settings and follow the organisation's", () => {
    expect(dispatchLeadHours(DEFAULT_SETTINGS)).toEqual([24, 12, 4]);
    expect(dispatchLeadHours(mergeSettings({ dispatch: { dueSoonHours: 36, criticalHours: 9 } }))).toEqual([36, 18, 6]);
  });
  it("picks the latest lead whose instant has come, none before the first or after the deadline", () => {
    const due = new Date("2026-03-11T12:00:00Z");
    const at = (h: number) => new Date(due.getTime() - h * 3_600_000);
    expect(currentLead(due, [24, 12, 4], at(25))).toBeNull();
    expect(currentLead(due, [24, 12, 4], at(24))).toBe(24);
    expect(currentLead(due, [24, 12, 4], at(11))).toBe(12);
    expect(currentLead(due, [24, 12, 4], at(1))).toBe(4);
    expect(currentLead(due, [24, 12, 4], at(0))).toBeNull();
  });
});
