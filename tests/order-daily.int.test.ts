import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { DateTime } from "luxon";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { acceptsCopyFromStdin } from "@/lib/database/copy-support";
import { Prisma } from "@/lib/generated/prisma/client";
import { importOrderFile } from "@/lib/ingest/import-file";
import { testDb } from "./db";

// OrderDaily (migration order_daily) is kept by statement-level triggers on "Order". Whatever
// writes orders — Prisma inserts, a raw COPY, the import's COPY and upsert, status and tracking
// changes, deletions, a store's deletion or new zone, two writers at once — every roll-up row
// must equal what a plain recomputation from the raw orders gives. The recomputation here is
// written in TypeScript (luxon for the local days), independently of the trigger's SQL.

const prisma = testDb();
const root = fileURLToPath(new URL("..", import.meta.url));
let organizationId: string;
let tiktokLa: string;
let brandNy: string;
let supplierId: string;

type Row = {
  storeId: string;
  day: string;
  currency: string;
  placed: number;
  revenueMinor: string;
  cancelled: number;
  dispatched: number;
  delivered: number;
  awaiting: number;
  dispatchHours: number[];
  deadlineDue: number;
  deadlineLate: number;
};

async function rollupOf(orgId: string): Promise<Row[]> {
  const rows = await prisma.$queryRaw<(Omit<Row, "revenueMinor"> & { revenueMinor: bigint })[]>`
    SELECT "storeId", to_char(day, 'YYYY-MM-DD') AS day, currency, placed, "revenueMinor", cancelled, dispatched, delivered, awaiting,
           "dispatchHours", "deadlineDue", "deadlineLate"
    FROM "OrderDaily" WHERE "organizationId" = ${orgId}`;
  return sortRows(rows.map((r) => ({ ...r, revenueMinor: r.revenueMinor.toString() })));
}

const sortRows = (rows: Row[]) => rows.sort((a, b) => `${a.storeId}|${a.day}|${a.currency}`.localeCompare(`${b.storeId}|${b.day}|${b.currency}`));

const AWAITING = ["AWAITING_SHIPMENT", "AWAITING_COLLECTION", "ON_HOLD"];

