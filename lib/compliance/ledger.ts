import type { Channel } from "@/lib/policy/types";

// Pure bookkeeping for the compliance records: no I/O, so the seed, the refresh and the screens
// all read the same numbers.

export type DepositKind = "PAYMENT" | "REFUND" | "DEDUCTION";
export type DepositLine = { kind: DepositKind; amountMinor: number; currency: string };

/** Payments add to the deposit; refunds (money back to the seller) and deductions (penalties taken from it) reduce it. */
export function signedDepositAmount(line: Pick<DepositLine, "kind" | "amountMinor">): number {
  return line.kind === "PAYMENT" ? line.amountMinor : -line.amountMinor;
}

/** Balance per currency in minor units, currencies in alphabetical order. */
export function depositBalances(lines: readonly DepositLine[]): { currency: string; balanceMinor: number }[] {
  const byCurrency = new Map<string, number>();
  for (const l of lines) byCurrency.set(l.currency, (byCurrency.get(l.currency) ?? 0) + signedDepositAmount(l));
  return [...byCurrency.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, balanceMinor]) => ({ currency, balanceMinor }));
}

/**
 * The deposit the policy engine judges, in the standard's currency. No entry in that currency
 * means "unknown" (null), not zero: the seller may simply not have recorded it yet.
 */
export function depositForPolicy(lines: readonly DepositLine[], currency: string): number | null {
  const mine = lines.filter((l) => l.currency === currency);
  if (mine.length === 0) return null;
  return mine.reduce((sum, l) => sum + signedDepositAmount(l), 0);
}

export type VideoStyle = "REAL_PERSON" | "DEMO" | "CONVERSATION_STARTER" | "STATIC_IMAGES" | "TEXT_SLIDESHOW" | "NO_REAL_PERSON";

// The reading of the seed: a real person, a demo or a conversation starter is
// interactive; static image stacks, text-only slideshows and videos without a real person are not.
export const NON_INTERACTIVE_STYLES: readonly VideoStyle[] = ["STATIC_IMAGES", "TEXT_SLIDESHOW", "NO_REAL_PERSON"];

export function isNonInteractiveStyle(style: VideoStyle): boolean {
  return NON_INTERACTIVE_STYLES.includes(style);
}

export const VIDEO_STYLE_LABEL: Record<VideoStyle, string> = {
  REAL_PERSON: "Real person",
  DEMO: "Demo",
  CONVERSATION_STARTER: "Conversation starter",
  STATIC_IMAGES: "Static images",
  TEXT_SLIDESHOW: "Text-only slideshow",
  NO_REAL_PERSON: "No real person",
};

export type PricePoint = { channel: Channel; currency: string; priceMinor: number; effectiveAt: Date };

/** The latest price per channel and currency at `now` (future-dated prices are not current yet). */
export function currentPrices(history: readonly PricePoint[], now: Date): PricePoint[] {
  const latest = new Map<string, PricePoint>();
  for (const p of history) {
    if (p.effectiveAt.getTime() > now.getTime()) continue;
    const key = `${p.channel}:${p.currency}`;
    const seen = latest.get(key);
    if (!seen || p.effectiveAt.getTime() >= seen.effectiveAt.getTime()) latest.set(key, p);
  }
  return [...latest.values()];
}

export type PricePair = { currency: string; tiktokPriceMinor: number; brandSitePriceMinor: number };

/** TikTok vs brand-site price for every currency both channels are priced in. */
export function pricePairs(current: readonly PricePoint[]): PricePair[] {
  const pairs: PricePair[] = [];
  for (const t of current) {
    if (t.channel !== "TIKTOK_SHOP") continue;
    const site = current.find((p) => p.channel === "BRAND_SITE" && p.currency === t.currency);
    if (site) pairs.push({ currency: t.currency, tiktokPriceMinor: t.priceMinor, brandSitePriceMinor: site.priceMinor });
  }
  return pairs.sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Signed difference of TikTok against the brand site in basis points of the brand-site price. */
export function differenceBasisPoints(pair: PricePair): number {
  if (pair.brandSitePriceMinor === 0) return 0;
  return Math.round(((pair.tiktokPriceMinor - pair.brandSitePriceMinor) * 10_000) / pair.brandSitePriceMinor);
}

/** GBP prices are judged as the UK market, everything else as the US. */
export function marketOfCurrency(currency: string): "US" | "UK" {
  return currency === "GBP" ? "UK" : "US";
}
