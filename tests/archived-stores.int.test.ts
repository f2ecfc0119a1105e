import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAlertPass } from "@/lib/alerts/pass";
import { readOpenItems } from "@/lib/alerts/items";
import { dispatchLeadHours } from "@/lib/alerts/lead-times";
import { getExposureSummaries, getStoreExposure, readServiceComparison, readSupplierAttribution } from "@/lib/data/exposure";
import { listOrders } from "@/lib/data/orders";
import { getChannelKpis, getTrends } from "@/lib/data/overview";
import { countOpenFlagsByRule, countOpenFlagsPerStore, getRiskQueue } from "@/lib/data/risk";
import { getSetupStatus } from "@/lib/data/routing";
import type { DataScope } from "@/lib/data/scope";
import { readOrganizationSettings } from "@/lib/data/settings";
import { listStoreSummaries } from "@/lib/data/stores";
import { orderQuerySchema } from "@/lib/validations/orders";
import { seedTenant } from "@/lib/seed/demo";
import { testDb } from "./db";
import { pinClock } from "./pinned-clock";

// Issue 17's gap: an archived store keeps its orders, but its orders and flags leave the daily
// views — the overview's totals and trends, the risk queue (list and counts), the exposure
// summaries and service comparison, the orders list, the unassigned count and the alert pass —
// while a read that names the store (its page, its exposure, `?store=`) still shows them.
// Restored, everything comes back. On a tenant of its own (the demo's shape, 400 orders).

pinClock();

const prisma = testDb();
afterAll(() => prisma.$disconnect());

const now = new Date();
const from = new Date(now.getTime() - 30 * 86_400_000);
let scope: DataScope;
let storeId: string;

const setArchived = (archived: boolean) => prisma.store.update({ where: { id: storeId }, data: { archivedAt: archived ? now : null } });
const list = (params: Record<string, string> = {}) => listOrders(scope, orderQuerySchema.parse({ pageSize: "100", ...params }), now);

/** Every figure the test compares, all stores and the one store. */
async function figures() {
  const settings = await readOrganizationSettings(prisma, scope.organizationId);
  const [kpis, storeKpis, trends, queue, storeQueue, byRule, perStore, summaries, comparison, attribution, items, orders, storeOrders, setup] =
    await Promise.all([
      getChannelKpis(scope, { from, to: now, now }),
      getChannelKpis(scope, { from, to: now, now, storeId }),
      getTrends(scope, { from, to: now, now, timeZone: null }),
      getRiskQueue(scope, { limit: 1000 }, now),
      getRiskQueue(scope, { storeId, limit: 1000 }, now),
      countOpenFlagsByRule(scope, now),
      countOpenFlagsPerStore(scope, now),
      getExposureSummaries(scope, now),
      readServiceComparison(scope.organizationId, now),
      readSupplierAttribution(scope.organizationId, {}, now),
      readOpenItems(prisma, scope.organizationId, now, settings, dispatchLeadHours(settings)),
      list(),
      list({ store: storeId }),
      getSetupStatus(scope),
    ]);
  const tiktok = (k: typeof kpis) => k.find((x) => x.channel === "TIKTOK_SHOP");
  return {
    orders: tiktok(kpis)?.orders ?? 0,
    lateTotal: tiktok(kpis)?.lateDispatch.total ?? 0,
    storeOrders: tiktok(storeKpis)?.orders ?? 0,
    storeLateTotal: tiktok(storeKpis)?.lateDispatch.total ?? 0,
    trendOrders: trends.orders.reduce((n, p) => n + p.TIKTOK_SHOP, 0),
    queueTotal: queue.total,
    queueStores: new Set(queue.items.map((i) => i.store?.id)),
    storeQueueTotal: storeQueue.total,
    countedByRule: byRule.reduce((n, r) => n + r.count, 0),
    perStore: new Map(perStore.map((s) => [s.storeId, s.total])),
    summaryStores: summaries.map((s) => s.storeId),
    comparisonStores: comparison.map((c) => c.storeId),
    attributedDue: attribution.reduce((n, a) => n + a.dispatchesDue, 0),
    alertItemStores: new Set(items.map((i) => i.storeId)),
    alertItems: items.length,
    listTotal: orders.total,
    listStores: new Set(orders.items.map((o) => o.store.id)),
    storeListTotal: storeOrders.total,
    unassigned: setup.unassigned,
    setup,
  };
}

let before: Awaited<ReturnType<typeof figures>>;

beforeAll(async () => {
  const tenant = await seedTenant(prisma, `archived-${randomUUID().slice(0, 8)}`, now);
  scope = { organizationId: tenant.organizationId, supplierId: null, role: "OWNER" };
  storeId = (await prisma.store.findFirstOrThrow({ where: { organizationId: tenant.organizationId, name: "TikTok Shop US" }, select: { id: true } })).id;
  // Some of the store's orders without a supplier, so the unassigned count has something to lose.
  await prisma.$executeRaw`UPDATE "Order" SET "supplierId" = NULL WHERE id IN (SELECT id FROM "Order" WHERE "storeId" = ${storeId} ORDER BY id LIMIT 5)`;
  before = await figures();
}, 120_000);

