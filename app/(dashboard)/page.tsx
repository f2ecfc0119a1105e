import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Suspense } from "react";
import { DepositsTotal } from "@/components/compliance/deposits-total";
import { WorstBandsByStore } from "@/components/exposure/exposure-overview";
import { ChannelKpiGrid } from "@/components/overview/channel-totals";
import { ConvertedTrendCard } from "@/components/currency/converted-trend";
import { ReportingTotal } from "@/components/currency/reporting-total";
import { PeriodFilter } from "@/components/overview/period-filter";
import { RiskCounts } from "@/components/overview/risk-counts";
import { UpcomingRules } from "@/components/overview/upcoming-rules";
import { ChartsSkeleton, LazyTrendCharts } from "@/components/overview/trend-charts-lazy";
import { SupplierOrdersList, SupplierOrdersPager, SupplierScorecardCard } from "@/components/supplier-view/supplier-view";
import { Skeleton } from "@/components/ui/skeleton";
import { GettingStarted } from "@/components/setup/getting-started";
import { getSetupStatus } from "@/lib/data/routing";
import { requirePageUser } from "@/lib/auth";
import { type OverviewFilter, getChannelKpis, getRepeatBuyers, getTrends, listStoreOptions, withRepeat } from "@/lib/data/overview";
import { SLOW_SECTION_BUDGET_MS, cachedRead, cachedReadWithin, cachedViewRead } from "@/lib/data/cache";
import { getUpcomingRules } from "@/lib/data/policy-impact";
import { countOpenFlagsByRule } from "@/lib/data/risk";
import { getPolicySettings } from "@/lib/data/policy-settings";
import { convertTrendRevenue, getConvertedKpis } from "@/lib/data/reporting-currency";
import { type DataScope, scopeOf } from "@/lib/data/scope";
import { type SupplierViewScope, getSupplierOrdersPage, getSupplierScorecard } from "@/lib/data/supplier-view";
import { localDateOf, ruleTitle } from "@/lib/policy";
import { type ResolvedPeriod, resolvePeriod } from "@/lib/validations/overview";
import { pageParam } from "@/lib/validations/page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("overview");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser();
  const scope = scopeOf(user);
  const raw = await searchParams;
  const now = new Date();
  const stores = await cachedViewRead("view-stores", scope.organizationId, () => listStoreOptions(scope));
  const wanted = Array.isArray(raw.store) ? raw.store[0] : raw.store;
  // Only a store of this organisation can filter; anything else is ignored, never trusted.
  const store = stores.find((s) => s.id === wanted) ?? null;
  const period = resolvePeriod(raw, now, store?.timeZone ?? "UTC");
  const filter: OverviewFilter = { from: period.from, to: period.to, now, storeId: store?.id ?? null };
  const isSupplier = scope.role === "SUPPLIER";
  const periodKey = `${period.period}:${period.fromDate}:${period.toDate}:${store?.id ?? "all"}`;
  const t = await getTranslations("overview");
  const describe =
    period.period === "custom"
      ? t("customRange", { from: period.fromDate, to: period.toDate, zone: period.timeZone })
      : t("lastDays", { days: Number(period.period) });

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-4 lg:flex-row lg:items-end lg:justify-between">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-500">
            {t("subtitle", { supplier: String(isSupplier), store: store ? store.name : t("allStores"), period: describe })}
          </p>
        </div>
        <PeriodFilter
          period={period.period}
          fromDate={period.fromDate}
          toDate={period.toDate}
          storeId={store?.id ?? null}
          stores={stores.map((s) => ({ id: s.id, name: s.name }))}
        />
      </div>
      {period.notice || (wanted && !store) ? (
        <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          {period.notice ? periodNotice(t, period) : t("notYourStore")}
        </p>
      ) : null}
      {raw.denied ? (
        <p role="status" className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700">
          {t("denied")}
        </p>
      ) : null}

      {isSupplier ? null : (
        <Suspense fallback={null}>
          <SetupSection scope={scope} />
        </Suspense>
      )}

      <Suspense key={`kpi-${period.from.getTime()}-${period.to.getTime()}-${store?.id}`} fallback={<KpiSkeleton label={t("loadingFigures")} />}>
        <KpiSection scope={scope} filter={filter} period={periodKey} />
      </Suspense>

      <section aria-labelledby="trends-heading" className="space-y-3">
        <h2 id="trends-heading" className="text-sm font-semibold text-slate-700">
          {t("trends")}
        </h2>
        <Suspense key={`trend-${period.from.getTime()}-${period.to.getTime()}-${store?.id}`} fallback={<ChartsSkeleton />}>
          <TrendSection scope={scope} filter={filter} timeZone={store ? period.timeZone : null} period={periodKey} />
        </Suspense>
      </section>

      {isSupplier && scope.supplierId ? (
        <section aria-labelledby="supplier-orders-heading" className="space-y-3">
          <h2 id="supplier-orders-heading" className="text-sm font-semibold text-slate-700">
            {t("supplierOrders")}
          </h2>
          <Suspense fallback={<Skeleton className="h-64" />}>
            <SupplierOrdersSection
              scope={{ organizationId: scope.organizationId, supplierId: scope.supplierId }}
              now={now}
              page={pageParam(raw.page)}
              params={keptParams(raw)}
            />
          </Suspense>
        </section>
      ) : null}

      {isSupplier ? null : (
        <section aria-labelledby="risk-heading" className="space-y-3">
          <h2 id="risk-heading" className="text-sm font-semibold text-slate-700">
            {t("attention")}
          </h2>
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
            <div className="lg:col-span-2">
              <Suspense fallback={<Skeleton className="h-64" />}>
                <RiskSection scope={scope} now={now} />
              </Suspense>
            </div>
            <div className="space-y-4">
              <Suspense fallback={<Skeleton className="h-40" />}>
                <WorstBandsByStore scope={scope} now={now} />
              </Suspense>
              <Suspense fallback={<Skeleton className="h-32" />}>
                <UpcomingRulesSection scope={scope} now={now} />
              </Suspense>
              <Suspense fallback={<Skeleton className="h-24" />}>
                <DepositsTotal scope={scope} />
              </Suspense>
            </div>
          </div>
        </section>
      )}
    </div>
  );
}

