import { describe, expect, it } from "vitest";
import { factsSchema } from "./facts-schema";
import { evaluateFacts } from "./evaluate-facts";
import { changeInForce, listChanges, POLICY_CHANGES } from "./changes";
import { evaluateOrder, evaluateReturn, onHoldWindow } from "./index";
import { returnResponseWindow } from "./returns";
import { DEFAULT_SETTINGS, mergeSettings } from "./settings";
import { makeOrder, US_LOCAL, US_XB, UK_LOCAL } from "./test-fixtures";
import { CHANGE_IDS, type ReturnFacts } from "./types";

const at = (iso: string) => new Date(iso);
const rules = (flags: { rule: string }[]) => flags.map((f) => f.rule).sort();

describe("the 2026 updates as calendar entries", () => {
  it("has one entry per change id with effective date, version date, source and confidence", () => {
    expect(POLICY_CHANGES.map((c) => c.id).sort()).toEqual([...CHANGE_IDS].sort());
    for (const c of POLICY_CHANGES) {
      expect(c.versionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(c.sources.length).toBeGreaterThan(0);
      expect(["official", "press", "3P", "seed"]).toContain(c.confidence);
    }
  });
  it("lists them newest first, the halted phase-out as withdrawn", () => {
    const rows = listChanges(at("2026-12-01T12:00:00Z"));
    const keys = rows.map((r) => r.effectiveFrom ?? r.withdrawnOn ?? r.versionDate);
    expect([...keys].sort().reverse()).toEqual(keys);
    expect(rows[0]?.id).toBe("returns.item_does_not_fit");
    const phaseOut = rows.find((r) => r.id === "fulfillment.seller_shipping_phase_out");
    expect(phaseOut).toMatchObject({ status: "withdrawn", kind: "withdrawn" });
    expect(phaseOut?.title).toMatch(/announced, then withdrawn/);
  });
  it("shows a change as upcoming before its date and in force from it", () => {
    const row = (now: string) => listChanges(at(now)).find((r) => r.id === "performance.otdr_from_awaiting_shipment")?.status;
    expect(row("2026-05-18T12:00:00Z")).toBe("upcoming");
    expect(row("2026-05-19T12:00:00Z")).toBe("in_force");
  });
  it("never puts a withdrawn change in force", () => {
    expect(changeInForce("fulfillment.seller_shipping_phase_out", "US", at("2026-12-01T00:00:00Z"))).toBe(false);
  });
  it("takes an organisation's date override", () => {
    const s = mergeSettings({ effectiveFrom: { "returns.response_window_business_days": "2026-03-10" } });
    expect(changeInForce("returns.response_window_business_days", "US", at("2026-03-05T18:00:00Z"), s)).toBe(false);
    expect(listChanges(at("2026-03-05T18:00:00Z"), s).find((r) => r.id === "returns.response_window_business_days")).toMatchObject({
      effectiveFrom: "2026-03-10",
      defaultEffectiveFrom: "2026-02-25",
      status: "upcoming",
    });
  });
});

describe("fulfilment type (from 2026-02-05)", () => {
  const now = at("2026-03-20T18:00:00Z");
  // Placed Mon 9 Mar, due Wed 11 Mar: long past its deadline, no tracking.
  const late = makeOrder({ placedAt: at("2026-03-09T18:00:00Z"), carrier: "USPS", labelSource: "SELLER" });

  it("an FBT order past its deadline has no dispatch, auto-cancel, label or tracking flags", () => {
    expect(rules(evaluateOrder(late, US_LOCAL, now))).toEqual([
      "fulfillment.auto_cancel_risk",
      "fulfillment.dispatch_deadline",
      "label.usps_requires_tiktok_shipping",
    ]);
    expect(evaluateOrder({ ...late, fulfillmentType: "FULFILLED_BY_TIKTOK" }, US_LOCAL, now)).toEqual([]);
  });
  it("UTS and Collections orders stay on the seller's clock", () => {
    for (const t of ["UPGRADED_TIKTOK_SHIPPING", "COLLECTIONS_BY_TIKTOK"] as const) {
      expect(rules(evaluateOrder({ ...late, fulfillmentType: t }, US_LOCAL, now))).toContain("fulfillment.dispatch_deadline");
    }
  });
  it("FBT orders placed before 2026-02-05 (local date) are judged as seller shipping", () => {
    // 2026-02-05T07:59Z is still 4 Feb in Los Angeles; 08:00Z is 5 Feb 00:00 PST.
    const before = makeOrder({ placedAt: at("2026-02-05T07:59:00Z"), fulfillmentType: "FULFILLED_BY_TIKTOK" });
    const from = makeOrder({ placedAt: at("2026-02-05T08:00:00Z"), fulfillmentType: "FULFILLED_BY_TIKTOK" });
    const later = at("2026-02-20T18:00:00Z");
    expect(rules(evaluateOrder(before, US_LOCAL, later))).toContain("fulfillment.dispatch_deadline");
    expect(evaluateOrder(from, US_LOCAL, later)).toEqual([]);
  });
});

describe("returns.response_due: US 2 business days, 4 over $100 (from 2026-02-25); UK 48 h", () => {
  const ret = (over: Partial<ReturnFacts>): ReturnFacts => ({
    id: "r",
    market: "US",
    channel: "TIKTOK_SHOP",
    reason: "DAMAGED",
    requestedAt: at("2026-02-26T18:00:00Z"),
    decision: "PENDING",
    respondedAt: null,
    refusalJustification: null,
    refundMinor: 5_000,
    currency: "USD",
    ...over,
  });
  const due = (r: Partial<ReturnFacts>) => returnResponseWindow(ret(r), DEFAULT_SETTINGS).due.toISOString();

  it("the 2nd business day over a weekend: Thu 26 Feb → Mon 2 Mar 23:59:59 PST", () => {
    expect(due({})).toBe("2026-03-03T07:59:59.000Z");
  });
  it("the 4th business day over a weekend: Thu 26 Feb → Wed 4 Mar 23:59:59 PST", () => {
    expect(due({ refundMinor: 15_000 })).toBe("2026-03-05T07:59:59.000Z");
  });
  it("$100.00 gets 2 business days, $100.01 gets 4", () => {
    expect(due({ refundMinor: 10_000 })).toBe("2026-03-03T07:59:59.000Z");
    expect(due({ refundMinor: 10_001 })).toBe("2026-03-05T07:59:59.000Z");
  });
  it("an unknown refund gets the shorter window", () => {
    expect(due({ refundMinor: null })).toBe("2026-03-03T07:59:59.000Z");
  });
  it("starts on 2026-02-25 in Los Angeles: a request on the 24th keeps 48 h", () => {
    // 2026-02-25T07:59Z is 24 Feb 23:59 PST → 48 h.
    expect(due({ requestedAt: at("2026-02-25T07:59:00Z") })).toBe("2026-02-27T07:59:00.000Z");
    // 08:00Z is 25 Feb 00:00 PST → end of Fri 27 Feb.
    expect(due({ requestedAt: at("2026-02-25T08:00:00Z") })).toBe("2026-02-28T07:59:59.000Z");
  });
  it("UK stays 48 h", () => {
    expect(due({ market: "UK", currency: "GBP", refundMinor: 50_000 })).toBe("2026-02-28T18:00:00.000Z");
  });
  it("past the window the request was auto-approved: a missed return", () => {
    const flags = evaluateReturn(ret({}), at("2026-03-03T08:00:00Z"));
    expect(flags[0]).toMatchObject({ rule: "returns.response_due", severity: "critical" });
    expect(flags[0]?.reason).toMatch(/^Missed:.*auto-approved/);
  });
  it("no upcoming warning for a return whose window closes before the rule's first day", () => {
    const s = mergeSettings({ effectiveFrom: { "returns.response_due": "2026-03-10" } });
    // Requested 2 Mar, due 4 Mar (48 h), rule from 10 Mar: the rule will never judge it.
    const early = ret({ market: "UK", requestedAt: at("2026-03-02T12:00:00Z") });
    expect(evaluateReturn(early, at("2026-03-03T12:00:00Z"), s)).toEqual([]);
    // Requested 8 Mar, due 10 Mar 12:00: still open on the rule's first day → warned ahead.
    const open = ret({ market: "UK", requestedAt: at("2026-03-08T12:00:00Z") });
    expect(evaluateReturn(open, at("2026-03-09T12:00:00Z"), s)[0]).toMatchObject({ upcoming: true, severity: "warning" });
  });
});

describe("tracking.carrier_not_approved: China→US designated carriers (from 2026-02-01)", () => {
  const now = at("2026-03-05T18:00:00Z");
  const parcel = (carrier: string, placedAt = "2026-03-03T18:00:00Z") =>
    makeOrder({
      status: "IN_TRANSIT",
      placedAt: at(placedAt),
      inTransitAt: at("2026-03-04T18:00:00Z"),
      carrier,
      trackingNumber: "YT2612345678901234",
      shipFromCountry: "CN",
    });
  const carrierFlags = (carrier: string, placedAt?: string, store = US_XB) =>
    evaluateOrder(parcel(carrier, placedAt), store, now).filter((f) => f.rule === "tracking.carrier_not_approved");

  it("a designated carrier passes", () => {
    expect(carrierFlags("YunExpress")).toEqual([]);
    expect(carrierFlags("4PX")).toEqual([]);
  });
  it("a non-designated carrier is flagged, even one on the general US list", () => {
    const flags = carrierFlags("USPS");
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ severity: "warning" });
    expect(flags[0]?.reason).toMatch(/not a platform-designated carrier for shipping direct from China/);
  });
  it("DHL Express and FedEx only for oversize parcels (info)", () => {
    expect(carrierFlags("DHL Express")[0]).toMatchObject({ severity: "info" });
  });
  it("does not apply before 2026-02-01 or to parcels not shipped from China", () => {
    // 31 Jan in Los Angeles.
    expect(carrierFlags("USPS", "2026-02-01T07:59:00Z")).toEqual([]);
    expect(carrierFlags("USPS", "2026-02-01T08:00:00Z")).toHaveLength(1);
    const fromUs = evaluateOrder({ ...parcel("USPS"), shipFromCountry: "US" }, US_XB, now).filter((f) => f.rule === "tracking.carrier_not_approved");
    expect(fromUs).toEqual([]);
  });
});

