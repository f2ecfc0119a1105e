import { describe, it, expect } from "vitest";
import { PassThrough } from "node:stream";
import { IngestFormatError } from "./errors";
import { generateShopifyExport } from "@/lib/bench/shopify-export";
import { parseShopifyCsv } from "./shopify-csv";
import { mapShopifyStatus } from "./shopify-status";
import { collect, openFixture, streamOf } from "./test-helpers";

describe("parseShopifyCsv — current 79-column export", () => {
  it("groups by Name with order-level columns from the first row only", async () => {
    const { orders, errors } = await collect(parseShopifyCsv(openFixture("shopify-current.csv")));
    expect(errors).toEqual([]);
    // #1001 spans lines 2–5 (Note Attributes has three lines), its second item is on line 5.
    expect(orders.map((o) => [o.externalId, o.status, o.line])).toEqual([
      ["#1001", "IN_TRANSIT", 2],
      ["#1002", "AWAITING_PAYMENT", 6],
      ["#1003", "CANCELLED", 7],
      ["#1004", "AWAITING_SHIPMENT", 8],
    ]);
    const o = orders[0]!;
    expect(o).toMatchObject({
      orderName: "#1001",
      channel: "BRAND_SITE",
      currency: "USD",
      totalMinor: 43900,
      buyerEmail: "ana@example.com",
      shipPostcode: "02134",
      buyerPhone: "+16175550101",
      shipCountry: "US",
      shipRegion: "MA",
      carrier: null,
      trackingNumber: null,
      labelSource: "UNKNOWN",
      sourceUpdatedAt: null,
    });
    expect(o.lines).toEqual([
      { sku: "LS-M", productName: "Linen Shirt - M", quantity: 1, unitPriceMinor: 39900 },
      { sku: "CT", productName: "Canvas Tote", quantity: 2, unitPriceMinor: 2000 },
    ]);
    expect(o.placedAt.toISOString()).toBe("2025-03-09T15:15:00.000Z");
    expect(o.inTransitAt!.toISOString()).toBe("2025-03-10T20:00:00.000Z"); // Fulfilled at, -0400
  });

  it('treats "" and empty cells as missing, and reads currencies by exponent', async () => {
    const { orders } = await collect(parseShopifyCsv(openFixture("shopify-current.csv")));
    const [, pending, cancelled, jpy] = orders;
    expect(pending).toMatchObject({ paidAt: null, inTransitAt: null, shipAddress2: null, totalMinor: 1595 });
    expect(cancelled).toMatchObject({ currency: "EUR", totalMinor: 123450 });
    expect(cancelled!.cancelledAt!.toISOString()).toBe("2025-01-03T12:00:00.000Z");
    expect(jpy).toMatchObject({ currency: "JPY", totalMinor: 4500, lines: [{ sku: "TEA", productName: "Tea Set", quantity: 1, unitPriceMinor: 4500 }] });
  });
});

describe("parseShopifyCsv — older shorter header", () => {
  it("accepts an export without the newer tail columns (CRLF, CRLF inside quotes)", async () => {
    const { orders, errors } = await collect(parseShopifyCsv(openFixture("shopify-old.csv")));
    expect(errors).toEqual([]);
    expect(orders.map((o) => [o.externalId, o.status, o.line, o.totalMinor, o.lines.length])).toEqual([
      ["#501", "AWAITING_SHIPMENT", 2, 5000, 2], // partially_refunded + partial
      ["#502", "AWAITING_PAYMENT", 5, 700, 1], // authorized
    ]);
    expect(orders[0]!.shipPostcode).toBe("01234");
    expect(orders[0]!.lines[1]).toEqual({ sku: "", productName: "Old Other", quantity: 1, unitPriceMinor: 2500 });
  });
});

