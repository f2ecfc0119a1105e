import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { Suspense } from "react";
import Link from "next/link";
import { Scorecard } from "@/components/suppliers/scorecard";
import { RemoveWarehouseRule, SkuRuleForm, StockImportForm, StoreDefaultForm, SupplierForm, WarehouseRuleForm } from "@/components/suppliers/supplier-admin";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageUser } from "@/lib/auth";
import { type DataScope, scopeOf } from "@/lib/data/scope";
import { SCORECARD_DAYS, listSupplierScorecards } from "@/lib/data/suppliers";
import { getRoutingOverview } from "@/lib/data/routing";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("suppliers");
  return { title: t("title") };
}

// Owners and ops see every supplier of the organisation. A supplier login sees only its own
// scorecard (the query filters by the session's supplierId): the card holds no money, buyer data
// or other suppliers, and "how am I doing against my promise" is theirs to know.
export default async function SuppliersPage() {
  const user = await requirePageUser();
  const scope = scopeOf(user);
  const isSupplier = scope.role === "SUPPLIER";
  const t = await getTranslations("suppliers");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{isSupplier ? t("yourScorecard") : t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro", { days: SCORECARD_DAYS })}</p>
      </div>
      <Suspense
        fallback={
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <Skeleton className="h-72" />
            <Skeleton className="h-72" />
          </div>
        }
      >
        <ScorecardsSection scope={scope} />
      </Suspense>
      {isSupplier ? null : (
        <Suspense fallback={<Skeleton className="h-96" />}>
          <RoutingSection scope={scope} />
        </Suspense>
      )}
    </div>
  );
}

/**
 * Owners add and edit suppliers and the rules that route orders to them; ops see the rules and
 * import stock files. Rule order (lib/ingest/routing.ts): warehouse, then SKU, then store default.
 */
async function RoutingSection({ scope }: { scope: DataScope }) {
  const [routing, t] = await Promise.all([getRoutingOverview(scope), getTranslations("suppliers.routing")]);
  const owner = scope.role === "OWNER";
  const options = routing.suppliers.map((s) => ({ id: s.id, name: s.name }));
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-600">{t.rich("intro", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <p
        role="status"
        className={routing.unassignedOpen ? "rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200" : "text-sm text-slate-600"}
        data-testid="unassigned-open"
      >
        {routing.unassignedOpen ? (
          <>
            {t.rich("unassigned", { count: routing.unassignedOpen, strong: (chunks) => <strong className="tabular-nums">{chunks}</strong> })}{" "}
            <Link href="/orders?supplier=unassigned" className="font-medium underline">
              {t("seeUnassigned")}
            </Link>
          </>
        ) : (
          t("allAssigned")
        )}
      </p>

      {routing.suppliers.length ? (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          {routing.suppliers.map((s) => (
            <Card key={s.id} data-testid={`routing-supplier-${s.id}`}>
              <CardHeader
                title={s.name}
                description={t(s.contactEmail ? "cardDescriptionEmail" : "cardDescription", {
                  country: s.shipFromCountry,
                  hours: s.promisedOutboundHours,
                  days: s.promisedDeliveryDays,
                  email: s.contactEmail ?? "",
                })}
              />
              <CardBody className="space-y-3 text-sm">
                <p className="flex flex-wrap gap-x-4 gap-y-1">
                  <Link href={`/orders?supplier=${s.id}&status=AWAITING_PAYMENT,ON_HOLD,AWAITING_SHIPMENT,AWAITING_COLLECTION`} className="underline">
                    {t("openOrders", { count: s.openOrders })}
                  </Link>
                  <span>
                    {t("users", { count: s.users })}
                    {owner ? (
                      <>
                        {" · "}
                        <Link href="/users" className="underline">
                          {t("invite")}
                        </Link>
                      </>
                    ) : null}
                  </span>
                </p>
                <p className="text-xs text-slate-600">{s.skus.length ? t("skus", { skus: s.skus.join(", ") }) : t("noSkus")}</p>
                {owner ? (
                  <details>
                    <summary className="cursor-pointer text-sm font-medium text-slate-700">{t("edit")}</summary>
                    <div className="mt-3">
                      <SupplierForm supplier={s} />
                    </div>
                  </details>
                ) : null}
              </CardBody>
            </Card>
          ))}
        </div>
      ) : null}

      {owner ? (
        <Card>
          <CardHeader title={t("addTitle")} description={t("addDescription")} />
          <CardBody>
            <SupplierForm />
          </CardBody>
        </Card>
      ) : null}

      {owner && options.length ? (
        <>
          <Card>
            <CardHeader title={t("bySkuTitle")} description={t("bySkuDescription")} />
            <CardBody>
              <SkuRuleForm suppliers={options} skus={routing.skus} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("byWarehouseTitle")} description={t("byWarehouseDescription")} />
            <CardBody className="space-y-3">
              {routing.warehouseRules.length ? (
                <ul className="divide-y divide-slate-100 text-sm">
                  {routing.warehouseRules.map((r) => (
                    <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                      <span>
                        <strong>{r.warehouseName}</strong> → {r.supplierName}
                      </span>
                      <RemoveWarehouseRule ruleId={r.id} name={r.warehouseName} />
                    </li>
                  ))}
                </ul>
              ) : null}
              <WarehouseRuleForm suppliers={options} />
            </CardBody>
          </Card>
          {routing.stores.length ? (
            <Card>
              <CardHeader title={t("byStoreTitle")} description={t("byStoreDescription")} />
              <CardBody className="space-y-2">
                {routing.stores.map((store) => (
                  <StoreDefaultForm key={store.id} store={store} suppliers={options} />
                ))}
              </CardBody>
            </Card>
          ) : null}
        </>
      ) : null}

      {options.length ? (
        <Card>
          <CardHeader title={t("stockTitle")} description={t("stockDescription")} />
          <CardBody>
            <StockImportForm suppliers={options} />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}

async function ScorecardsSection({ scope }: { scope: DataScope }) {
  const [cards, t] = await Promise.all([listSupplierScorecards(scope, new Date()), getTranslations("suppliers")]);
  if (cards.length === 0) return <EmptyState title={t("emptyTitle")}>{scope.role === "OWNER" ? t("emptyOwner") : t("emptyOther")}</EmptyState>;
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      {cards.map((card) => (
        <Scorecard key={card.id} card={card} />
      ))}
    </div>
  );
}
