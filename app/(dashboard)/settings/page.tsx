import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { RatesTable } from "@/components/currency/rates-table";
import { EcbImportForm, FxRateForm, ReportingCurrencyForm } from "@/components/currency/settings-forms";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";
import { listFxRates } from "@/lib/data/fx-rates";
import { getReportingCurrency } from "@/lib/data/reporting-currency";
import { scopeOf } from "@/lib/data/scope";
import { listStoreOptions } from "@/lib/data/overview";
import { currencyChoices } from "@/lib/fx/currencies";
import { pageParam } from "@/lib/validations/page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("currency.settings");
  return { title: t("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The owner's reporting currency and the daily reference rates figures are converted at. */
export default async function SettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser(["OWNER"]);
  const scope = scopeOf(user);
  const now = new Date();
  const page = pageParam((await searchParams).page);
  const [t, reporting, stores, rates] = await Promise.all([
    getTranslations("currency.settings"),
    getReportingCurrency(scope, now),
    listStoreOptions(scope),
    listFxRates(scope, page),
  ]);
  const own = [...reporting.revenueCurrencies, ...stores.map((s) => s.currency), ...(reporting.chosen ? [reporting.chosen] : [])];
  const choices = currencyChoices(own);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">
          {t.rich("intro", {
            link: (chunks) => (
              <Link className="underline" href="/settings/policy">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("reportingTitle")} description={t("reportingDescription")} />
          <CardBody className="space-y-2">
            {reporting.currency ? (
              <p className="text-sm text-slate-700" data-testid="reporting-currency-in-use">
                {t("inUse", { currency: reporting.currency })}
              </p>
            ) : null}
            <ReportingCurrencyForm chosen={reporting.chosen} automatic={reporting.automatic} currencies={choices} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("importTitle")} description={t("importDescription")} />
          <CardBody>
            <EcbImportForm />
          </CardBody>
        </Card>
      </div>
      <Card>
        <CardHeader title={t("rateTitle")} description={t("rateDescription")} />
        <CardBody>
          <FxRateForm today={now.toISOString().slice(0, 10)} currencies={choices} />
        </CardBody>
      </Card>
      <RatesTable list={rates} />
    </div>
  );
}
