import { describe, expect, it } from "vitest";
import { POLICY_CALENDAR, SHOP_PERFORMANCE_DEFAULTS, buildCalendar, isInForce, listCalendar, mergeSettings } from "./calendar";
import { DEFAULT_SETTINGS } from "./settings";
import { RULE_IDS } from "./types";

describe("policy calendar", () => {
  it("has every rule id of the spec, keyed by itself", () => {
    expect(RULE_IDS).toHaveLength(24);
    for (const id of RULE_IDS) expect(POLICY_CALENDAR[id].id).toBe(id);
  });
  it.each([
    ["fulfillment.dispatch_deadline", "2026-01-06"],
    ["label.usps_requires_tiktok_shipping", "2026-01-06"],
    ["deposit.topup_due", "2025-12-15"],
    ["registration.entity_not_eligible", "2026-01-01"],
    ["returns.change_of_mind_refused_unjustified", "2026-01-15"],
    ["content.restricted", "2026-01-19"],
    ["inventory.oversell_risk", null],
  ] as const)("%s takes effect %s", (id, date) => {
    expect(POLICY_CALENDAR[id].effectiveFrom).toBe(date);
  });
  it("records where sources disagree", () => {
    expect(POLICY_CALENDAR["fulfillment.dispatch_deadline"].note).toContain("2026-01-26");
    expect(POLICY_CALENDAR["fulfillment.auto_cancel_risk"].confidence).toBe("official");
    expect(POLICY_CALENDAR["tracking.carrier_not_approved"].confidence).toBe("3P");
  });
  it("carries the spec's default thresholds", () => {
    expect(POLICY_CALENDAR["fulfillment.dispatch_deadline"].thresholds).toEqual({ businessDays: 2, dueSoonHours: 24, criticalHours: 6 });
    expect(POLICY_CALENDAR["deposit.topup_due"].thresholds.standardMinor).toBe(150_000);
    expect(POLICY_CALENDAR["pricing.mismatch"].thresholds.toleranceMinor).toBe(5);
    expect(SHOP_PERFORMANCE_DEFAULTS.lateDispatchRate).toMatchObject({ maxPercent: 4, enforcementAbovePercent: 10 });
    expect(SHOP_PERFORMANCE_DEFAULTS.onTimeDeliveryRate).toMatchObject({ minPercent: 80, withinBusinessDays: 6 });
    expect(SHOP_PERFORMANCE_DEFAULTS.shopPerformanceScore.minDeliveredOrders).toBe(30);
  });
  it("merges an organisation's overrides without touching the defaults", () => {
    const s = mergeSettings({ dispatch: { dueSoonHours: 12 }, effectiveFrom: { "fulfillment.dispatch_deadline": "2026-01-26" } });
    expect(s.dispatch).toEqual({ businessDays: 2, dueSoonHours: 12, criticalHours: 6 });
    expect(buildCalendar(s)["fulfillment.dispatch_deadline"].effectiveFrom).toBe("2026-01-26");
    expect(DEFAULT_SETTINGS.dispatch.dueSoonHours).toBe(24);
  });
  it("reads effective dates in the market's zone", () => {
    // 2026-01-06T07:59:59Z is still 5 Jan in Los Angeles but already 6 Jan in London.
    expect(isInForce("fulfillment.dispatch_deadline", "US", new Date("2026-01-06T07:59:59Z"))).toBe(false);
    expect(isInForce("fulfillment.dispatch_deadline", "US", new Date("2026-01-06T08:00:00Z"))).toBe(true);
    expect(isInForce("fulfillment.dispatch_deadline", "UK", new Date("2026-01-06T00:00:00Z"))).toBe(true);
  });
  it("lists upcoming rules first for the /policy page", () => {
    const rows = listCalendar(new Date("2026-01-10T00:00:00Z"));
    expect(rows).toHaveLength(24);
    const statuses = rows.map((r) => r.status);
    expect(statuses.indexOf("in-force")).toBeGreaterThan(statuses.lastIndexOf("upcoming"));
    expect(rows[0]).toMatchObject({ rule: "returns.change_of_mind_refused_unjustified", status: "upcoming", effectiveFrom: "2026-01-15" });
    expect(rows.find((r) => r.rule === "fulfillment.dispatch_deadline")).toMatchObject({ status: "in-force", confidence: "seed" });
    expect(rows.find((r) => r.rule === "fulfillment.dispatch_deadline")?.threshold).toContain("2nd business day");
    expect(rows.find((r) => r.rule === "deposit.topup_due")?.threshold).toContain("$1,500.00");
  });
});
