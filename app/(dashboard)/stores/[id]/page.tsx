import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { StoreCompliancePanel } from "@/components/compliance/store-compliance-panel";
import { StoreExposure, StoreExposureSkeleton } from "@/components/exposure/store-exposure";
import { SyncNowButton } from "@/components/import/sync-now-button";
import { CHANNEL_TONE } from "@/components/ui/tones";
import { CHANNEL_LABEL } from "@/lib/vocabulary";
import { ConnectionHealthCard } from "@/components/stores/connection-health";
import { RegisterWebhooksButton } from "@/components/stores/register-webhooks-button";
import { FlagBadges, MARKET_KIND, StoreFigureList } from "@/components/stores/store-figures";
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

export const metadata: Metadata = { title: "Store" };

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

  return (
    <div className="space-y-6">
      <div>
        <Link href="/stores" className="text-sm text-slate-500 hover:text-slate-900">
          ← Stores
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <h1 className="text-xl font-semibold">{store.name}</h1>
          <Badge tone={CHANNEL_TONE[store.channel]}>{CHANNEL_LABEL[store.channel]}</Badge>
          <FlagBadges flags={store.figures.flags} />
        </div>
        <p className="text-sm text-slate-500">
          {MARKET_KIND(store.market, store.kind)} · {store.timeZone} ({zoneAbbreviation(now, store.timeZone)}) · {store.currency} · joined {store.joinedOn}
        </p>
        {user.role === "OWNER" ? <StoreArchiveSection scope={scope} storeId={store.id} name={store.name} /> : null}
      </div>

      <Card>
        <CardHeader title="Last 30 days" description="Cancelled orders excluded" />
        <CardBody>
          <StoreFigureList figures={store.figures} large />
        </CardBody>
      </Card>

      <Suspense fallback={<Skeleton className="h-40" />}>
        <StoreCompliancePanel scope={scope} storeId={store.id} now={now} />
      </Suspense>

      <section aria-labelledby="exposure-heading" className="space-y-2" data-testid="exposure-slot">
        <h2 id="exposure-heading" className="text-sm font-semibold text-slate-700">
          Performance-score exposure
        </h2>
        <Suspense fallback={<StoreExposureSkeleton />}>
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
              <CardHeader title="Settings" description="Only the owner can change these. Every change is recorded in the audit log." />
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
            <Card className="p-4 text-sm text-slate-500">Only the shop owner can change this store&apos;s settings.</Card>
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
  const archived = (await listArchivedStores(scope)).some((s) => s.id === storeId);
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      {archived ? <Badge tone="neutral">Archived: hidden from the daily views</Badge> : null}
      <ArchiveStoreButton storeId={storeId} archived={archived} name={name} />
    </div>
  );
}
