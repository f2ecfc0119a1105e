import { describe, it, expect } from "vitest";
import { IngestFormatError } from "./errors";
import { mapTikTokDisplayStatus, mapTikTokLabelSource, parseTikTokCsv, parseTikTokXlsx } from "./tiktok-export";
import { collect, openFixture, streamOf } from "./test-helpers";

const US = { timeZone: "America/New_York", currency: "USD" };
const TH = { timeZone: "Asia/Bangkok", currency: "THB" };

describe("parseTikTokCsv — US export (BOM, CRLF, description row, trailing tabs, AM/PM)", () => {
  it("groups SKU rows into orders and skips the description row", async () => {
    const { orders, errors } = await collect(parseTikTokCsv(openFixture("tiktok-us.csv"), US));
    expect(errors).toEqual([]);
    expect(orders.map((o) => [o.externalId, o.status, o.line])).toEqual([
      ["583870900000000001", "IN_TRANSIT", 3],
      ["583870900000000002", "AWAITING_SHIPMENT", 6],
      ["583870900000000003", "CANCELLED", 7],
      ["583870900000000004", "DELIVERED", 8],
    ]);
  });

  it("keeps 18-digit ids as exact strings and order amounts un-summed", async () => {
    const { orders } = await collect(parseTikTokCsv(openFixture("tiktok-us.csv"), US));
    const a = orders[0]!;
    expect(a.externalId).toBe("583870900000000001");
    expect(a.totalMinor).toBe(123456); // "$1,234.56" on both rows, read once
    expect(a.currency).toBe("USD");
    expect(a.lines).toEqual([
      { sku: "TEE-RED-M", productName: "Cotton Tee - Red, M", quantity: 2, unitPriceMinor: 1250 },
      // no Seller SKU: falls back to the 19-digit SKU ID, as a string
      { sku: "1729384756102938476", productName: "Canvas Tote", quantity: 1, unitPriceMinor: 118456 },
    ]);
  });

  it("reads times in the store zone, across the DST change", async () => {
    const { orders } = await collect(parseTikTokCsv(openFixture("tiktok-us.csv"), US));
    const [a, b, c, d] = orders;
    expect(a!.placedAt.toISOString()).toBe("2025-03-09T06:30:00.000Z"); // EST, before the 2am jump
    expect(a!.inTransitAt!.toISOString()).toBe("2025-03-10T18:05:00.000Z"); // EDT
    expect(b!.placedAt.toISOString()).toBe("2024-12-31T17:15:00.000Z"); // 12:15 PM
    expect(c!.placedAt.toISOString()).toBe("2025-07-04T04:00:00.000Z"); // 12:00 AM
    expect(c!.cancelledAt!.toISOString()).toBe("2025-07-05T03:59:59.000Z");
    expect(d!.deliveredAt!.toISOString()).toBe("2025-01-06T20:00:00.000Z");
  });

  it("maps carrier, tracking, label source and US address columns", async () => {
    const { orders } = await collect(parseTikTokCsv(openFixture("tiktok-us.csv"), US));
    const [a, b, , d] = orders;
    expect(a).toMatchObject({
      carrier: "USPS",
      trackingNumber: "9400111899223344556677",
      labelSource: "TIKTOK_SHIPPING",
      buyerName: "Ana Lopez",
      shipAddress1: "12 Elm St",
      shipAddress2: "Apt 4",
      shipCity: "Boston",
      shipRegion: "Massachusetts",
      shipPostcode: "02134",
      shipCountry: "US",
      channel: "TIKTOK_SHOP",
      orderName: null,
    });
    expect(b!.labelSource).toBe("SELLER");
    expect(d!.labelSource).toBe("UNKNOWN"); // "Standard shipping" + "Fulfillment by seller" say nothing
  });
});

describe("parseTikTokCsv — TH export (day-first 24 h, header variants, VN-style address)", () => {
  it("reads day-first dates, alternative spellings and Province/District/Detail Address", async () => {
    const { orders, errors } = await collect(parseTikTokCsv(openFixture("tiktok-th.csv"), TH));
    expect(errors).toEqual([]);
    const [e, f] = orders;
    expect(e).toMatchObject({
      externalId: "577000000000000101",
      status: "COMPLETED",
      currency: "THB",
      totalMinor: 32000,
      labelSource: "TIKTOK_SHIPPING",
      carrier: "Flash Express",
      trackingNumber: "TH0123456789A",
      shipAddress1: "99 Wireless Rd",
      shipAddress2: "Lumphini, Floor 3",
      shipCity: "Pathum Wan",
      shipRegion: "Bangkok",
      shipCountry: "TH",
    });
    expect(e!.placedAt.toISOString()).toBe("2025-02-13T11:45:10.000Z");
    expect(e!.deliveredAt!.toISOString()).toBe("2025-02-15T09:20:00.000Z");
    // "Canceled Time" spelling; 01/03 is 1 March (day-first), not 3 January
    expect(f).toMatchObject({ status: "CANCELLED", labelSource: "SELLER", totalMinor: 105025 });
    expect(f!.placedAt.toISOString()).toBe("2025-02-28T17:05:00.000Z");
    expect(f!.cancelledAt!.toISOString()).toBe("2025-03-02T16:10:00.000Z");
  });
});

