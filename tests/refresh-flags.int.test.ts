import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { isEmbeddedUrl } from "@/lib/database/embedded-url";
import { refreshOrderRisk } from "@/lib/flags/refresh-orders";
import { testDb } from "./db";

// The flag writer on a busy machine: a batch that waits for the database (here: a row lock held
// by another session for longer than Prisma's 5-second transaction timeout) must still be written,
// whole, instead of failing with P2028 as `bench:data` did at 1M. And concurrent refreshes of the
// same order leave exactly one flag per rule.

const prisma = testDb();
const url = inject("databaseUrl");
let organizationId = "";
let storeId = "";
const now = new Date("2026-11-25T10:00:00Z");

beforeAll(async () => {
  organizationId = (await prisma.organization.create({ data: { name: "Refresh Co" } })).id;
  storeId = (
    await prisma.store.create({
      data: {
        organizationId,
        name: "Refresh TikTok",
        channel: "TIKTOK_SHOP",
        market: "US",
        kind: "LOCAL",
        timeZone: "America/Los_Angeles",
        joinedOn: new Date("2025-01-01"),
      },
    })
  ).id;
});

afterAll(async () => {
  await prisma.organization.delete({ where: { id: organizationId } });
});

/** A shipped order without a tracking number: the engine stores a critical tracking.missing flag. */
async function shippedWithoutTracking(externalId: string) {
  return prisma.order.create({
    data: {
      organizationId,
      storeId,
      channel: "TIKTOK_SHOP",
      externalId,
      status: "IN_TRANSIT",
      placedAt: new Date("2026-11-23T18:00:00Z"),
      inTransitAt: new Date("2026-11-24T18:00:00Z"),
      currency: "USD",
      totalMinor: 2500,
    },
  });
}

describe("refreshOrderRisk", () => {
  it.skipIf(isEmbeddedUrl(url))(
    "writes a batch that waits longer than Prisma's 5-second transaction timeout",
    async () => {
      const order = await shippedWithoutTracking("R-LOCKED");
      await refreshOrderRisk(prisma, { organizationId, orderIds: [order.id] }, now);
      // The order's deadline moves (a later evaluation instant changes nothing there, so clear it).
      await prisma.order.update({ where: { id: order.id }, data: { dispatchDueAt: null } });
      const locker = new pg.Client({ connectionString: url });
      await locker.connect();
      try {
        await locker.query("BEGIN");
        // Lock the order's stored flags: the writer's statements on them wait for the lock.
        await locker.query(`SELECT 1 FROM "RiskFlag" WHERE "orderId" = $1 FOR UPDATE`, [order.id]);
        const refresh = refreshOrderRisk(prisma, { organizationId, orderIds: [order.id] }, now);
        await new Promise((resolve) => setTimeout(resolve, 6_000));
        await locker.query("COMMIT");
        await expect(refresh).resolves.toMatchObject({ orders: 1 });
      } finally {
        await locker.end();
      }
      const flags = await prisma.riskFlag.findMany({ where: { orderId: order.id }, select: { rule: true, severity: true } });
      expect(flags).toContainEqual({ rule: "tracking.missing", severity: "CRITICAL" });
      const stored = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { dispatchDueAt: true } });
      expect(stored.dispatchDueAt).not.toBeNull();
    },
    30_000,
  );

  it("keeps one flag per rule under concurrent refreshes, and removes a flag that no longer holds", async () => {
    const order = await shippedWithoutTracking("R-CONCURRENT");
    await Promise.all(Array.from({ length: 4 }, () => refreshOrderRisk(prisma, { organizationId, orderIds: [order.id] }, now)));
    const rules = (await prisma.riskFlag.findMany({ where: { orderId: order.id }, select: { rule: true } })).map((f) => f.rule);
    expect(rules.filter((r) => r === "tracking.missing")).toHaveLength(1);
    expect(new Set(rules).size).toBe(rules.length);

    await prisma.order.update({ where: { id: order.id }, data: { trackingNumber: "9400111899223197428490", carrier: "USPS", labelSource: "TIKTOK_SHIPPING" } });
    await refreshOrderRisk(prisma, { organizationId, orderIds: [order.id] }, now);
    const after = (await prisma.riskFlag.findMany({ where: { orderId: order.id }, select: { rule: true } })).map((f) => f.rule);
    expect(after).not.toContain("tracking.missing");
  });
});
