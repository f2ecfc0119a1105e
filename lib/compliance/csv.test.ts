import { describe, expect, it } from "vitest";
import { priceCsvRowSchema, videoCsvRowSchema } from "@/lib/validations/compliance";
import { mapCsv, normaliseHeader } from "./csv";

const VIDEO = { required: ["creator", "posted_at", "title", "has_product_link", "style"], defaults: { format: "SHORT_VIDEO" } };

describe("CSV row mapping", () => {
  it("normalises header names", () => {
    expect(normaliseHeader("\uFEFF Has Product-Link ")).toBe("has_product_link");
  });

  it("maps valid rows and reports the file line and column of invalid ones", () => {
    const csv =
      "Creator,Posted At,Title,Has Product Link,Style\n@Mia,2026-11-20T10:00:00Z,One,yes,static images\n\nmia,2026-11-20 10:00,Two,yes,DEMO\nmia,2026-11-20T10:00:00+01:00,Three,sometimes,DEMO\n";
    const out = mapCsv(csv, videoCsvRowSchema, VIDEO);
    expect(out.rows).toEqual([
      {
        line: 2,
        data: {
          creator: "mia",
          posted_at: new Date("2026-11-20T10:00:00Z"),
          title: "One",
          format: "SHORT_VIDEO",
          has_product_link: true,
          style: "STATIC_IMAGES",
        },
      },
    ]);
    expect(out.errors).toEqual([
      { line: 4, column: "posted_at", message: "Use a date and time with a zone, e.g. 2026-11-20T18:30:00Z" },
      { line: 5, column: "has_product_link", message: "Use yes or no" },
    ]);
  });

  it("names a missing column, refuses broken CSV and an empty file", () => {
    expect(mapCsv("creator,title\nmia,x\n", videoCsvRowSchema, VIDEO).errors.map((e) => e.column)).toEqual(["posted_at", "has_product_link", "style"]);
    expect(mapCsv('sku,price,currency\n"A,1\n', priceCsvRowSchema, { required: ["sku", "price", "currency"] }).errors[0]).toMatchObject({ column: null });
    expect(mapCsv("sku,price,currency\n", priceCsvRowSchema, { required: ["sku"] }).errors).toEqual([
      { line: 1, column: null, message: "The file has no rows under its header" },
    ]);
  });

  it("reads prices as exact minor units and fills the currency from the form when the cell is empty", () => {
    const out = mapCsv("sku,price,currency\nA,19.99,\nB,0.1,gbp\nC,12.345,USD\n", priceCsvRowSchema, {
      required: ["sku", "price", "currency"],
      defaults: { currency: "USD" },
    });
    expect(out.rows.map((r) => r.data)).toEqual([
      { sku: "A", price: 1999, currency: "USD" },
      { sku: "B", price: 10, currency: "GBP" },
    ]);
    expect(out.errors).toEqual([{ line: 4, column: "price", message: "Use an amount like 19.99 (no currency sign)" }]);
  });
});

describe("line numbers with line breaks inside quoted cells", () => {
  it("names the file line a bad row starts on, CRLF inside a quoted title counted once", () => {
    const csv = 'sku,price,currency\r\n"A\r\nlamp",19.99,USD\r\nB,oops,USD\r\n';
    // Row A spans lines 2-3; row B starts on line 4.
    expect(mapCsv(csv, priceCsvRowSchema, { required: ["sku", "price", "currency"] }).errors).toEqual([
      { line: 4, column: "price", message: "Use an amount like 19.99 (no currency sign)" },
    ]);
  });
});
