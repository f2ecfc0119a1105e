import { describe, expect, it } from "vitest";
import { formatInstant, formatMoney, minorUnitsToDecimalString } from "./format";

describe("money formatting", () => {
  it("keeps every cent, with no float rounding, also past 2^53 minor units", () => {
    expect(minorUnitsToDecimalString(1999, "USD")).toBe("19.99");
    expect(minorUnitsToDecimalString(5, "GBP")).toBe("0.05");
    expect(minorUnitsToDecimalString(-120, "USD")).toBe("-1.20");
    expect(minorUnitsToDecimalString(9007199254740993n, "USD")).toBe("90071992547409.93");
    expect(minorUnitsToDecimalString(500, "JPY")).toBe("500");
  });
  it("formats per currency", () => {
    expect(formatMoney(123456, "USD")).toBe("$1,234.56");
    expect(formatMoney(123456, "GBP", "en-GB")).toBe("£1,234.56");
    expect(formatMoney(9007199254740993n, "USD")).toBe("$90,071,992,547,409.93");
  });
});

describe("instants in the store's zone", () => {
  it("names the zone and follows daylight saving time", () => {
    expect(formatInstant(new Date("2026-07-01T07:00:00Z"), "America/Los_Angeles")).toBe("1 Jul 2026, 00:00 PDT");
    expect(formatInstant(new Date("2026-12-01T08:00:00Z"), "America/Los_Angeles")).toBe("1 Dec 2026, 00:00 PST");
    expect(formatInstant(new Date("2026-07-01T07:00:00Z"), "Europe/London")).toBe("1 Jul 2026, 08:00 BST");
  });
});
