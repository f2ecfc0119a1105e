import { useTranslations } from "@/lib/i18n/server";
import { Card } from "@/components/ui/card";
import type { ConvertedKpis } from "@/lib/data/reporting-currency";
import { ConvertedFigure } from "./converted-figure";

/**
 * Both channels' revenue and AOV as one figure in the reporting currency (a US and a UK store
 * added up), under the channel cards. Shown only when something was converted or lacks a rate.
 */
export function ReportingTotal({ converted }: { converted: ConvertedKpis | null | undefined }) {
  const t = useTranslations("currency.figure");
  if (!converted?.total.revenue) return null;
  return (
    <Card className="p-4 sm:p-5" data-testid="reporting-total">
      <h2 className="text-sm font-semibold text-slate-800">{t("totalTitle", { currency: converted.currency })}</h2>
      <p className="text-xs text-slate-500">{t("totalReporting", { automatic: converted.automatic ? "yes" : "no" })}</p>
      <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-3 sm:grid-cols-2">
        <div className="min-w-0">
          <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("revenue")}</dt>
          <dd>
            <ConvertedFigure figure={converted.total.revenue} testId="total-revenue-converted" />
          </dd>
        </div>
        {converted.total.aov ? (
          <div className="min-w-0">
            <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("aov")}</dt>
            <dd>
              <ConvertedFigure figure={converted.total.aov} testId="total-aov-converted" />
            </dd>
          </div>
        ) : null}
      </dl>
    </Card>
  );
}
