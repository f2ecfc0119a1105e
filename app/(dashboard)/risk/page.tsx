import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { Suspense } from "react";
import { BulkPaste } from "@/components/risk/bulk-paste";
import { RiskQueue } from "@/components/risk/risk-queue";
import { UrlSelect } from "@/components/risk/url-select";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/components/ui/cn";
import { requirePageUser } from "@/lib/auth";
import { listStoreOptions } from "@/lib/data/returns";
import { countOpenFlagsByRule, getRiskQueue, toRiskJson } from "@/lib/data/risk";
import { type DataScope, scopeOf } from "@/lib/data/scope";
import { RULE_IDS, type RuleId } from "@/lib/policy";
import { ruleTitleIn } from "@/lib/i18n/policy-text";
import { RISK_PAGE_SIZE, type RiskQuery, parseRiskQuery, riskQueryToParams } from "@/lib/validations/risk";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("risk");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RiskPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser();
  const scope = scopeOf(user);
  const parsed = parseRiskQuery(await searchParams);
  const query: RiskQuery = parsed.success ? parsed.data : { page: 1 };
  const canEdit = user.role !== "SUPPLIER";
  const params = riskQueryToParams(query).toString();
  const t = await getTranslations("risk");

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      {!parsed.success ? (
        <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          {t("invalidFilter", { params: parsed.issues.map((i) => i.param).join(", ") })}
        </p>
      ) : null}
      <Suspense fallback={<Skeleton className="h-20" />}>
        <RuleSummary scope={scope} active={query.rule} store={query.store} />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-14" />}>
        <Filters scope={scope} />
      </Suspense>
      {canEdit ? <BulkPaste /> : null}
      <Suspense key={params} fallback={<QueueSkeleton />}>
        <QueueSection scope={scope} query={query} params={params} canEdit={canEdit} />
      </Suspense>
    </div>
  );
}

async function Filters({ scope }: { scope: DataScope }) {
  const [stores, t, locale] = await Promise.all([listStoreOptions(scope), getTranslations("risk.filters"), getLocale()]);
  const rules = RULE_IDS.map((id) => ({ value: id, label: ruleTitleIn(id, locale) }));
  return (
    <div className="flex flex-col gap-3 sm:flex-row" role="group" aria-label={t("label")}>
      <UrlSelect name="rule" label={t("rule")} allLabel={t("allRules")} options={rules} />
      <UrlSelect name="store" label={t("store")} allLabel={t("allStores")} options={stores.map((s) => ({ value: s.id, label: s.name }))} />
    </div>
  );
}

/** Open flags grouped by rule: each a link that filters the queue to it. */
async function RuleSummary({ scope, active, store }: { scope: DataScope; active?: string; store?: string }) {
  const [counts, t, locale] = await Promise.all([countOpenFlagsByRule(scope, new Date()), getTranslations("risk"), getLocale()]);
  if (counts.length === 0) return null;
  const href = (rule?: string) => {
    const p = riskQueryToParams({ rule: rule as RuleId | undefined, store });
    return p.size ? `/risk?${p}` : "/risk";
  };
  return (
    <nav aria-label={t("byRule")} className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1">
      {counts.map((c) => {
        const title = ruleTitleIn(c.rule, locale);
        const isActive = c.rule === active;
        return (
          <Link
            key={c.rule}
            href={href(isActive ? undefined : c.rule)}
            aria-current={isActive ? "true" : undefined}
            className={cn(
              "max-w-[14rem] min-w-[10rem] shrink-0 rounded-lg border px-3 py-2 text-left text-xs transition focus-visible:outline-2 focus-visible:outline-slate-900",
              isActive ? "border-slate-900 bg-slate-900 text-white" : "border-slate-200 bg-white text-slate-700 hover:border-slate-400",
            )}
          >
            <span className="flex items-baseline gap-2">
              <span className="text-lg font-semibold tabular-nums">{t("count", { count: c.count })}</span>
              {c.critical ? (
                <span className={cn("font-medium", isActive ? "text-rose-200" : "text-rose-700")}>{t("critical", { count: c.critical })}</span>
              ) : null}
            </span>
            <span className="line-clamp-2">{title}</span>
          </Link>
        );
      })}
    </nav>
  );
}

async function QueueSection({ scope, query, params, canEdit }: { scope: DataScope; query: RiskQuery; params: string; canEdit: boolean }) {
  const now = new Date();
  const locale = await getLocale();
  const queue = await getRiskQueue(
    scope,
    { storeId: query.store, rule: query.rule, limit: RISK_PAGE_SIZE, offset: (query.page - 1) * RISK_PAGE_SIZE },
    now,
    locale,
  );
  const initial = { items: queue.items.map((item) => toRiskJson(item, locale)), total: queue.total, now: now.toISOString() };
  return <RiskQueue initial={initial} params={params} page={query.page} canEdit={canEdit} />;
}

function QueueSkeleton() {
  return (
    <div className="space-y-2">
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} className="h-20" />
      ))}
    </div>
  );
}