/** The roll-up recomputed from the raw orders. */
async function recompute(orgId: string): Promise<Row[]> {
  const orders = await prisma.order.findMany({
    where: { organizationId: orgId },
    select: {
      storeId: true,
      channel: true,
      status: true,
      placedAt: true,
      inTransitAt: true,
      deliveredAt: true,
      dispatchDueAt: true,
      currency: true,
      totalMinor: true,
      store: { select: { timeZone: true } },
    },
  });
  const rows = new Map<string, Row>();
  const at = (o: (typeof orders)[number], instant: Date) => {
    const day = DateTime.fromJSDate(instant, { zone: o.store.timeZone }).toISODate() as string;
    const key = `${o.storeId}|${day}|${o.currency}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        storeId: o.storeId,
        day,
        currency: o.currency,
        placed: 0,
        revenueMinor: "0",
        cancelled: 0,
        dispatched: 0,
        delivered: 0,
        awaiting: 0,
        dispatchHours: Array(73).fill(0),
        deadlineDue: 0,
        deadlineLate: 0,
      };
      rows.set(key, row);
    }
    return row;
  };
  for (const o of orders) {
    const p = at(o, o.placedAt);
    const cancelled = o.status === "CANCELLED";
    if (cancelled) p.cancelled++;
    else {
      p.placed++;
      p.revenueMinor = (BigInt(p.revenueMinor) + BigInt(o.totalMinor)).toString();
      if (o.inTransitAt) {
        p.dispatched++;
        const hours = (o.inTransitAt.getTime() - o.placedAt.getTime()) / 3_600_000;
        const bucket = Math.min(72, Math.max(0, Math.ceil(hours) - 1));
        p.dispatchHours[bucket] = (p.dispatchHours[bucket] as number) + 1;
      }
      if (o.deliveredAt) p.delivered++;
    }
    if (!o.inTransitAt && AWAITING.includes(o.status)) p.awaiting++;
    if (o.channel === "TIKTOK_SHOP" && o.dispatchDueAt && !cancelled) {
      const d = at(o, o.dispatchDueAt);
      d.deadlineDue++;
      if (!o.inTransitAt || o.inTransitAt > o.dispatchDueAt) d.deadlineLate++;
    }
  }
  return sortRows([...rows.values()]);
}

const HOUR = 3_600_000;
const base = Date.UTC(2026, 10, 1, 6);

/** Orders that cross local midnights in both zones, with every status and a spread of dispatch hours. */
function makeOrders(storeId: string, channel: "TIKTOK_SHOP" | "BRAND_SITE", from: number, count: number, supplier: string | null) {
  const statuses = ["AWAITING_SHIPMENT", "IN_TRANSIT", "DELIVERED", "CANCELLED", "AWAITING_COLLECTION", "COMPLETED", "ON_HOLD"] as const;
  return Array.from({ length: count }, (_, k) => {
    const n = from + k;
    const status = statuses[n % statuses.length] as (typeof statuses)[number];
    const placedAt = new Date(base + n * 5 * HOUR + (n % 7) * 60_000);
    const shipped = status === "IN_TRANSIT" || status === "DELIVERED" || status === "COMPLETED";
    const hours = [0, 0.5, 1, 1.0001, 23.9, 48, 48.01, 71.99, 72, 72.5, 130][n % 11] as number;
    const inTransitAt = shipped ? new Date(placedAt.getTime() + hours * HOUR) : null;
    return {
      organizationId,
      storeId,
      channel,
      externalId: `D${n}`,
      status,
      placedAt,
      inTransitAt,
      deliveredAt: status === "DELIVERED" || status === "COMPLETED" ? new Date(placedAt.getTime() + 100 * HOUR) : null,
      cancelledAt: status === "CANCELLED" ? new Date(placedAt.getTime() + HOUR) : null,
      dispatchDueAt: channel === "TIKTOK_SHOP" ? new Date(placedAt.getTime() + (n % 2 ? 30 : 50) * HOUR) : null,
      currency: "USD",
      totalMinor: 1000 + n,
      supplierId: supplier,
    };
  });
}

async function expectExact() {
  const stored = await rollupOf(organizationId);
  expect(stored.length).toBeGreaterThan(0);
  expect(stored).toEqual(await recompute(organizationId));
}

beforeAll(async () => {
  const org = await prisma.organization.create({ data: { name: "Daily Co" } });
  organizationId = org.id;
  tiktokLa = (
    await prisma.store.create({
      data: {
        organizationId,
        name: "Daily TikTok",
        channel: "TIKTOK_SHOP",
        market: "US",
        kind: "LOCAL",
        timeZone: "America/Los_Angeles",
        joinedOn: new Date("2025-01-01"),
      },
    })
  ).id;
  brandNy = (
    await prisma.store.create({
      data: { organizationId, name: "Daily Brand", channel: "BRAND_SITE", market: "US", timeZone: "America/New_York", joinedOn: new Date("2025-01-01") },
    })
  ).id;
  supplierId = (
    await prisma.supplier.create({
      data: { organizationId, name: "Daily supplier", shipFromCountry: "US", promisedOutboundHours: 24, promisedDeliveryDays: 5 },
    })
  ).id;
});

afterAll(async () => {
  await prisma.organization.delete({ where: { id: organizationId } });
});

describe("daily roll-ups", () => {
  it("match the raw orders after inserts, with local days in each store's zone and the dispatch-hour buckets", async () => {
    await prisma.order.createMany({ data: [...makeOrders(tiktokLa, "TIKTOK_SHOP", 0, 60, null), ...makeOrders(brandNy, "BRAND_SITE", 1000, 40, supplierId)] });
    await expectExact();
    // 2026-11-01T06:00Z is 23:00 on Oct 31 in Los Angeles: the first order sits on the local day.
    const first = (await rollupOf(organizationId)).find((r) => r.storeId === tiktokLa && r.day === "2026-10-31");
    expect(first?.placed).toBe(1);
    // Exactly 48 h counts in bucket 47 ("47 < h <= 48"), 48.01 h in bucket 48: a "> 48 h" threshold is exact.
    const buckets = (await rollupOf(organizationId)).reduce((acc, r) => acc.map((v, i) => v + (r.dispatchHours[i] as number)), Array(73).fill(0) as number[]);
    expect(buckets[47]).toBeGreaterThan(0);
    expect(buckets[48]).toBeGreaterThan(0);
    expect(buckets[72]).toBeGreaterThan(0);
  });

  it("match after a raw COPY (the bulk path), where the server takes one", async () => {
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      const rows = makeOrders(tiktokLa, "TIKTOK_SHOP", 2000, 30, supplierId);
      const iso = (d: Date | null) => (d ? d.toISOString() : "");
      const csv = rows
        .map((o, i) =>
          [
            `daily-copy-${i}`,
            o.organizationId,
            o.storeId,
            o.channel,
            o.externalId,
            o.status,
            iso(o.placedAt),
            iso(o.inTransitAt),
            iso(o.deliveredAt),
            iso(o.dispatchDueAt),
            o.currency,
            o.totalMinor,
            o.supplierId ?? "",
            iso(new Date()),
          ].join(","),
        )
        .join("\n");
      const columns = `id, "organizationId", "storeId", channel, "externalId", status, "placedAt", "inTransitAt", "deliveredAt", "dispatchDueAt", currency, "totalMinor", "supplierId", "updatedAt"`;
      if (await acceptsCopyFromStdin(client)) {
        const stream = client.query(copyFrom(`COPY "Order" (${columns}) FROM STDIN WITH (FORMAT csv)`));
        await new Promise<void>((resolve, reject) => {
          stream.on("finish", resolve);
          stream.on("error", reject);
          stream.end(`${csv}\n`);
        });
      } else {
        // The embedded database has no COPY FROM STDIN over the wire (lib/database/copy-support.ts).
        await client.query(
          `INSERT INTO "Order" (${columns}) SELECT * FROM json_populate_recordset(null::"Order", $1::json)`.replace("SELECT *", `SELECT ${columns}`),
          [JSON.stringify(rows.map((o, i) => ({ ...o, id: `daily-copy-${i}`, updatedAt: new Date() })))],
        );
      }
    } finally {
      await client.end();
    }
    await expectExact();
  });

  it("match after the file import (COPY for new orders) and its upsert of the same orders with new statuses", async () => {
    const store = await prisma.store.create({
      data: {
        organizationId,
        name: "Daily import",
        channel: "TIKTOK_SHOP",
        market: "US",
        kind: "LOCAL",
        timeZone: "America/Los_Angeles",
        joinedOn: new Date("2025-01-01"),
      },
    });
    const csv = readFileSync(path.join(root, "lib/ingest/fixtures/tiktok-us.csv"), "utf8");
    const first = await importOrderFile(prisma, { organizationId, storeId: store.id, stream: Readable.from([Buffer.from(csv)]) });
    expect(first.created).toBeGreaterThan(0);
    await expectExact();
    const moved = csv.replaceAll("Awaiting Shipment", "Awaiting Collection");
    expect(moved).not.toEqual(csv);
    await importOrderFile(prisma, { organizationId, storeId: store.id, stream: Readable.from([Buffer.from(moved)]) });
    await expectExact();
  });

  it("follow status changes, scans, deadlines, supplier moves and cancellations, and ignore changes that move nothing", async () => {
    await prisma.order.updateMany({
      where: { storeId: tiktokLa, status: "AWAITING_SHIPMENT" },
      data: { status: "IN_TRANSIT", inTransitAt: new Date(base + 200 * HOUR) },
    });
    await prisma.order.updateMany({
      where: { storeId: brandNy, status: "IN_TRANSIT" },
      data: { status: "CANCELLED", cancelledAt: new Date(base + 300 * HOUR) },
    });
    await prisma.order.updateMany({
      where: { storeId: tiktokLa, externalId: { in: ["D1", "D2", "D3"] } },
      data: { supplierId, dispatchDueAt: new Date(base + 2 * HOUR) },
    });
    await prisma.order.updateMany({ where: { storeId: tiktokLa }, data: { trackingNumber: "1Z999AA10123456784" } });
    await prisma.order.updateMany({ where: { storeId: brandNy, externalId: "D1001" }, data: { totalMinor: 99_999, placedAt: new Date(base - 40 * HOUR) } });
    await expectExact();
  });

  it("match after deletions, and drop rows that reach zero", async () => {
    await prisma.order.deleteMany({ where: { storeId: brandNy, externalId: { in: ["D1000", "D1001", "D1002", "D1003", "D1004"] } } });
    await expectExact();
    const zero = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "OrderDaily" WHERE placed = 0 AND cancelled = 0 AND "deadlineDue" = 0`;
    expect(zero[0]?.n).toBe(0);
  });

  it("stay exact under concurrent writers to the same store and days", async () => {
    const ids = (await prisma.order.findMany({ where: { storeId: tiktokLa }, select: { id: true }, orderBy: { id: "asc" } })).map((o) => o.id);
    const half = Math.ceil(ids.length / 2);
    await Promise.all([
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Order" SET status = 'ON_HOLD', "inTransitAt" = NULL WHERE id IN (${Prisma.join(ids.slice(0, half))})`;
        await tx.order.createMany({ data: makeOrders(tiktokLa, "TIKTOK_SHOP", 3000, 20, null) });
      }),
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Order" SET status = 'DELIVERED', "deliveredAt" = "placedAt" + interval '90 hours' WHERE id IN (${Prisma.join(ids.slice(half))})`;
        await tx.order.createMany({ data: makeOrders(tiktokLa, "TIKTOK_SHOP", 4000, 20, supplierId) });
      }),
      prisma.order.createMany({ data: makeOrders(brandNy, "BRAND_SITE", 5000, 20, supplierId) }),
    ]);
    await expectExact();
  });

  it("move to the new local days when a store changes zone, and rebuild to the same rows", async () => {
    await prisma.store.update({ where: { id: tiktokLa }, data: { timeZone: "Europe/London" } });
    await expectExact();
    const before = await rollupOf(organizationId);
    await prisma.$executeRaw`SELECT order_daily_rebuild()`;
    expect(await rollupOf(organizationId)).toEqual(before);
  });

  it("leave nothing behind when orders go with their store", async () => {
    await prisma.store.delete({ where: { id: brandNy } });
    const rows = await rollupOf(organizationId);
    expect(rows.some((r) => r.storeId === brandNy)).toBe(false);
    await expectExact();
  });
});
