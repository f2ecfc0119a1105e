import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Listings" };

export default async function ListingsPage() {
  const user = await requirePageUser(["OWNER", "OPS"]);
  const scope = scopeOf(user);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Listings</h1>
        <p className="text-sm text-slate-500">
          TikTok price against the brand site (the landing page) and shared stock against open orders of both channels · riskiest first
        </p>
      </div>
      <Suspense fallback={<Skeleton className="h-96" />}>
        <ParitySection scope={scope} />
      </Suspense>
      {user.role === "OWNER" ? (
        <Card className="max-w-xl">
          <CardHeader title="Import a price list" description="One channel per file; rows with an unknown SKU or a bad price are listed with their line." />
          <CardBody>
            <CsvImportForm id="prices" endpoint="/api/compliance/prices/import" columns="sku, price, currency" withChannel />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}

async function ParitySection({ scope }: { scope: DataScope }) {
  const [{ rows, total }, settings] = await Promise.all([getListingParityPage(scope, new Date(), LISTINGS_SHOWN), getPolicySettings(scope)]);
  if (rows.length === 0) return <EmptyState title="No listings yet">Import a price list to start comparing channels.</EmptyState>;
  return (
    <Card>
      {total > rows.length ? (
        <p role="status" className="border-b border-slate-100 px-4 py-2 text-sm text-slate-600" data-testid="listings-bounded">
          The {rows.length} riskiest of {total} listings: oversold stock and the widest price gaps first.
        </p>
      ) : null}
      <ListingsTable rows={rows} canSetPrice={scope.role === "OWNER"} canSetStock toleranceMinor={settings.pricing.toleranceMinor} />
    </Card>
  );
}
