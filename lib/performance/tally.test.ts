import { describe, expect, it } from "vitest";
import { SHOP_PERFORMANCE_DEFAULTS } from "@/lib/policy/settings";
import { FIXTURE_EXPECTED_30_DAYS, FIXTURE_EXPECTED_OTDR_WEEK, FIXTURE_FROM_30, FIXTURE_NOW, FIXTURE_ORDERS } from "./test-orders";
import { type MetricWindows, deliveryOutcome, isLateDispatch, isSellerFaultCancellation, tallyOrders } from "./tally";
import { windowFor } from "./windows";

const trailing30 = { from: FIXTURE_FROM_30, to: FIXTURE_NOW };
const all30: MetricWindows = { ldr: trailing30, vtr: trailing30, otdr: trailing30, sfcr: trailing30, returns: trailing30 };
const byLabel = (label: string) => {
  const o = FIXTURE_ORDERS.find((x) => x.label === label);
  if (!o) throw new Error(label);
  return o;
};

describe("the rates on a hand-made store", () => {
  it("counts every rate as defined, window edges included", () => {
    expect(tallyOrders(FIXTURE_ORDERS, "US", all30, FIXTURE_NOW, SHOP_PERFORMANCE_DEFAULTS)).toEqual(FIXTURE_EXPECTED_30_DAYS);
  });

  it("measures OTDR over the ISO week in the market's zone by default", () => {
    const week = windowFor(SHOP_PERFORMANCE_DEFAULTS.onTimeDeliveryRate.window, "US", FIXTURE_NOW);
    expect(week.from.toISOString()).toBe("2026-03-16T07:00:00.000Z"); // Monday 00:00 PDT
    expect(tallyOrders(FIXTURE_ORDERS, "US", { ...all30, otdr: week }, FIXTURE_NOW, SHOP_PERFORMANCE_DEFAULTS).otdr).toEqual(FIXTURE_EXPECTED_OTDR_WEEK);
  });

  it("an order whose deadline is exactly the window start counts; 1 ms earlier does not; exactly now does not (not passed yet)", () => {
    const only = (label: string) => tallyOrders([byLabel(label)], "US", all30, FIXTURE_NOW, SHOP_PERFORMANCE_DEFAULTS).ldr;
    expect(only("C")).toEqual({ orders: 1, failures: 1 });
    expect(only("D")).toEqual({ orders: 0, failures: 0 });
    expect(only("E")).toEqual({ orders: 0, failures: 0 });
  });

  it("a store below the minimum has its rates but no score: 5 delivered orders of 30", () => {
    const t = tallyOrders(FIXTURE_ORDERS, "US", all30, FIXTURE_NOW, SHOP_PERFORMANCE_DEFAULTS);
    expect(t.deliveredForScore).toBe(5);
    expect(t.deliveredForScore < SHOP_PERFORMANCE_DEFAULTS.shopPerformanceScore.minDeliveredOrders).toBe(true);
  });

  it("late dispatch: after the deadline, or not at all; a delivery without a scan before the deadline is on time", () => {
    expect(isLateDispatch({ ...byLabel("B"), dispatchDueAt: byLabel("B").dispatchDueAt as Date })).toBe(true);
    expect(isLateDispatch({ ...byLabel("C"), dispatchDueAt: byLabel("C").dispatchDueAt as Date })).toBe(true);
    expect(isLateDispatch({ ...byLabel("J"), dispatchDueAt: byLabel("J").dispatchDueAt as Date })).toBe(false);
    const onTheSecond = { ...byLabel("A"), inTransitAt: byLabel("A").dispatchDueAt, dispatchDueAt: byLabel("A").dispatchDueAt as Date };
    expect(isLateDispatch(onTheSecond)).toBe(false); // the deadline is the last on-time instant
  });

  it("seller-fault cancellation: only after the dispatch deadline", () => {
    expect(isSellerFaultCancellation(byLabel("F"))).toBe(false);
    expect(isSellerFaultCancellation(byLabel("G"))).toBe(true);
  });

  it("on-time delivery counts business days from the carrier scan with the market's holidays", () => {
    const d = byLabel("D"); // scanned Fri 13 Feb; Mon 16 Feb is Presidents' Day → due Tue 24 Feb
    expect(deliveryOutcome(d, "US", 6)).toEqual({ resolvedAt: d.deliveredAt, onTime: true });
    const dayLater = { ...d, deliveredAt: new Date("2026-02-25T08:00:00Z") }; // 00:00 PST Wed 25 Feb
    expect(deliveryOutcome(dayLater, "US", 6)).toEqual({ resolvedAt: new Date("2026-02-25T07:59:59.000Z"), onTime: false });
    // In the UK 16 Feb is an ordinary Monday, so the same scan is due a day earlier.
    expect(deliveryOutcome(d, "UK", 6)?.onTime).toBe(false);
  });
});
