import { divideRounded, getCurrencyExponent } from "@/lib/money";

// Currency conversion with exact arithmetic only: a stored rate is an exact decimal (FxRate.rate,
// Decimal(20,10), read as text), a conversion factor an exact fraction of integers, and an amount
// integer minor units. Nothing here touches a float; the one rounding is lib/money.ts's
// divideRounded (half away from zero), once, when the converted amount is produced.
//
// A rate means what the ECB's reference rates mean: 1 unit of `base` = `rate` units of `quote`
// (EUR/GBP 0.8635: one euro buys 0.8635 pounds).

/** An exact positive decimal: `units` / 10^`scale` ("0.8635" → 8635n, 4). */
export type ExactRate = { units: bigint; scale: number };

/** Digits a stored rate may have (the column is Decimal(20,10)). */
export const RATE_INTEGER_DIGITS = 10;
export const RATE_FRACTION_DIGITS = 10;

const RATE_PATTERN = new RegExp(`^(\\d{1,${RATE_INTEGER_DIGITS}})(?:\\.(\\d{1,${RATE_FRACTION_DIGITS}}))?$`);

/**
 * A rate as written ("0.8635", "163.42", "1.0523000000"), or null when it is not a positive
 * decimal that fits the column: no sign, no exponent, no thousands separator, not zero.
 */
export function parseRate(text: string): ExactRate | null {
  const match = RATE_PATTERN.exec(text.trim());
  if (!match) return null;
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  const units = BigInt(`${match[1]}${fraction}`);
  if (units === 0n) return null;
  return { units, scale: fraction.length };
}

/** The canonical decimal text of a rate ("0.8635", "2"): what is stored and shown. */
export function rateToString(rate: ExactRate): string {
  if (rate.scale === 0) return rate.units.toString();
  const digits = rate.units.toString().padStart(rate.scale + 1, "0");
  return `${digits.slice(0, -rate.scale)}.${digits.slice(-rate.scale)}`;
}

/** Units of the target currency per unit of the source, as an exact fraction (den > 0). */
export type Factor = { num: bigint; den: bigint };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function reduced(num: bigint, den: bigint): Factor {
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

/** base → quote: multiply by the rate. */
export function factorOf(rate: ExactRate): Factor {
  return reduced(rate.units, 10n ** BigInt(rate.scale));
}

/** quote → base: divide by the rate (the inverse, exact: no rounded 1/rate). */
export function inverse(factor: Factor): Factor {
  return { num: factor.den, den: factor.num };
}

/** One leg after the other (GBP → EUR, then EUR → USD), exact. */
export function compose(first: Factor, second: Factor): Factor {
  return reduced(first.num * second.num, first.den * second.den);
}

/**
 * `minor` units of `from` in minor units of `to`: minor × factor × 10^(exp(to) − exp(from)),
 * respecting each currency's minor-unit exponent (JPY 0, KWD 3), rounded once.
 */
export function convertMinor(minor: bigint, from: string, to: string, factor: Factor): bigint {
  const shift = getCurrencyExponent(to) - getCurrencyExponent(from);
  const num = minor * factor.num * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  const den = factor.den * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
  return divideRounded(num, den);
}

/** A factor as a decimal string with at most `digits` fraction digits (rounded by the same rule), for display only. */
export function factorToString(factor: Factor, digits = 6): string {
  const scaled = divideRounded(factor.num * 10n ** BigInt(digits), factor.den);
  const text = rateToString({ units: scaled, scale: digits });
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}
