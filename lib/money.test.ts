import { describe, expect, it } from "vitest";
import { formatMoney } from "./format";
import { getCurrencyExponent, minorUnitsToDecimalString } from "./money";
import { formatMoney as formatReasonMoney } from "./policy/format";

describe("one currency table", () => {
  it("knows the exponents that are not 2", () => {
    expect([getCurrencyExponent("USD"), getCurrencyExponent("JPY"), getCurrencyExponent("KWD"), getCurrencyExponent("CLF")]).toEqual([2, 0, 3, 4]);
  });
  it("writes minor units back exactly, for every exponent", () => {
    expect(minorUnitsToDecimalString(150000, "USD")).toBe("1500.00");
    expect(minorUnitsToDecimalString(1500, "JPY")).toBe("1500");
    expect(minorUnitsToDecimalString(-1500, "KWD")).toBe("-1.500");
    expect(minorUnitsToDecimalString(9007199254740993n, "USD")).toBe("90071992547409.93");
  });
  it("the screens and the engine's reasons format a three-decimal currency alike, not 10x off", () => {
    expect(formatMoney(1500, "KWD", "en-US")).toMatch(/1\.500/);
    expect(formatReasonMoney(1500, "KWD")).toBe("KWD 1.500");
    expect(formatReasonMoney(150000, "USD")).toBe("$1,500.00");
    expect(formatReasonMoney(1500, "JPY")).toBe("JPY 1,500");
  });
});