async function SetupSection({ scope }: { scope: DataScope }) {
  const status = await cachedViewRead("view-setup", scope.organizationId, () => getSetupStatus(scope));
  return <GettingStarted status={status} isOwner={scope.role === "OWNER"} />;
}

/** The cache key of a section: who is looking (tenant, supplier) and which period and store. */
const sectionKey = (name: string, scope: DataScope, period: string) => `${name}:${scope.organizationId}:${scope.supplierId ?? "-"}:${period}`;

async function KpiSection({ scope, filter, period }: { scope: DataScope; filter: OverviewFilter; period: string }) {
  // The repeat rate (distinct buyers: not from the roll-up) is bounded per request on its own.
  const [kpis, repeat, converted] = await Promise.all([
    cachedRead(sectionKey("kpis", scope, period), () => getChannelKpis(scope, filter, { repeat: false })),
    cachedReadWithin(sectionKey("repeat", scope, period), () => getRepeatBuyers(scope, filter), SLOW_SECTION_BUDGET_MS),
    cachedRead(sectionKey("kpis-converted", scope, period), () => getConvertedKpis(scope, filter)),
  ]);
  return (
    <div className="space-y-4">
      <ChannelKpiGrid kpis={withRepeat(kpis, repeat, scope)} converted={converted} />
      <ReportingTotal converted={converted} />
    </div>
  );
}

async function TrendSection({ scope, filter, timeZone, period }: { scope: DataScope; filter: OverviewFilter; timeZone: string | null; period: string }) {
  const [trends, settings] = await Promise.all([
    cachedRead(sectionKey("trends", scope, `${period}:${timeZone ?? "local"}`), () => getTrends(scope, { ...filter, timeZone })),
    cachedViewRead("view-policy", scope.organizationId, () => getPolicySettings(scope)),
  ]);
  // The revenue in the reporting currency, converted per day at the stored rates (lib/data/reporting-currency.ts).
  const converted = await cachedRead(sectionKey("trends-converted", scope, `${period}:${timeZone ?? "local"}`), () =>
    convertTrendRevenue(scope, trends, filter.now),
  );
  return (
    <div className="space-y-4">
      <LazyTrendCharts {...trends} lateThresholdPercent={settings.shopPerformance.lateDispatchRate.maxPercent} />
      {converted ? <ConvertedTrendCard trend={converted} /> : null}
    </div>
  );
}

async function RiskSection({ scope, now }: { scope: DataScope; now: Date }) {
  const counts = await cachedRead(sectionKey("risk-counts", scope, ""), () => countOpenFlagsByRule(scope, now));
  return <RiskCounts counts={counts.map((c) => ({ ...c, title: ruleTitle(c.rule) }))} />;
}

async function UpcomingRulesSection({ scope, now }: { scope: DataScope; now: Date }) {
  // Open orders a coming rule will judge: counted like the other figures, from the short cache.
  return <UpcomingRules rules={await cachedRead(sectionKey("upcoming-rules", scope, localDateOf("US", now)), () => getUpcomingRules(scope, now, 30))} />;
}

/** Why the requested period was not used, in the viewer's language (the English is `period.notice`). */
function periodNotice(t: Awaited<ReturnType<typeof getTranslations<"overview">>>, period: ResolvedPeriod): string {
  const n = period.noticeDetail;
  switch (period.noticeCode) {
    case "unreadable":
      return t("notice.unreadable");
    case "incomplete":
      return t("notice.incomplete");
    case "reversed":
      return t("notice.reversed");
    case "years":
      return t("notice.years", { min: String(n?.min), max: String(n?.max) });
    case "tooLong":
      return t("notice.tooLong", { days: n?.days ?? 0 });
    default:
      return period.notice ?? "";
  }
}

function KpiSkeleton({ label }: { label: string }) {
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2" aria-busy="true" aria-label={label}>
      <Skeleton className="h-72" />
      <Skeleton className="h-72" />
    </div>
  );
}

/** The overview's own query parameters, kept on the supplier's page links. */
function keptParams(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const key of ["period", "from", "to", "store"]) {
    const v = Array.isArray(raw[key]) ? raw[key][0] : raw[key];
    if (typeof v === "string" && v) kept[key] = v;
  }
  return kept;
}

/** A supplier's own view: the same one a share link shows (components/supplier-view), a page at a time. */
async function SupplierOrdersSection({ scope, now, page, params }: { scope: SupplierViewScope; now: Date; page: number; params: Record<string, string> }) {
  const [card, list] = await Promise.all([getSupplierScorecard(scope, now), getSupplierOrdersPage(scope, now, page, undefined, await getLocale())]);
  return (
    <div className="space-y-4">
      {card ? <SupplierScorecardCard card={card} /> : null}
      <SupplierOrdersList orders={list.orders} now={now} />
      <SupplierOrdersPager list={list} basePath="/" params={params} />
    </div>
  );
}
