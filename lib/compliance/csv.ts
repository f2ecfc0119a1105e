import { type CsvRecord, readCsvText } from "@/lib/ingest/csv-records";
import { IngestFormatError } from "@/lib/ingest/errors";
import type { z } from "zod";

// CSV rows → typed rows through a zod schema. Every problem names the file line and the column,
// so a seller can fix the file; valid rows are kept and saved even when others are wrong.

export type CsvRowError = { line: number; column: string | null; message: string };
export type CsvMapped<T> = { rows: { line: number; data: T }[]; errors: CsvRowError[] };

export function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

export function mapCsv<S extends z.ZodType<unknown, Record<string, unknown>>>(
  text: string,
  schema: S,
  options: { required: readonly string[]; defaults?: Record<string, string> },
): CsvMapped<z.output<S>> {
  let records: CsvRecord[];
  try {
    records = readCsvText(text);
  } catch (error) {
    if (error instanceof IngestFormatError) return { rows: [], errors: [{ line: 1, column: null, message: `The file is not valid CSV: ${error.message}` }] };
    throw error;
  }
  const [header, ...body] = records;
  const names = (header?.cells ?? []).map(normaliseHeader);
  const parsed = body.map((r) => ({
    line: r.line,
    record: Object.fromEntries(names.map((name, i) => [name, r.cells[i]])) as Record<string, string | undefined>,
  }));
  if (parsed.length === 0) return { rows: [], errors: [{ line: 1, column: null, message: "The file has no rows under its header" }] };
  const columns = new Set(names);
  const missing = options.required.filter((c) => !columns.has(c) && options.defaults?.[c] === undefined);
  if (missing.length) return { rows: [], errors: missing.map((c) => ({ line: 1, column: c, message: `Column "${c}" is missing from the header` })) };

  const out: CsvMapped<z.output<S>> = { rows: [], errors: [] };
  for (const { record, line } of parsed) {
    const input: Record<string, string> = { ...options.defaults };
    for (const [k, v] of Object.entries(record)) if (v !== undefined && !(v.trim() === "" && options.defaults?.[k] !== undefined)) input[k] = v;
    const result = schema.safeParse(input);
    if (result.success) out.rows.push({ line, data: result.data });
    else {
      for (const issue of result.error.issues) {
        const column = typeof issue.path[0] === "string" ? issue.path[0] : null;
        const message = issue.code === "invalid_type" && column && input[column] === undefined ? `"${column}" is empty` : issue.message;
        out.errors.push({ line, column, message });
      }
    }
  }
  return out;
}