describe("parseShopifyCsv — errors", () => {
  it("reports row errors with file line numbers in file order", async () => {
    const { orders, errors } = await collect(parseShopifyCsv(openFixture("shopify-errors.csv")));
    expect(orders.map((o) => [o.externalId, o.line])).toEqual([
      ["#2001", 2],
      ["#2005", 10],
    ]);
    expect(errors).toEqual([
      { line: 5, message: expect.stringMatching(/^Created at: .*not a valid time \(order #2002 not imported\)/) },
      { line: 7, message: expect.stringMatching(/^Lineitem quantity: "-2" is not a positive whole number \(order #2003/) },
      { line: 8, message: "Name: missing" },
      { line: 9, message: expect.stringMatching(/^Financial Status: unknown status "mystery"/) },
    ]);
  });

  it("throws IngestFormatError naming missing required columns", async () => {
    const csv = "Name,Email,Created at,Lineitem name\n#1,a@b.c,2025-01-01 00:00:00 +0000,X\n";
    await expect(collect(parseShopifyCsv(streamOf(csv)))).rejects.toThrow(IngestFormatError);
    await expect(collect(parseShopifyCsv(streamOf(csv)))).rejects.toThrow(
      "missing required columns: Financial Status, Fulfillment Status, Currency, Total, Lineitem quantity, Lineitem price",
    );
  });

  it("reports a non-consecutive order continuation rather than merging it silently", async () => {
    const h = "Name,Financial Status,Fulfillment Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price";
    const csv = [
      h,
      "#1,paid,unfulfilled,USD,2.00,2025-01-01 00:00:00 +0000,1,A,1.00",
      "#2,paid,unfulfilled,USD,1.00,2025-01-01 00:00:00 +0000,1,B,1.00",
      "#1,,,,,2025-01-01 00:00:00 +0000,1,C,1.00",
    ].join("\n");
    const { orders, errors } = await collect(parseShopifyCsv(streamOf(csv)));
    expect(orders.map((o) => o.externalId)).toEqual(["#1", "#2"]);
    expect(errors).toEqual([{ line: 4, message: expect.stringMatching(/^Financial Status: missing on the order's first row/) }]);
  });
});

describe("mapShopifyStatus", () => {
  it("folds financial and fulfilment status into one", () => {
    const m = (financialStatus: string, fulfillmentStatus: string | null, cancelled = false) =>
      mapShopifyStatus({ financialStatus, fulfillmentStatus, cancelled });
    expect(m("paid", "fulfilled", true)).toBe("CANCELLED");
    expect(m("voided", null)).toBe("CANCELLED");
    expect(m("paid", "restocked")).toBe("CANCELLED");
    expect(m("paid", "fulfilled")).toBe("IN_TRANSIT");
    expect(m("pending", "fulfilled")).toBe("IN_TRANSIT");
    expect(m("pending", "unfulfilled")).toBe("AWAITING_PAYMENT");
    expect(m("authorized", null)).toBe("AWAITING_PAYMENT");
    expect(m("refunded", "unfulfilled")).toBe("CANCELLED");
    expect(m("paid", "unfulfilled")).toBe("AWAITING_SHIPMENT");
    expect(m("paid", "partial")).toBe("AWAITING_SHIPMENT");
    expect(m("partially_paid", "")).toBe("AWAITING_SHIPMENT");
    expect(m("mystery", "unfulfilled")).toBeNull();
    expect(m("paid", "shipped")).toBeNull();
  });
});

describe("generated export", () => {
  it("is reproducible and parses without errors", async () => {
    const render = async (): Promise<{ text: string; summary: { orders: number; lines: number } }> => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on("data", (c: Buffer) => chunks.push(c));
      const summary = await generateShopifyExport(2_000, out, { seed: 7 });
      out.end();
      return { text: Buffer.concat(chunks).toString("utf8"), summary };
    };
    const a = await render();
    const b = await render();
    expect(a.text).toBe(b.text);
    expect(a.summary.lines).toBe(2_000);
    const { orders, errors } = await collect(parseShopifyCsv(streamOf(a.text)));
    expect(errors).toEqual([]);
    expect(orders).toHaveLength(a.summary.orders);
    expect(orders.reduce((n, o) => n + o.lines.length, 0)).toBe(2_000);
    expect(a.text).toContain("'02134");
    expect(a.text).toMatch(/"gift_message: [^"]*\nwrap: yes"/);
  });
});
