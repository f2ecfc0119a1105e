import { minorUnitsToDecimalString } from "@/lib/money";

/**
 * Formats integer minor units without float arithmetic, with the currency's own number of
 * decimals (lib/money.ts): 150000 USD → "$1,500.00", 1500 KWD → "KWD 1.500".
 */
export function formatMoney(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`money must be integer minor units: ${minor}`);
  const symbol = currency === "USD" ? "$" : currency === "GBP" ? "£" : currency === "EUR" ? "€" : `${currency} `;
  const decimal = minorUnitsToDecimalString(Math.abs(minor), currency);
  const [whole = "0", fraction] = decimal.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${minor < 0 ? "-" : ""}${symbol}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/** Basis points (1/100 of a percent) as "4.5%"; integer maths, rounded half away from zero. */
export function formatBasisPoints(bp: number): string {
  const tenths = Math.round(bp / 10);
  const abs = Math.abs(tenths);
  return `${tenths < 0 ? "-" : ""}${Math.floor(abs / 10)}.${abs % 10}%`;
}

/** part/whole in basis points, rounded; both integers (minor units). */
export function basisPoints(part: number, whole: number): number {
  if (whole === 0) return 0;
  return Math.round((part * 10_000) / whole);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
