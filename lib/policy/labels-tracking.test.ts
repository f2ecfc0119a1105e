import { describe, expect, it } from "vitest";
import { evaluateOrder, evaluateOrders, findDuplicateTracking } from "./index";
import { checkCarrierApproved, checkCarrierMismatch, checkTrackingInvalid, checkTrackingMissing, checkUspsLabel } from "./labels-tracking";
import { DEFAULT_SETTINGS } from "./settings";
import { BRAND, UK_LOCAL, US_LOCAL, makeOrder } from "./test-fixtures";
import type { OrderFacts, StoreFacts } from "./types";

const now = new Date("2026-03-05T00:00:00Z");
const ctx = (order: OrderFacts, store: StoreFacts = US_LOCAL) => ({ order, store, now, settings: DEFAULT_SETTINGS });
const shipped = (o: Partial<OrderFacts>) => makeOrder({ status: "IN_TRANSIT", inTransitAt: new Date("2026-03-04T20:00:00Z"), ...o });
const USPS_OK = "9400111206206406260787";

describe("label.usps_requires_tiktok_shipping", () => {
  it.each<[Partial<OrderFacts>, string[]]>([
    [{ carrier: "USPS", trackingNumber: USPS_OK, labelSource: "SELLER" }, ["warning"]],
    [{ carrier: "U.S. Postal Service", trackingNumber: USPS_OK, labelSource: "UNKNOWN" }, ["info"]],
    [{ carrier: "USPS", trackingNumber: USPS_OK, labelSource: "TIKTOK_SHIPPING" }, []],
    [{ carrier: null, trackingNumber: USPS_OK, labelSource: "SELLER" }, ["warning"]],
    [{ carrier: "UPS", trackingNumber: "1Z5R89390357567127", labelSource: "SELLER" }, []],
    [{ carrier: "FedEx", trackingNumber: "986578788855", labelSource: "SELLER" }, []],
  ])("%j → %j", (o, severities) => {
    expect(checkUspsLabel(ctx(shipped(o))).map((f) => f.severity)).toEqual(severities);
  });
  it("is a US rule only", () => {
    const flags = evaluateOrder(shipped({ carrier: "USPS", trackingNumber: USPS_OK, labelSource: "SELLER" }), UK_LOCAL, now);
    expect(flags.map((f) => f.rule)).not.toContain("label.usps_requires_tiktok_shipping");
  });
});

describe("tracking.missing", () => {
  it("flags shipped orders without a number, not orders still to ship", () => {
    expect(checkTrackingMissing(ctx(shipped({ trackingNumber: null }))).map((f) => f.severity)).toEqual(["critical"]);
    expect(checkTrackingMissing(ctx(shipped({ trackingNumber: "  " }))).map((f) => f.severity)).toEqual(["critical"]);
    expect(checkTrackingMissing(ctx(makeOrder({ status: "AWAITING_COLLECTION" }))).map((f) => f.severity)).toEqual(["warning"]);
    expect(checkTrackingMissing(ctx(makeOrder()))).toEqual([]);
  });
});

describe("tracking.invalid / carrier_mismatch", () => {
  it.each<[string, string, string | null]>([
    ["USPS", "9400 1112 0108 0805 4830 16", null],
    ["USPS", "9400111206206406260788", "tracking.invalid"],
    ["UPS", "1Z5R89390357567127", null],
    ["USPS", "1Z5R89390357567127", "tracking.carrier_mismatch"],
    ["FedEx", "986578788855", null],
    ["FedEx", "996578788855", "tracking.invalid"],
    ["UPS", "986578788855", "tracking.carrier_mismatch"],
    ["OnTrac", "1Z5R89390357567127", "tracking.carrier_mismatch"],
    ["OnTrac", "D10011100123456", null],
    ["Royal Mail", "RB123456785GB", null],
  ])("%s %s → %s", (carrier, trackingNumber, rule) => {
    const order = shipped({ carrier, trackingNumber });
    const flags = [...checkTrackingInvalid(ctx(order)), ...checkCarrierMismatch(ctx(order))];
    expect(flags.map((f) => f.rule)).toEqual(rule ? [rule] : []);
  });
});

describe("tracking.carrier_not_approved", () => {
  it.each<[StoreFacts, string, string[]]>([
    [US_LOCAL, "USPS", []],
    [US_LOCAL, "United States Postal Service", []],
    [US_LOCAL, "DHL eCommerce", []],
    [US_LOCAL, "DHL Express", ["warning"]],
    [US_LOCAL, "Yanwen", ["warning"]],
    [UK_LOCAL, "Royal Mail", []],
    [UK_LOCAL, "Hermes", []],
    [UK_LOCAL, "Parcelforce", ["info"]],
  ])("%o %s → %j", (store, carrier, severities) => {
    expect(checkCarrierApproved(ctx(shipped({ carrier }), store)).map((f) => f.severity)).toEqual(severities);
  });
});

describe("tracking.duplicate", () => {
  const a = shipped({ id: "A", trackingNumber: "1Z5R89390357567127", carrier: "UPS" });
  const b = shipped({ id: "B", trackingNumber: "1z 5r89 3903 5756 7127", carrier: "UPS" });
  const c = shipped({ id: "C", trackingNumber: "1Z5R89390357567127", carrier: "UPS", channel: "BRAND_SITE" });
  const d = makeOrder({ id: "D", trackingNumber: "1Z5R89390357567127", status: "CANCELLED" });
  it("finds the same number across orders and channels, normalised, ignoring cancelled orders", () => {
    expect(findDuplicateTracking([a, b, c, d])).toEqual([{ trackingNumber: "1Z5R89390357567127", orderIds: ["A", "B", "C"] }]);
    expect(findDuplicateTracking([a, d])).toEqual([]);
  });
  it("flags TikTok orders as critical and brand-site ones as info", () => {
    const out = evaluateOrders(
      [
        { order: a, store: US_LOCAL },
        { order: c, store: BRAND },
      ],
      now,
    );
    expect(out[0]?.flags.find((f) => f.rule === "tracking.duplicate")?.severity).toBe("critical");
    expect(out[1]?.flags.find((f) => f.rule === "tracking.duplicate")?.severity).toBe("info");
  });
});
