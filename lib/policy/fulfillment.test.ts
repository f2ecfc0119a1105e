import { describe, expect, it } from "vitest";
import { checkAutoCancelRisk, checkDispatchDeadline, checkOverseasDirect, dispatchState, dispatchTimes } from "./fulfillment";
import { evaluateOrder } from "./index";
import { DEFAULT_SETTINGS, mergeSettings } from "./settings";
import { BRAND, UK_LOCAL, US_LOCAL, US_XB, makeOrder } from "./test-fixtures";
import type { OrderFacts } from "./types";

const settings = DEFAULT_SETTINGS;
// Wed 2026-03-04 10:00 PST → deadline Fri 2026-03-06 23:59:59 PST = 2026-03-07T07:59:59Z.
const placedAt = new Date("2026-03-04T18:00:00Z");
const DEADLINE = "2026-03-07T07:59:59.000Z";
const at = (iso: string) => new Date(iso);
const ctx = (order: OrderFacts, now: Date, store = US_LOCAL) => ({ order, store, now, settings });

describe("dispatchTimes", () => {
  it("stores the instants the database needs", () => {
    const t = dispatchTimes("US", placedAt);
    expect(t.deadline.toISOString()).toBe(DEADLINE);
    expect(t.dueSoonAt.toISOString()).toBe("2026-03-06T07:59:59.000Z");
    expect(t.criticalAt.toISOString()).toBe("2026-03-07T01:59:59.000Z");
    // 7 business days after Wed 4 Mar: Fri 13 Mar (PDT by then).
    expect(t.autoCancelAt.toISOString()).toBe("2026-03-14T06:59:59.000Z");
  });
  it("takes thresholds from the organisation's settings", () => {
    const t = dispatchTimes("US", placedAt, mergeSettings({ dispatch: { businessDays: 3, dueSoonHours: 12 } }));
    expect(t.deadline.toISOString()).toBe("2026-03-10T06:59:59.000Z");
    expect(t.dueSoonAt.toISOString()).toBe("2026-03-09T18:59:59.000Z");
  });
});

