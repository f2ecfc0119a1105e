import type { Readable } from "node:stream";
import { cleanCell, indexHeader, readCsvRecords, type CsvRecord } from "./csv-records";
import { checkRequiredColumns, SHOPIFY_REQUIRED_COLUMNS } from "./detect-format";
import { IngestFormatError } from "./errors";
import { MAX_DEFERRED_ERRORS, MAX_ERRORS_PER_ORDER, MAX_LINES_PER_ORDER } from "./limits";
import { getCurrencyExponent, isCurrencyCode, parseDecimalToMinor } from "./money";
import { isCashOnDeliveryMethod, mapShopifyStatus } from "./shopify-status";
import { parseShopifyExportTime } from "./time";
import type { NormalizedLine, NormalizedOrder, ParsedItem } from "./types";

export type ShopifyCsvOptions = {
  /** Used only when an (old) export has an empty Currency cell. */
  defaultCurrency?: string;
};

const COLUMNS = {
  name: "Name",
  email: "Email",
  financialStatus: "Financial Status",
  paidAt: "Paid at",
  fulfillmentStatus: "Fulfillment Status",
  fulfilledAt: "Fulfilled at",
  currency: "Currency",
  total: "Total",
  createdAt: "Created at",
  quantity: "Lineitem quantity",
  lineName: "Lineitem name",
  linePrice: "Lineitem price",
  lineSku: "Lineitem sku",
  billingName: "Billing Name",
  billingPhone: "Billing Phone",
  shippingName: "Shipping Name",
  shippingAddress1: "Shipping Address1",
  shippingAddress2: "Shipping Address2",
  shippingCity: "Shipping City",
  shippingZip: "Shipping Zip",
  shippingProvince: "Shipping Province",
  shippingCountry: "Shipping Country",
  shippingPhone: "Shipping Phone",
  cancelledAt: "Cancelled at",
  phone: "Phone",
  id: "Id",
  paymentMethod: "Payment Method",
} as const;

type ColumnKey = keyof typeof COLUMNS;

type Group = {
  name: string;
  line: number;
  first: CsvRecord;
  lines: NormalizedLine[];
  errors: { line: number; message: string }[];
  /** rows past the per-order bounds, not read */ skipped: number;
};

/** Shopify prefixes ZIPs (and sometimes phones) with an apostrophe so spreadsheets keep leading zeros. */
function stripApostrophe(s: string): string {
  return s.startsWith("'") ? s.slice(1) : s;
}

/**
 * Streams a Shopify order export. Rows are grouped by consecutive `Name`; order-level columns are read
 * from the order's first row only (later rows leave them empty). An order whose rows are not consecutive
 * comes out as a second item missing its order-level columns and is reported, not merged.
 * A row error drops its whole order and is reported with the file line (quoted multi-line cells counted).
 */
