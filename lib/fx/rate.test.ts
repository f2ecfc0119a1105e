import { describe, expect, it } from "vitest";
import { divideRounded } from "@/lib/money";
import { averageOf, convertAmounts } from "./convert-amounts";
import { compose, convertMinor, factorOf, factorToString, inverse, parseRate, rateToString } from "./rate";
import { RateTable, type StoredRate } from "./rate-table";

const rate = (text: string) => {
  const r = parseRate(text);
  if (!r) throw new Error(`not a rate: ${text}`);
  return r;
};
const ecb = (day: string, quote: string, value: string): StoredRate => ({ base: "EUR", quote, day, rate: value, source: "ecb" });

describe("the one rounding rule (lib/money.ts divideRounded: half away from zero)", () => {
  it("rounds exact halves up, for every parity (not half-even), and symmetric below zero", () => {
    expect([1n, 3n, 5n, 7n].map((n) => divideRounded(n, 2n))).toEqual([1n, 2n, 3n, 4n]);
    expect([-1n, -3n, -5n].map((n) => divideRounded(n, 2n))).toEqual([-1n, -2n, -3n]);
    expect(divideRounded(4n, 3n)).toBe(1n);
    expect(divideRounded(5n, 3n)).toBe(2n);
    expect(divideRounded(10n, -4n)).toBe(-3n);
    expect(() => divideRounded(1n, 0n)).toThrow(RangeError);
  });
});

describe("exact rates", () => {
  it("reads a published rate exactly and writes it back canonically", () => {
    expect(rate("0.86083")).toEqual({ units: 86083n, scale: 5 });
    expect(rate("1.0523000000")).toEqual({ units: 10523n, scale: 4 });
    expect(rateToString(rate("163.420"))).toBe("163.42");
    expect(rateToString(rate("15959.79"))).toBe("15959.79");
    expect(rateToString(rate("0.0000000001"))).toBe("0.0000000001");
    expect(rateToString(rate("2"))).toBe("2");
  });
  it("refuses what is not a positive decimal fitting Decimal(20,10)", () => {
    for (const bad of ["", "N/A", "0", "0.000", "-1.2", "1e3", "1,05", "1.2.3", "12345678901", "0.00000000001", " . "]) expect(parseRate(bad)).toBeNull();
  });
});

describe("conversion of minor units", () => {
  it("GBP → EUR at the ECB's EUR/GBP of 10 Apr 2019 (0.86083) gives the hand-computed figure to the cent", () => {
    // By hand: £1,234.56 ÷ 0.86083 = €1,434.15076… → €1,434.15.
    expect(convertMinor(123456n, "GBP", "EUR", inverse(factorOf(rate("0.86083"))))).toBe(143415n);
    // £412.37 ÷ 0.86335 = €477.63942… → €477.64.
    expect(convertMinor(41237n, "GBP", "EUR", inverse(factorOf(rate("0.86335"))))).toBe(47764n);
  });
  it("rounds once, half up, at the last step", () => {
    // 1 EUR = 2 GBP: 5 pence = 2.5 cents → 3 cents (half-even would say 2); 3 pence → 2 cents.
    const gbpToEur = inverse(factorOf(rate("2")));
    expect(convertMinor(5n, "GBP", "EUR", gbpToEur)).toBe(3n);
    expect(convertMinor(3n, "GBP", "EUR", gbpToEur)).toBe(2n);
    expect(convertMinor(1n, "GBP", "EUR", gbpToEur)).toBe(1n);
    expect(convertMinor(-5n, "GBP", "EUR", gbpToEur)).toBe(-3n);
    // 1 USD = 0.125 EUR: $0.04 = 0.5 cents → 1 cent; $0.12 = 1.5 cents → 2 cents.
    expect(convertMinor(4n, "USD", "EUR", factorOf(rate("0.125")))).toBe(1n);
    expect(convertMinor(12n, "USD", "EUR", factorOf(rate("0.125")))).toBe(2n);
  });
  it("respects each currency's minor-unit exponent (JPY 0, KWD 3)", () => {
    // €10.00 × 125.38 = ¥1,253.8 → ¥1,254; ¥1,000 ÷ 125.38 = €7.9757… → €7.98.
    expect(convertMinor(1000n, "EUR", "JPY", factorOf(rate("125.38")))).toBe(1254n);
    expect(convertMinor(1000n, "JPY", "EUR", inverse(factorOf(rate("125.38"))))).toBe(798n);
    // €100.00 × 0.3365 = KWD 33.650 (33,650 fils); KWD 1.000 ÷ 0.3365 = €2.97176… → €2.97.
    expect(convertMinor(10000n, "EUR", "KWD", factorOf(rate("0.3365")))).toBe(33650n);
    expect(convertMinor(1000n, "KWD", "EUR", inverse(factorOf(rate("0.3365"))))).toBe(297n);
    // ¥1 × 0.0001 KWD/JPY = 0.1 fils → 0 fils.
    expect(convertMinor(1n, "JPY", "KWD", factorOf(rate("0.0001")))).toBe(0n);
  });
  it("crosses through EUR exactly, without rounding the cross rate", () => {
    // By hand: £100.00 × 1.1279 ÷ 0.86083 = $131.02470… → $131.02.
    const gbpToUsd = compose(inverse(factorOf(rate("0.86083"))), factorOf(rate("1.1279")));
    expect(convertMinor(10000n, "GBP", "USD", gbpToUsd)).toBe(13102n);
    expect(factorToString(gbpToUsd)).toBe("1.310247");
    // A rounded cross rate (1.3102) would give $13,102.00 for £10,000; the exact one $13,102.47.
    expect(convertMinor(1_000_000n, "GBP", "USD", gbpToUsd)).toBe(1_310_247n);
  });
  it("keeps large amounts exact (BigInt, no float)", () => {
    expect(convertMinor(9_007_199_254_740_993n, "EUR", "EUR", factorOf(rate("1")))).toBe(9_007_199_254_740_993n);
  });
});

