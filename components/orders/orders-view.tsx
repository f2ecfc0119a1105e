"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight, Download } from "lucide-react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, Td, Th } from "@/components/ui/table";
import { BulkAssignBar } from "@/components/routing/assign-orders";
import type { OrderFilterOptions, OrderListItem } from "@/lib/data/orders";
import { formatInstant, formatMoney } from "@/lib/format";
import { intlLocale } from "@/lib/i18n/intl-locale";
import { type OrderQuery, type OrderSortKey, parseOrderQuery, parseSort } from "@/lib/validations/orders";
import { Countdown } from "./countdown";
import { type FilterPatch, FilterBar } from "./filter-bar";
import { CHANNEL_TONE, SEVERITY_TONE, STATUS_TONE } from "@/components/ui/tones";
import { ruleTitleFrom } from "@/lib/vocabulary";
import { type RuleOption, awaitsDispatch, moneyLocale } from "./labels";
import { exportHref, fetchOrders, ordersApiParams, ordersQueryKey } from "./query";

const PAGE_SIZES = [25, 50, 100, 200];
// The direction a column starts in when first chosen: the most useful end first.
const FIRST_DIRECTION: Record<OrderSortKey, "asc" | "desc"> = { placedAt: "desc", dispatchDueAt: "asc", total: "desc", status: "asc", externalId: "asc" };

/** `canAssign`: owners and ops may assign the listed orders to a supplier (in bulk). */
type Props = { options: OrderFilterOptions; rules: RuleOption[]; showMoney: boolean; showSupplier: boolean; canAssign?: boolean };

export function OrdersView({ options, rules, showMoney, showSupplier, canAssign = false }: Props) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const parsed = useMemo(() => parseOrderQuery(new URLSearchParams(searchParams.toString())), [searchParams]);

  // Filters live in the URL. The native History API updates useSearchParams without re-running
  // the server page, so a filter change costs one /api/orders request and nothing more.
  const navigate = useCallback(
    (patch: Record<string, string | undefined>, keepPage = false) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(patch)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      if (!keepPage) next.delete("page");
      const search = next.toString();
      window.history.replaceState(null, "", search ? `${pathname}?${search}` : pathname);
    },
    [searchParams, pathname],
  );
  const onFilter = useCallback((patch: FilterPatch) => navigate(patch), [navigate]);
  const t = useTranslations("orders.list");

  if (!parsed.success) {
    return (
      <Card className="p-4" role="alert">
        <p className="text-sm font-semibold text-rose-800">{t("badFilters")}</p>
        <ul className="mt-2 list-inside list-disc text-sm text-slate-700">
          {parsed.issues.map((i) => (
            <li key={`${i.param}:${i.message}`}>
              <code className="font-mono text-xs">{i.param}</code>: {i.message}
            </li>
          ))}
        </ul>
        <Link href={pathname} className={buttonClasses("secondary", "mt-3")}>
          {t("showAll")}
        </Link>
      </Card>
    );
  }

  return (
    <OrdersList
      query={parsed.data}
      navigate={navigate}
      onFilter={onFilter}
      options={options}
      rules={rules}
      showMoney={showMoney}
      showSupplier={showSupplier}
      canAssign={canAssign}
    />
  );
}