describe("parseTikTokCsv — row errors", () => {
  it("reports bad rows with file line numbers and the column, and keeps going", async () => {
    const { orders, errors } = await collect(parseTikTokCsv(openFixture("tiktok-errors.csv"), US));
    expect(errors).toEqual([
      { line: 6, message: expect.stringMatching(/^Created Time: "13\/45\/2025 01:30:00 PM" is not a date.*order 583870900000000011 not imported/) },
      { line: 7, message: "Order ID: missing" },
      { line: 9, message: expect.stringMatching(/^Quantity: "two" is not a positive whole number.*order 583870900000000012/) },
      { line: 10, message: expect.stringMatching(/^Order Status: unknown status "Lost in space"/) },
      { line: 11, message: expect.stringMatching(/^Order ID: "5.8387E\+17" was rounded/) },
    ]);
    // The first order spans lines 3–5 (quoted newlines); an id seen again later is emitted again.
    expect(orders.map((o) => [o.externalId, o.line, o.lines.map((l) => l.sku)])).toEqual([
      ["583870900000000010", 3, ["A"]],
      ["583870900000000010", 12, ["H"]],
    ]);
  });

  it("throws IngestFormatError naming the missing columns", async () => {
    await expect(collect(parseTikTokCsv(openFixture("tiktok-missing-columns.csv"), US))).rejects.toThrow(IngestFormatError);
    await expect(collect(parseTikTokCsv(openFixture("tiktok-missing-columns.csv"), US))).rejects.toThrow(
      "missing required columns: Order Amount, Created Time",
    );
  });

  it("maps by header name, not position", async () => {
    const csv = [
      "Created Time,Order Amount,Quantity,Product Name,Seller SKU,Order Status,SKU Unit Original Price,Order ID",
      "01/02/2025 09:00:00 AM,$5.00,1,Pen,PEN,Awaiting Collection,$5.00,583870900000000099",
    ].join("\n");
    const { orders } = await collect(parseTikTokCsv(streamOf(csv), US));
    expect(orders[0]).toMatchObject({ externalId: "583870900000000099", status: "AWAITING_COLLECTION", totalMinor: 500 });
  });

  it("rejects an unknown time zone up front", async () => {
    await expect(collect(parseTikTokCsv(openFixture("tiktok-us.csv"), { timeZone: "Mars/Olympus", currency: "USD" }))).rejects.toThrow(RangeError);
  });
});

describe("parseTikTokXlsx — OrderSKUList sheet", () => {
  it("reads the OrderSKUList sheet, refuses rounded number ids, reads date cells in the store zone", async () => {
    const { orders, errors } = await collect(parseTikTokXlsx(openFixture("tiktok-us.xlsx"), US));
    expect(orders.map((o) => [o.externalId, o.status, o.line, o.totalMinor])).toEqual([
      ["583870900000000001", "AWAITING_COLLECTION", 3, 2500],
      ["583870900000000002", "COMPLETED", 5, 2400],
    ]);
    expect(errors).toEqual([{ line: 6, message: expect.stringMatching(/^Order ID: numeric cell .* cannot be read exactly/) }]);
    const [a, b] = orders;
    expect(a!.lines).toEqual([
      { sku: "TEE-RED-M", productName: "Cotton Tee - Red, M", quantity: 2, unitPriceMinor: 1250 },
      { sku: "TOTE", productName: "Canvas Tote", quantity: 1, unitPriceMinor: 0 },
    ]);
    expect(a!.paidAt!.toISOString()).toBe("2025-03-09T06:31:10.000Z"); // real date cell
    expect(a!.placedAt.toISOString()).toBe("2025-03-09T06:30:00.000Z"); // text cell with a tab
    expect(b!.labelSource).toBe("TIKTOK_SHIPPING"); // Fulfillment by TikTok Shop
  });

  it("throws IngestFormatError when there is no OrderSKUList sheet", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Orders").addRow(["Order ID"]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(collect(parseTikTokXlsx(streamOf(buffer), US))).rejects.toThrow(/no sheet named OrderSKUList \(found: Orders\)/);
  });
});

describe("status and label source mapping", () => {
  it("maps every display status", () => {
    expect(
      ["Unpaid", "On hold", "Awaiting Shipment", "Awaiting Collection", "In Transit", "Delivered", "Completed", "Cancelled", "Partially Shipping"].map(
        mapTikTokDisplayStatus,
      ),
    ).toEqual([
      "AWAITING_PAYMENT",
      "ON_HOLD",
      "AWAITING_SHIPMENT",
      "AWAITING_COLLECTION",
      "IN_TRANSIT",
      "DELIVERED",
      "COMPLETED",
      "CANCELLED",
      "AWAITING_SHIPMENT",
    ]);
    expect(mapTikTokDisplayStatus("Teleported")).toBeNull();
  });

  it("maps label sources", () => {
    const m = (shippingType: string, deliveryOption: string, fulfillmentType: string) =>
      mapTikTokLabelSource({ shippingType, deliveryOption, fulfillmentType });
    expect(m("TikTok", "", "")).toBe("TIKTOK_SHIPPING");
    expect(m("Seller", "Shipped by TikTok", "")).toBe("SELLER"); // Shipping Type wins
    expect(m("", "Shipped by TikTok", "")).toBe("TIKTOK_SHIPPING");
    expect(m("", "Shipped by seller", "")).toBe("SELLER");
    expect(m("", "Standard shipping", "Fulfillment by TikTok Shop")).toBe("TIKTOK_SHIPPING");
    expect(m("", "", "Fulfillment by seller")).toBe("UNKNOWN");
  });
});
