import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Suspense } from "react";
import { ReturnsList } from "@/components/returns/returns-list";
import { UrlSelect } from "@/components/risk/url-select";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/components/ui/cn";
import { requirePageUser } from "@/lib/auth";
import { RETURNS_LIMIT, listReturns, listStoreOptions } from "@/lib/data/returns";
import { type DataScope, scopeOf } from "@/lib/data/scope";
import { formatFlagReason } from "@/lib/i18n/flag-reason";
import { RETURN_REASONS, RETURN_STATUSES, type ReturnQuery, readReturnQuery } from "@/lib/validations/returns";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("returns");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ReturnsPage({ searchParams }: { searchParams: SearchParams }) {
  // Suppliers never see returns: refunds are retail prices.
  const user = await requirePageUser(["OWNER", "OPS"]);
  const scope = scopeOf(user);
  const query = readReturnQuery(await searchParams);
  const key = JSON.stringify(query);
  const t = await getTranslations("returns");
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      <Suspense fallback={<Skeleton className="h-14" />}>
        <Filters scope={scope} />
      </Suspense>
      <Suspense key={key} fallback={<ListSkeleton />}>
        <ListSection scope={scope} query={query} />
      </Suspense>
    </div>
  );
}

async function Filters({ scope }: { scope: DataScope }) {
  const [stores, t] = await Promise.all([listStoreOptions(scope), getTranslations("returns")]);
  return (
    // The status filter is the row of tabs above the list (with counts).
    <div className="flex flex-col gap-3 sm:flex-row" role="group" aria-label={t("filters.label")}>
      <UrlSelect
        name="reason"
        label={t("filters.reason")}
        allLabel={t("filters.anyReason")}
        options={RETURN_REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) }))}
      />
      <UrlSelect name="store" label={t("filters.store")} allLabel={t("filters.allStores")} options={stores.map((s) => ({ value: s.id, label: s.name }))} />
    </div>
  );
}

async function ListSection({ scope, query }: { scope: DataScope; query: ReturnQuery }) {
  const now = new Date();
  const [list, t, locale] = await Promise.all([listReturns(scope, query), getTranslations("returns"), getLocale()]);
  // The flags' reasons in the viewer's language before the list (a client component) gets them.
  const items = list.items.map((i) => ({ ...i, flags: i.flags.map((f) => ({ ...f, reason: formatFlagReason(f, locale) })) }));
  const tab = (status?: string) => {
    const p = new URLSearchParams();
    if (status) p.set("status", status);
    if (query.reason) p.set("reason", query.reason);
    if (query.store) p.set("store", query.store);
    return p.size ? `/returns?${p}` : "/returns";
  };
  const all = list.counts.PENDING + list.counts.APPROVED + list.counts.REFUSED;
  return (
    <section className="space-y-3" aria-label={t("listLabel")}>
      <nav aria-label={t("byStatus")} className="flex flex-wrap gap-2 text-sm">
        {[{ value: undefined, label: t("all"), count: all }, ...RETURN_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`), count: list.counts[s] }))].map(
          (t) => {
            const active = query.status === t.value;
            return (
              <Link
                key={t.label}
                href={tab(t.value)}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "rounded-full px-3 py-1 ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-slate-900",
                  active ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
                )}
              >
                {t.label} <span className="tabular-nums opacity-70">{t.count}</span>
              </Link>
            );
          },
        )}
      </nav>
      {(() => {
        // Pending on TikTok past the response window: the platform has auto-approved them.
        const missed = list.items.filter((i) => i.status === "PENDING" && i.respondBy !== null && Date.parse(i.respondBy) < now.getTime()).length;
        return missed ? (
          <p className="text-sm font-medium text-rose-800" data-testid="returns-missed">
            {t("missed", { count: missed })}
          </p>
        ) : null;
      })()}
      <ReturnsList items={items} now={now.toISOString()} canDecide />
      {list.total > RETURNS_LIMIT ? <p className="text-xs text-slate-500">{t("showingFirst", { limit: RETURNS_LIMIT, total: list.total })}</p> : null}
    </section>
  );
}

function ListSkeleton() {
  return (
    <div className="space-y-2">
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} className="h-20" />
      ))}
    </div>
  );
}