function OrdersList({
  query,
  navigate,
  onFilter,
  options,
  rules,
  showMoney,
  showSupplier,
  canAssign = false,
}: Props & { query: OrderQuery; navigate: (patch: Record<string, string | undefined>, keepPage?: boolean) => void; onFilter: (patch: FilterPatch) => void }) {
  const params = ordersApiParams(query);
  const t = useTranslations("orders.list");
  const tc = useTranslations("common");
  const result = useQuery({
    queryKey: ordersQueryKey(params),
    queryFn: ({ signal }) => fetchOrders(params, signal, (status) => t("serverAnswered", { status: String(status) })),
    placeholderData: keepPreviousData,
  });
  const now = useNow();
  const ruleTitles = useMemo(() => Object.fromEntries(rules.map((r) => [r.id, r.title])), [rules]);
  const total = result.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const sort = parseSort(query.sort);
  const [selected, setSelected] = useState<string[]>([]);
  const pageIds = useMemo(() => (result.data?.items ?? []).map((o) => o.id), [result.data]);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  const onSort = (key: OrderSortKey) => {
    const descending = sort.key === key ? !sort.descending : FIRST_DIRECTION[key] === "desc";
    navigate({ sort: `${descending ? "-" : ""}${key}` });
  };

  return (
    <div className="space-y-4">
      <Card className="p-4">
        <FilterBar query={query} options={options} rules={rules} showSupplier={showSupplier} onChange={onFilter} />
      </Card>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" aria-live="polite" data-testid="orders-total">
          {result.data ? (
            <>
              {t.rich("total", { count: total, b: (chunks) => <span className="font-semibold text-slate-900 tabular-nums">{chunks}</span> })}
              {result.isFetching ? <span className="ml-2 text-slate-400">{t("updating")}</span> : null}
            </>
          ) : result.isPending ? (
            t("loading")
          ) : null}
        </p>
        <a href={exportHref(query)} className={buttonClasses("secondary")} download data-testid="export-csv">
          <Download aria-hidden className="size-4" /> {t("exportCsv")}
        </a>
      </div>

      {result.isError && !result.data ? (
        <Card className="p-4" role="alert">
          <p className="text-sm font-semibold text-rose-800">{t("loadError")}</p>
          <p className="mt-1 text-sm text-slate-600">{result.error.message}</p>
          <Button variant="secondary" className="mt-3" onClick={() => void result.refetch()}>
            {tc("tryAgain")}
          </Button>
        </Card>
      ) : result.isPending ? (
        <ListSkeleton />
      ) : total === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <div className={cn("space-y-3 transition-opacity", result.isPlaceholderData && "opacity-60")} aria-busy={result.isFetching}>
          {canAssign && options.suppliers.length > 0 ? (
            <BulkAssignBar selected={selected.filter((id) => pageIds.includes(id))} pageIds={pageIds} suppliers={options.suppliers} onSelect={setSelected} />
          ) : null}
          <OrdersTable
            items={result.data?.items ?? []}
            sort={sort}
            onSort={onSort}
            now={now}
            ruleTitles={ruleTitles}
            showMoney={showMoney}
            showSupplier={showSupplier}
            selection={canAssign && options.suppliers.length > 0 ? { selected, toggle } : null}
          />
          <OrderCards items={result.data?.items ?? []} now={now} ruleTitles={ruleTitles} showMoney={showMoney} />
        </div>
      )}

      {total > 0 ? (
        <nav aria-label={t("pages")} className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-2 text-sm text-slate-600">
            <label htmlFor="f-page-size" className="whitespace-nowrap">
              {t("perPage")}
            </label>
            <Select
              id="f-page-size"
              className="w-auto py-1"
              value={query.pageSize}
              onChange={(e) => navigate({ pageSize: e.target.value === "50" ? undefined : e.target.value })}
            >
              {PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex items-center gap-2">
            <Button
              variant="secondary"
              disabled={query.page <= 1}
              onClick={() => navigate({ page: query.page > 2 ? String(query.page - 1) : undefined }, true)}
            >
              <ChevronLeft aria-hidden className="size-4" /> {t("previous")}
            </Button>
            <span className="text-sm text-slate-600 tabular-nums" data-testid="page-of">
              {t("pageOf", { page: query.page, pages })}
            </span>
            <Button variant="secondary" disabled={query.page >= pages} onClick={() => navigate({ page: String(query.page + 1) }, true)}>
              {t("next")} <ChevronRight aria-hidden className="size-4" />
            </Button>
          </div>
        </nav>
      ) : null}
    </div>
  );
}

