import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { checkRecordBounds, cleanCell, indexHeader, readCsvRecords, type HeaderIndex } from "./csv-records";
import { IngestFormatError } from "./errors";
import { MAX_DEFERRED_ERRORS, MAX_ERRORS_PER_ORDER, MAX_LINES_PER_ORDER } from "./limits";
import { toCountryCode } from "./country";
import { parseMoneyToMinor } from "./money";
import { assertTimeZone, excelSerialToDate, parseTikTokExportTime } from "./time";
import {
  columnNames,
  detectTikTokExportLanguage,
  isKnownTikTokHeader,
  readTikTokExportStatus,
  readTikTokFulfillmentType,
  TIKTOK_EXPORT_LANGUAGES,
  TIKTOK_LANGUAGE_NAMES,
  type TikTokColumnKey,
  type TikTokExportLanguage,
} from "./tiktok-export-languages";
import type { FieldResult, LabelSource, NormalizedLine, NormalizedOrder, OrderStatus, ParsedItem } from "./types";

export type TikTokExportOptions = {
  /** The store's IANA zone: export times carry no zone. */
  timeZone: string;
  /** The store's ISO 4217 currency: amounts are written without a code (an explicit code in a cell wins). */
  currency: string;
};

export const TIKTOK_XLSX_SHEET = "OrderSKUList";
const DESCRIPTION_ROW_ORDER_ID = "platform unique order id.";

/** A cell as read: text from CSV, text or number from XLSX (an XLSX date arrives as its serial). */
type Cell = string | number;
type SourceRow = { line: number; cells: readonly Cell[] };

type ColumnKey = TikTokColumnKey;
type ColumnMap = Record<ColumnKey, { index: number; name: string }>;

const COLUMN_KEYS: readonly ColumnKey[] = [...new Set(TIKTOK_EXPORT_LANGUAGES.flatMap((l) => Object.keys(l.columns) as ColumnKey[]))];

function mapColumns(header: HeaderIndex, language: TikTokExportLanguage): ColumnMap {
  const entries = COLUMN_KEYS.map((key) => {
    const names = columnNames(key, language);
    const index = header.find(names);
    return [key, { index, name: index >= 0 ? (header.names[index] ?? names[0] ?? key) : (names[0] ?? key) }];
  });
  return Object.fromEntries(entries) as ColumnMap;
}

/** A status cell in any language table, without a substatus (kept for callers that only have one cell). */
export function mapTikTokDisplayStatus(text: string): OrderStatus | null {
  const r = readTikTokExportStatus(text, "", TIKTOK_EXPORT_LANGUAGES[0] as TikTokExportLanguage);
  return r.ok ? r.status : null;
}

/**
 * The export's language from its header; an unknown one is refused naming the header cells that could
 * not be read (a file in a language without a table would otherwise fail on every row).
 */
export function resolveTikTokExportLanguage(header: readonly string[]): TikTokExportLanguage {
  const language = detectTikTokExportLanguage(header);
  if (language) return language;
  const unread = header.map((h) => h.replace(/^\uFEFF/, "").trim()).filter((h) => h !== "" && !isKnownTikTokHeader(h));
  const shown = unread
    .slice(0, 3)
    .map((h) => `"${h}"`)
    .join(", ");
  throw new IngestFormatError(
    `TikTok Shop export: cannot read the header ${shown || "(empty)"}${unread.length > 3 ? ` and ${unread.length - 3} more` : ""}: ` +
      `not a column of a TikTok Shop export in ${TIKTOK_LANGUAGE_NAMES} (no "Order ID" column in a known language)`,
  );
}

/**
 * Who bought the shipping label. `Shipping Type` and `Delivery Option` name it directly ("TikTok
 * Shipping", "Shipped by TikTok" → TIKTOK_SHIPPING; "Seller Shipping", "Shipped by seller" → SELLER).
 * `Fulfillment Type` only helps one way: fulfilled by TikTok (FBT) means TikTok's label, but
 * "Fulfillment by seller" says nothing about the label (sellers may still buy TikTok labels) → UNKNOWN.
 */
export function mapTikTokLabelSource(cells: { shippingType: string; deliveryOption: string; fulfillmentType: string }): LabelSource {
  for (const text of [cells.shippingType, cells.deliveryOption]) {
    const s = text.toLowerCase();
    if (s.includes("tiktok")) return "TIKTOK_SHIPPING";
    if (s.includes("seller")) return "SELLER";
  }
  if (/tiktok|fbt/.test(cells.fulfillmentType.toLowerCase())) return "TIKTOK_SHIPPING";
  return "UNKNOWN";
}