describe("dispatch states", () => {
  const open = makeOrder({ placedAt });
  it.each([
    ["2026-03-05T12:00:00Z", "on_track", []],
    ["2026-03-06T07:59:59.000Z", "on_track", []],
    ["2026-03-06T08:00:00Z", "due_soon", ["warning"]],
    ["2026-03-07T01:59:59.000Z", "due_soon", ["warning"]],
    ["2026-03-07T02:00:00Z", "critical", ["critical"]],
    ["2026-03-07T07:59:59.000Z", "critical", ["critical"]],
    ["2026-03-07T08:00:00.000Z", "overdue", ["critical"]],
  ])("at %s the open order is %s", (now, state, severities) => {
    expect(dispatchState(open, "US", at(now))).toBe(state);
    const flags = checkDispatchDeadline(ctx(open, at(now)));
    expect(flags.map((f) => f.severity)).toEqual(severities);
    for (const f of flags) expect(f.dueAt?.toISOString()).toBe(DEADLINE);
  });

  it("the cut-off second: in transit at 23:59:59 is on time, at 00:00:00 late", () => {
    const onTime = makeOrder({ placedAt, status: "IN_TRANSIT", inTransitAt: at("2026-03-07T07:59:59Z") });
    const late = makeOrder({ placedAt, status: "IN_TRANSIT", inTransitAt: at("2026-03-07T08:00:00Z") });
    expect(dispatchState(onTime, "US", at("2026-03-09T00:00:00Z"))).toBe("dispatched_on_time");
    expect(checkDispatchDeadline(ctx(onTime, at("2026-03-09T00:00:00Z")))).toEqual([]);
    expect(dispatchState(late, "US", at("2026-03-09T00:00:00Z"))).toBe("dispatched_late");
    const [flag] = checkDispatchDeadline(ctx(late, at("2026-03-09T00:00:00Z")));
    expect(flag?.severity).toBe("warning");
    expect(flag?.reason).toContain("late-dispatch rate");
  });

  it("a printed label is not dispatch", () => {
    const labelled = makeOrder({ placedAt, status: "AWAITING_COLLECTION", trackingNumber: "1Z5R89390357567127", carrier: "UPS" });
    expect(dispatchState(labelled, "US", at("2026-03-07T09:00:00Z"))).toBe("overdue");
    expect(checkDispatchDeadline(ctx(labelled, at("2026-03-07T03:00:00Z")))[0]?.reason).toContain("printed label is not dispatch");
  });

  it("reads like a seller's to-do", () => {
    const [flag] = checkDispatchDeadline(ctx(makeOrder({ placedAt: at("2026-03-06T18:00:00Z") }), at("2026-03-11T02:30:00Z")));
    expect(flag?.reason).toBe("Dispatch by Tue 10 Mar 23:59 PDT — only 4 h left.");
  });

  it("ignores unpaid and cancelled orders; delivered without a scan is judged by delivery time", () => {
    expect(dispatchState(makeOrder({ placedAt, status: "AWAITING_PAYMENT" }), "US", at("2026-03-20T00:00:00Z"))).toBe("not_applicable");
    expect(dispatchState(makeOrder({ placedAt, status: "CANCELLED" }), "US", at("2026-03-20T00:00:00Z"))).toBe("not_applicable");
    expect(dispatchState(makeOrder({ placedAt, status: "DELIVERED", deliveredAt: at("2026-03-06T00:00:00Z") }), "US", at("2026-03-20T00:00:00Z"))).toBe(
      "dispatched_on_time",
    );
    expect(dispatchState(makeOrder({ placedAt, status: "DELIVERED", deliveredAt: at("2026-03-10T00:00:00Z") }), "US", at("2026-03-20T00:00:00Z"))).toBe(
      "dispatched_unknown",
    );
  });
});

describe("fulfillment.auto_cancel_risk", () => {
  const order = makeOrder({ placedAt });
  it.each([
    ["2026-03-06T12:00:00Z", []],
    ["2026-03-09T12:00:00Z", ["warning"]],
    ["2026-03-13T07:00:00Z", ["critical"]],
    ["2026-03-14T07:00:00Z", ["critical"]],
  ])("at %s → %j", (now, severities) => {
    expect(checkAutoCancelRisk(ctx(order, at(now))).map((f) => f.severity)).toEqual(severities);
  });
  it("stops once tracking is uploaded", () => {
    expect(
      checkAutoCancelRisk(ctx(makeOrder({ placedAt, trackingNumber: "1Z5R89390357567127", status: "AWAITING_COLLECTION" }), at("2026-03-12T00:00:00Z"))),
    ).toEqual([]);
  });
});

describe("fulfillment.overseas_direct", () => {
  it("flags a ship-from country outside the market and S10 items posted abroad", () => {
    expect(checkOverseasDirect(ctx(makeOrder({ shipFromCountry: "CN" }), placedAt)).length).toBe(1);
    expect(checkOverseasDirect(ctx(makeOrder({ shipFromCountry: "US" }), placedAt))).toEqual([]);
    const s10 = makeOrder({ shipFromCountry: null, carrier: "USPS", trackingNumber: "RB123456785GB" });
    expect(checkOverseasDirect(ctx(s10, placedAt))[0]?.evidence).toContainEqual({ field: "s10Country", value: "GB" });
    expect(checkOverseasDirect(ctx(makeOrder({ carrier: "USPS", trackingNumber: "RB123456785US" }), placedAt))).toEqual([]);
  });
  it("only applies to US local stores", () => {
    const now = at("2026-03-05T00:00:00Z");
    const rules = (store = US_LOCAL) => evaluateOrder(makeOrder({ shipFromCountry: "CN" }), store, now).map((f) => f.rule);
    expect(rules(US_LOCAL)).toContain("fulfillment.overseas_direct");
    expect(rules(US_XB)).not.toContain("fulfillment.overseas_direct");
    expect(rules(UK_LOCAL)).not.toContain("fulfillment.overseas_direct");
  });
});