describe("On Hold: the buyer's 1-hour cancellation window", () => {
  const placedAt = at("2026-03-04T18:00:00Z");
  it("says do not ship until placedAt + 1 h, then not any more", () => {
    const order = makeOrder({ status: "ON_HOLD", placedAt });
    expect(onHoldWindow(order, "US", at("2026-03-04T18:59:59Z"))).toEqual({ until: at("2026-03-04T19:00:00Z"), active: true });
    expect(onHoldWindow(order, "US", at("2026-03-04T19:00:00Z"))?.active).toBe(false);
    expect(onHoldWindow({ ...order, status: "AWAITING_SHIPMENT" }, "US", at("2026-03-04T18:10:00Z"))).toBeNull();
  });
  it("keeps the dispatch clock running from the order's creation", () => {
    const onHold = evaluateOrder(makeOrder({ status: "ON_HOLD", placedAt }), UK_LOCAL, at("2026-03-06T20:00:00Z"));
    const awaiting = evaluateOrder(makeOrder({ status: "AWAITING_SHIPMENT", placedAt }), UK_LOCAL, at("2026-03-06T20:00:00Z"));
    expect(onHold.map((f) => f.dueAt)).toEqual(awaiting.map((f) => f.dueAt));
  });
});

describe("policy evaluate input", () => {
  it("defaults orders[].fulfillmentType to SELLER_SHIPPING and reads returns[].refundMinor + currency", () => {
    const facts = factsSchema.parse({
      stores: { s: { market: "US", kind: "LOCAL" } },
      orders: [
        { id: "a", storeId: "s", status: "AWAITING_SHIPMENT", placedAt: "2026-03-09T18:00:00Z" },
        { id: "b", storeId: "s", status: "AWAITING_SHIPMENT", placedAt: "2026-03-09T18:00:00Z", fulfillmentType: "FULFILLED_BY_TIKTOK" },
      ],
      returns: [{ id: "r", reason: "DAMAGED", requestedAt: "2026-02-26T18:00:00Z", decision: "PENDING", refundMinor: 10_001, currency: "USD" }],
    });
    expect(facts.orders[0]?.fulfillmentType).toBe("SELLER_SHIPPING");
    const out = evaluateFacts(facts, at("2026-03-12T12:00:00Z"));
    expect(out.find((e) => e.id === "a")?.flags.map((f) => f.rule)).toContain("fulfillment.dispatch_deadline");
    expect(out.find((e) => e.id === "b")?.flags).toEqual([]);
    expect(out.find((e) => e.id === "r")?.flags[0]?.dueAt?.toISOString()).toBe("2026-03-05T07:59:59.000Z");
  });
  it("rejects a bad fulfilment type and a fractional refund with the field's path", () => {
    const bad = factsSchema.safeParse({
      orders: [{ id: "a", store: { market: "US" }, status: "AWAITING_SHIPMENT", placedAt: "2026-03-09T18:00:00Z", fulfillmentType: "DROPSHIP" }],
      returns: [{ id: "r", reason: "DAMAGED", requestedAt: "2026-02-26T18:00:00Z", decision: "PENDING", refundMinor: 10.5 }],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(paths).toContain("orders.0.fulfillmentType");
    expect(paths).toContain("returns.0.refundMinor");
  });
  it("keeps local US orders off the China→US list", () => {
    const flags = evaluateOrder(
      makeOrder({
        status: "IN_TRANSIT",
        inTransitAt: at("2026-03-05T18:00:00Z"),
        carrier: "YunExpress",
        trackingNumber: "YT2612345678901234",
        shipFromCountry: "US",
      }),
      US_LOCAL,
      at("2026-03-06T00:00:00Z"),
    );
    expect(flags.find((f) => f.rule === "tracking.carrier_not_approved")?.reason).toMatch(/not on the approved carrier list for US/);
  });
});

describe("dates outside the current year show their year", () => {
  it("formatLocal adds the year only when it differs from now's (in the market's zone)", async () => {
    const { formatLocal } = await import("./business-days");
    const due = at("2026-01-07T07:59:59Z"); // Tue 6 Jan 23:59 PST
    expect(formatLocal("US", due, at("2026-06-01T12:00:00Z"))).toBe("Tue 6 Jan 23:59 PST");
    expect(formatLocal("US", due, at("2027-01-02T12:00:00Z"))).toBe("Tue 6 Jan 2026 23:59 PST");
    // 1 Jan 2027 05:00 UTC is still 31 Dec 2026 in Los Angeles: same year.
    expect(formatLocal("US", due, at("2027-01-01T05:00:00Z"))).toBe("Tue 6 Jan 23:59 PST");
    expect(formatLocal("US", due)).toBe("Tue 6 Jan 23:59 PST");
  });
  it("an old overdue order's reason names the year of its deadline", () => {
    const old = makeOrder({ placedAt: at("2026-01-06T18:00:00Z") });
    const flag = evaluateOrder(old, US_LOCAL, at("2027-02-01T18:00:00Z")).find((f) => f.rule === "fulfillment.dispatch_deadline");
    expect(flag?.reason).toMatch(/^Dispatch deadline Thu 8 Jan 2026 23:59 PST has passed/);
  });
});
