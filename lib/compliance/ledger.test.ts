import { describe, expect, it } from "vitest";
import { currentPrices, depositBalances, depositForPolicy, differenceBasisPoints, isNonInteractiveStyle, marketOfCurrency, pricePairs } from "./ledger";

describe("deposit ledger", () => {
  const lines = [
    { kind: "PAYMENT" as const, amountMinor: 100_000, currency: "USD" },
    { kind: "PAYMENT" as const, amountMinor: 50_000, currency: "USD" },
    { kind: "DEDUCTION" as const, amountMinor: 2_500, currency: "USD" },
    { kind: "REFUND" as const, amountMinor: 500, currency: "USD" },
    { kind: "PAYMENT" as const, amountMinor: 10_000, currency: "GBP" },
  ];
  it("adds payments and subtracts refunds and deductions, per currency", () => {
    expect(depositBalances(lines)).toEqual([
      { currency: "GBP", balanceMinor: 10_000 },
      { currency: "USD", balanceMinor: 147_000 },
    ]);
  });
  it("judges the standard's currency only, and an empty ledger is unknown rather than zero", () => {
    expect(depositForPolicy(lines, "USD")).toBe(147_000);
    expect(depositForPolicy([], "USD")).toBeNull();
    expect(depositForPolicy([{ kind: "PAYMENT", amountMinor: 1, currency: "GBP" }], "USD")).toBeNull();
    expect(
      depositForPolicy(
        [
          { kind: "PAYMENT", amountMinor: 150_000, currency: "USD" },
          { kind: "REFUND", amountMinor: 150_000, currency: "USD" },
        ],
        "USD",
      ),
    ).toBe(0);
  });
});

describe("video styles", () => {
  it("static images, text slideshows and no-real-person videos are non-interactive; demo and conversation starters are not", () => {
    expect(["STATIC_IMAGES", "TEXT_SLIDESHOW", "NO_REAL_PERSON"].every((s) => isNonInteractiveStyle(s as never))).toBe(true);
    expect(["REAL_PERSON", "DEMO", "CONVERSATION_STARTER"].some((s) => isNonInteractiveStyle(s as never))).toBe(false);
  });
});

describe("current prices and pairs", () => {
  const at = (iso: string) => new Date(iso);
  const now = at("2026-11-20T12:00:00Z");
  const history = [
    { channel: "TIKTOK_SHOP" as const, currency: "USD", priceMinor: 1999, effectiveAt: at("2026-10-01T00:00:00Z") },
    { channel: "TIKTOK_SHOP" as const, currency: "USD", priceMinor: 1900, effectiveAt: at("2026-11-10T00:00:00Z") },
    { channel: "TIKTOK_SHOP" as const, currency: "USD", priceMinor: 1500, effectiveAt: at("2026-12-01T00:00:00Z") }, // not yet
    { channel: "BRAND_SITE" as const, currency: "USD", priceMinor: 1999, effectiveAt: at("2026-10-01T00:00:00Z") },
    { channel: "TIKTOK_SHOP" as const, currency: "GBP", priceMinor: 1699, effectiveAt: at("2026-10-01T00:00:00Z") },
  ];
  it("takes the latest price in force per channel and currency, and pairs only currencies priced on both channels", () => {
    const current = currentPrices(history, now);
    expect(current.find((p) => p.channel === "TIKTOK_SHOP" && p.currency === "USD")?.priceMinor).toBe(1900);
    expect(pricePairs(current)).toEqual([{ currency: "USD", tiktokPriceMinor: 1900, brandSitePriceMinor: 1999 }]);
  });
  it("signs the difference against the brand site in basis points", () => {
    expect(differenceBasisPoints({ currency: "USD", tiktokPriceMinor: 1900, brandSitePriceMinor: 1999 })).toBe(-495);
    expect(differenceBasisPoints({ currency: "USD", tiktokPriceMinor: 5000, brandSitePriceMinor: 4777 })).toBe(467);
    expect(differenceBasisPoints({ currency: "USD", tiktokPriceMinor: 5, brandSitePriceMinor: 0 })).toBe(0);
    expect(marketOfCurrency("GBP")).toBe("UK");
    expect(marketOfCurrency("USD")).toBe("US");
  });
});
