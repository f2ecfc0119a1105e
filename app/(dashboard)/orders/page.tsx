import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Suspense } from "react";
import { OrdersView } from "@/components/orders/orders-view";
import { OrdersSkeleton } from "@/components/orders/orders-skeleton";
import { ordersApiParams, ordersQueryKey } from "@/components/orders/query";
import { requirePageUser } from "@/lib/auth";
import { getOrderFilterOptions, isSupplierScope, listOrders } from "@/lib/data/orders";
import { type DataScope, scopeOf } from "@/lib/data/scope";
import { POLICY_CALENDAR, RULE_IDS } from "@/lib/policy";
import { ruleTitlesIn } from "@/lib/i18n/policy-text";
import { type ParsedOrderQuery, parseOrderQuery } from "@/lib/validations/orders";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("orders");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Rule families that flag an order (the filter offers only these).
const ORDER_FAMILIES = new Set(["fulfillment", "label", "tracking", "returns"]);
const ORDER_RULE_IDS = RULE_IDS.filter((id) => ORDER_FAMILIES.has(POLICY_CALENDAR[id].family));

export default async function OrdersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser();
  const scope = scopeOf(user);
  const parsed = parseOrderQuery(await searchParams);
  const t = await getTranslations("orders");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{isSupplierScope(scope) ? t("supplierTitle") : t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      <Suspense fallback={<OrdersSkeleton />}>
        <OrdersSection scope={scope} parsed={parsed} />
      </Suspense>
    </div>
  );
}

/** Prefetches the first page for the URL's filters, so the list renders with data and the browser does not ask again. */
async function OrdersSection({ scope, parsed }: { scope: DataScope; parsed: ParsedOrderQuery }) {
  const titles = ruleTitlesIn(await getLocale());
  const queryClient = new QueryClient();
  const [options] = await Promise.all([
    getOrderFilterOptions(scope),
    parsed.success
      ? queryClient.prefetchQuery({ queryKey: ordersQueryKey(ordersApiParams(parsed.data)), queryFn: () => listOrders(scope, parsed.data, new Date()) })
      : null,
  ]);
  const supplier = isSupplierScope(scope);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <OrdersView
        options={options}
        rules={ORDER_RULE_IDS.map((id) => ({ id, title: titles[id] }))}
        showMoney={!supplier}
        showSupplier={!supplier}
        canAssign={scope.role === "OWNER" || scope.role === "OPS"}
      />
    </HydrationBoundary>
  );
}