/** The clock for countdowns, ticking each minute. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

type RowProps = { items: OrderListItem[]; now: Date; ruleTitles: Record<string, string>; showMoney: boolean };

function OrdersTable({
  items,
  sort,
  onSort,
  now,
  ruleTitles,
  showMoney,
  showSupplier,
  selection,
}: RowProps & {
  sort: { key: OrderSortKey; descending: boolean };
  onSort: (key: OrderSortKey) => void;
  showSupplier: boolean;
  selection: { selected: string[]; toggle: (id: string) => void } | null;
}) {
  const t = useTranslations("orders.list");
  const tv = useTranslations("vocabulary");
  const locale = useLocale();
  const header = (key: OrderSortKey, label: string, className?: string) => {
    const active = sort.key === key;
    const Icon = active ? (sort.descending ? ArrowDown : ArrowUp) : ArrowUpDown;
    return (
      <Th className={className} aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}>
        <button
          type="button"
          onClick={() => onSort(key)}
          className="inline-flex items-center gap-1 rounded uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-slate-900"
        >
          {label}
          <Icon aria-hidden className={cn("size-3.5", !active && "opacity-40")} />
        </button>
      </Th>
    );
  };
  return (
    <Card className="hidden overflow-hidden md:block">
      <Table label={t("tableLabel")} data-testid="orders-table">
        <thead>
          <tr>
            {selection ? (
              <Th className="w-8">
                <span className="sr-only">{t("select")}</span>
              </Th>
            ) : null}
            {header("externalId", t("columns.order"))}
            <Th>{t("columns.channel")}</Th>
            {header("status", t("columns.status"))}
            {header("dispatchDueAt", t("columns.dispatch"))}
            <Th>{t("columns.flags")}</Th>
            {showMoney ? header("total", t("columns.total"), "text-right") : null}
            {header("placedAt", t("columns.placed"))}
            <Th>{t("columns.tracking")}</Th>
            {showSupplier ? <Th>{t("columns.supplier")}</Th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((o) => (
            <tr key={o.id} className="hover:bg-slate-50" data-testid="order-row" data-order-id={o.id}>
              {selection ? (
                <Td className="w-8">
                  <input
                    type="checkbox"
                    aria-label={t("selectOrder", { order: o.externalId })}
                    checked={selection.selected.includes(o.id)}
                    onChange={() => selection.toggle(o.id)}
                    className="size-4"
                  />
                </Td>
              ) : null}
              <Td className="whitespace-nowrap">
                <Link
                  href={`/orders/${o.id}`}
                  className="rounded font-medium text-slate-900 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-slate-900"
                >
                  {o.externalId}
                </Link>
                <span className="block text-xs text-slate-500">{o.store.name}</span>
              </Td>
              <Td className="whitespace-nowrap">
                <Badge tone={CHANNEL_TONE[o.channel]}>{tv(`channel.${o.channel}`)}</Badge>
              </Td>
              <Td className="whitespace-nowrap">
                <Badge tone={STATUS_TONE[o.status]}>{tv(`status.${o.status}`)}</Badge>
              </Td>
              <Td className="whitespace-nowrap">
                <DispatchCell order={o} now={now} />
              </Td>
              <Td>
                <FlagsCell flags={o.flags} ruleTitles={ruleTitles} />
              </Td>
              {showMoney ? <Td className="text-right whitespace-nowrap tabular-nums">{money(o, locale)}</Td> : null}
              <Td className="whitespace-nowrap text-slate-700">{formatInstant(new Date(o.placedAt), o.store.timeZone, intlLocale(locale))}</Td>
              <Td className="max-w-[14rem]">
                {o.trackingNumber ? (
                  <>
                    <span className="block truncate font-mono text-xs">{o.trackingNumber}</span>
                    <span className="block text-xs text-slate-500">{o.carrier ?? t("noCarrier")}</span>
                  </>
                ) : (
                  <span className="text-xs text-slate-400">{t("noTracking")}</span>
                )}
              </Td>
              {showSupplier ? (
                <Td className="text-xs text-slate-600">{o.supplier?.name ?? <span className="font-medium text-amber-800">{t("unassigned")}</span>}</Td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}

/** Phones: one card per order, the whole card a link. */
function OrderCards({ items, now, ruleTitles, showMoney }: RowProps) {
  const t = useTranslations("orders.list");
  const tv = useTranslations("vocabulary");
  const locale = useLocale();
  return (
    <ul className="space-y-2 md:hidden" aria-label={t("tableLabel")} data-testid="orders-cards">
      {items.map((o) => (
        <li key={o.id}>
          <Link
            href={`/orders/${o.id}`}
            className="block rounded-xl border border-slate-200 bg-white p-3 shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900"
          >
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <span className="block truncate font-medium text-slate-900">{o.externalId}</span>
                <span className="block text-xs text-slate-500">{o.store.name}</span>
              </div>
              <Badge tone={CHANNEL_TONE[o.channel]}>{tv(`channel.${o.channel}`)}</Badge>
            </div>
            <div className="mt-2 flex flex-wrap items-center gap-1.5">
              <Badge tone={STATUS_TONE[o.status]}>{tv(`status.${o.status}`)}</Badge>
              <DispatchCell order={o} now={now} quiet />
              <FlagsCell flags={o.flags} ruleTitles={ruleTitles} compact />
            </div>
            <div className="mt-2 flex items-end justify-between gap-2 text-xs text-slate-600">
              <span>{formatInstant(new Date(o.placedAt), o.store.timeZone, intlLocale(locale))}</span>
              {showMoney ? <span className="text-sm font-semibold text-slate-900 tabular-nums">{money(o, locale)}</span> : null}
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function money(o: OrderListItem, locale: string): string {
  return o.totalMinor !== undefined && o.currency ? formatMoney(BigInt(o.totalMinor), o.currency, moneyLocale(o.currency, locale)) : "—";
}

function DispatchCell({ order, now, quiet }: { order: OrderListItem; now: Date; quiet?: boolean }) {
  const t = useTranslations("orders.list");
  if (awaitsDispatch(order) && order.dispatchDueAt) return <Countdown deadline={new Date(order.dispatchDueAt)} now={now} alert={order.dispatchAlertHours} />;
  if (quiet) return null;
  if (order.channel === "TIKTOK_SHOP" && order.inTransitAt) {
    const late = order.dispatchDueAt !== null && new Date(order.inTransitAt) > new Date(order.dispatchDueAt);
    return <span className={cn("text-xs", late ? "font-medium text-amber-800" : "text-slate-500")}>{late ? t("dispatchedLate") : t("dispatched")}</span>;
  }
  return <span className="text-xs text-slate-400">—</span>;
}

function FlagsCell({ flags, ruleTitles, compact }: { flags: OrderListItem["flags"]; ruleTitles: Record<string, string>; compact?: boolean }) {
  const t = useTranslations("orders.list");
  if (flags.count === 0 || !flags.worst) return compact ? null : <span className="text-xs text-slate-400">{t("noFlags")}</span>;
  const titles = flags.rules.map((r) => ruleTitleFrom(r, ruleTitles));
  return (
    <span className="inline-flex max-w-[16rem] flex-wrap items-center gap-1" title={titles.join("\n")}>
      <Badge tone={SEVERITY_TONE[flags.worst]}>{t("flagCount", { count: flags.count })}</Badge>
      {compact ? null : (
        <span className="truncate text-xs text-slate-600">
          {titles[0]}
          {titles.length > 1 ? ` +${titles.length - 1}` : ""}
        </span>
      )}
    </span>
  );
}

function ListSkeleton() {
  return (
    <div className="space-y-2" aria-hidden>
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-12" />
      ))}
    </div>
  );
}
