import { describe, expect, it } from "vitest";
import { totalDeposits } from "./deposit";
import { evaluateStore } from "./index";
import { US_LOCAL, makeStoreProfile } from "./test-fixtures";

const at = (iso: string) => new Date(iso);
const deposits = (store: ReturnType<typeof makeStoreProfile>, now: string) =>
  evaluateStore(store, at(now))
    .filter((f) => f.rule.startsWith("deposit."))
    .map((f) => [f.rule, f.severity]);

describe("deposit (US cross-border, $1,500 from 2025-12-15, top up by 2026-01-14)", () => {
  // Joined Sun 14 Dec 2025 23:59 PST = before the standard; 15 Dec 00:00 PST = on it.
  const early = makeStoreProfile({ joinedAt: at("2025-12-15T07:59:59Z"), depositMinor: 50_000 });
  const onStandard = makeStoreProfile({ joinedAt: at("2025-12-15T08:00:00Z"), depositMinor: 50_000 });

  it.each([
    ["2025-12-20T12:00:00Z", [["deposit.topup_due", "info"]]],
    ["2025-12-31T12:00:00Z", [["deposit.topup_due", "warning"]]],
    ["2026-01-11T12:00:00Z", [["deposit.topup_due", "critical"]]],
    ["2026-01-15T07:59:59Z", [["deposit.topup_due", "critical"]]],
    ["2026-01-15T08:00:00Z", [["deposit.shortfall", "critical"]]],
  ])("a store that joined before 2025-12-15, at %s", (now, expected) => {
    expect(deposits(early, now)).toEqual(expected);
  });

  it("a store joining on 2025-12-15 must hold the standard at setup", () => {
    expect(deposits(onStandard, "2025-12-20T12:00:00Z")).toEqual([["deposit.shortfall", "critical"]]);
  });

  it("no flag with the full deposit, for local stores, or top-up due date in the flag", () => {
    expect(deposits(makeStoreProfile({ depositMinor: 150_000 }), "2026-02-01T00:00:00Z")).toEqual([]);
    expect(deposits(makeStoreProfile({ depositMinor: 149_999 }), "2026-02-01T00:00:00Z")).toEqual([["deposit.shortfall", "critical"]]);
    expect(deposits(makeStoreProfile({ ...US_LOCAL, depositMinor: 0 }), "2026-02-01T00:00:00Z")).toEqual([]);
    const [flag] = evaluateStore(early, at("2026-01-05T00:00:00Z"));
    expect(flag?.dueAt?.toISOString()).toBe("2026-01-15T07:59:59.000Z");
    expect(flag?.reason).toContain("$1,000.00");
  });

  it("warns ahead of the standard taking effect", () => {
    const flags = evaluateStore(early, at("2025-12-01T00:00:00Z")).filter((f) => f.rule === "deposit.topup_due");
    expect(flags[0]?.upcoming).toBe(true);
  });

  it("totals the cash held in deposits in minor units", () => {
    expect(totalDeposits([{ depositMinor: 150_000 }, { depositMinor: 50_000 }, { depositMinor: null }])).toBe(200_000);
  });
});
