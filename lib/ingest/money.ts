import type { FieldResult } from "./types";

// The currency table is lib/money.ts (shared with every formatter); re-exported for the parsers.
import { getCurrencyExponent, isCurrencyCode } from "@/lib/money";

export { getCurrencyExponent, isCurrencyCode };

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;

/**
 * Strict decimal string ("-1234.5") to integer minor units. Pure string/BigInt arithmetic because
 * floats cannot represent most decimal amounts; extra fraction digits round half away from zero
 * (commercial rounding, what the marketplaces' own statements do).
 */
export function parseDecimalToMinor(text: string, exponent: number): FieldResult<number> {
  const m = DECIMAL.exec(text);
  const intDigits = m?.[2] ?? "";
  const fracDigits = m?.[3] ?? "";
  if (!m || (intDigits === "" && fracDigits === "")) return { ok: false, reason: `"${text}" is not a decimal amount` };
  const kept = fracDigits.slice(0, exponent).padEnd(exponent, "0");
  const firstDropped = fracDigits.charAt(exponent);
  let minor = BigInt(`${intDigits || "0"}${kept}`);
  if (firstDropped !== "" && firstDropped >= "5") minor += 1n;
  if (m[1] === "-") minor = -minor;
  const value = Number(minor);
  if (!Number.isSafeInteger(value)) return { ok: false, reason: `"${text}" is too large` };
  // Normalise -0 so equality checks and JSON stay clean.
  return { ok: true, value: value === 0 ? 0 : value };
}

const SYMBOL_PREFIX = /^(?:US\$|S\$|A\$|C\$|HK\$|NT\$|RM|Rp|\$|£|€|¥|₫|฿|₱|₩|₹)\s*/;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

export type MoneyValue = { minor: number; currency: string };

/**
 * Lenient money cell ("$12.34", "12.34", "1,234.56", "GBP 12.34", "-$5.00", "(5.00)") to minor units.
 * An ISO code written in the cell wins over `defaultCurrency`. Commas are accepted only as thousands
 * separators in groups of three, so "12,34" (decimal comma) is rejected rather than read as 1234.
 */
export function parseMoneyToMinor(text: string, defaultCurrency: string): FieldResult<MoneyValue> {
  let s = text.trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  let currency = defaultCurrency;
  const prefixed = /^([A-Z]{3})\s*(.*)$/.exec(s);
  const suffixed = prefixed ? null : /^(.*?)\s*([A-Z]{3})$/.exec(s);
  if (prefixed) {
    currency = prefixed[1] ?? currency;
    s = (prefixed[2] ?? "").trim();
  } else if (suffixed) {
    currency = suffixed[2] ?? currency;
    s = (suffixed[1] ?? "").trim();
  }
  if (s.startsWith("-")) {
    negative = !negative;
    s = s.slice(1).trim();
  }
  s = s.replace(SYMBOL_PREFIX, "");
  if (s.startsWith("-")) {
    negative = !negative;
    s = s.slice(1);
  }
  if (s.includes(",")) {
    if (!THOUSANDS.test(s)) return { ok: false, reason: `"${text}" is not an amount` };
    s = s.replace(/,/g, "");
  }
  if (!/^\d*(?:\.\d*)?$/.test(s) || s === "" || s === ".") return { ok: false, reason: `"${text}" is not an amount` };
  if (!isCurrencyCode(currency)) return { ok: false, reason: `unknown currency "${currency}"` };
  const parsed = parseDecimalToMinor(negative ? `-${s}` : s, getCurrencyExponent(currency));
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  return { ok: true, value: { minor: parsed.value, currency } };
}
