import type PgBoss from "pg-boss";
import { afterAll, describe, expect, inject, it } from "vitest";
import { fakeOrderNode, startFakeShopifyAdmin } from "@/lib/channels/fake-shopify-admin";
import { isEmbeddedUrl } from "@/lib/database/embedded-url";
import { STORE_SYNC_QUEUE, enqueueStoreSyncs, startQueue } from "@/lib/jobs/queue";
import { syncStore } from "@/lib/channels/sync";
import { testDb } from "./db";

// The scheduled sync's fan-out: one job per connected store, never a second one for a store whose
// sync is still queued (pg-boss "stately" queue keyed by the store).

const url = inject("databaseUrl");
const prisma = testDb();
let boss: PgBoss | undefined;
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await prisma.$disconnect();
});

describe.runIf(!isEmbeddedUrl(url))("store sync schedule", () => {
  it("queues one sync per connected store, once while it waits; the job's sync imports the store's orders", async () => {
    boss = await startQueue(url);
    const org = await prisma.organization.create({ data: { name: `Sync queue org ${Date.now()}` } });
    const fake = await startFakeShopifyAdmin({
      accessToken: "shpat_queue_test_0000000000",
      apiVersion: "2026-10",
      orders: [
        fakeOrderNode({
          id: 7001,
          name: "#7001",
          createdAt: "2026-03-01T15:00:00Z",
          updatedAt: "2026-03-01T15:00:05Z",
          financial: "PAID",
          fulfillment: "UNFULFILLED",
          total: "9.99",
        }),
      ],
    });
    try {
      const store = await prisma.store.create({
        data: {
          organizationId: org.id,
          name: "Queued brand site",
          channel: "BRAND_SITE",
          market: "US",
          timeZone: "America/New_York",
          currency: "USD",
          joinedOn: new Date("2024-01-01"),
          shopifyDomain: "queue-shop.myshopify.com",
          shopifyAccessToken: "shpat_queue_test_0000000000",
          shopifyApiBaseUrl: fake.baseUrl,
          shopifyApiVersion: "2026-10",
        },
      });
      const unconnected = await prisma.store.create({
        data: {
          organizationId: org.id,
          name: "Not connected",
          channel: "BRAND_SITE",
          market: "US",
          timeZone: "America/New_York",
          currency: "USD",
          joinedOn: new Date("2024-01-01"),
        },
      });
      await enqueueStoreSyncs(boss, prisma);
      await enqueueStoreSyncs(boss, prisma);
      const jobs = await prisma.$queryRawUnsafe<{ singleton_key: string; data: { storeId: string } }[]>(
        `SELECT singleton_key, data FROM pgboss.job WHERE name = $1 AND singleton_key = ANY($2::text[]) AND state = 'created'`,
        STORE_SYNC_QUEUE,
        [store.id, unconnected.id],
      );
      expect(jobs).toEqual([{ singleton_key: store.id, data: { storeId: store.id, organizationId: org.id } }]);
      // What the worker runs for that job.
      const r = await syncStore(prisma, jobs[0]!.data as { storeId: string; organizationId: string }, new Date("2026-03-20T00:00:00Z"), {
        sleep: async () => undefined,
      });
      expect(r).toMatchObject({ orders: 1, created: 1 });
    } finally {
      await fake.close();
    }
  });
});
