import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { getCurrencyExponent, parseDecimalToMinor, parseMoneyToMinor } from "./money";

describe("parseDecimalToMinor", () => {
  it("converts without float error", () => {
    expect(parseDecimalToMinor("0.29", 2)).toEqual({ ok: true, value: 29 }); // 0.29*100 = 28.999999999999996
    expect(parseDecimalToMinor("1.005", 2)).toEqual({ ok: true, value: 101 }); // half away from zero
    expect(parseDecimalToMinor("-1.005", 2)).toEqual({ ok: true, value: -101 });
    expect(parseDecimalToMinor("1.0049", 2)).toEqual({ ok: true, value: 100 });
    expect(parseDecimalToMinor("12", 2)).toEqual({ ok: true, value: 1200 });
    expect(parseDecimalToMinor(".5", 2)).toEqual({ ok: true, value: 50 });
    expect(parseDecimalToMinor("4500", 0)).toEqual({ ok: true, value: 4500 });
    expect(parseDecimalToMinor("1.2345", 3)).toEqual({ ok: true, value: 1235 });
    expect(parseDecimalToMinor("-0.001", 2)).toEqual({ ok: true, value: 0 });
  });

  it("rejects non-decimals and unsafe sizes", () => {
    for (const bad of ["", ".", "abc", "1e5", "1,000", "--1", "1.2.3"]) expect(parseDecimalToMinor(bad, 2).ok).toBe(false);
    expect(parseDecimalToMinor("99999999999999999999", 2).ok).toBe(false);
  });

  it("matches exact integer arithmetic for any cents amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        const sign = cents < 0 ? "-" : "";
        const abs = Math.abs(cents);
        const text = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
        const r = parseDecimalToMinor(text, 2);
        return r.ok && r.value === (cents === 0 ? 0 : cents);
      }),
    );
  });
});

describe("parseMoneyToMinor", () => {
  it("reads export money cells", () => {
    expect(parseMoneyToMinor("$12.34", "USD")).toEqual({ ok: true, value: { minor: 1234, currency: "USD" } });
    expect(parseMoneyToMinor("12.34", "USD")).toEqual({ ok: true, value: { minor: 1234, currency: "USD" } });
    expect(parseMoneyToMinor("1,234.56", "USD")).toEqual({ ok: true, value: { minor: 123456, currency: "USD" } });
    expect(parseMoneyToMinor("GBP 12.34", "USD")).toEqual({ ok: true, value: { minor: 1234, currency: "GBP" } });
    expect(parseMoneyToMinor("12.34 GBP", "USD")).toEqual({ ok: true, value: { minor: 1234, currency: "GBP" } });
    expect(parseMoneyToMinor("-$5.00", "USD")).toEqual({ ok: true, value: { minor: -500, currency: "USD" } });
    expect(parseMoneyToMinor("(5.00)", "USD")).toEqual({ ok: true, value: { minor: -500, currency: "USD" } });
    expect(parseMoneyToMinor("฿1,050.25", "THB")).toEqual({ ok: true, value: { minor: 105025, currency: "THB" } });
    expect(parseMoneyToMinor("JPY 1,500", "USD")).toEqual({ ok: true, value: { minor: 1500, currency: "JPY" } });
    expect(parseMoneyToMinor("RM 9.90", "MYR")).toEqual({ ok: true, value: { minor: 990, currency: "MYR" } });
  });

  it("rejects ambiguous or broken cells", () => {
    for (const bad of ["12,34", "1,23,456.00", "$", "N/A", ""]) expect(parseMoneyToMinor(bad, "USD").ok).toBe(false);
  });
});

describe("getCurrencyExponent", () => {
  it("follows ISO 4217", () => {
    expect(getCurrencyExponent("USD")).toBe(2);
    expect(getCurrencyExponent("JPY")).toBe(0);
    expect(getCurrencyExponent("VND")).toBe(0);
    expect(getCurrencyExponent("KWD")).toBe(3);
    expect(() => getCurrencyExponent("usd")).toThrow(RangeError);
  });
});
