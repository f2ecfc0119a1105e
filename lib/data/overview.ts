import "server-only";
import { db } from "@/lib/db";
import type { Channel } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DataScope } from "./scope";

export type ChannelTotals = {
  channel: Channel;
  orders: number;
  /** Revenue per currency: a US and a UK store are never added together. */
  revenue: { currency: string; minor: bigint }[];
};

/**
 * Orders and revenue per channel for orders placed in [from, to). Cancelled orders count for
 * neither: they are neither sales nor revenue. Aggregated in SQL on the (organizationId,
 * channel, placedAt) index.
 */
export async function getChannelTotals(scope: DataScope, from: Date, to: Date): Promise<ChannelTotals[]> {
  const supplierFilter = scope.supplierId ? Prisma.sql`AND o."supplierId" = ${scope.supplierId}` : Prisma.empty;
  const rows = await db.$queryRaw<{ channel: Channel; currency: string; orders: number; revenue: bigint }[]>`
    SELECT o.channel, o.currency, count(*)::int AS orders, coalesce(sum(o."totalMinor"), 0)::bigint AS revenue
    FROM "Order" o
    WHERE o."organizationId" = ${scope.organizationId}
      AND o."placedAt" >= ${from} AND o."placedAt" < ${to}
      AND o.status <> 'CANCELLED'
      ${supplierFilter}
    GROUP BY o.channel, o.currency
    ORDER BY o.channel, o.currency`;
  const channels: Channel[] = ["TIKTOK_SHOP", "BRAND_SITE"];
  return channels.map((channel) => {
    const mine = rows.filter((r) => r.channel === channel);
    return {
      channel,
      orders: mine.reduce((n, r) => n + r.orders, 0),
      revenue: mine.map((r) => ({ currency: r.currency, minor: BigInt(r.revenue) })),
    };
  });
}
