import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Card } from "@/components/ui/card";
import { cachedViewRead } from "@/lib/data/cache";
import { getDepositTotals } from "@/lib/data/compliance";
import type { DataScope } from "@/lib/data/scope";
import { formatMoney } from "@/lib/format";
import { moneyLocale } from "@/lib/i18n/intl-locale";

/**
 * The organisation's cash held in store deposits, per currency: a fixed cash-flow commitment
 * (policy: deposit). Async server component for the Overview; renders nothing for suppliers.
 */
export async function DepositsTotal({ scope }: { scope: DataScope }) {
  if (scope.role === "SUPPLIER") return null;
  const [totals, t, locale] = await Promise.all([
    cachedViewRead("view-deposits", scope.organizationId, () => getDepositTotals(scope)),
    getTranslations("compliance.deposits"),
    getLocale(),
  ]);
  return (
    <Card className="p-4" data-testid="deposits-total">
      <h2 className="text-sm font-semibold text-slate-700">{t("title")}</h2>
      {totals.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("none")}</p>
      ) : (
        <dl className="mt-2 space-y-1">
          {totals.map((total) => (
            <div key={total.currency} className="flex items-baseline justify-between gap-3">
              <dt className="text-xs text-slate-500">{t("stores", { currency: total.currency, count: total.stores })}</dt>
              <dd className="text-2xl font-semibold tabular-nums" data-currency={total.currency} data-minor={total.totalMinor}>
                {formatMoney(total.totalMinor, total.currency, moneyLocale(total.currency, locale))}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <Link href="/compliance" className="mt-2 inline-block text-xs font-medium text-slate-600 underline hover:text-slate-900">
        {t("ledgers")}
      </Link>
    </Card>
  );
}
