// Bounds on what one uploaded file may make the server hold. An upload may be up to 1 GB, so every
// buffer the parsers keep must be bounded by these numbers, never by the file's size: a hostile
// file (one endless quoted cell, a million broken rows) otherwise grows the server for every tenant.
// Documented in docs/security.md; a file past a limit is refused with a 400 naming line and column.

/** Characters in one cell: Excel's own cell limit, far above any real order export's longest field. */
export const MAX_CELL_CHARS = 32_767;
/** Columns in one row: real exports have under 100. */
export const MAX_COLUMNS = 1_000;
/** Bytes csv-parse may buffer for one record (fields plus the raw text) before it gives up. */
export const MAX_RECORD_BYTES = 1024 * 1024;
/** Consecutive rows (SKU lines) of one order. */
export const MAX_LINES_PER_ORDER = 10_000;
/** Row errors kept for one order before the rest are only counted. */
export const MAX_ERRORS_PER_ORDER = 100;
/** Errors of id-less rows held back (for file order) while an order is open; more are sent on at once. */
export const MAX_DEFERRED_ERRORS = 1_000;
/** Row errors an import keeps (in memory, on the ImportJob row, in the report); the rest are counted. */
export const MAX_STORED_ERRORS = 10_000;

/** "line 12, column 3 (Product Name)": where a limit was passed, 1-based. */
export function describePlace(line: number, columnIndex: number, header?: readonly string[]): string {
  const name = header?.[columnIndex]?.trim();
  return `line ${line}, column ${columnIndex + 1}${name ? ` (${name})` : ""}`;
}
