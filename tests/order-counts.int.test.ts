import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { importOrderFile } from "@/lib/ingest/import-file";
import { testDb } from "./db";

// OrderCount is kept by triggers on "Order" (migration order_counts) and serves the orders list's
// total. Whatever writes orders — Prisma, the import's COPY and upsert, a status change, a
// supplier reassignment, a cascade from a deleted store — the counters must equal a count(*).

const prisma = testDb();
const root = fileURLToPath(new URL("..", import.meta.url));
let organizationId: string;
let storeA: string;
let storeB: string;
let supplierId: string;

type Counter = { storeId: string; supplierId: string; status: string; orders: number };

async function countersOf(orgId: string): Promise<Counter[]> {
  return prisma.$queryRaw<Counter[]>`
    SELECT "storeId", "supplierId", status::text AS status, orders FROM "OrderCount"
    WHERE "organizationId" = ${orgId} ORDER BY 1, 2, 3`;
}

async function recount(orgId: string): Promise<Counter[]> {
  return prisma.$queryRaw<Counter[]>`
    SELECT "storeId", coalesce("supplierId", '') AS "supplierId", status::text AS status, count(*)::int AS orders FROM "Order"
    WHERE "organizationId" = ${orgId} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
}

const order = (storeId: string, n: number, status: "AWAITING_SHIPMENT" | "DELIVERED" | "CANCELLED") => ({
  organizationId,
  storeId,
  channel: "BRAND_SITE" as const,
  externalId: `#C${n}`,
  status,
  placedAt: new Date(Date.UTC(2026, 10, 1, 12) + n * 60_000),
  currency: "USD",
  totalMinor: 1000 + n,
});

beforeAll(async () => {
  const org = await prisma.organization.create({ data: { name: "Counter Co" } });
  organizationId = org.id;
  const store = (name: string) =>
    prisma.store.create({
      data: { organizationId, name, channel: "BRAND_SITE", market: "US", timeZone: "America/New_York", joinedOn: new Date("2025-01-01") },
    });
  storeA = (await store("Counter A")).id;
  storeB = (await store("Counter B")).id;
  supplierId = (
    await prisma.supplier.create({
      data: { organizationId, name: "Counter supplier", shipFromCountry: "US", promisedOutboundHours: 24, promisedDeliveryDays: 5 },
    })
  ).id;
});

afterAll(async () => {
  await prisma.organization.delete({ where: { id: organizationId } });
});

describe("order counters", () => {
  it("count inserted orders per store, supplier and status", async () => {
    await prisma.order.createMany({
      data: [
        ...Array.from({ length: 30 }, (_, i) => order(storeA, i, i % 3 === 0 ? "CANCELLED" : "AWAITING_SHIPMENT")),
        ...Array.from({ length: 12 }, (_, i) => order(storeB, 100 + i, "DELIVERED")),
      ],
    });
    expect(await countersOf(organizationId)).toEqual([
      { storeId: storeA, supplierId: "", status: "AWAITING_SHIPMENT", orders: 20 },
      { storeId: storeA, supplierId: "", status: "CANCELLED", orders: 10 },
      { storeId: storeB, supplierId: "", status: "DELIVERED", orders: 12 },
    ]);
  });

  it("follow status changes and supplier assignments, and drop a counter that reaches zero", async () => {
    await prisma.order.updateMany({ where: { storeId: storeA, status: "AWAITING_SHIPMENT" }, data: { status: "DELIVERED" } });
    await prisma.order.updateMany({ where: { storeId: storeB, externalId: { in: ["#C100", "#C101", "#C102"] } }, data: { supplierId } });
    // A change that moves no counter (tracking) leaves them as they are.
    await prisma.order.updateMany({ where: { storeId: storeB }, data: { trackingNumber: "1Z999AA10123456784" } });
    const counters = await countersOf(organizationId);
    expect(counters).toEqual(await recount(organizationId));
    expect(counters.find((c) => c.storeId === storeA && c.status === "AWAITING_SHIPMENT")).toBeUndefined();
    expect(counters).toContainEqual({ storeId: storeB, supplierId, status: "DELIVERED", orders: 3 });
  });

  it("count orders written by the file import (COPY for new orders, upsert for stored ones)", async () => {
    const tiktok = await prisma.store.create({
      data: {
        organizationId,
        name: "Counter TikTok",
        channel: "TIKTOK_SHOP",
        market: "US",
        kind: "LOCAL",
        timeZone: "America/Los_Angeles",
        joinedOn: new Date("2025-01-01"),
      },
    });
    const csv = readFileSync(path.join(root, "lib/ingest/fixtures/tiktok-us.csv"), "utf8");
    const first = await importOrderFile(prisma, { organizationId, storeId: tiktok.id, stream: Readable.from([Buffer.from(csv)]) });
    expect(first.created).toBeGreaterThan(0);
    expect(await countersOf(organizationId)).toEqual(await recount(organizationId));
    // The same orders again, handed to the carrier's collection: the upsert moves them between statuses.
    const moved = csv.replaceAll("Awaiting Shipment", "Awaiting Collection");
    expect(moved).not.toEqual(csv);
    await importOrderFile(prisma, { organizationId, storeId: tiktok.id, stream: Readable.from([Buffer.from(moved)]) });
    const counters = await countersOf(organizationId);
    expect(counters).toEqual(await recount(organizationId));
    expect(counters.some((c) => c.storeId === tiktok.id && c.status === "AWAITING_COLLECTION")).toBe(true);
  });

  it("stay exact under concurrent writers to the same store", async () => {
    const ids = (await prisma.order.findMany({ where: { storeId: storeA }, select: { id: true }, orderBy: { id: "asc" } })).map((o) => o.id);
    const half = Math.ceil(ids.length / 2);
    await Promise.all([
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Order" SET status = 'ON_HOLD' WHERE id IN (${Prisma.join(ids.slice(0, half))})`;
        await tx.$executeRaw`UPDATE "Order" SET "supplierId" = ${supplierId} WHERE id IN (${Prisma.join(ids.slice(0, 5))})`;
      }),
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Order" SET status = 'IN_TRANSIT' WHERE id IN (${Prisma.join(ids.slice(half))})`;
      }),
    ]);
    expect(await countersOf(organizationId)).toEqual(await recount(organizationId));
  });

  it("leave nothing behind when orders go with their store", async () => {
    await prisma.store.delete({ where: { id: storeB } });
    const counters = await countersOf(organizationId);
    expect(counters.some((c) => c.storeId === storeB)).toBe(false);
    expect(counters).toEqual(await recount(organizationId));
  });
});
