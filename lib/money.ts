// Money is integer minor units everywhere; this is the one table of how many minor units a
// currency has, used by the importers (reading "12.34") and every formatter (writing it back).

// ISO 4217 minor-unit exponents that differ from 2. A table rather than Intl: ICU follows CLDR, which
// disagrees with ISO for a few currencies (e.g. IQD), and stored amounts must not depend on the ICU build.
const NON_TWO_EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code);
}

export function getCurrencyExponent(currency: string): number {
  if (!isCurrencyCode(currency)) throw new RangeError(`not an ISO 4217 currency code: ${currency}`);
  return NON_TWO_EXPONENTS[currency] ?? 2;
}

/** Integer minor units as an exact decimal string ("-1234.500" for KWD), with integer arithmetic only. */
export function minorUnitsToDecimalString(minor: bigint | number, currency: string): string {
  const digits = isCurrencyCode(currency) ? getCurrencyExponent(currency) : 2;
  const value = BigInt(minor);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  if (digits === 0) return `${negative ? "-" : ""}${abs}`;
  const scale = 10n ** BigInt(digits);
  const whole = abs / scale;
  const fraction = (abs % scale).toString().padStart(digits, "0");
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

/**
 * THE rounding rule of money: an exact quotient of integers to whole minor units, half away from
 * zero ("half-up" for the non-negative amounts revenue is; -0.5 → -1, symmetric for refunds).
 * Applied once, at the last step of a computation (a currency conversion, an average), never to
 * an intermediate value. `denominator` must not be zero.
 */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  if (twice >= denominator) return numerator < 0n ? quotient - 1n : quotient + 1n;
  return quotient;
}
