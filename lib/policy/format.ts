/** Formats integer minor units without float arithmetic: 150000 USD → "$1,500.00". */
export function formatMoney(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`money must be integer minor units: ${minor}`);
  const symbol = currency === "USD" ? "$" : currency === "GBP" ? "£" : currency === "EUR" ? "€" : `${currency} `;
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100).toLocaleString("en-US");
  const cents = String(abs % 100).padStart(2, "0");
  return `${sign}${symbol}${whole}.${cents}`;
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
