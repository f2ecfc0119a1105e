import { durationParam, reasonMessage } from "./reason";
import { makeFlag } from "./rule-kit";
import type { PolicySettings } from "./settings";
import type { Flag, SupplierFacts, SupplierShipmentFacts } from "./types";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Seed: suppliers are compliance partners judged against their OWN promise ("outbound within
// 48 hours", "delivered within 7 days"); the promise is elapsed time, not business days.

function recent(s: SupplierShipmentFacts, now: Date, settings: PolicySettings): boolean {
  return s.receivedAt.getTime() >= now.getTime() - settings.supplier.lookbackDays * DAY && s.receivedAt.getTime() <= now.getTime();
}

export function checkOutboundSla(supplier: SupplierFacts, now: Date, settings: PolicySettings): Flag[] {
  const hours = supplier.promisedOutboundHours;
  if (hours === null) return [];
  const flags: Flag[] = [];
  for (const s of supplier.shipments) {
    if (!recent(s, now, settings)) continue;
    const due = new Date(s.receivedAt.getTime() + hours * HOUR);
    const evidence = [
      { field: "orderId", value: s.orderId },
      { field: "receivedAt", value: s.receivedAt.toISOString() },
      { field: "outboundAt", value: s.outboundAt?.toISOString() ?? null },
      { field: "promisedOutboundHours", value: hours },
    ];
    if (s.outboundAt) {
      if (s.outboundAt.getTime() > due.getTime()) {
        const took = durationParam(s.outboundAt.getTime() - s.receivedAt.getTime());
        flags.push(
          makeFlag(
            "supplier.outbound_sla_breach",
            "warning",
            due,
            reasonMessage("supplier.outboundLate", { supplier: supplier.name, orderId: s.orderId, took, hours }),
            evidence,
          ),
        );
      }
    } else if (now.getTime() > due.getTime()) {
      const waited = durationParam(now.getTime() - s.receivedAt.getTime());
      flags.push(
        makeFlag(
          "supplier.outbound_sla_breach",
          "critical",
          due,
          reasonMessage("supplier.outboundMissing", { supplier: supplier.name, orderId: s.orderId, waited, hours }),
          evidence,
        ),
      );
    }
  }
  return flags;
}

export function checkDeliverySla(supplier: SupplierFacts, now: Date, settings: PolicySettings): Flag[] {
  const days = supplier.promisedDeliveryDays;
  if (days === null) return [];
  const flags: Flag[] = [];
  for (const s of supplier.shipments) {
    if (!recent(s, now, settings)) continue;
    const due = new Date(s.receivedAt.getTime() + days * DAY);
    const evidence = [
      { field: "orderId", value: s.orderId },
      { field: "receivedAt", value: s.receivedAt.toISOString() },
      { field: "deliveredAt", value: s.deliveredAt?.toISOString() ?? null },
      { field: "promisedDeliveryDays", value: days },
    ];
    if (s.deliveredAt) {
      if (s.deliveredAt.getTime() > due.getTime()) {
        const took = durationParam(s.deliveredAt.getTime() - s.receivedAt.getTime());
        flags.push(
          makeFlag(
            "supplier.delivery_sla_breach",
            "warning",
            due,
            reasonMessage("supplier.deliveryLate", { orderId: s.orderId, supplier: supplier.name, took, days }),
            evidence,
          ),
        );
      }
    } else if (now.getTime() > due.getTime()) {
      flags.push(
        makeFlag(
          "supplier.delivery_sla_breach",
          "warning",
          due,
          reasonMessage("supplier.deliveryMissing", {
            orderId: s.orderId,
            supplier: supplier.name,
            elapsed: durationParam(now.getTime() - s.receivedAt.getTime()),
            days,
          }),
          evidence,
        ),
      );
    }
  }
  return flags;
}
