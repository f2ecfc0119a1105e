import type pg from "pg";
import type { Db } from "@/lib/database/client";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

// Supplier routing: which supplier ships an order. Rules per organisation, the most specific fact
// first:
//   1. by warehouse — the platform names the warehouse the order ships from (TikTok's export
//      "Warehouse Name", the API's warehouse id): a RoutingRule maps that name to a supplier;
//   2. by SKU — the supplier of the listing of the order's first line that has one;
//   3. by store — the store's default supplier;
//   otherwise the order stays unassigned (the orders list and the overview count those).
// An order a person assigned (supplierManual) is never moved by rules. Orders that have shipped
// keep the supplier they shipped with: a rule change re-routes open orders (and fills the gaps of
// orders that never had a supplier).
//
// The same SQL runs inside the upsert's transaction (Prisma) and inside its COPY transaction
// (plain pg), so an order is never visible without the supplier its rules give it.

/** Statuses before the first carrier scan: the orders a rule change may still move. */
export const ROUTABLE_STATUSES = ["AWAITING_PAYMENT", "ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION"] as const;
const ROUTABLE = `('${ROUTABLE_STATUSES.join("','")}')`;

/** Runs one statement with positional parameters ($1…), on either kind of connection. */
export type SqlRunner = (sql: string, params: unknown[]) => Promise<void>;

export const prismaRunner =
  (tx: Tx | Db): SqlRunner =>
  async (sql, params) => {
    await tx.$executeRawUnsafe(sql, ...params);
  };
export const pgRunner =
  (client: pg.ClientBase): SqlRunner =>
  async (sql, params) => {
    await client.query(sql, params);
  };

/** The supplier the rules give order `o` (a SQL expression; $1 is the organisation id). */
const RULED_SUPPLIER = `COALESCE(
    (SELECT r."supplierId" FROM "RoutingRule" r
      WHERE r."organizationId" = $1 AND o."warehouseName" IS NOT NULL AND lower(btrim(r."warehouseName")) = lower(btrim(o."warehouseName"))
      LIMIT 1),
    (SELECT li."supplierId" FROM "OrderLine" l JOIN "Listing" li ON li."organizationId" = $1 AND li.sku = l.sku
      WHERE l."orderId" = o.id AND li."supplierId" IS NOT NULL ORDER BY l.position LIMIT 1),
    (SELECT s."defaultSupplierId" FROM "Store" s WHERE s.id = o."storeId"))`;

/** Re-points the stored flags of re-routed orders (RiskFlag.supplierId is denormalised for the supplier view). */
const SYNC_FLAGS = `UPDATE "RiskFlag" f SET "supplierId" = o."supplierId"
  FROM "Order" o WHERE f."orderId" = o.id AND o."organizationId" = $1 AND o.id = ANY($2::text[]) AND f."supplierId" IS DISTINCT FROM o."supplierId"`;

/**
 * After orders were written: listings for the SKUs on their lines that the catalogue lacks (SKU and
 * the product name as first seen), then each order's supplier by the rules. New orders are routed
 * whatever their status (an imported history gets its suppliers); an updated order only while it
 * is open or still unassigned. Part of the upsert's write path (lib/ingest/upsert.ts).
 */
export async function routeWrittenOrders(run: SqlRunner, organizationId: string, orderIds: readonly string[]): Promise<void> {
  if (orderIds.length === 0) return;
  const ids = [...orderIds];
  await run(
    `INSERT INTO "Listing" (id, "organizationId", sku, name)
     SELECT gen_random_uuid()::text, $1, l.sku, (array_agg(l."productName" ORDER BY l."orderId", l.position))[1]
     FROM "OrderLine" l WHERE l."orderId" = ANY($2::text[]) AND btrim(l.sku) <> ''
     GROUP BY l.sku
     ON CONFLICT ("organizationId", sku) DO NOTHING`,
    [organizationId, ids],
  );
  await run(
    `UPDATE "Order" o SET "supplierId" = ${RULED_SUPPLIER}
     WHERE o."organizationId" = $1 AND o.id = ANY($2::text[]) AND NOT o."supplierManual"
       AND (o."supplierId" IS NULL OR o.status IN ${ROUTABLE})
       AND o."supplierId" IS DISTINCT FROM ${RULED_SUPPLIER}`,
    [organizationId, ids],
  );
  await run(SYNC_FLAGS, [organizationId, ids]);
}

/**
 * After a rule changed (a listing's supplier, a warehouse rule, a store's default): every open order
 * of the organisation that no person assigned goes where the rules now say, and orders still
 * without a supplier — whatever their status, so an imported history fills the scorecards — get
 * one if a rule now matches. An order that has shipped, been delivered or cancelled WITH a
 * supplier keeps it. Returns how many orders changed supplier.
 */
export async function rerouteOrders(db: Tx | Db, organizationId: string): Promise<number> {
  const moved = await db.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE "Order" o SET "supplierId" = ${RULED_SUPPLIER}
     WHERE o."organizationId" = $1 AND NOT o."supplierManual" AND (o.status IN ${ROUTABLE} OR o."supplierId" IS NULL)
       AND o."supplierId" IS DISTINCT FROM ${RULED_SUPPLIER}
     RETURNING o.id`,
    organizationId,
  );
  if (moved.length > 0)
    await db.$executeRawUnsafe(
      SYNC_FLAGS,
      organizationId,
      moved.map((m) => m.id),
    );
  return moved.length;
}