function readText(row: SourceRow, col: { index: number; name: string }): FieldResult<string> {
  if (col.index < 0) return { ok: true, value: "" };
  const cell = row.cells[col.index];
  if (typeof cell === "number") {
    // Spreadsheet number cells are doubles: an 18-digit id has already lost its last digits, and
    // guessing them back would attach the row to someone else's order.
    if (Number.isInteger(cell) && !Number.isSafeInteger(cell)) {
      return { ok: false, reason: `numeric cell ${cell} cannot be read exactly (format the column as text and re-export)` };
    }
    return { ok: true, value: String(cell) };
  }
  return { ok: true, value: cleanCell(cell) };
}

const REQUIRED: readonly (ColumnKey | readonly ColumnKey[])[] = [
  "orderId",
  "status",
  ["sellerSku", "skuId"],
  "productName",
  "quantity",
  "unitPrice",
  "orderAmount",
  "createdTime",
];

/** Every required column must be there under some language's name; a missing one is named in the file's language. */
function checkTikTokColumns(header: HeaderIndex, language: TikTokExportLanguage): void {
  const first = (k: ColumnKey) => language.columns[k]?.[0] ?? TIKTOK_EXPORT_LANGUAGES[0]?.columns[k]?.[0] ?? k;
  const missing = REQUIRED.filter((r) => (typeof r === "string" ? [r] : r).every((k) => header.find(columnNames(k, language)) < 0)).map((r) =>
    typeof r === "string" ? first(r) : r.map(first).join(" or "),
  );
  if (missing.length > 0) {
    throw new IngestFormatError(`TikTok Shop export (${language.name}): missing required column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`);
  }
}

type Group = {
  orderId: string;
  line: number;
  first: SourceRow;
  lines: NormalizedLine[];
  errors: { line: number; message: string }[];
  /** rows past the per-order bounds, not read */ skipped: number;
};

