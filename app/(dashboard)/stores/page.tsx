import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { Suspense } from "react";
import Link from "next/link";
import { StoreExposureLine } from "@/components/exposure/store-exposure-line";
import { StoreList } from "@/components/stores/store-list";
import { AddStoreForm, ArchiveStoreButton } from "@/components/stores/add-store-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageUser } from "@/lib/auth";
import { cachedRead, cachedViewRead } from "@/lib/data/cache";
import { type DataScope, scopeOf } from "@/lib/data/scope";
import { listStoreHealth } from "@/lib/data/connection-health";
import { listStoreSummaries, pageOfStores } from "@/lib/data/stores";
import { StoresPager } from "@/components/stores/stores-pager";
import { pageParam } from "@/lib/validations/page";
import { ExposurePending } from "@/components/exposure/exposure-overview";
import { exposureSummariesWithin } from "@/lib/data/exposure";
import { listArchivedStores } from "@/lib/data/routing";
import { listSupplierOptions } from "@/lib/data/suppliers";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stores");
  return { title: t("list.title") };
}

export default async function StoresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Suppliers never see store pages: they go back to the overview with a notice.
  const user = await requirePageUser(["OWNER", "OPS"]);
  const scope = scopeOf(user);
  const [t, page] = await Promise.all([getTranslations("stores"), searchParams.then((p) => pageParam(p.page))]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("list.title")}</h1>
        <p className="text-sm text-slate-500">{t("list.intro")}</p>
      </div>
      <Suspense fallback={<Skeleton className="h-64" />}>
        <StoresSection scope={scope} page={page} />
      </Suspense>
      {user.role === "OWNER" ? (
        <Suspense fallback={<Skeleton className="h-48" />}>
          <OwnerStoreAdmin scope={scope} />
        </Suspense>
      ) : null}
    </div>
  );
}

async function OwnerStoreAdmin({ scope }: { scope: DataScope }) {
  // View reads (lib/data/cache.ts): forgotten by the owner's next change, so an added supplier or
  // an archived store shows on the next view.
  const [suppliers, archived, t] = await Promise.all([
    cachedViewRead("view-suppliers", scope.organizationId, () => listSupplierOptions(scope)),
    cachedViewRead("view-archived", scope.organizationId, () => listArchivedStores(scope)),
    getTranslations("stores"),
  ]);
  return (
    <>
      <Card id="add-store">
        <CardHeader title={t("list.addTitle")} description={t("list.addDescription")} />
        <CardBody>
          <AddStoreForm suppliers={suppliers} />
        </CardBody>
      </Card>
      {archived.length ? (
        <Card>
          <CardHeader title={t("list.archivedTitle")} description={t("list.archivedDescription")} />
          <ul className="divide-y divide-slate-100">
            {archived.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                <Link href={`/stores/${s.id}`} className="text-sm font-medium text-slate-800 hover:underline">
                  {s.name}
                </Link>
                <ArchiveStoreButton storeId={s.id} archived name={s.name} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

async function StoresSection({ scope, page }: { scope: DataScope; page: number }) {
  const now = new Date();
  // Figures, like the overview's, are served from the short cache (lib/data/cache.ts): a warm view costs no aggregate.
  const [all, exposure, t] = await Promise.all([
    cachedRead(`store-figures:${scope.organizationId}`, () => listStoreSummaries(scope, now)),
    exposureSummariesWithin(scope, now),
    getTranslations("stores"),
  ]);
  if (all.length === 0) return <EmptyState title={t("list.emptyTitle")}>{t("list.emptyBody")}</EmptyState>;
  const list = pageOfStores(all, page);
  const { stores } = list;
  const listed = new Set(stores.map((s) => s.id));
  // The connection health of this page's stores only, as a view read keyed by those stores: a reconnection or sync the
  // user starts here shows on the next view; a sync or push from elsewhere within the cache period.
  const health = await cachedViewRead("view-health", scope.organizationId, () => listStoreHealth(scope, now, [...listed]), [...listed].join(","));
  const tiktok = (exposure ?? []).filter((e) => e.channel === "TIKTOK_SHOP" && listed.has(e.storeId));
  return (
    <div className="space-y-4">
      <StoreList stores={stores} now={now} health={health} />
      <StoresPager list={list} />
      {exposure === undefined ? <ExposurePending /> : null}
      {tiktok.length ? (
        <Card>
          <CardHeader title={t("list.exposureTitle")} description={t("list.exposureDescription")} />
          <ul className="divide-y divide-slate-100">
            {tiktok.map((e) => (
              <li key={e.storeId} className="flex flex-col gap-1 px-4 py-2 sm:flex-row sm:items-center sm:justify-between">
                <Link href={`/stores/${e.storeId}`} className="text-sm font-medium text-slate-800 hover:underline">
                  {e.name}
                </Link>
                <StoreExposureLine summary={e} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
