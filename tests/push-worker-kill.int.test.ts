// Acceptance: a worker killed mid-push (the platform got the write, the worker never heard back)
// and a new one started send the push once, not twice. Real worker processes (`npm run worker`'s
// script) take the pg-boss job; the fake Shopify Admin API holds its answer to fulfillmentCreate
// so the kill lands mid-write.
import { type ChildProcess, spawn } from "node:child_process";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { startFakeShopifyAdmin, type FakeShopify } from "@/lib/channels/fake-shopify-admin";
import { isEmbeddedUrl } from "@/lib/database/embedded-url";
import { queueTrackingPush } from "@/lib/channels/tracking-push";
import { createPushQueues, sendPushJobs } from "@/lib/jobs/push-queue";
import { testDb } from "./db";

const prisma = testDb();
const databaseUrl = inject("databaseUrl");
// The worker and pg-boss need a PostgreSQL server (the embedded database is one session, see
// tests/queue.int.test.ts); CI runs against one. On the embedded default the in-process runner
// (tests/write-back.int.test.ts) is what sends pushes.
const embedded = isEmbeddedUrl(databaseUrl);
let shopify: FakeShopify;
let boss: PgBoss;
const workers: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", () => undefined);
  child.stderr?.on("data", () => undefined);
  workers.push(child);
  return child;
}

beforeAll(async () => {
  if (embedded) return;
  shopify = await startFakeShopifyAdmin({ accessToken: "shpat_kill_token", apiVersion: "2026-10", orders: [] });
  boss = new PgBoss({ connectionString: databaseUrl, max: 2, supervise: false, schedule: false });
  await boss.start();
  await createPushQueues(boss);
});

afterAll(async () => {
  if (embedded) return;
  for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
  await boss.stop({ graceful: false, wait: false });
  await shopify.close();
  await prisma.$disconnect();
});

describe.skipIf(embedded)("a worker killed mid-push", () => {
  it("and a new one started: one fulfilment, one fulfillmentCreate, the push sent", { timeout: 120_000 }, async () => {
    const org = await prisma.organization.create({ data: { name: `Kill org ${Date.now()}` } });
    const store = await prisma.store.create({
      data: {
        organizationId: org.id,
        name: "Brand",
        channel: "BRAND_SITE",
        market: "US",
        timeZone: "UTC",
        joinedOn: new Date("2024-01-01"),
        shopifyDomain: "kill.myshopify.com",
        shopifyAccessToken: "shpat_kill_token",
        shopifyApiVersion: "2026-10",
        shopifyApiBaseUrl: shopify.baseUrl,
      },
    });
    const order = await prisma.order.create({
      data: {
        organizationId: org.id,
        storeId: store.id,
        channel: "BRAND_SITE",
        externalId: "#9001",
        sourceId: "5200000000001",
        status: "AWAITING_SHIPMENT",
        placedAt: new Date("2026-03-01T00:00:00Z"),
        currency: "USD",
        totalMinor: 100,
        carrier: "UPS",
        trackingNumber: "1Z999AA10123456784",
      },
    });
    const gid = "gid://shopify/Order/5200000000001";
    shopify.openOrder(gid);
    const user = await prisma.user.create({
      data: { organizationId: org.id, email: `kill-${Date.now()}@test.local`, name: "Ops", passwordHash: "x", role: "OPS" },
    });
    const pushId = await queueTrackingPush(prisma, {
      organizationId: org.id,
      order: { id: order.id, storeId: store.id, channel: "BRAND_SITE", externalId: "#9001", trackingNumber: null, fulfillmentType: "SELLER_SHIPPING" },
      carrier: "UPS",
      trackingNumber: "1Z999AA10123456784",
      actorId: user.id,
      now: new Date(),
    });
    const hold = shopify.holdOnce(/fulfillmentCreate\(/);

    const first = startWorker();
    await sendPushJobs(boss, [pushId]);
    await hold.applied;
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    hold.release();
    // The dead worker's lease on the push runs out (PUSH_LEASE_MS); here the clock is not waited for.
    await prisma.channelPush.update({ where: { id: pushId }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await prisma.channelPush.findUniqueOrThrow({ where: { id: pushId } })).status).toBe("PENDING");

    const second = startWorker();
    await sendPushJobs(boss, [pushId]);
    await expect
      .poll(async () => (await prisma.channelPush.findUniqueOrThrow({ where: { id: pushId } })).status, { timeout: 60_000, interval: 500 })
      .toBe("SENT");
    second.kill("SIGTERM");

    const creates = shopify.requests.filter((r) => /fulfillmentCreate\(/.test(r.query));
    expect(creates).toHaveLength(1);
    expect(shopify.fulfilment.get(gid)?.fulfillments).toHaveLength(1);
    expect(await prisma.channelPush.findUniqueOrThrow({ where: { id: pushId } })).toMatchObject({ status: "SENT", message: "Already on the platform" });
  });
});
