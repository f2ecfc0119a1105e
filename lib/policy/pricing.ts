import { basisPoints, formatBasisPoints, formatMoney } from "./format";
import { makeFlag } from "./rule-kit";
import type { PolicySettings } from "./settings";
import type { Flag, SkuPriceFacts } from "./types";

/**
 * Rounding a .99 price up to the whole unit ($19.99 ↔ $20.00) is credible (TikTok's 2026 content
 * guide); money is compared in integer minor units, never floats.
 */
export function isNinetyNineRoundUp(aMinor: number, bMinor: number): boolean {
  const low = Math.min(aMinor, bMinor);
  const high = Math.max(aMinor, bMinor);
  return high - low === 1 && low % 100 === 99;
}

export function checkPriceMismatch(sku: SkuPriceFacts, settings: PolicySettings): Flag[] {
  const { tiktokPriceMinor: tiktok, brandSitePriceMinor: site, currency } = sku;
  const diff = tiktok - site;
  if (Math.abs(diff) <= settings.pricing.toleranceMinor) return [];
  if (settings.pricing.allowNinetyNineRoundUp && isNinetyNineRoundUp(tiktok, site)) return [];
  const bp = basisPoints(Math.abs(diff), site);
  const pct = formatBasisPoints(bp);
  const direction = diff > 0 ? "higher" : "lower";
  const why =
    diff > 0
      ? "an inflated price that doesn't match the landing page is penalised"
      : "a price below the landing page looks like a fake discount and is penalised";
  return [
    makeFlag(
      "pricing.mismatch",
      "warning",
      null,
      `TikTok price ${formatMoney(tiktok, currency)} is ${formatMoney(Math.abs(diff), currency)} (${pct}) ${direction} than the brand site's ${formatMoney(site, currency)}: ${why}. Make them match.`,
      [
        { field: "tiktokPriceMinor", value: tiktok },
        { field: "brandSitePriceMinor", value: site },
        { field: "differenceMinor", value: diff },
        { field: "direction", value: diff > 0 ? "tiktok_higher" : "tiktok_lower" },
        { field: "differencePercent", value: pct },
      ],
    ),
  ];
}
