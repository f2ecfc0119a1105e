import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvField, csvLine, neutralizeCsvCell } from "./csv";

describe("CSV formula injection", () => {
  it.each(['=HYPERLINK("http://evil.example","US")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd", "\t=1+1", "\r=1+1"])(
    "neutralises %j",
    (value) => {
      const out = neutralizeCsvCell(value);
      expect(out).toBe(`'${value}`);
    },
  );

  it("leaves plain numbers and ordinary text alone", () => {
    for (const value of ["-12.50", "+44", "42", "Mug", "a=b", "US", ""]) expect(neutralizeCsvCell(value)).toBe(value);
  });

  it("a record reads back as the neutralised values, quotes and line breaks intact", () => {
    const values = ['=HYPERLINK("http://evil.example","US")', "two\r\nlines", " padded ", null, 7];
    const [row] = parse(csvLine(values)) as string[][];
    expect(row).toEqual([`'=HYPERLINK("http://evil.example","US")`, "two\r\nlines", " padded ", "", "7"]);
    expect(csvField("plain")).toBe("plain");
  });
});
