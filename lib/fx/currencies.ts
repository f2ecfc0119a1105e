// The currencies the ECB publishes a daily euro reference rate for (as of 2026; BGN until Bulgaria
// joins the euro), and the euro itself: the choices of the reporting currency and of a typed rate.
// Any other ISO 4217 code works too when its rates are entered by hand.
export const ECB_CURRENCIES = [
  "USD",
  "JPY",
  "BGN",
  "CZK",
  "DKK",
  "GBP",
  "HUF",
  "PLN",
  "RON",
  "SEK",
  "CHF",
  "ISK",
  "NOK",
  "TRY",
  "AUD",
  "BRL",
  "CAD",
  "CNY",
  "HKD",
  "IDR",
  "ILS",
  "INR",
  "KRW",
  "MXN",
  "MYR",
  "NZD",
  "PHP",
  "SGD",
  "THB",
  "ZAR",
] as const;

/** EUR, then the given currencies (the organisation's own first), then the ECB's, without repeats. */
export function currencyChoices(own: Iterable<string>): string[] {
  return [...new Set(["EUR", ...[...own].sort(), ...[...ECB_CURRENCIES].sort()])];
}
