import { reasonMessage } from "./reason";
import { makeFlag } from "./rule-kit";
import type { Flag, InventoryFacts } from "./types";

// Both channels sell from one stock: an oversold unit becomes a seller-fault cancellation (SFCR).
export function checkOversellRisk(item: InventoryFacts): Flag[] {
  if (item.openDemand <= item.available) return [];
  const short = item.openDemand - Math.max(item.available, 0);
  return [
    makeFlag(
      "inventory.oversell_risk",
      "critical",
      null,
      reasonMessage("inventory.oversell", { demand: item.openDemand, available: Math.max(item.available, 0), short }),
      [
        { field: "openDemand", value: item.openDemand },
        { field: "available", value: item.available },
      ],
    ),
  ];
}
