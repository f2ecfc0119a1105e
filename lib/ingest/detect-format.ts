import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { IngestFormatError } from "./errors";
import { normalizeHeaderName } from "./csv-records";
import { detectTikTokExportLanguage, TIKTOK_LANGUAGE_NAMES } from "./tiktok-export-languages";

export type IngestFormat = "tiktok-csv" | "tiktok-xlsx" | "shopify-csv";

/** A required column, or a list of alternatives of which one must be present. */
export type RequiredColumn = string | readonly string[];

export const TIKTOK_REQUIRED_COLUMNS: readonly RequiredColumn[] = [
  "Order ID",
  "Order Status",
  ["Seller SKU", "SKU ID"],
  "Product Name",
  "Quantity",
  "SKU Unit Original Price",
  "Order Amount",
  "Created Time",
];

export const SHOPIFY_REQUIRED_COLUMNS: readonly RequiredColumn[] = [
  "Name",
  "Financial Status",
  "Fulfillment Status",
  "Currency",
  "Total",
  "Created at",
  "Lineitem quantity",
  "Lineitem name",
  "Lineitem price",
];

/** Throws an IngestFormatError naming every missing column. */
export function checkRequiredColumns(header: readonly string[], required: readonly RequiredColumn[], what: string): void {
  const present = new Set(header.map(normalizeHeaderName));
  const missing = required
    .filter((r) => !(typeof r === "string" ? [r] : r).some((n) => present.has(normalizeHeaderName(n))))
    .map((r) => (typeof r === "string" ? r : r.join(" or ")));
  if (missing.length > 0) {
    throw new IngestFormatError(`${what}: missing required column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`);
  }
}

/**
 * Format of a CSV from its header row, by column names (never positions). TikTok exports are
 * recognised in every language with a table (tiktok-export-languages.ts); anything else is refused
 * naming the header cell that could not be read.
 */
export function detectCsvFormat(header: readonly string[]): "tiktok-csv" | "shopify-csv" {
  const names = new Set(header.map(normalizeHeaderName));
  if (detectTikTokExportLanguage(header)) return "tiktok-csv";
  if (names.has("name") && (names.has("lineitem quantity") || names.has("financial status"))) return "shopify-csv";
  const firstCell = header.map((h) => h.replace(/^\uFEFF/, "").trim()).find((h) => h !== "");
  throw new IngestFormatError(
    `unrecognised file: cannot read the header ${firstCell === undefined ? "(empty)" : `"${firstCell}"`}: expected a TikTok Shop order export ` +
      `(column "Order ID" in ${TIKTOK_LANGUAGE_NAMES}) or a Shopify order export (columns "Name", "Lineitem quantity")`,
  );
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Format from the first bytes of a file. XLSX is a zip; whether it holds the `OrderSKUList` sheet is
 * checked while parsing (the sheet list sits inside the archive), where its absence throws.
 */
export function detectFormatFromHead(head: Buffer): IngestFormat {
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return "tiktok-xlsx";
  const text = head.toString("utf8");
  // The first record may itself contain quoted newlines; cut at the first newline outside quotes.
  let inQuotes = false;
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === "\n" || c === "\r")) {
      end = i;
      break;
    }
  }
  let header: string[] = [];
  try {
    const rows = parse(text.slice(0, end), { bom: true, relax_column_count: true }) as string[][];
    header = rows[0] ?? [];
  } catch {
    throw new IngestFormatError("unrecognised file: the first line is not a CSV header row");
  }
  return detectCsvFormat(header);
}

const HEAD_BYTES = 64 * 1024;

/**
 * Peeks at the start of a stream to detect its format and hands back a stream that replays every byte,
 * so callers (upload route, CLI) can detect and then parse without buffering the file.
 */
export async function detectFormatFromStream(input: Readable): Promise<{ format: IngestFormat; stream: Readable }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let done = false;
  while (size < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
    chunks.push(chunk);
    size += chunk.length;
  }
  const head = Buffer.concat(chunks);
  let format: IngestFormat;
  try {
    if (head.length === 0) throw new IngestFormatError("empty file");
    format = detectFormatFromHead(head);
  } catch (error) {
    await iterator.return?.();
    throw error;
  }
  async function* replay(): AsyncGenerator<Buffer | string> {
    try {
      yield head;
      if (done) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // Destroying the returned stream early must also release the original input.
      if (!done) await iterator.return?.();
    }
  }
  // Readable.from gives backpressure and destroy propagation without a hand-written pump.
  return { format, stream: Readable.from(replay(), { objectMode: false }) };
}
