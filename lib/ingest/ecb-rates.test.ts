import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEcbCsv, parseEcbDay } from "./ecb-rates";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/ecb/${name}`, import.meta.url), "utf8");

describe("ECB reference-rate CSV", () => {
  it("reads the daily file: spaces after commas, the day written out, the trailing comma", () => {
    const parsed = parseEcbCsv(fixture("eurofxref.csv"));
    expect(parsed.errors).toEqual([]);
    expect(parsed.days).toEqual(["2023-02-10"]);
    expect(parsed.rates).toHaveLength(30);
    expect(parsed.rates.find((r) => r.quote === "GBP")).toEqual({ day: "2023-02-10", base: "EUR", quote: "GBP", rate: "0.88348" });
    // Canonical decimals: "1.0690" is stored as 1.069, "152.10" as 152.1.
    expect(parsed.rates.find((r) => r.quote === "USD")?.rate).toBe("1.069");
    expect(parsed.rates.find((r) => r.quote === "IDR")?.rate).toBe("16233.33");
  });

  it("reads the history: ISO days, newest first, N/A cells skipped, columns by their header", () => {
    const parsed = parseEcbCsv(fixture("eurofxref-hist.csv"));
    expect(parsed.errors).toEqual([]);
    expect(parsed.days).toEqual(["2019-04-08", "2019-04-09", "2019-04-10"]);
    // 41 currencies, 9 of them N/A (those the euro replaced, and the Turkish lira before 2005): 32 a day.
    expect(parsed.rates).toHaveLength(3 * 32);
    expect(parsed.rates.filter((r) => r.quote === "GBP").map((r) => [r.day, r.rate])).toEqual([
      ["2019-04-10", "0.86083"],
      ["2019-04-09", "0.86335"],
      ["2019-04-08", "0.86183"],
    ]);
    expect(parsed.rates.some((r) => r.quote === "CYP")).toBe(false);
  });

  it("names line and column of every bad cell, and keeps nothing", () => {
    const parsed = parseEcbCsv(fixture("eurofxref-errors.csv"));
    expect(parsed.rates).toEqual([]);
    expect(parsed.errors).toEqual([
      { code: "badDate", line: 3, column: 1, columnName: "Date", value: "2019-04-31" },
      { code: "badRate", line: 4, column: 2, columnName: "USD", value: "1.12x6" },
      { code: "duplicateDay", line: 5, column: 1, columnName: "Date", value: "2019-04-10", otherLine: 2 },
      { code: "extraCell", line: 6, column: 5, columnName: null, value: "7.1" },
    ]);
  });

  it("refuses what is not a reference-rate file", () => {
    expect(parseEcbCsv("").errors[0]?.code).toBe("empty");
    expect(parseEcbCsv("Order ID,Total\n1,2\n").errors[0]).toMatchObject({ code: "notEcb", line: 1, column: 1, value: "Order ID" });
    expect(parseEcbCsv("Date, USD, usd!, EUR,\n").errors.map((e) => [e.code, e.column])).toEqual([
      ["badCurrency", 3],
      ["badCurrency", 4],
    ]);
    expect(parseEcbCsv("Date,USD,USD\n2019-04-10,1,1\n").errors[0]).toMatchObject({ code: "duplicateCurrency", column: 3 });
    expect(parseEcbCsv("Date, USD, \n").errors[0]?.code).toBe("noRows");
    expect(parseEcbCsv("Date,USD,\n2019-04-10,N/A,\n").errors[0]?.code).toBe("noRows");
    // Negative, zero and float-notation rates are not rates.
    expect(parseEcbCsv("Date,USD,GBP,JPY\n2019-04-10,-1.1,0,1e2\n").errors.map((e) => [e.code, e.column])).toEqual([
      ["badRate", 2],
      ["badRate", 3],
      ["badRate", 4],
    ]);
  });

  it("reads a file with a BOM and Windows line ends, and ignores blank trailing lines", () => {
    const parsed = parseEcbCsv("\uFEFFDate,USD,\r\n2019-04-10,1.1279,\r\n,\r\n\r\n");
    expect(parsed.errors).toEqual([]);
    expect(parsed.rates).toEqual([{ day: "2019-04-10", base: "EUR", quote: "USD", rate: "1.1279" }]);
  });

  it("knows the ECB's ways of writing a day, and only real days", () => {
    expect(parseEcbDay("28 November 2026")).toBe("2026-11-28");
    expect(parseEcbDay("03 June 2021")).toBe("2021-06-03");
    expect(parseEcbDay("3 Jun 2021")).toBe("2021-06-03");
    expect(parseEcbDay("2026-11-28")).toBe("2026-11-28");
    for (const bad of ["2026-02-30", "30 February 2026", "28 Novembr 2026", "11/28/2026", "1998-12-31", ""]) expect(parseEcbDay(bad)).toBeNull();
  });
});
