import { describe, expect, it } from "vitest";
import { evaluateSupplier } from "./index";
import type { SupplierFacts } from "./types";

const H = 3_600_000;
const received = new Date("2026-03-02T00:00:00Z");
const after = (h: number) => new Date(received.getTime() + h * H);
const supplier = (shipment: Partial<SupplierFacts["shipments"][number]>): SupplierFacts => ({
  id: "sup",
  name: "Acme",
  promisedOutboundHours: 48,
  promisedDeliveryDays: 7,
  shipments: [{ orderId: "o1", receivedAt: received, outboundAt: null, deliveredAt: null, ...shipment }],
});
const rules = (s: SupplierFacts, nowH: number) => evaluateSupplier(s, after(nowH)).map((f) => [f.rule, f.severity]);

describe("supplier SLAs against each supplier's own promise", () => {
  it.each([
    [{ outboundAt: after(48) }, 100, []],
    [{ outboundAt: after(48.01) }, 100, [["supplier.outbound_sla_breach", "warning"]]],
    [{}, 47, []],
    [{}, 49, [["supplier.outbound_sla_breach", "critical"]]],
    [{ outboundAt: after(10), deliveredAt: after(168) }, 200, []],
    [{ outboundAt: after(10), deliveredAt: after(169) }, 200, [["supplier.delivery_sla_breach", "warning"]]],
    [{ outboundAt: after(10) }, 170, [["supplier.delivery_sla_breach", "warning"]]],
  ])("%j at +%ih → %j", (shipment, nowH, expected) => {
    expect(rules(supplier(shipment), nowH)).toEqual(expected);
  });
  it("skips suppliers without a promise and old shipments", () => {
    expect(rules({ ...supplier({}), promisedOutboundHours: null, promisedDeliveryDays: null }, 500)).toEqual([]);
    expect(rules(supplier({}), 24 * 31)).toEqual([]);
  });
});
