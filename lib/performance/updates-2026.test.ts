import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, SHOP_PERFORMANCE_DEFAULTS } from "@/lib/policy/settings";
import { bandOf, consequenceOf, displayedPercent, metricRules } from "./metrics";
import { tallyOrders } from "./tally";
import { FIXTURE_2026_EXPECTED, FIXTURE_2026_NOW, FIXTURE_2026_ORDERS } from "./test-orders-2026";
import { windowFor } from "./windows";

const w30 = windowFor({ kind: "trailing_days", days: 30 }, "US", FIXTURE_2026_NOW);
const windows = { ldr: w30, vtr: w30, otdr: w30, sfcr: w30, returns: w30 };

describe("exposure with fulfilment types (hand-made FBT/UTS set)", () => {
  it("equals the hand-computed tallies", () => {
    expect(tallyOrders(FIXTURE_2026_ORDERS, "US", windows, FIXTURE_2026_NOW, SHOP_PERFORMANCE_DEFAULTS, DEFAULT_SETTINGS)).toEqual(FIXTURE_2026_EXPECTED);
  });
  it("gives the hand-computed rates", () => {
    const t = tallyOrders(FIXTURE_2026_ORDERS, "US", windows, FIXTURE_2026_NOW, SHOP_PERFORMANCE_DEFAULTS, DEFAULT_SETTINGS);
    const r = metricRules(SHOP_PERFORMANCE_DEFAULTS);
    expect(displayedPercent(r.ldr, t.ldr)).toBeCloseTo(100 / 3, 10); // 2 late of 6
    expect(displayedPercent(r.vtr, t.vtr)).toBe(50); // 1 valid of 2
    expect(displayedPercent(r.otdr, t.otdr)).toBe(50); // 2 on time of 4
    expect(displayedPercent(r.sfcr, t.sfcr)).toBe(12.5); // 1 of 8
  });
  it("without fulfilment types (all seller shipping) the same orders count differently", () => {
    const plain = FIXTURE_2026_ORDERS.filter((o) => o.fulfillmentType !== "FULFILLED_BY_TIKTOK").map((o) => ({ ...o, fulfillmentType: undefined }));
    const t = tallyOrders(plain, "US", windows, FIXTURE_2026_NOW, SHOP_PERFORMANCE_DEFAULTS, DEFAULT_SETTINGS);
    expect(t.vtr).toEqual({ orders: 5, failures: 2 }); // S1 S2 U1 U2 C1; S2 C1 faulty
    expect(t.otdr).toEqual({ orders: 5, failures: 3 }); // U1 late now counts
  });
  it("before 2026-05-19 OTDR runs from the carrier scan", () => {
    const shift = (x: Date | null) => (x ? new Date(x.getTime() - 35 * 86_400_000) : null);
    const old = FIXTURE_2026_ORDERS.filter((o) => o.label === "S2").map((o) => ({
      ...o,
      placedAt: shift(o.placedAt) as Date,
      paidAt: shift(o.paidAt ?? null),
      dispatchDueAt: shift(o.dispatchDueAt),
      inTransitAt: shift(o.inTransitAt),
    }));
    const now = shift(FIXTURE_2026_NOW) as Date;
    const w = windowFor({ kind: "trailing_days", days: 30 }, "US", now);
    // Placed 27 Apr, scanned 1 May (Fri): due 6 business days after the scan = Mon 11 May, after `now` (6 May): not yet resolved.
    expect(tallyOrders(old, "US", { ldr: w, vtr: w, otdr: w, sfcr: w, returns: w }, now, SHOP_PERFORMANCE_DEFAULTS, DEFAULT_SETTINGS).otdr).toEqual({
      orders: 0,
      failures: 0,
    });
  });
});

describe("LDR bands (US LDR guide, from 2026-03-02)", () => {
  const v = (now: string) => ({ market: "US" as const, now: new Date(now), settings: DEFAULT_SETTINGS });
  const ldr2026 = metricRules(SHOP_PERFORMANCE_DEFAULTS, v("2026-03-02T12:00:00Z")).ldr;
  const ldrOld = metricRules(SHOP_PERFORMANCE_DEFAULTS, v("2026-03-01T12:00:00Z")).ldr;
  it("healthy up to 4 %, at risk above 4 % up to 10 %, enforcement above 10 %", () => {
    expect(bandOf(ldr2026, { failures: 4, orders: 100 })).toBe("healthy");
    expect(bandOf(ldr2026, { failures: 41, orders: 1000 })).toBe("at_risk");
    expect(bandOf(ldr2026, { failures: 10, orders: 100 })).toBe("at_risk");
    expect(bandOf(ldr2026, { failures: 101, orders: 1000 })).toBe("enforcement");
    expect(consequenceOf(ldr2026, "at_risk")).toMatch(/enforcement actions may be applied/);
  });
  it("the day before, 4–10 % was 'breached' and 3–4 % 'at risk'", () => {
    expect(bandOf(ldrOld, { failures: 41, orders: 1000 })).toBe("breached");
    expect(bandOf(ldrOld, { failures: 4, orders: 100 })).toBe("at_risk");
  });
  it("UK stores keep the previous bands (no UK source)", () => {
    const uk = metricRules(SHOP_PERFORMANCE_DEFAULTS, { market: "UK", now: new Date("2026-12-01T12:00:00Z"), settings: DEFAULT_SETTINGS }).ldr;
    expect(bandOf(uk, { failures: 41, orders: 1000 })).toBe("breached");
  });
});
