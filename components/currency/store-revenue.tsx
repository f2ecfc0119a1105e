import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import type { DataScope } from "@/lib/data/scope";
import { getStoreRevenue } from "@/lib/data/reporting-currency";
import { formatMoney } from "@/lib/format";
import { ConvertedFigure } from "./converted-figure";

/**
 * A store's revenue and AOV over the last 30 days in its own currency, each with the figure in
 * the reporting currency beside it (when that is another currency), for the store's figures card.
 */
export async function StoreRevenueFigures({ scope, storeId, now }: { scope: DataScope; storeId: string; now: Date }) {
  const [figures, t, locale] = await Promise.all([getStoreRevenue(scope, storeId, now), getTranslations("currency.store"), getLocale()]);
  if (!figures) return null;
  const money = (values: { currency: string; minor: bigint }[]) =>
    values.length === 0 ? (
      <span className="text-slate-400">{t("none")}</span>
    ) : (
      values.map((v) => (
        <span key={v.currency} className="block" data-currency={v.currency} data-minor={v.minor.toString()}>
          {formatMoney(v.minor, v.currency, locale)}
        </span>
      ))
    );
  return (
    <dl className="mt-4 grid grid-cols-1 gap-4 border-t border-slate-100 pt-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="store-revenue">
      <div className="min-w-0">
        <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("revenue")}</dt>
        <dd className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums" data-testid="store-revenue-original">
          {money(figures.revenue)}
        </dd>
        <dd>
          <ConvertedFigure figure={figures.converted?.revenue} testId="store-revenue-converted" />
        </dd>
      </div>
      <div className="min-w-0">
        <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("aov")}</dt>
        <dd className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums" data-testid="store-aov-original">
          {money(figures.aov)}
        </dd>
        <dd>
          <ConvertedFigure figure={figures.converted?.aov} testId="store-aov-converted" />
        </dd>
      </div>
    </dl>
  );
}
