import { basisPoints, formatBasisPoints } from "./format";
import { moneyParam, percentParam, reasonMessage } from "./reason";
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
  return [
    makeFlag(
      "pricing.mismatch",
      "warning",
      null,
      reasonMessage(diff > 0 ? "pricing.higher" : "pricing.lower", {
        tiktok: moneyParam(tiktok, currency),
        difference: moneyParam(Math.abs(diff), currency),
        percent: percentParam(bp),
        site: moneyParam(site, currency),
      }),
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
