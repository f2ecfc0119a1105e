import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkRequiredColumns, detectCsvFormat, detectFormatFromHead, detectFormatFromStream } from "./detect-format";
import { readCsvRecords } from "./csv-records";
import { IngestFormatError } from "./errors";
import { parseOrderFile } from "./parse-order-file";
import { collect, openFixture, streamOf } from "./test-helpers";

const fixture = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));

describe("detect format", () => {
  it("detects each fixture from its first bytes", () => {
    expect(detectFormatFromHead(fixture("tiktok-us.csv"))).toBe("tiktok-csv"); // BOM
    expect(detectFormatFromHead(fixture("tiktok-th.csv"))).toBe("tiktok-csv");
    expect(detectFormatFromHead(fixture("shopify-current.csv"))).toBe("shopify-csv");
    expect(detectFormatFromHead(fixture("shopify-old.csv"))).toBe("shopify-csv");
    expect(detectFormatFromHead(fixture("tiktok-us.xlsx"))).toBe("tiktok-xlsx");
  });

  it("matches header names BOM-, case- and whitespace-tolerantly", () => {
    expect(detectCsvFormat(["\uFEFFOrder ID\t", "ORDER STATUS"])).toBe("tiktok-csv");
    expect(detectCsvFormat(["Name", "Lineitem quantity"])).toBe("shopify-csv");
  });

  it("throws IngestFormatError for an unknown header", () => {
    expect(() => detectFormatFromHead(Buffer.from("foo,bar\n1,2\n"))).toThrow(IngestFormatError);
    expect(() => detectCsvFormat(["Date", "Amount"])).toThrow(/expected a TikTok Shop order export/);
  });

  it("checkRequiredColumns names every missing column and accepts alternatives", () => {
    expect(() => checkRequiredColumns(["A", "C"], ["A", "B", ["X", "C"], "D"], "test")).toThrow("test: missing required columns: B, D");
    expect(() => checkRequiredColumns(["A"], ["A", ["X", "Y"]], "test")).toThrow("missing required column: X or Y");
    expect(() => checkRequiredColumns(["a "], ["A"], "test")).not.toThrow();
  });

  it("detects from a stream and replays every byte", async () => {
    const { format, stream } = await detectFormatFromStream(openFixture("shopify-current.csv"));
    expect(format).toBe("shopify-csv");
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(fixture("shopify-current.csv"))).toBe(true);
  });

  it("parseOrderFile dispatches on the detected format", async () => {
    const opts = { timeZone: "America/New_York", currency: "USD" };
    expect((await collect(parseOrderFile(openFixture("tiktok-us.csv"), opts))).orders).toHaveLength(4);
    expect((await collect(parseOrderFile(openFixture("tiktok-us.xlsx"), opts))).orders).toHaveLength(2);
    expect((await collect(parseOrderFile(openFixture("shopify-old.csv"), opts))).orders).toHaveLength(2);
    await expect(collect(parseOrderFile(streamOf(""), opts))).rejects.toThrow(IngestFormatError);
  });
});

describe("readCsvRecords line numbers", () => {
  it("counts file lines through quoted newlines, CRLF and blank lines", async () => {
    const text = '\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n2,z\r\n3,"q\n\nw"\r\n4,k';
    const records = [];
    for await (const r of readCsvRecords(streamOf(text))) records.push([r.line, r.cells[0]]);
    expect(records).toEqual([
      [1, "a"],
      [2, "1"],
      [5, "2"],
      [6, "3"],
      [9, "4"],
    ]);
  });

  it("turns broken CSV into IngestFormatError", async () => {
    const run = async () => {
      for await (const r of readCsvRecords(streamOf('a,b\n1,"unclosed\n'))) void r;
    };
    await expect(run()).rejects.toThrow(IngestFormatError);
  });
});
