import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ROUTABLE_STATUSES } from "@/lib/ingest/routing";
import type { DataScope } from "./scope";
import { archivedStoresSql } from "./archived";

// Reads for setting up a business and routing its orders: where the organisation stands (first
// steps, unassigned orders), the routing rules, each supplier's open and unassigned orders.
// Staff only: a supplier scope is refused (routing is the seller's business, not the supplier's).

function refuseSupplier(scope: DataScope) {
  if (scope.supplierId || scope.role === "SUPPLIER") throw new AppError("FORBIDDEN", "Suppliers cannot see routing.");
}

export type SetupStatus = {
  isDemo: boolean;
  stores: number;
  archivedStores: number;
  suppliers: number;
  orders: number;
  /** Orders not yet shipped that have no supplier: nobody will ship them. */
  unassignedOpen: number;
  unassigned: number;
};

export async function getSetupStatus(scope: DataScope): Promise<SetupStatus> {
  refuseSupplier(scope);
  const org = scope.organizationId;
  // One statement: the overview reads it on every view, and five round trips of the pool were a
  // measurable part of its render under load (docs/benchmarks.md). OrderCount (trigger-kept)
  // holds orders per store, supplier ('' = none) and status. The unassigned counts are the
  // orders list's `supplier=unassigned`: archived stores left out.
  const rows = await db.$queryRaw<(Omit<SetupStatus, "isDemo"> & { isDemo: boolean | null })[]>`
    SELECT
      (SELECT o."isDemo" FROM "Organization" o WHERE o.id = ${org}) AS "isDemo",
      (SELECT count(*)::int FROM "Store" s WHERE s."organizationId" = ${org} AND s."archivedAt" IS NULL) AS stores,
      (SELECT count(*)::int FROM "Store" s WHERE s."organizationId" = ${org} AND s."archivedAt" IS NOT NULL) AS "archivedStores",
      (SELECT count(*)::int FROM "Supplier" p WHERE p."organizationId" = ${org}) AS suppliers,
      coalesce(sum(c.orders), 0)::int AS orders,
      coalesce(sum(c.orders) FILTER (WHERE c."supplierId" = '' AND c."storeId" NOT IN ${archivedStoresSql(org)}), 0)::int AS unassigned,
      coalesce(sum(c.orders) FILTER (WHERE c."supplierId" = '' AND c."storeId" NOT IN ${archivedStoresSql(org)}
        AND c.status::text = ANY(${[...ROUTABLE_STATUSES]}::text[])), 0)::int AS "unassignedOpen"
    FROM "OrderCount" c WHERE c."organizationId" = ${org}`;
  const r = rows[0];
  return {
    isDemo: r?.isDemo ?? false,
    stores: r?.stores ?? 0,
    archivedStores: r?.archivedStores ?? 0,
    suppliers: r?.suppliers ?? 0,
    orders: r?.orders ?? 0,
    unassigned: r?.unassigned ?? 0,
    unassignedOpen: r?.unassignedOpen ?? 0,
  };
}

export type SupplierAdminRow = {
  id: string;
  name: string;
  shipFromCountry: string;
  promisedOutboundHours: number;
  promisedDeliveryDays: number;
  contactEmail: string | null;
  openOrders: number;
  users: number;
  skus: string[];
};

export type RoutingOverview = {
  suppliers: SupplierAdminRow[];
  warehouseRules: { id: string; warehouseName: string; supplierId: string; supplierName: string }[];
  stores: { id: string; name: string; defaultSupplierId: string | null }[];
  /** SKUs seen on orders (or named by a rule), for the SKU rule's suggestions. */
  skus: { sku: string; name: string; supplierId: string | null }[];
  unassignedOpen: number;
};

const MAX_SKUS = 2_000;

export async function getRoutingOverview(scope: DataScope): Promise<RoutingOverview> {
  refuseSupplier(scope);
  const org = scope.organizationId;
  const [suppliers, open, rules, stores, listings, status] = await Promise.all([
    db.supplier.findMany({
      where: { organizationId: org },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        shipFromCountry: true,
        promisedOutboundHours: true,
        promisedDeliveryDays: true,
        contactEmail: true,
        _count: { select: { users: true } },
      },
    }),
    db.$queryRaw<{ supplierId: string; orders: number }[]>`
      SELECT c."supplierId", sum(c.orders)::int AS orders FROM "OrderCount" c
      WHERE c."organizationId" = ${org} AND c."supplierId" <> '' AND c.status::text = ANY(${[...ROUTABLE_STATUSES]}::text[])
      GROUP BY c."supplierId"`,
    db.routingRule.findMany({
      where: { organizationId: org },
      orderBy: { warehouseName: "asc" },
      select: { id: true, warehouseName: true, supplierId: true, supplier: { select: { name: true } } },
    }),
    db.store.findMany({
      where: { organizationId: org, archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, defaultSupplierId: true },
    }),
    db.listing.findMany({ where: { organizationId: org }, orderBy: { sku: "asc" }, take: MAX_SKUS, select: { sku: true, name: true, supplierId: true } }),
    getSetupStatus(scope),
  ]);
  const openBy = new Map(open.map((o) => [o.supplierId, o.orders]));
  return {
    suppliers: suppliers.map((s) => ({
      id: s.id,
      name: s.name,
      shipFromCountry: s.shipFromCountry,
      promisedOutboundHours: s.promisedOutboundHours,
      promisedDeliveryDays: s.promisedDeliveryDays,
      contactEmail: s.contactEmail,
      openOrders: openBy.get(s.id) ?? 0,
      users: s._count.users,
      skus: listings.filter((l) => l.supplierId === s.id).map((l) => l.sku),
    })),
    warehouseRules: rules.map((r) => ({ id: r.id, warehouseName: r.warehouseName, supplierId: r.supplierId, supplierName: r.supplier.name })),
    stores,
    skus: listings,
    unassignedOpen: status.unassignedOpen,
  };
}

/** An order's supplier and whether a person set it, for the detail page's override (staff only). */
export async function getOrderAssignment(
  scope: DataScope,
  orderId: string,
): Promise<{ supplierId: string | null; manual: boolean; suppliers: { id: string; name: string }[] } | null> {
  if (scope.supplierId || scope.role === "SUPPLIER") return null;
  const [order, suppliers] = await Promise.all([
    db.order.findFirst({ where: { id: orderId, organizationId: scope.organizationId }, select: { supplierId: true, supplierManual: true } }),
    db.supplier.findMany({ where: { organizationId: scope.organizationId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  if (!order) return null;
  return { supplierId: order.supplierId, manual: order.supplierManual, suppliers };
}

/** Archived stores, for the stores page's "Archived" section. */
export async function listArchivedStores(scope: DataScope): Promise<{ id: string; name: string; archivedAt: Date }[]> {
  refuseSupplier(scope);
  const rows = await db.store.findMany({
    where: { organizationId: scope.organizationId, archivedAt: { not: null } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, archivedAt: true },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, archivedAt: r.archivedAt as Date }));
}
