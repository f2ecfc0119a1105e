import { describe, expect, it } from "vitest";
import { evaluateSkuPrices, isNinetyNineRoundUp } from "./index";
import { mergeSettings } from "./settings";
import type { SkuPriceFacts } from "./types";

const now = new Date("2026-03-01T00:00:00Z");
const sku = (tiktok: number, site: number): SkuPriceFacts => ({ id: "s", currency: "USD", market: "US", tiktokPriceMinor: tiktok, brandSitePriceMinor: site });

describe("pricing.mismatch ($0.05 tolerance, minor units)", () => {
  it.each([
    [1999, 1999, null],
    [2004, 1999, null],
    [1994, 1999, null],
    [2005, 1999, "tiktok_higher"],
    [1993, 1999, "tiktok_lower"],
    [2000, 1999, null],
    [1900, 1999, "tiktok_lower"],
    [5000, 4777, "tiktok_higher"],
  ])("TikTok %i vs site %i → %s", (t, s, direction) => {
    const flags = evaluateSkuPrices(sku(t, s), now);
    expect(flags.map((f) => f.evidence.find((e) => e.field === "direction")?.value ?? null)).toEqual(direction ? [direction] : []);
  });
  it("reports the percentage and the direction in words", () => {
    expect(evaluateSkuPrices(sku(5000, 4777), now)[0]?.reason).toContain("$2.23 (4.7%) higher");
    expect(evaluateSkuPrices(sku(1900, 1999), now)[0]?.reason).toMatch(/\$0\.99 \(5\.0%\) lower.*fake discount/);
  });
  it(".99 → whole unit is fine even with zero tolerance", () => {
    expect(isNinetyNineRoundUp(2000, 1999)).toBe(true);
    expect(isNinetyNineRoundUp(1999, 2000)).toBe(true);
    expect(isNinetyNineRoundUp(2001, 2000)).toBe(false);
    expect(evaluateSkuPrices(sku(2000, 1999), now, mergeSettings({ pricing: { toleranceMinor: 0 } }))).toEqual([]);
    expect(evaluateSkuPrices(sku(2001, 2000), now, mergeSettings({ pricing: { toleranceMinor: 0 } }))).toHaveLength(1);
  });
});