export async function* parseShopifyCsv(input: Readable, options: ShopifyCsvOptions = {}): AsyncGenerator<ParsedItem> {
  const records = readCsvRecords(input);
  const first = await records.next();
  if (first.done) throw new IngestFormatError("Shopify export: the file is empty");
  const header = first.value.cells;
  checkRequiredColumns(header, SHOPIFY_REQUIRED_COLUMNS, "Shopify export");
  const index = indexHeader(header);
  // Resolve positions once: this loop runs for every line of very large exports.
  const pos = Object.fromEntries(Object.entries(COLUMNS).map(([k, n]) => [k, index.find([n])])) as Record<ColumnKey, number>;
  const get = (r: CsvRecord, key: ColumnKey): string => {
    const i = pos[key];
    return i < 0 ? "" : cleanCell(r.cells[i]);
  };
  const optional = (s: string): string | null => (s === "" ? null : s);

  const readLine = (r: CsvRecord, errors: { line: number; message: string }[], exponent: number): NormalizedLine | null => {
    const before = errors.length;
    const qtyText = get(r, "quantity");
    const quantity = Number(qtyText);
    if (!/^\d+$/.test(qtyText) || !Number.isSafeInteger(quantity) || quantity <= 0) {
      errors.push({ line: r.line, message: `${COLUMNS.quantity}: ${qtyText === "" ? "missing" : `"${qtyText}" is not a positive whole number`}` });
    }
    const priceText = get(r, "linePrice");
    const price = parseDecimalToMinor(priceText, exponent);
    if (!price.ok) errors.push({ line: r.line, message: `${COLUMNS.linePrice}: ${priceText === "" ? "missing" : price.reason}` });
    const productName = get(r, "lineName");
    if (productName === "") errors.push({ line: r.line, message: `${COLUMNS.lineName}: missing` });
    if (errors.length > before || !price.ok) return null;
    // Custom line items have no SKU; keep '' rather than inventing one.
    return { sku: get(r, "lineSku"), productName, quantity, unitPriceMinor: price.value };
  };

  const readOrder = (g: Group): NormalizedOrder | null => {
    const r = g.first;
    const errors = g.errors;
    const before = errors.length;
    const fail = (key: ColumnKey, reason: string): void => {
      errors.push({ line: r.line, message: `${COLUMNS[key]}: ${reason}` });
    };
    const time = (key: ColumnKey): Date | null => {
      const t = parseShopifyExportTime(get(r, key));
      if (t.ok) return t.value;
      fail(key, t.reason);
      return null;
    };
    const financialStatus = get(r, "financialStatus");
    const fulfillmentStatus = get(r, "fulfillmentStatus");
    if (financialStatus === "") {
      fail("financialStatus", "missing on the order's first row (rows of one order must be consecutive)");
      return null;
    }
    const placedAt = time("createdAt");
    if (!placedAt && errors.length === before) fail("createdAt", "missing");
    const paidAt = time("paidAt");
    const fulfilledAt = time("fulfilledAt");
    const cancelledAt = time("cancelledAt");
    const status = mapShopifyStatus({
      financialStatus,
      fulfillmentStatus,
      cancelled: cancelledAt !== null || get(r, "cancelledAt") !== "",
      cashOnDelivery: isCashOnDeliveryMethod(get(r, "paymentMethod")),
    });
    if (!status) fail("financialStatus", `unknown status "${financialStatus}" / ${COLUMNS.fulfillmentStatus} "${fulfillmentStatus}"`);
    const currency = get(r, "currency").toUpperCase() || (options.defaultCurrency ?? "");
    if (!isCurrencyCode(currency)) fail("currency", currency === "" ? "missing" : `"${currency}" is not an ISO 4217 code`);
    const totalText = get(r, "total");
    const total = isCurrencyCode(currency) ? parseDecimalToMinor(totalText, getCurrencyExponent(currency)) : null;
    if (total && !total.ok) fail("total", totalText === "" ? "missing" : total.reason);
    if (errors.length > before || !placedAt || !status || !total?.ok) return null;
    return {
      externalId: g.name,
      orderName: g.name,
      sourceId: /^\d+$/.test(get(r, "id")) ? get(r, "id") : null,
      channel: "BRAND_SITE",
      status,
      placedAt,
      paidAt,
      inTransitAt: fulfilledAt,
      deliveredAt: null,
      cancelledAt,
      // The export has no tracking column: tracking arrives through fulfilment webhooks.
      carrier: null,
      trackingNumber: null,
      labelSource: "UNKNOWN",
      fulfillmentType: "SELLER_SHIPPING",
      warehouseName: null,
      shipFromCountry: null,
      currency,
      totalMinor: total.value,
      buyerName: optional(get(r, "shippingName")) ?? optional(get(r, "billingName")),
      buyerEmail: optional(get(r, "email")),
      buyerPhone: optional(stripApostrophe(get(r, "shippingPhone") || get(r, "phone") || get(r, "billingPhone"))),
      shipAddress1: optional(get(r, "shippingAddress1")),
      shipAddress2: optional(get(r, "shippingAddress2")),
      shipCity: optional(get(r, "shippingCity")),
      shipRegion: optional(get(r, "shippingProvince")),
      shipPostcode: optional(stripApostrophe(get(r, "shippingZip"))),
      shipCountry: optional(get(r, "shippingCountry").toUpperCase()),
      sourceUpdatedAt: null,
      lines: g.lines,
    };
  };

  function* finish(g: Group): Generator<ParsedItem> {
    const order = g.errors.length === 0 && g.skipped === 0 ? readOrder(g) : null;
    if (order) {
      yield { kind: "order", order, line: g.line };
      return;
    }
    for (const e of g.errors) yield { kind: "error", line: e.line, message: `${e.message} (order ${g.name} not imported)` };
    if (g.skipped > 0) {
      yield {
        kind: "error",
        line: g.line,
        message: `${g.skipped.toLocaleString("en-US")} more rows of order ${g.name} not read: one order may have at most ${MAX_LINES_PER_ORDER.toLocaleString("en-US")} rows and ${MAX_ERRORS_PER_ORDER} errors (order ${g.name} not imported)`,
      };
    }
  }

  let group: Group | null = null;
  let exponent = 2;
  // Errors of rows without a Name wait for the open order so the report stays in file order.
  let deferred: ParsedItem[] = [];
  // Held-back errors are bounded: past the limit they go out before the open order's own.
  function* spill(): Generator<ParsedItem> {
    if (deferred.length < MAX_DEFERRED_ERRORS) return;
    yield* deferred;
    deferred = [];
  }
  function* flush(): Generator<ParsedItem> {
    if (group) yield* finish(group);
    yield* deferred;
    deferred = [];
  }
  for await (const r of records) {
    if (r.cells.every((c) => c.trim() === "")) continue;
    const name = get(r, "name");
    if (name === "") {
      deferred.push({ kind: "error", line: r.line, message: `${COLUMNS.name}: missing` });
      yield* spill();
      continue;
    }
    if (!group || group.name !== name) {
      yield* flush();
      group = { name, line: r.line, first: r, lines: [], errors: [], skipped: 0 };
      const currency = get(r, "currency").toUpperCase() || (options.defaultCurrency ?? "");
      exponent = isCurrencyCode(currency) ? getCurrencyExponent(currency) : 2;
    }
    if (group.skipped > 0 || group.lines.length >= MAX_LINES_PER_ORDER || group.errors.length >= MAX_ERRORS_PER_ORDER) {
      group.skipped++;
      continue;
    }
    const line = readLine(r, group.errors, exponent);
    if (line) group.lines.push(line);
  }
  yield* flush();
}