describe("effective date 2026-01-06 (order's local date in Los Angeles)", () => {
  // Mon 5 Jan 23:59:59 PST = 2026-01-06T07:59:59Z: placed before the rule.
  const before = makeOrder({ placedAt: at("2026-01-06T07:59:59Z") });
  const after = makeOrder({ placedAt: at("2026-01-06T08:00:00Z") });
  const now = at("2026-01-20T00:00:00Z");
  it("judges an order placed on the effective date", () => {
    expect(evaluateOrder(after, US_LOCAL, now).some((f) => f.rule === "fulfillment.dispatch_deadline" && f.severity === "critical")).toBe(true);
  });
  it("does not judge an order placed the second before", () => {
    expect(evaluateOrder(before, US_LOCAL, now).filter((f) => f.rule.startsWith("fulfillment."))).toEqual([]);
  });
  it("warns ahead about open orders a rule taking effect within the horizon would hit", () => {
    // Placed Fri 2 Jan: due Tue 6 Jan 23:59:59 PST, the rule's first day, so the rule will judge it.
    const early = makeOrder({ placedAt: at("2026-01-02T18:00:00Z") });
    const wide = mergeSettings({ dispatch: { dueSoonHours: 48 } });
    const flags = evaluateOrder(early, US_LOCAL, at("2026-01-05T18:00:00Z"), wide).filter((f) => f.rule === "fulfillment.dispatch_deadline");
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ severity: "warning", upcoming: true });
    expect(flags[0]?.reason).toMatch(/^Upcoming rule from Tue 6 Jan 2026: /);
    // Beyond the horizon: nothing.
    expect(evaluateOrder(early, US_LOCAL, at("2025-12-01T00:00:00Z"), mergeSettings({ upcomingHorizonDays: 3 }))).toEqual([]);
    // Closed orders are not warned about.
    expect(evaluateOrder({ ...early, status: "CANCELLED" }, US_LOCAL, at("2026-01-05T18:00:00Z"), wide)).toEqual([]);
  });
  it("does not warn ahead about an order whose deadline passes before the rule's first day", () => {
    // Placed Mon 29 Dec: due Wed 31 Dec, before 2026-01-06 — the rule will never judge it.
    const gone = makeOrder({ placedAt: at("2025-12-29T18:00:00Z") });
    expect(evaluateOrder(gone, US_LOCAL, at("2026-01-02T18:00:00Z")).filter((f) => f.rule === "fulfillment.dispatch_deadline")).toEqual([]);
  });
  it("honours an organisation adopting the 3P date 2026-01-26", () => {
    const s = mergeSettings({ effectiveFrom: { "fulfillment.dispatch_deadline": "2026-01-26" } });
    expect(evaluateOrder(after, US_LOCAL, now, s).some((f) => f.rule === "fulfillment.dispatch_deadline" && !f.upcoming)).toBe(false);
  });
});

describe("brand-site orders", () => {
  it("are never judged by TikTok fulfilment rules", () => {
    const o = makeOrder({ channel: "BRAND_SITE", shipFromCountry: "CN", placedAt });
    expect(evaluateOrder(o, BRAND, at("2026-03-20T00:00:00Z"))).toEqual([]);
  });
  it("still get informational tracking findings", () => {
    const o = makeOrder({ channel: "BRAND_SITE", carrier: "UPS", trackingNumber: "1Z5R89390357567128", status: "IN_TRANSIT", inTransitAt: placedAt });
    const flags = evaluateOrder(o, BRAND, at("2026-03-20T00:00:00Z"));
    expect(flags.map((f) => [f.rule, f.severity])).toEqual([["tracking.invalid", "info"]]);
  });
});
