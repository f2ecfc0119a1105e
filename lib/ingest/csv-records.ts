import { pipeline, type Readable } from "node:stream";
import { parse, CsvError, type Options } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { IngestFormatError } from "./errors";
import { describePlace, MAX_CELL_CHARS, MAX_COLUMNS, MAX_RECORD_BYTES } from "./limits";

export type CsvRecord = { cells: string[]; /** 1-based file line where the record starts */ line: number };

/** Line breaks in a raw record; CRLF counts once, a lone CR or LF once each. */
function countLineBreaks(raw: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (raw.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

const PARSE_OPTIONS: Options = {
  bom: true,
  raw: true,
  relax_column_count: true,
  skip_empty_lines: true,
  record_delimiter: ["\r\n", "\n", "\r"],
  // Without a bound an unterminated quote buffers the rest of the file as one cell.
  max_record_size: MAX_RECORD_BYTES,
};

/**
 * The FILE line each record starts on, and the bounds of every record (lib/ingest/limits.ts).
 * csv-parse's own `info.lines` miscounts CRLF inside quoted cells, so lines are counted from the
 * raw record text instead: the raw text holds the skipped empty lines before the record and (at
 * least the first character of) its terminator.
 */
function createRecordReader() {
  let linesBefore = 0;
  let header: string[] | undefined;
  return {
    next(item: { record: string[]; raw: string }): CsvRecord {
      const raw = item.raw;
      let start = 0;
      while (start < raw.length && (raw.charCodeAt(start) === 10 || raw.charCodeAt(start) === 13)) start++;
      const emptyLines = countLineBreaks(raw, 0, start);
      const line = linesBefore + emptyLines + 1;
      linesBefore += emptyLines + countLineBreaks(raw, start, raw.length);
      checkRecordBounds(item.record, line, header);
      header ??= item.record;
      return { cells: item.record, line };
    },
    /** A parser error as the seller's message: where, and what. */
    failure(error: CsvError): IngestFormatError {
      if (error.code === "CSV_MAX_RECORD_SIZE") {
        const column = typeof error.column === "number" ? error.column : 0;
        return new IngestFormatError(
          `${describePlace(linesBefore + 1, column, header)}: a row longer than ${MAX_RECORD_BYTES.toLocaleString("en-US")} bytes (an unclosed quote?)`,
        );
      }
      return new IngestFormatError(`CSV syntax error after line ${linesBefore}: ${error.message}`);
    },
  };
}

/** Streams CSV records with the file line each starts on: the one CSV reader of the app. */
export async function* readCsvRecords(input: Readable): AsyncGenerator<CsvRecord> {
  const parser = parse(PARSE_OPTIONS);
  // pipeline (not .pipe) so a failing input stream fails the iteration and an early break destroys the input.
  pipeline(input, parser, () => undefined);
  const reader = createRecordReader();
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; raw: string }>) yield reader.next(item);
  } catch (error) {
    if (error instanceof CsvError) throw reader.failure(error);
    throw error;
  }
}

/** The same reader over a small text already in memory (forms' pasted or uploaded CSV). */
export function readCsvText(text: string): CsvRecord[] {
  const reader = createRecordReader();
  try {
    return (parseSync(text, PARSE_OPTIONS) as unknown as { record: string[]; raw: string }[]).map((item) => reader.next(item));
  } catch (error) {
    if (error instanceof CsvError) throw reader.failure(error);
    throw error;
  }
}

/** Refuses a record past the cell or column limits (lib/ingest/limits.ts), naming where. */
export function checkRecordBounds(cells: readonly unknown[], line: number, header?: readonly string[]): void {
  if (cells.length > MAX_COLUMNS) {
    throw new IngestFormatError(`${describePlace(line, MAX_COLUMNS, header)}: more than ${MAX_COLUMNS.toLocaleString("en-US")} columns`);
  }
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === "string" && cell.length > MAX_CELL_CHARS) {
      throw new IngestFormatError(`${describePlace(line, i, header)}: a cell longer than ${MAX_CELL_CHARS.toLocaleString("en-US")} characters`);
    }
  }
}

/** Header cells compared BOM-, case- and whitespace-insensitively ("Order ID\t" = "order id"). */
export function normalizeHeaderName(name: string): string {
  return name
    .replace(/^\uFEFF/, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

export type HeaderIndex = {
  /** Index of the first header matching any of the names (variants of one column), or -1. */
  find(names: readonly string[]): number;
  names: readonly string[];
};

export function indexHeader(header: readonly string[]): HeaderIndex {
  const map = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normalizeHeaderName(h);
    if (!map.has(key)) map.set(key, i);
  });
  return {
    names: header.map((h) => h.replace(/^\uFEFF/, "").trim()),
    find(names) {
      for (const n of names) {
        const i = map.get(normalizeHeaderName(n));
        if (i !== undefined) return i;
      }
      return -1;
    },
  };
}

/** Cell text without the stray tabs/spaces exports add; Shopify's literal `""` counts as empty. */
export function cleanCell(value: string | undefined): string {
  if (value === undefined) return "";
  const s = value.trim();
  return s === '""' ? "" : s;
}
