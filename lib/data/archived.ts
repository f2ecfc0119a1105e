import { Prisma } from "@/lib/generated/prisma/client";

// Archived stores (Store.archivedAt set) keep their orders, flags and history, but leave the daily
// views: the overview's totals and trends, the risk queue and its counts, the digest, the
// exposure summaries and service comparison, the orders list and export, and the alert pass.
// A read asked for one store by id (its store page, its exposure, `?store=<id>` on the orders
// list or export) still shows an archived store: that is how its history stays readable.
//
// The condition is `storeId NOT IN (the organisation's archived stores)`: PostgreSQL runs the
// subquery once as a hashed SubPlan and applies it as a filter, so every read keeps the index or
// roll-up plan it had (EXPLAIN in docs/benchmarks.md), and an organisation without archived
// stores pays one probe of an empty hash per row.

/** The organisation's archived stores' ids, as a subquery: `<column> NOT IN ${archivedStoresSql(org)}`. */
export function archivedStoresSql(organizationId: string): Prisma.Sql {
  return Prisma.sql`(SELECT a.id FROM "Store" a WHERE a."organizationId" = ${organizationId} AND a."archivedAt" IS NOT NULL)`;
}

/**
 * `AND <column> is not an archived store of the organisation`, or nothing when the read names
 * one store (`storeId`). `nullable`: rows without a store (flags of creators and listings) stay.
 */
export function notArchivedSql(organizationId: string, column: string, options: { storeId?: string | null; nullable?: boolean } = {}): Prisma.Sql {
  if (options.storeId) return Prisma.empty;
  const col = Prisma.raw(column);
  const archived = archivedStoresSql(organizationId);
  return options.nullable ? Prisma.sql`AND (${col} IS NULL OR ${col} NOT IN ${archived})` : Prisma.sql`AND ${col} NOT IN ${archived}`;
}

/** The Prisma `where` for the stores of a read: the one asked for (archived or not), else the active ones. */
export function storesOfRead(organizationId: string, storeId?: string | null): Prisma.StoreWhereInput {
  return { organizationId, ...(storeId ? { id: storeId } : { archivedAt: null }) };
}