describe("an archived store", () => {
  it("has figures to lose before it is archived", () => {
    expect(before.storeOrders).toBeGreaterThan(0);
    expect(before.storeQueueTotal).toBeGreaterThan(0);
    expect(before.queueStores.has(storeId)).toBe(true);
    expect(before.perStore.get(storeId)).toBe(before.storeQueueTotal);
    expect(before.summaryStores).toContain(storeId);
    expect(before.comparisonStores).toContain(storeId);
    expect(before.alertItemStores.has(storeId)).toBe(true);
    expect(before.storeListTotal).toBeGreaterThan(0);
  });

  it("leaves the overview, the trends, the queue and its counts, exposure, the orders list and the alerts", async () => {
    await setArchived(true);
    try {
      const after = await figures();
      // Overview totals and trends: the store's orders subtracted exactly.
      expect(after.orders).toBe(before.orders - before.storeOrders);
      expect(after.lateTotal).toBe(before.lateTotal - before.storeLateTotal);
      expect(after.trendOrders).toBe(before.trendOrders - before.storeOrders);
      // The risk queue, its counts per rule and per store.
      expect(after.queueTotal).toBe(before.queueTotal - before.storeQueueTotal);
      expect(after.queueStores.has(storeId)).toBe(false);
      expect(after.countedByRule).toBe(before.countedByRule - before.storeQueueTotal);
      expect(after.perStore.has(storeId)).toBe(false);
      // Exposure: no summary, not in the service comparison, nor in the supplier attribution.
      expect(after.summaryStores).not.toContain(storeId);
      expect(after.comparisonStores).not.toContain(storeId);
      expect(after.attributedDue).toBeLessThan(before.attributedDue);
      // The alert pass's items.
      expect(after.alertItemStores.has(storeId)).toBe(false);
      expect(after.alertItems).toBeLessThan(before.alertItems);
      // The orders list (its exact total from OrderCount) and the unassigned count.
      expect(after.listTotal).toBe(before.listTotal - before.storeListTotal);
      expect(after.listStores.has(storeId)).toBe(false);
      expect(after.unassigned).toBeLessThanOrEqual(before.unassigned - 5);
      // The getting-started card: one store fewer in use, one more archived, the same suppliers and orders.
      const direct = {
        suppliers: await prisma.supplier.count({ where: { organizationId: scope.organizationId } }),
        orders: await prisma.order.count({ where: { organizationId: scope.organizationId } }),
        isDemo: (await prisma.organization.findUniqueOrThrow({ where: { id: scope.organizationId } })).isDemo,
      };
      expect(before.setup).toMatchObject({ archivedStores: 0, ...direct });
      expect(after.setup).toMatchObject({ stores: before.setup.stores - 1, archivedStores: 1, ...direct });

      // Named explicitly, the store is still readable: its figures, its queue, its orders, its exposure.
      expect(after.storeOrders).toBe(before.storeOrders);
      expect(after.storeQueueTotal).toBe(before.storeQueueTotal);
      expect(after.storeListTotal).toBe(before.storeListTotal);
      expect((await countOpenFlagsPerStore(scope, now, storeId)).find((s) => s.storeId === storeId)?.total).toBe(before.storeQueueTotal);
      expect((await getStoreExposure(scope, storeId, now)).store.id).toBe(storeId);
      expect((await listStoreSummaries(scope, now)).map((s) => s.id)).not.toContain(storeId);
    } finally {
      await setArchived(false);
    }
  });

  it("sends no alert about the archived store's orders, and alerts them again once it is restored", async () => {
    const settings = await readOrganizationSettings(prisma, scope.organizationId);
    const rule = await prisma.alertRule.create({
      data: { organizationId: scope.organizationId, name: "everything to the owner", recipientRoles: ["OWNER"] },
      select: { id: true },
    });
    const config = { smtpUrl: null, from: "alerts <alerts@localhost>", baseUrl: "http://localhost", secret: "test-secret-0123456789" };
    try {
      // Archived before any pass: nothing of the store is created.
      await setArchived(true);
      await runAlertPass(prisma, now, config, scope.organizationId);
      expect(await prisma.alertDelivery.count({ where: { organizationId: scope.organizationId, storeId } })).toBe(0);
      expect(await prisma.alertDelivery.count({ where: { organizationId: scope.organizationId } })).toBeGreaterThan(0);

      // Restored: the store's items are alerted again.
      await setArchived(false);
      const later = new Date(now.getTime() + 1_000);
      await runAlertPass(prisma, later, config, scope.organizationId);
      const created = await prisma.alertDelivery.count({ where: { organizationId: scope.organizationId, storeId } });
      expect(created).toBeGreaterThan(0);
      const items = await readOpenItems(prisma, scope.organizationId, later, settings, dispatchLeadHours(settings));
      expect(items.some((i) => i.storeId === storeId)).toBe(true);
    } finally {
      await setArchived(false);
      await prisma.alertDelivery.deleteMany({ where: { organizationId: scope.organizationId } });
      await prisma.alertRule.delete({ where: { id: rule.id } });
    }
  });

  it("comes back whole when restored", async () => {
    const restored = await figures();
    expect(restored).toEqual(before);
  });
});
