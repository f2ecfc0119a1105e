import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Suppliers" };

// Owners and ops see every supplier of the organisation. A supplier login sees only its own
// scorecard (the query filters by the session's supplierId): the card holds no money, buyer data
// or other suppliers, and "how am I doing against my promise" is theirs to know.
export default async function SuppliersPage() {
  const user = await requirePageUser();
  const scope = scopeOf(user);
  const isSupplier = scope.role === "SUPPLIER";
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{isSupplier ? "Your scorecard" : "Suppliers"}</h1>
        <p className="text-sm text-slate-500">
          Promised service levels against what happened · orders placed in the last {SCORECARD_DAYS} days, cancelled excluded
        </p>
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
  const routing = await getRoutingOverview(scope);
  const owner = scope.role === "OWNER";
  const options = routing.suppliers.map((s) => ({ id: s.id, name: s.name }));
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold">Order routing</h2>
      <p className="text-sm text-slate-600">
        Every imported, synced or pushed order goes to a supplier by these rules, most specific first: the <strong>warehouse</strong> it ships from, then the{" "}
        <strong>SKU</strong> of its first routed line, then its <strong>store&apos;s default</strong>. A rule change moves open orders at once; shipped orders
        keep their supplier, and orders assigned by hand stay where they are.
      </p>
      <p
        role="status"
        className={routing.unassignedOpen ? "rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200" : "text-sm text-slate-600"}
        data-testid="unassigned-open"
      >
        {routing.unassignedOpen ? (
          <>
            <strong className="tabular-nums">{routing.unassignedOpen}</strong> open {routing.unassignedOpen === 1 ? "order has" : "orders have"} no supplier.{" "}
            <Link href="/orders?supplier=unassigned" className="font-medium underline">
              See unassigned orders
            </Link>
          </>
        ) : (
          "Every open order has a supplier."
        )}
      </p>

      {routing.suppliers.length ? (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          {routing.suppliers.map((s) => (
            <Card key={s.id} data-testid={`routing-supplier-${s.id}`}>
              <CardHeader
                title={s.name}
                description={`Ships from ${s.shipFromCountry} · ${s.promisedOutboundHours} h outbound · ${s.promisedDeliveryDays} days delivery${s.contactEmail ? ` · ${s.contactEmail}` : ""}`}
              />
              <CardBody className="space-y-3 text-sm">
                <p className="flex flex-wrap gap-x-4 gap-y-1">
                  <Link href={`/orders?supplier=${s.id}&status=AWAITING_PAYMENT,ON_HOLD,AWAITING_SHIPMENT,AWAITING_COLLECTION`} className="underline">
                    {s.openOrders} open {s.openOrders === 1 ? "order" : "orders"}
                  </Link>
                  <span>
                    {s.users} {s.users === 1 ? "user" : "users"}
                    {owner ? (
                      <>
                        {" · "}
                        <Link href="/users" className="underline">
                          invite a supplier user
                        </Link>
                      </>
                    ) : null}
                  </span>
                </p>
                <p className="text-xs text-slate-600">SKUs: {s.skus.length ? s.skus.join(", ") : "none yet"}</p>
                {owner ? (
                  <details>
                    <summary className="cursor-pointer text-sm font-medium text-slate-700">Edit supplier</summary>
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
          <CardHeader title="Add a supplier" description="Who ships your orders, and what they promised" />
          <CardBody>
            <SupplierForm />
          </CardBody>
        </Card>
      ) : null}

      {owner && options.length ? (
        <>
          <Card>
            <CardHeader title="By SKU" description="The SKUs on your orders become listings on their own; give each the supplier that ships it" />
            <CardBody>
              <SkuRuleForm suppliers={options} skus={routing.skus} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="By warehouse" description="Orders whose warehouse name matches (any letter case) go to this supplier, before any SKU rule" />
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
              <CardHeader title="By store (default)" description="Ships a store's orders that no warehouse or SKU rule routes" />
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
          <CardHeader
            title="Supplier stock file"
            description="A CSV with the columns SKU and available sets the units of that supplier's SKUs (and of SKUs no supplier has yet)"
          />
          <CardBody>
            <StockImportForm suppliers={options} />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}

async function ScorecardsSection({ scope }: { scope: DataScope }) {
  const cards = await listSupplierScorecards(scope, new Date());
  if (cards.length === 0)
    return (
      <EmptyState title="No suppliers yet">
        {scope.role === "OWNER"
          ? "Add the suppliers who ship your orders below, then route your SKUs to them."
          : "Suppliers appear here once the owner adds them."}
      </EmptyState>
    );
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      {cards.map((card) => (
        <Scorecard key={card.id} card={card} />
      ))}
    </div>
  );
}