describe("which day's rate", () => {
  const table = new RateTable([
    ecb("2019-04-08", "GBP", "0.86183"),
    ecb("2019-04-09", "GBP", "0.86335"),
    ecb("2019-04-10", "GBP", "0.86083"),
    ecb("2019-04-10", "USD", "1.1279"),
    ecb("2019-04-12", "USD", "1.1314"),
    ecb("2019-04-12", "GBP", "0.8635"),
  ]);

  it("takes the revenue's own day, else the latest earlier one (weekends), never a later one", () => {
    expect(table.choose("GBP", "EUR", "2019-04-09")).toMatchObject({ day: "2019-04-09", path: "inverse", source: "ecb" });
    // Saturday and Sunday 13–14 Apr: Friday's rate.
    expect(table.choose("GBP", "EUR", "2019-04-14")?.day).toBe("2019-04-12");
    // Thursday 11 Apr has none stored: Wednesday's.
    expect(table.choose("GBP", "EUR", "2019-04-11")?.day).toBe("2019-04-10");
    expect(table.choose("GBP", "EUR", "2019-04-07")).toBeNull();
    expect(table.choose("EUR", "GBP", "2019-04-10")).toMatchObject({ path: "direct", factor: factorOf(rate("0.86083")) });
  });

  it("crosses through EUR, dated by the older leg", () => {
    const choice = table.choose("GBP", "USD", "2019-04-11");
    expect(choice).toMatchObject({ path: "cross", day: "2019-04-10", source: "ecb" });
    // USD is first stored on 10 Apr: on 9 Apr GBP → USD has no rate, though GBP → EUR has.
    expect(table.choose("GBP", "USD", "2019-04-09")).toBeNull();
  });

  it("prefers the most recent day, and a stored pair over a cross on the same day", () => {
    const mixed = new RateTable([
      ecb("2019-04-10", "GBP", "0.86083"),
      ecb("2019-04-10", "USD", "1.1279"),
      { base: "GBP", quote: "USD", day: "2019-04-01", rate: "1.30", source: "manual" },
      { base: "USD", quote: "GBP", day: "2019-04-10", rate: "0.77", source: "manual" },
    ]);
    expect(mixed.choose("GBP", "USD", "2019-04-05")).toMatchObject({ path: "direct", day: "2019-04-01", source: "manual" });
    expect(mixed.choose("GBP", "USD", "2019-04-10")).toMatchObject({ path: "inverse", day: "2019-04-10", source: "manual" });
  });
});

describe("a figure of many days", () => {
  const table = new RateTable([ecb("2019-04-09", "GBP", "0.86335"), ecb("2019-04-10", "GBP", "0.86083"), ecb("2019-04-10", "USD", "1.1279")]);

  it("converts each day at its own rate, adds the target currency as it is, and names the rate days", () => {
    const figure = convertAmounts(
      table,
      [
        { currency: "GBP", day: "2019-04-09", minor: 41237n },
        { currency: "GBP", day: "2019-04-10", minor: 123456n },
        { currency: "EUR", day: "2019-04-10", minor: 1000n },
      ],
      "EUR",
    );
    // €477.64 + €1,434.15 + €10.00.
    expect(figure).toEqual({
      status: "converted",
      currency: "EUR",
      minor: 47764n + 143415n + 1000n,
      rates: { first: "2019-04-09", last: "2019-04-10", source: "ecb", cross: false },
      from: ["GBP"],
    });
    expect(averageOf(figure, 3)).toMatchObject({ minor: divideRounded(192179n, 3n) });
  });

  it("is no figure at all when one day lacks a rate (never partly converted, never at 1)", () => {
    const figure = convertAmounts(
      table,
      [
        { currency: "GBP", day: "2019-04-08", minor: 100n },
        { currency: "GBP", day: "2019-04-07", minor: 100n },
        { currency: "GBP", day: "2019-04-10", minor: 100n },
      ],
      "EUR",
    );
    expect(figure).toEqual({ status: "missing", currency: "EUR", missing: [{ currency: "GBP", firstDay: "2019-04-07", days: 2 }] });
  });

  it("has nothing to say when everything is already in the target", () => {
    expect(convertAmounts(table, [{ currency: "EUR", day: "2019-04-10", minor: 5n }], "EUR")).toBeNull();
    expect(convertAmounts(table, [], "EUR")).toBeNull();
  });
});
