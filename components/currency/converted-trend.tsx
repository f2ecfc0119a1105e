import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { ConvertedTrend } from "@/lib/data/reporting-currency";
import { formatRateDay, formatRateDays } from "@/lib/fx/format";
import { currencyList } from "./converted-figure";
import { LazyConvertedTrendChart } from "./converted-trend-lazy";

/**
 * The trends' revenue per day converted into the reporting currency, below the per-currency
 * chart: the caption names the rate days used, the tooltip each day's own rate day, and days
 * without a rate are left out of the lines (and said so), never drawn at a guessed rate.
 */
export async function ConvertedTrendCard({ trend }: { trend: ConvertedTrend }) {
  const [t, tf, tc, locale] = await Promise.all([
    getTranslations("currency.trend"),
    getTranslations("currency.figure"),
    getTranslations("vocabulary.channel"),
    getLocale(),
  ]);
  const rates = trend.rates;
  const firstMissing = trend.missing.reduce<string | null>((d, m) => (d === null || m.firstDay < d ? m.firstDay : d), null);
  const missingDays = new Set<string>(trend.points.filter((p) => p.TIKTOK_SHOP === null || p.BRAND_SITE === null).map((p) => p.day)).size;
  const labels = Object.fromEntries(
    trend.points.map((p) => [
      p.day,
      p.rateFirst && p.rateLast
        ? t("tooltipLabel", { day: formatRateDay(p.day, locale), rateDays: formatRateDays(p.rateFirst, p.rateLast, locale) })
        : formatRateDay(p.day, locale),
    ]),
  );
  return (
    <Card data-testid="converted-trend">
      <CardHeader
        title={t("title", { currency: trend.currency })}
        description={
          <>
            {t("description")}
            {rates ? (
              <>
                {" · "}
                <span data-testid="converted-trend-rates">
                  {tf("rateNote", {
                    source: rates.source,
                    count: rates.first === rates.last ? 1 : 2,
                    days: formatRateDays(rates.first, rates.last, locale),
                    cross: rates.cross ? "yes" : "no",
                  })}
                </span>
              </>
            ) : null}
          </>
        }
      />
      <CardBody className="space-y-2">
        {firstMissing ? (
          <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900 ring-1 ring-amber-200" data-testid="converted-trend-missing">
            {t("missing", {
              currencies: currencyList(
                trend.missing.map((m) => m.currency),
                locale,
              ),
              days: missingDays,
              day: formatRateDay(firstMissing, locale),
            })}
          </p>
        ) : null}
        <LazyConvertedTrendChart
          points={trend.points.map((p) => ({ day: p.day, TIKTOK_SHOP: p.TIKTOK_SHOP, BRAND_SITE: p.BRAND_SITE }))}
          labels={labels}
          currency={trend.currency}
          locale={locale}
          channelLabels={{ TIKTOK_SHOP: tc("TIKTOK_SHOP"), BRAND_SITE: tc("BRAND_SITE") }}
          chartLabel={t("chartLabel", { currency: trend.currency })}
        />
      </CardBody>
    </Card>
  );
}
