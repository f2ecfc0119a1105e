import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { Suspense } from "react";
import { CsvImportForm } from "@/components/compliance/csv-import-form";
import { ListingsTable } from "@/components/compliance/listings-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageUser } from "@/lib/auth";
import { LISTINGS_SHOWN, getListingParityPage } from "@/lib/data/compliance";
import { type DataScope, scopeOf } from "@/lib/data/scope";
import { getPolicySettings } from "@/lib/data/policy-settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compliance.listingsPage");
  return { title: t("title") };
}

export default async function ListingsPage() {
  const user = await requirePageUser(["OWNER", "OPS"]);
  const scope = scopeOf(user);
  const t = await getTranslations("compliance.listingsPage");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      <Suspense fallback={<Skeleton className="h-96" />}>
        <ParitySection scope={scope} />
      </Suspense>
      {user.role === "OWNER" ? (
        <Card className="max-w-xl">
          <CardHeader title={t("importTitle")} description={t("importDescription")} />
          <CardBody>
            <CsvImportForm id="prices" endpoint="/api/compliance/prices/import" columns="sku, price, currency" withChannel />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}

async function ParitySection({ scope }: { scope: DataScope }) {
  const [{ rows, total }, settings, t] = await Promise.all([
    getListingParityPage(scope, new Date(), LISTINGS_SHOWN),
    getPolicySettings(scope),
    getTranslations("compliance.listingsPage"),
  ]);
  if (rows.length === 0) return <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>;
  return (
    <Card>
      {total > rows.length ? (
        <p role="status" className="border-b border-slate-100 px-4 py-2 text-sm text-slate-600" data-testid="listings-bounded">
          {t("bounded", { shown: rows.length, total })}
        </p>
      ) : null}
      <ListingsTable rows={rows} canSetPrice={scope.role === "OWNER"} canSetStock toleranceMinor={settings.pricing.toleranceMinor} />
    </Card>
  );
}
