import { describe, expect, it } from "vitest";
import { evaluateInventory } from "./index";

const now = new Date("2026-03-01T00:00:00Z");

describe("inventory.oversell_risk (open demand > available)", () => {
  it.each([
    [10, 9, false],
    [10, 10, false],
    [10, 11, true],
    [0, 1, true],
    [-2, 1, true],
  ])("available %i, demand %i → %s", (available, openDemand, flagged) => {
    expect(evaluateInventory({ id: "sku", available, openDemand }, now).length).toBe(flagged ? 1 : 0);
  });
});
