import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { Suspense } from "react";
import { StoreCompliancePanel } from "@/components/compliance/store-compliance-panel";
import { StoreExposure, StoreExposureSkeleton } from "@/components/exposure/store-exposure";
import { SyncNowButton } from "@/components/import/sync-now-button";
import { CHANNEL_TONE } from "@/components/ui/tones";
import { ConnectionHealthCard } from "@/components/stores/connection-health";
import { StoreRevenueFigures } from "@/components/currency/store-revenue";
import { RegisterWebhooksButton } from "@/components/stores/register-webhooks-button";
import { FlagBadges, MarketKind, StoreFigureList } from "@/components/stores/store-figures";
import { IntegrationCard, LateDispatchesCard, OpenFlagsCard } from "@/components/stores/store-sections";
import { StoreSettingsForm } from "@/components/stores/store-settings-form";
import { ArchiveStoreButton } from "@/components/stores/add-store-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { getStoreHealth } from "@/lib/data/connection-health";
import { getRiskQueue } from "@/lib/data/risk";
import { listArchivedStores } from "@/lib/data/routing";
import { type DataScope, scopeOf } from "@/lib/data/scope";
import { type StoreDetail, getStoreDetail, listRecentLateDispatches } from "@/lib/data/stores";
import { zoneAbbreviation } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stores");
  return { title: t("page.title") };
}

export default async function StorePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(["OWNER", "OPS"]);
  const scope = scopeOf(user);
  const { id } = await params;
  const now = new Date();
  let store: StoreDetail;
  try {
    store = await getStoreDetail(scope, id, now);
  } catch (error) {
    // Another organisation's store is "not found", never "forbidden": its existence is not ours to reveal.
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const [t, tv] = await Promise.all([getTranslations("stores"), getTranslations("vocabulary")]);

  return (
    <div className="space-y-6">
      <div>
        <Link href="/stores" className="text-sm text-slate-500 hover:text-slate-900">
          {t("page.back")}
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <h1 className="text-xl font-semibold">{store.name}</h1>
          <Badge tone={CHANNEL_TONE[store.channel]}>{tv(`channel.${store.channel}`)}</Badge>
          <FlagBadges flags={store.figures.flags} />
        </div>
        <p className="text-sm text-slate-500">
          <MarketKind market={store.market} kind={store.kind} /> · {store.timeZone} ({zoneAbbreviation(now, store.timeZone)}) · {store.currency} ·{" "}
          {t("page.joined", { date: store.joinedOn })}
        </p>
        {user.role === "OWNER" ? <StoreArchiveSection scope={scope} storeId={store.id} name={store.name} /> : null}
      </div>

      <Card>
        <CardHeader title={t("page.last30Title")} description={t("page.last30Description")} />
        <CardBody>
          <StoreFigureList figures={store.figures} large />
          <Suspense fallback={null}>
            <StoreRevenueFigures scope={scope} storeId={store.id} now={now} />
          </Suspense>
        </CardBody>
      </Card>

      <Suspense fallback={<Skeleton className="h-40" />}>
        <StoreCompliancePanel scope={scope} storeId={store.id} now={now} />
      </Suspense>

      <section aria-labelledby="exposure-heading" className="space-y-2" data-testid="exposure-slot">
        <h2 id="exposure-heading" className="text-sm font-semibold text-slate-700">
          {t("page.exposureHeading")}
        </h2>
        <Suspense fallback={<StoreExposureSkeleton label={t("page.exposureLoading")} />}>
          <StoreExposure scope={scope} storeId={store.id} now={now} />
        </Suspense>
      </section>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Suspense fallback={<Skeleton className="h-72" />}>
          <FlagsSection scope={scope} store={store} now={now} />
        </Suspense>
        <Suspense fallback={<Skeleton className="h-72" />}>
          <LateSection scope={scope} store={store} now={now} />
        </Suspense>
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="lg:col-span-1">
          <div className="space-y-3">
            <Suspense fallback={<Skeleton className="h-40" />}>
              <HealthSection scope={scope} store={store} now={now} canSetBuffer={user.role === "OWNER"} />
            </Suspense>
            <IntegrationCard store={store} />
            {store.channel === "TIKTOK_SHOP" || store.integration.shopifyAccessToken ? <SyncNowButton storeId={store.id} /> : null}
            {store.channel === "BRAND_SITE" && store.integration.shopifyAccessToken && user.role === "OWNER" ? (
              <RegisterWebhooksButton storeId={store.id} />
            ) : null}
          </div>
        </div>
        <div className="lg:col-span-2">
          {user.role === "OWNER" ? (
            <Card>
              <CardHeader title={t("page.settingsTitle")} description={t("page.settingsDescription")} />
              <CardBody>
                <StoreSettingsForm
                  store={{
                    id: store.id,
                    channel: store.channel,
                    name: store.name,
                    timeZone: store.timeZone,
                    market: store.market,
                    kind: store.kind,
                    currency: store.currency,
                    joinedOn: store.joinedOn,
                    secretsSet: store.integration,
                  }}
                  zones={Intl.supportedValuesOf("timeZone")}
                />
              </CardBody>
            </Card>
          ) : (
            <Card className="p-4 text-sm text-slate-500">{t("page.ownerOnly")}</Card>
          )}
        </div>
      </div>
    </div>
  );
}

async function FlagsSection({ scope, store, now }: { scope: DataScope; store: StoreDetail; now: Date }) {
  const queue = await getRiskQueue(scope, { storeId: store.id, limit: 10 }, now, await getLocale());
  return <OpenFlagsCard items={queue.items} total={queue.total} storeId={store.id} timeZone={store.timeZone} />;
}

async function HealthSection({ scope, store, now, canSetBuffer }: { scope: DataScope; store: StoreDetail; now: Date; canSetBuffer: boolean }) {
  return <ConnectionHealthCard health={await getStoreHealth(scope, store.id, now)} timeZone={store.timeZone} canSetBuffer={canSetBuffer} />;
}

async function LateSection({ scope, store, now }: { scope: DataScope; store: StoreDetail; now: Date }) {
  const rows = await listRecentLateDispatches(scope, store.id, now);
  return <LateDispatchesCard rows={rows} timeZone={store.timeZone} basis={store.figures.lateBasis} />;
}

async function StoreArchiveSection({ scope, storeId, name }: { scope: DataScope; storeId: string; name: string }) {
  const [archivedStores, t] = await Promise.all([listArchivedStores(scope), getTranslations("stores")]);
  const archived = archivedStores.some((s) => s.id === storeId);
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      {archived ? <Badge tone="neutral">{t("page.archivedBadge")}</Badge> : null}
      <ArchiveStoreButton storeId={storeId} archived={archived} name={name} />
    </div>
  );
}
