import { PIVOT_CURRENCY } from "@/lib/fx/rate-table";
import { parseRate, rateToString } from "@/lib/fx/rate";
import { readCsvText } from "./csv-records";
import { IngestFormatError } from "./errors";

// The ECB's euro foreign exchange reference rates as CSV (the "eurofxref" files), pure: text in,
// rates out, or errors naming line and column. Two shapes, both read here:
//
// - daily (eurofxref.csv, inside eurofxref.zip): one header and one row, cells after ", ", a
//   trailing comma (and space) on both lines, the day written out in English:
//     Date, USD, JPY, BGN, CZK, DKK, GBP, …, ZAR,
//     10 February 2023, 1.0690, 139.88, 1.9558, 23.692, 7.4445, 0.88348, …, 19.0834,
// - history (eurofxref-hist.csv, inside eurofxref-hist.zip): every working day since 4 Jan 1999,
//   newest first, ISO days, no spaces, still a trailing comma, and "N/A" where a currency was not
//   quoted that day (the old ones: CYP, EEK, …; RUB since March 2022):
//     Date,USD,JPY,BGN,CYP,CZK,DKK,EEK,GBP,…,ZAR,
//     2019-04-10,1.1279,125.38,1.9558,N/A,25.608,…,15.7391,
// Columns are found by their header (the order has changed over the years: ILS once came last).
// Every rate is 1 EUR = rate units of the column's currency.

export type EcbRate = { day: string; base: string; quote: string; rate: string };

export type EcbErrorCode =
  "empty" | "syntax" | "notEcb" | "badCurrency" | "duplicateCurrency" | "noRows" | "badDate" | "duplicateDay" | "badRate" | "extraCell" | "tooManyRows";

/** One problem, where it is: 1-based file line and column (null: the file as a whole). */
export type EcbError = { code: EcbErrorCode; line: number; column: number | null; columnName: string | null; value?: string; otherLine?: number };

export type EcbParse = { rates: EcbRate[]; days: string[]; errors: EcbError[]; moreErrors: number };

/** Rows of one file: the history holds ~7,000 working days; this is eighty years of them. */
export const MAX_ECB_ROWS = 20_000;
/** Errors listed for one file; the rest are counted. */
export const MAX_ECB_ERRORS = 50;

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** "2019-04-10", "10 April 2019", "03 June 2021" or "3 Jun 2021" as YYYY-MM-DD; null when it is no real day. */
export function parseEcbDay(text: string): string | null {
  const s = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const long = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(s.replace(/\s+/g, " "));
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (long) {
    const name = (long[2] as string).toLowerCase();
    const index = MONTHS.findIndex((month) => month === name || (name.length === 3 && month.startsWith(name)));
    if (index < 0) return null;
    [y, m, d] = [Number(long[3]), index + 1, Number(long[1])];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1999) return null;
  return date.toISOString().slice(0, 10);
}

const shown = (value: string) => (value.length > 24 ? `${value.slice(0, 24)}…` : value);

/** Parses a reference-rate file. Any error: the caller imports nothing (a rate file is all or nothing). */
export function parseEcbCsv(text: string): EcbParse {
  const errors: EcbError[] = [];
  let moreErrors = 0;
  const fail = (error: EcbError) => {
    if (errors.length < MAX_ECB_ERRORS) errors.push(error);
    else moreErrors++;
  };
  const done = () => ({ rates: [] as EcbRate[], days: [] as string[], errors, moreErrors });

  let records;
  try {
    records = readCsvText(text);
  } catch (error) {
    if (error instanceof IngestFormatError) {
      fail({ code: "syntax", line: 1, column: null, columnName: null, value: error.message });
      return done();
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) {
    fail({ code: "empty", line: 1, column: null, columnName: null });
    return done();
  }
  const headerCells = header.cells.map((c) => c.replace(/^\uFEFF/, "").trim());
  if ((headerCells[0] ?? "").toLowerCase() !== "date") {
    fail({ code: "notEcb", line: header.line, column: 1, columnName: headerCells[0] ?? null, value: shown(headerCells[0] ?? "") });
    return done();
  }
  // Column index → currency; "" for the empty column the trailing comma makes.
  const currencies: string[] = [""];
  const seen = new Map<string, number>();
  for (let i = 1; i < headerCells.length; i++) {
    const code = headerCells[i] as string;
    currencies.push(code);
    if (code === "") continue;
    if (!/^[A-Z]{3}$/.test(code) || code === PIVOT_CURRENCY)
      fail({ code: "badCurrency", line: header.line, column: i + 1, columnName: code, value: shown(code) });
    else if (seen.has(code)) fail({ code: "duplicateCurrency", line: header.line, column: i + 1, columnName: code, value: code });
    else seen.set(code, i);
  }
  if (errors.length) return done();
  if (rows.length === 0) {
    fail({ code: "noRows", line: header.line, column: null, columnName: null });
    return done();
  }
  if (rows.length > MAX_ECB_ROWS) {
    fail({ code: "tooManyRows", line: (rows[MAX_ECB_ROWS] as { line: number }).line, column: null, columnName: null, value: String(MAX_ECB_ROWS) });
    return done();
  }

  const rates: EcbRate[] = [];
  const dayLines = new Map<string, number>();
  for (const row of rows) {
    const cells = row.cells.map((c) => c.trim());
    // A line of nothing but commas and spaces (an editor's trailing line) is no row.
    if (cells.every((c) => c === "")) continue;
    const day = parseEcbDay(cells[0] ?? "");
    if (!day) {
      fail({ code: "badDate", line: row.line, column: 1, columnName: "Date", value: shown(cells[0] ?? "") });
      continue;
    }
    const earlier = dayLines.get(day);
    if (earlier !== undefined) {
      fail({ code: "duplicateDay", line: row.line, column: 1, columnName: "Date", value: day, otherLine: earlier });
      continue;
    }
    dayLines.set(day, row.line);
    for (let i = 1; i < cells.length; i++) {
      const cell = cells[i] as string;
      const quote = currencies[i];
      if (cell === "" || cell.toUpperCase() === "N/A") continue;
      if (!quote) {
        fail({ code: "extraCell", line: row.line, column: i + 1, columnName: null, value: shown(cell) });
        continue;
      }
      const rate = parseRate(cell);
      if (!rate) {
        fail({ code: "badRate", line: row.line, column: i + 1, columnName: quote, value: shown(cell) });
        continue;
      }
      rates.push({ day, base: PIVOT_CURRENCY, quote, rate: rateToString(rate) });
    }
  }
  if (errors.length || moreErrors) return done();
  if (rates.length === 0) fail({ code: "noRows", line: header.line, column: null, columnName: null });
  return { rates: errors.length ? [] : rates, days: [...dayLines.keys()].sort(), errors, moreErrors };
}
