import type { Readable } from "node:stream";
import { detectFormatFromStream, type IngestFormat } from "./detect-format";
import { parseShopifyCsv } from "./shopify-csv";
import { parseTikTokCsv, parseTikTokXlsx } from "./tiktok-export";
import type { ParsedItem } from "./types";

export type ParseOrderFileOptions = {
  /** Forced format (CLI `--format`); detected from the file's first bytes when absent. */
  format?: IngestFormat;
  /** The store's IANA zone and currency: TikTok exports carry neither. */
  timeZone: string;
  currency: string;
};

/**
 * One entry point for uploads and the CLI: detects the format (unless forced) and streams ParsedItems.
 * Throws IngestFormatError, on first iteration, for a file that cannot be used at all.
 */
export async function* parseOrderFile(input: Readable, options: ParseOrderFileOptions): AsyncGenerator<ParsedItem> {
  let stream = input;
  let format = options.format;
  if (!format) {
    const detected = await detectFormatFromStream(input);
    stream = detected.stream;
    format = detected.format;
  }
  switch (format) {
    case "tiktok-csv":
      yield* parseTikTokCsv(stream, options);
      return;
    case "tiktok-xlsx":
      yield* parseTikTokXlsx(stream, options);
      return;
    case "shopify-csv":
      yield* parseShopifyCsv(stream, { defaultCurrency: options.currency });
      return;
  }
}