function createRowReader(columns: ColumnMap, language: TikTokExportLanguage, options: TikTokExportOptions) {
  const errors: { line: number; message: string }[] = [];
  const fail = (row: SourceRow, key: ColumnKey, reason: string): void => {
    errors.push({ line: row.line, message: `${columns[key].name}: ${reason}` });
  };
  const text = (row: SourceRow, key: ColumnKey): string => {
    const r = readText(row, columns[key]);
    if (r.ok) return r.value;
    fail(row, key, r.reason);
    return "";
  };
  const time = (row: SourceRow, key: ColumnKey): Date | null => {
    const col = columns[key];
    const cell = col.index >= 0 ? row.cells[col.index] : undefined;
    const r = typeof cell === "number" ? excelSerialToDate(cell, options.timeZone) : parseTikTokExportTime(cell ?? "", options.timeZone);
    if (r.ok) return r.value;
    fail(row, key, r.reason);
    return null;
  };
  const money = (row: SourceRow, key: ColumnKey): { minor: number; currency: string } | null => {
    const s = text(row, key);
    if (s === "") {
      fail(row, key, "missing");
      return null;
    }
    const r = parseMoneyToMinor(s, options.currency);
    if (r.ok) return r.value;
    fail(row, key, r.reason);
    return null;
  };
  const optional = (s: string): string | null => (s === "" ? null : s);
  const firstOf = (row: SourceRow, keys: ColumnKey[]): string | null => {
    for (const k of keys) {
      const s = text(row, k);
      if (s !== "") return s;
    }
    return null;
  };

  return {
    errors,
    readLine(row: SourceRow): NormalizedLine | null {
      const before = errors.length;
      const sku = text(row, "sellerSku") || text(row, "skuId");
      if (sku === "") fail(row, "sellerSku", "missing (and no SKU ID)");
      const name = text(row, "productName");
      const variation = text(row, "variation");
      const qtyText = text(row, "quantity");
      const quantity = Number(qtyText);
      if (!/^\d+$/.test(qtyText) || !Number.isSafeInteger(quantity) || quantity <= 0) {
        fail(row, "quantity", qtyText === "" ? "missing" : `"${qtyText}" is not a positive whole number`);
      }
      const price = money(row, "unitPrice");
      if (errors.length > before || !price) return null;
      // Variation appended like Shopify's "Lineitem name" ("Tee - Red / M") so both channels read alike.
      return { sku, productName: variation ? `${name} - ${variation}` : name, quantity, unitPriceMinor: price.minor };
    },
    readOrder(group: Group): NormalizedOrder | null {
      const row = group.first;
      const before = errors.length;
      const reading = readTikTokExportStatus(text(row, "status"), text(row, "substatus"), language);
      const status = reading.ok ? reading.status : null;
      if (!reading.ok) fail(row, reading.column, reading.reason);
      const shipping = { fulfillmentType: text(row, "fulfillmentType"), deliveryOption: text(row, "deliveryOption"), shippingType: text(row, "shippingType") };
      const fulfillmentType = readTikTokFulfillmentType(shipping);
      if (!fulfillmentType) fail(row, "fulfillmentType", `unknown value "${shipping.fulfillmentType}"`);
      const placedAt = time(row, "createdTime");
      if (!placedAt && errors.length === before) fail(row, "createdTime", "missing");
      const paidAt = time(row, "paidTime");
      const inTransitAt = time(row, "shippedTime");
      const deliveredAt = time(row, "deliveredTime");
      const cancelledAt = time(row, "cancelledTime");
      // Order-level amounts repeat on every SKU row: read them once, never sum them.
      const amount = money(row, "orderAmount");
      const recipientCountry = text(row, "country");
      if (errors.length > before || !status || !placedAt || !amount || !fulfillmentType) return null;
      const town = text(row, "town");
      const street = firstOf(row, ["addressLine1", "detailAddress"]);
      return {
        externalId: group.orderId,
        orderName: null,
        channel: "TIKTOK_SHOP",
        status,
        placedAt,
        paidAt,
        inTransitAt,
        deliveredAt,
        cancelledAt,
        carrier: optional(text(row, "carrier")),
        trackingNumber: optional(text(row, "trackingId")),
        labelSource: mapTikTokLabelSource(shipping),
        fulfillmentType,
        warehouseName: optional(text(row, "warehouseName")),
        shipFromCountry: null,
        currency: amount.currency,
        totalMinor: amount.minor,
        buyerName: optional(text(row, "recipient")),
        // Seller Center exports never include the buyer's email.
        buyerEmail: null,
        buyerPhone: optional(text(row, "phone")),
        // Address columns differ by region, read by name: US street lines; VN Province/District/Commune/
        // Detail Address; UK and MY Post Town (the city) with County or State; ID Province/Regency and
        // City/Districts/Villages; JP prefecture/city/town (町名 goes before the street).
        shipAddress1: town && street ? `${town} ${street}` : (street ?? (town || null)),
        shipAddress2:
          firstOf(row, ["addressLine2"]) ?? ([text(row, "commune"), text(row, "villages"), text(row, "additionalAddress")].filter(Boolean).join(", ") || null),
        shipCity: firstOf(row, ["city", "postTown", "regencyAndCity", "district", "districts"]),
        shipRegion: firstOf(row, ["state", "county", "province"]),
        shipPostcode: firstOf(row, ["zipcode"]),
        shipCountry: toCountryCode(recipientCountry),
        sourceUpdatedAt: null,
        lines: group.lines,
      };
    },
  };
}

/**
 * Rows → orders. Consecutive rows with the same Order ID form one order (one row per SKU line). An id
 * that reappears after other orders is emitted again as a second item holding only its later rows: the
 * parser stays streaming (no memory of all ids) and the upsert merges lines by (order, sku).
 * A row error drops its whole order (never a partial order) and is reported with the row's file line.
 */
