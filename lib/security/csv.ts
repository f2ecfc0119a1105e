// Every CSV the app writes goes through here. A spreadsheet runs a cell that starts with
// = + - @ (or a tab or carriage return, which some strip first) as a formula, so text from
// buyers, marketplaces or uploaded files could otherwise come out as
// =HYPERLINK("http://evil.example","US"). As OWASP recommends, such a cell gets a leading
// apostrophe (shown by no spreadsheet, and a formula no more). Plain numbers (-12.50) cannot be
// formulas and stay numbers.

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

export function neutralizeCsvCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** One field: neutralised, then quoted (RFC 4180) when it holds a quote, comma, line break or edge space. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const s = neutralizeCsvCell(String(value));
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One record, CRLF-terminated. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