async function* groupRows(header: readonly string[], rows: AsyncIterable<SourceRow>, options: TikTokExportOptions): AsyncGenerator<ParsedItem> {
  const language = resolveTikTokExportLanguage(header);
  const index = indexHeader(header);
  checkTikTokColumns(index, language);
  const columns = mapColumns(index, language);
  const reader = createRowReader(columns, language, options);
  let group: Group | null = null;
  // Errors of rows without a usable id wait until the open order is emitted, so the report stays in
  // file order; they do not end the open order (its next rows may follow).
  let deferred: ParsedItem[] = [];

  function* finish(g: Group): Generator<ParsedItem> {
    const order = g.errors.length === 0 && g.skipped === 0 ? reader.readOrder(g) : null;
    g.errors.push(...reader.errors.splice(0));
    if (order) {
      yield { kind: "order", order, line: g.line };
      return;
    }
    for (const e of g.errors) yield { kind: "error", line: e.line, message: `${e.message} (order ${g.orderId} not imported)` };
    if (g.skipped > 0) {
      yield {
        kind: "error",
        line: g.line,
        message: `${g.skipped.toLocaleString("en-US")} more rows of order ${g.orderId} not read: one order may have at most ${MAX_LINES_PER_ORDER.toLocaleString("en-US")} rows and ${MAX_ERRORS_PER_ORDER} errors (order ${g.orderId} not imported)`,
      };
    }
  }

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

  for await (const row of rows) {
    if (row.cells.every((c) => c === "" || (typeof c === "string" && c.trim() === ""))) continue;
    const idResult = readText(row, columns.orderId);
    if (!idResult.ok) {
      deferred.push({ kind: "error", line: row.line, message: `${columns.orderId.name}: ${idResult.reason}` });
      yield* spill();
      continue;
    }
    const orderId = idResult.value;
    if (orderId.toLowerCase() === DESCRIPTION_ROW_ORDER_ID) continue;
    if (orderId === "") {
      deferred.push({ kind: "error", line: row.line, message: `${columns.orderId.name}: missing` });
      yield* spill();
      continue;
    }
    if (/^\d+(?:\.\d+)?e\+\d+$/i.test(orderId)) {
      // A CSV saved through a spreadsheet: the id is already rounded.
      deferred.push({ kind: "error", line: row.line, message: `${columns.orderId.name}: "${orderId}" was rounded by a spreadsheet (re-export the file)` });
      yield* spill();
      continue;
    }
    if (!group || group.orderId !== orderId) {
      yield* flush();
      group = { orderId, line: row.line, first: row, lines: [], errors: [], skipped: 0 };
    }
    if (group.skipped > 0 || group.lines.length >= MAX_LINES_PER_ORDER || group.errors.length >= MAX_ERRORS_PER_ORDER) {
      group.skipped++;
      continue;
    }
    const line = reader.readLine(row);
    if (line) group.lines.push(line);
    group.errors.push(...reader.errors.splice(0));
  }
  yield* flush();
}

export async function* parseTikTokCsv(input: Readable, options: TikTokExportOptions): AsyncGenerator<ParsedItem> {
  assertTimeZone(options.timeZone);
  const records = readCsvRecords(input);
  const first = await records.next();
  if (first.done) throw new IngestFormatError("TikTok Shop export: the file is empty");
  yield* groupRows(first.value.cells, records, options);
}

function toCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "boolean") return String(value);
  // Only seen when styles are parsed; turn it back into a serial so times are read in the store's zone.
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25_569;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return "";
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (result === undefined || (typeof result === "object" && !(result instanceof Date))) return "";
    return toCell(result);
  }
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : toCell(value.text);
  return "";
}

async function* readSheetRows(sheet: ExcelJS.stream.xlsx.WorksheetReader): AsyncGenerator<SourceRow> {
  let header: string[] | undefined;
  for await (const row of sheet) {
    const values = row.values;
    const cells: Cell[] = [];
    if (Array.isArray(values)) {
      // ExcelJS row values are 1-based and sparse.
      for (let i = 1; i < values.length; i++) cells.push(toCell(values[i] as ExcelJS.CellValue | undefined));
    }
    checkRecordBounds(cells, row.number, header);
    header ??= cells.map((c) => String(c));
    yield { line: row.number, cells };
  }
}

export async function* parseTikTokXlsx(input: Readable, options: TikTokExportOptions): AsyncGenerator<ParsedItem> {
  assertTimeZone(options.timeZone);
  // Streaming reader: shared strings are cached (they are needed to read any text cell) but rows are
  // never held; styles are ignored, so date-formatted cells arrive as serial numbers.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    styles: "ignore",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const seen: string[] = [];
  try {
    for await (const sheet of workbook) {
      // ExcelJS sets the sheet name on the reader at run time but its typings omit it.
      const name = (sheet as unknown as { name: string }).name;
      seen.push(name);
      if (name !== TIKTOK_XLSX_SHEET) continue;
      const rows = readSheetRows(sheet);
      const first = await rows.next();
      if (first.done) throw new IngestFormatError(`TikTok Shop export: sheet ${TIKTOK_XLSX_SHEET} is empty`);
      const header = first.value.cells.map((c) => String(c));
      yield* groupRows(header, rows, options);
      return;
    }
  } catch (error) {
    // A ZIP-looking file that is no workbook (or a broken one) makes ExcelJS/unzip throw its own
    // errors: that is bad input (400), not a server failure. The input's own error (a size limit,
    // a dropped upload) passes through unchanged.
    if (error instanceof IngestFormatError || error === input.errored) throw error;
    throw new IngestFormatError(`TikTok Shop export: not a readable XLSX workbook (${error instanceof Error ? error.message.slice(0, 200) : "unreadable"})`);
  } finally {
    // Stopping after the wanted sheet (or on an error) leaves the rest of the archive unread: release the input.
    input.destroy();
  }
  throw new IngestFormatError(`TikTok Shop export: no sheet named ${TIKTOK_XLSX_SHEET} (found: ${seen.join(", ") || "none"})`);
}
