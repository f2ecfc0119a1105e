// Tracking written back to TikTok Shop and Shopify when owner/ops fix it: against the fake Partner
// API and the fake Admin API on loopback, which record what they receive. The push job is run by
// the test (runPush) at instants it chooses, so retries and a runner that died are deterministic.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getOrder } from "@/app/api/orders/[id]/route";
import { POST as postTracking } from "@/app/api/orders/[id]/tracking/route";
import { retryPush } from "@/lib/actions/pushes";
import { fixTracking, saveTrackingPaste } from "@/lib/actions/risk";
import type { SessionUser } from "@/lib/auth";
import { startFakeShopifyAdmin, type FakeShopify } from "@/lib/channels/fake-shopify-admin";
import { startFakeTikTokPartner, type FakeTikTok } from "@/lib/channels/fake-tiktok-partner";
import { PUSH_LEASE_MS, TIKTOK_EDIT_USED, runPush } from "@/lib/channels/push";
import { queueTokenRefreshes } from "@/lib/channels/token-refresh";
import { dispatchPushes, inProcessRunner, setPushDispatcher } from "@/lib/jobs/push-queue";
import { validateTracking } from "@/lib/policy/tracking";
import { testDb } from "./db";
import { decryptSecret } from "@/lib/security/secrets";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null)),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const prisma = testDb();

const APP = { appKey: "wb_app_key", appSecret: "wb_app_secret_value", accessToken: "wb_access_token", shopCipher: "GCP_WB" };
const SHOP = { accessToken: "shpat_write_back_token", apiVersion: "2026-10" };
const PROVIDERS = {
  "opt-us-std": [
    { id: "7117858858072016686", name: "USPS" },
    { id: "7117859084333745966", name: "FedEx" },
  ],
};

/** A USPS IMpb number with the check digit the validator accepts, distinct per `n`. */
function usps(n: number): string {
  const body = `9400111${String(n).padStart(14, "0")}`;
  for (let d = 0; d <= 9; d++) if (validateTracking(body + d, "USPS").valid) return body + d;
  throw new Error("no check digit");
}
function ups(n: number): string {
  const body = `1Z999AA101${String(n).padStart(7, "0")}`;
  for (let d = 0; d <= 9; d++) if (validateTracking(body + d, "UPS").valid) return body + d;
  throw new Error("no check digit");
}

let tiktok: FakeTikTok;
let shopify: FakeShopify;
let owner: SessionUser;
let supplier: SessionUser;
let stranger: SessionUser;
let tiktokStoreId: string;
let shopifyStoreId: string;
let orgId: string;
let seq = 0;
const dispatched: string[] = [];
/** An instant just after now: pushes are due from when the fix was saved (the real clock of the action). */
const soon = (ms = 0) => new Date(Date.now() + 1000 + ms);

async function user(organizationId: string, role: "OWNER" | "OPS" | "SUPPLIER", supplierId: string | null = null): Promise<SessionUser> {
  const u = await prisma.user.create({
    data: { organizationId, email: `wb-${role.toLowerCase()}-${Date.now()}-${Math.random()}@test.local`, name: role, passwordHash: "x", role, supplierId },
    select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true },
  });
  return u;
}

beforeAll(async () => {
  tiktok = await startFakeTikTokPartner({ ...APP, providers: PROVIDERS });
  shopify = await startFakeShopifyAdmin({ ...SHOP, orders: [] });
  const org = await prisma.organization.create({ data: { name: `Write-back ${Date.now()}` } });
  orgId = org.id;
  const other = await prisma.organization.create({ data: { name: `Write-back other ${Date.now()}` } });
  const sup = await prisma.supplier.create({
    data: { organizationId: org.id, name: "Supplier", shipFromCountry: "US", promisedOutboundHours: 48, promisedDeliveryDays: 5 },
  });
  owner = await user(org.id, "OWNER");
  supplier = await user(org.id, "SUPPLIER", sup.id);
  stranger = await user(other.id, "OWNER");
  tiktokStoreId = (
    await prisma.store.create({
      data: {
        organizationId: org.id,
        name: "TikTok US",
        channel: "TIKTOK_SHOP",
        market: "US",
        kind: "LOCAL",
        timeZone: "America/Los_Angeles",
        joinedOn: new Date("2024-01-01"),
        tiktokAppKey: APP.appKey,
        tiktokAppSecret: APP.appSecret,
        tiktokAccessToken: APP.accessToken,
        tiktokShopCipher: APP.shopCipher,
        tiktokApiBaseUrl: tiktok.baseUrl,
      },
    })
  ).id;
  shopifyStoreId = (
    await prisma.store.create({
      data: {
        organizationId: org.id,
        name: "Brand site",
        channel: "BRAND_SITE",
        market: "US",
        timeZone: "America/New_York",
        joinedOn: new Date("2024-01-01"),
        shopifyDomain: "wb-shop.myshopify.com",
        shopifyAccessToken: SHOP.accessToken,
        shopifyApiVersion: SHOP.apiVersion,
        shopifyApiBaseUrl: shopify.baseUrl,
      },
    })
  ).id;
  setPushDispatcher(async (ids) => void dispatched.push(...ids));
});

afterEach(() => {
  session.user = null;
});

afterAll(async () => {
  setPushDispatcher(undefined);
  await tiktok.close();
  await shopify.close();
  await prisma.$disconnect();
});

/** A TikTok order here and on the fake, shipped with `shippedWith` or not yet. */
async function tiktokOrder(shippedWith: string | null = null) {
  seq += 1;
  const externalId = `57770000000${String(seq).padStart(7, "0")}`;
  const packageId = `pkg-${seq}`;
  tiktok.orders.set(externalId, {
    id: externalId,
    packageId,
    deliveryOptionId: "opt-us-std",
    status: "AWAITING_SHIPMENT",
    trackingNumber: shippedWith,
    shippingProviderId: shippedWith ? "7117858858072016686" : null,
    edits: 0,
  });
  const order = await prisma.order.create({
    data: {
      organizationId: orgId,
      storeId: tiktokStoreId,
      channel: "TIKTOK_SHOP",
      externalId,
      status: "AWAITING_SHIPMENT",
      placedAt: new Date("2026-03-09T10:00:00Z"),
      currency: "USD",
      totalMinor: 2500,
      carrier: shippedWith ? "USPS" : null,
      trackingNumber: shippedWith,
      labelSource: "SELLER",
    },
  });
  return { ...order, packageId };
}

async function shopifyOrder() {
  seq += 1;
  const sourceId = String(5_100_000_000_000 + seq);
  shopify.openOrder(`gid://shopify/Order/${sourceId}`);
  return prisma.order.create({
    data: {
      organizationId: orgId,
      storeId: shopifyStoreId,
      channel: "BRAND_SITE",
      externalId: `#${1000 + seq}`,
      sourceId,
      status: "AWAITING_SHIPMENT",
      placedAt: new Date("2026-03-09T10:00:00Z"),
      currency: "USD",
      totalMinor: 4000,
    },
  });
}

/** fulfillmentCreate requests naming this order's fulfilment orders. */
const createsFor = (orderGid: string) => {
  const ids = (shopify.fulfilment.get(orderGid)?.fulfillmentOrders ?? []).map((f) => f.id);
  return shopify.requests.filter((r) => /fulfillmentCreate\(/.test(r.query) && JSON.stringify(r.variables).includes(ids[0] ?? "none"));
};
const writesTo = (packageId: string) => tiktok.requests.filter((r) => r.method === "POST" && r.path.includes(`/packages/${packageId}/`));

async function onlyPush(orderId: string) {
  const pushes = await prisma.channelPush.findMany({ where: { orderId } });
  expect(pushes).toHaveLength(1);
  return pushes[0]!;
}

describe("tracking written back to TikTok Shop", () => {
  it("a corrected number sends exactly one shipping-info update with the number and the mapped provider; the order shows sent", async () => {
    const order = await tiktokOrder(usps(1));
    session.user = owner;
    const fixed = await fixTracking({ orderId: order.id, carrier: "usps", trackingNumber: usps(2) });
    expect(fixed).toMatchObject({ ok: true, data: { push: { status: "pending", edit: true } } });
    const push = await onlyPush(order.id);
    expect(dispatched).toContain(push.id);
    expect(push.status).toBe("PENDING");

    expect(await runPush(prisma, push.id, soon())).toMatchObject({ status: "SENT", platformId: order.packageId });
    const writes = writesTo(order.packageId);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({
      path: `/fulfillment/202309/packages/${order.packageId}/shipping_info/update`,
      body: { tracking_number: usps(2), shipping_provider_id: "7117858858072016686" },
      code: 0,
    });
    expect(tiktok.orders.get(order.externalId)?.trackingNumber).toBe(usps(2));

    const response = await getOrder(new Request(`http://test.local/api/orders/${order.id}`), { params: Promise.resolve({ id: order.id }) });
    const body = (await response.json()) as { order: { trackingNumber: string }; push: { status: string; platformId: string } };
    expect(body.order.trackingNumber).toBe(usps(2));
    expect(body.push).toMatchObject({ status: "sent", platformId: order.packageId });
    const audit = await prisma.auditLog.findMany({ where: { entityId: order.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["order.tracking.fix", "push.tracking.sent"]);
    // Running the job again (a duplicate delivery) writes nothing more.
    expect(await runPush(prisma, push.id, soon(60_000))).toEqual({ status: "SKIPPED" });
    expect(writesTo(order.packageId)).toHaveLength(1);
  });

  it("a first number ships the package; the one edit TikTok allows is refused the second time, with that reason, before anything is sent", async () => {
    const order = await tiktokOrder(null);
    session.user = owner;
    await fixTracking({ orderId: order.id, carrier: "USPS", trackingNumber: usps(10) });
    const first = await onlyPush(order.id);
    await runPush(prisma, first.id, soon());
    expect(writesTo(order.packageId).map((w) => w.path)).toEqual([`/fulfillment/202309/packages/${order.packageId}/ship`]);
    expect(writesTo(order.packageId)[0]?.body).toMatchObject({ self_shipment: { tracking_number: usps(10), shipping_provider_id: "7117858858072016686" } });

    const edit = await fixTracking({ orderId: order.id, carrier: "USPS", trackingNumber: usps(11) });
    expect(edit).toMatchObject({ ok: true, data: { push: { status: "pending", edit: true } } });
    const second = (await prisma.channelPush.findMany({ where: { orderId: order.id, status: "PENDING" } }))[0]!;
    expect(await runPush(prisma, second.id, soon())).toMatchObject({ status: "SENT" });

    const third = await fixTracking({ orderId: order.id, carrier: "USPS", trackingNumber: usps(12) });
    expect(third).toMatchObject({ ok: false, code: "BAD_REQUEST", fieldErrors: { trackingNumber: TIKTOK_EDIT_USED } });
    expect(writesTo(order.packageId)).toHaveLength(2);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).trackingNumber).toBe(usps(11));
  });

  it("a carrier the order's delivery option has no provider for is refused before anything is sent or saved", async () => {
    const order = await tiktokOrder(null);
    session.user = owner;
    const result = await fixTracking({ orderId: order.id, carrier: "UPS", trackingNumber: ups(1) });
    expect(result).toMatchObject({ ok: false, fieldErrors: { carrier: expect.stringMatching(/no shipping provider for UPS .*USPS, FedEx/) } });
    expect(writesTo(order.packageId)).toHaveLength(0);
    expect(await prisma.channelPush.count({ where: { orderId: order.id } })).toBe(0);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).trackingNumber).toBeNull();
  });

  it("the platform refusing the push: failed with its message, the fix kept; Retry sends it once", async () => {
    const order = await tiktokOrder(null);
    session.user = owner;
    await fixTracking({ orderId: order.id, carrier: "FedEx", trackingNumber: "123456789012" });
    const push = await onlyPush(order.id);
    tiktok.failOnce(/\/ship$/, { code: 21011099, message: "The package is being split, try again later" });
    expect(await runPush(prisma, push.id, soon())).toEqual({ status: "FAILED", message: expect.stringContaining("The package is being split") });
    expect(await prisma.channelPush.findUniqueOrThrow({ where: { id: push.id } })).toMatchObject({
      status: "FAILED",
      message: expect.stringContaining("being split"),
    });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).trackingNumber).toBe("123456789012");

    const retried = await retryPush({ pushId: push.id });
    expect(retried).toMatchObject({ ok: true, data: { status: "pending" } });
    expect(await runPush(prisma, push.id, soon())).toMatchObject({ status: "SENT" });
    expect(tiktok.writes(new RegExp(`/packages/${order.packageId}/ship$`))).toHaveLength(1);
    expect(tiktok.orders.get(order.externalId)?.shippingProviderId).toBe("7117859084333745966");
    const actions = (await prisma.auditLog.findMany({ where: { entityId: order.id }, orderBy: { createdAt: "asc" }, select: { action: true } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["order.tracking.fix", "push.tracking.failed", "push.tracking.retry", "push.tracking.sent"]);
  });

  it("a server error is retried with backoff, not before it is due", async () => {
    const order = await tiktokOrder(null);
    session.user = owner;
    await fixTracking({ orderId: order.id, carrier: "USPS", trackingNumber: usps(20) });
    const push = await onlyPush(order.id);
    tiktok.failOnce(/\/ship$/, { status: 503, code: 50000, message: "busy" });
    const t0 = soon();
    const first = await runPush(prisma, push.id, t0);
    expect(first).toMatchObject({ status: "RETRY" });
    if (first.status !== "RETRY") return;
    expect(first.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(t0.getTime() + 30_000);
    expect(await runPush(prisma, push.id, new Date(first.nextAttemptAt.getTime() - 1000))).toEqual({ status: "SKIPPED" });
    expect(await runPush(prisma, push.id, first.nextAttemptAt)).toMatchObject({ status: "SENT" });
    expect(tiktok.writes(new RegExp(`/packages/${order.packageId}/ship$`))).toHaveLength(1);
  });

  it("a worker killed mid-push and a new one started: the package is shipped once, not twice", async () => {
    const order = await tiktokOrder(null);
    session.user = owner;
    await fixTracking({ orderId: order.id, carrier: "USPS", trackingNumber: usps(30) });
    const push = await onlyPush(order.id);
    const hold = tiktok.holdOnce(/\/ship$/);
    const t0 = soon();
    const dying = runPush(prisma, push.id, t0);
    await hold.applied;
    // The first runner never hears back; after its lease a new runner takes the push.
    expect(await runPush(prisma, push.id, new Date(t0.getTime() + 30_000))).toEqual({ status: "SKIPPED" });
    const restarted = await runPush(prisma, push.id, new Date(t0.getTime() + PUSH_LEASE_MS + 1000));
    expect(restarted).toMatchObject({ status: "SENT", alreadyThere: true });
    hold.release();
    await dying;
    expect(tiktok.requests.filter((r) => r.path === `/fulfillment/202309/packages/${order.packageId}/ship`)).toHaveLength(1);
    expect((await prisma.channelPush.findUniqueOrThrow({ where: { id: push.id } })).status).toBe("SENT");
  });
});

describe("tracking written back to Shopify", () => {
  it("a fixed order gets one fulfilment with tracking company, number and URL; a correction updates it", async () => {
    const order = await shopifyOrder();
    session.user = owner;
    await fixTracking({ orderId: order.id, carrier: "UPS", trackingNumber: ups(40) });
    const push = await onlyPush(order.id);
    expect(await runPush(prisma, push.id, soon())).toMatchObject({ status: "SENT", platformId: expect.stringMatching(/^gid:\/\/shopify\/Fulfillment\//) });
    const state = shopify.fulfilment.get(`gid://shopify/Order/${order.sourceId}`)!;
    expect(state.fulfillments).toHaveLength(1);
    expect(state.fulfillments[0]?.trackingInfo).toEqual([{ company: "UPS", number: ups(40), url: expect.stringContaining(ups(40)) }]);

    await fixTracking({ orderId: order.id, carrier: "UPS", trackingNumber: ups(41) });
    const correction = (await prisma.channelPush.findMany({ where: { orderId: order.id, status: "PENDING" } }))[0]!;
    expect(await runPush(prisma, correction.id, soon())).toMatchObject({ status: "SENT", platformId: state.fulfillments[0]?.id });
    expect(state.fulfillments).toHaveLength(1);
    expect(state.fulfillments[0]?.trackingInfo[0]?.number).toBe(ups(41));
    expect(createsFor(`gid://shopify/Order/${order.sourceId}`)).toHaveLength(1);
  });

  it("Shopify's userErrors: failed with its message, then retried successfully", async () => {
    const order = await shopifyOrder();
    session.user = owner;
    await fixTracking({ orderId: order.id, carrier: "USPS", trackingNumber: usps(50) });
    const push = await onlyPush(order.id);
    shopify.failOnce(/fulfillmentCreate\(/, { userError: "Fulfillment order is on hold" });
    expect(await runPush(prisma, push.id, soon())).toEqual({ status: "FAILED", message: "Fulfillment order is on hold" });
    await retryPush({ pushId: push.id });
    expect(await runPush(prisma, push.id, soon())).toMatchObject({ status: "SENT" });
    expect(shopify.fulfilment.get(`gid://shopify/Order/${order.sourceId}`)?.fulfillments).toHaveLength(1);
  });

  it("a worker killed mid-push: restarted, it finds the fulfilment and makes no second one", async () => {
    const order = await shopifyOrder();
    session.user = owner;
    await fixTracking({ orderId: order.id, carrier: "USPS", trackingNumber: usps(60) });
    const push = await onlyPush(order.id);
    const hold = shopify.holdOnce(/fulfillmentCreate\(/);
    const t0 = soon();
    const dying = runPush(prisma, push.id, t0);
    await hold.applied;
    expect(await runPush(prisma, push.id, new Date(t0.getTime() + PUSH_LEASE_MS + 1000))).toMatchObject({ status: "SENT", alreadyThere: true });
    hold.release();
    await dying;
    expect(createsFor(`gid://shopify/Order/${order.sourceId}`)).toHaveLength(1);
    expect(shopify.fulfilment.get(`gid://shopify/Order/${order.sourceId}`)?.fulfillments).toHaveLength(1);
  });

  it("the bulk paste queues a push per saved line", async () => {
    const order = await shopifyOrder();
    session.user = owner;
    const result = await saveTrackingPaste(`${order.externalId},UPS,${ups(70)}`);
    expect(result).toMatchObject({ ok: true, data: { saved: 1, pushes: 1 } });
    const push = await onlyPush(order.id);
    expect(await runPush(prisma, push.id, soon())).toMatchObject({ status: "SENT" });
  });
});

describe("the in-process runner (embedded database)", () => {
  it("writes dispatched pushes one at a time, each once", async () => {
    const a = await shopifyOrder();
    const b = await shopifyOrder();
    session.user = owner;
    await fixTracking({ orderId: a.id, carrier: "USPS", trackingNumber: usps(100) });
    await fixTracking({ orderId: b.id, carrier: "USPS", trackingNumber: usps(101) });
    const ids = [(await onlyPush(a.id)).id, (await onlyPush(b.id)).id];
    setPushDispatcher(undefined);
    try {
      // No clock-driven sweep here: it would reach the other tests' stores.
      const runner = inProcessRunner(prisma, { sweep: false });
      await dispatchPushes(prisma, "postgresql://x@127.0.0.1:1/db?application_name=pglite-embedded", [...ids, ids[0]!]);
      await runner.idle();
    } finally {
      setPushDispatcher(async (pushIds) => void dispatched.push(...pushIds));
    }
    for (const id of ids) expect((await prisma.channelPush.findUniqueOrThrow({ where: { id } })).status).toBe("SENT");
    expect(createsFor(`gid://shopify/Order/${a.sourceId}`)).toHaveLength(1);
    expect(createsFor(`gid://shopify/Order/${b.sourceId}`)).toHaveLength(1);
  });
});

describe("POST /api/orders/<id>/tracking", () => {
  const post = (id: string, body: unknown) =>
    postTracking(new Request(`http://test.local/api/orders/${id}/tracking`, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) }), {
      params: Promise.resolve({ id }),
    });

  it("saves the fix and answers the order with a pending push", async () => {
    const order = await shopifyOrder();
    session.user = owner;
    const response = await post(order.id, { carrier: "UPS", trackingNumber: ups(80), labelSource: "SELLER" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      order: { id: string; trackingNumber: string; carrier: string; labelSource: string };
      push: { status: string; id: string };
    };
    expect(body.order).toMatchObject({ id: order.id, trackingNumber: ups(80), carrier: "UPS", labelSource: "SELLER" });
    expect(body.push.status).toBe("pending");
    await runPush(prisma, body.push.id, soon());
    // The same fix again: nothing new is queued, the answer says where the write-back stands.
    const again = await post(order.id, { carrier: "UPS", trackingNumber: ups(80) });
    expect(((await again.json()) as { push: { status: string } }).push.status).toBe("sent");
    expect(await prisma.channelPush.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("answers not_connected for a store without an API connection", async () => {
    const store = await prisma.store.create({
      data: { organizationId: orgId, name: `CSV only ${seq}`, channel: "TIKTOK_SHOP", market: "US", timeZone: "UTC", joinedOn: new Date("2024-01-01") },
    });
    const order = await prisma.order.create({
      data: {
        organizationId: orgId,
        storeId: store.id,
        channel: "TIKTOK_SHOP",
        externalId: "5779999",
        status: "AWAITING_SHIPMENT",
        placedAt: new Date("2026-03-09T10:00:00Z"),
        currency: "USD",
        totalMinor: 100,
      },
    });
    session.user = owner;
    const response = await post(order.id, { carrier: "USPS", trackingNumber: usps(90) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { push: { status: string } }).push.status).toBe("not_connected");
  });

  it("validates exactly like the queue form: 400 with the field and the reason", async () => {
    const order = await shopifyOrder();
    session.user = owner;
    const bad = usps(91).slice(0, -1) + ((Number(usps(91).slice(-1)) + 1) % 10);
    const cases: [unknown, string][] = [
      [{ carrier: "USPS", trackingNumber: bad }, "trackingNumber"],
      [{ carrier: "UPS", trackingNumber: usps(92) }, "trackingNumber"],
      [{ carrier: "Pigeon Post", trackingNumber: usps(93) }, "carrier"],
      [{ trackingNumber: usps(94) }, "carrier"],
      [{ carrier: "USPS", trackingNumber: usps(95), labelSource: "TIKTOK" }, "labelSource"],
      [{ carrier: "USPS", trackingNumber: usps(95), extra: 1 }, "extra"],
      ["not json", "body"],
    ];
    for (const [body, field] of cases) {
      const response = await post(order.id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const json = (await response.json()) as { field: string; reason: string };
      expect(json.field, JSON.stringify(body)).toBe(field);
      expect(json.reason.length).toBeGreaterThan(3);
    }
    expect(await prisma.channelPush.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("403 for a supplier, 404 for another organisation's order, nothing saved", async () => {
    const order = await shopifyOrder();
    session.user = supplier;
    expect((await post(order.id, { carrier: "USPS", trackingNumber: usps(96) })).status).toBe(403);
    session.user = stranger;
    expect((await post(order.id, { carrier: "USPS", trackingNumber: usps(96) })).status).toBe(404);
    expect((await getOrder(new Request(`http://test.local/api/orders/${order.id}`), { params: Promise.resolve({ id: order.id }) })).status).toBe(404);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).trackingNumber).toBeNull();
    expect(await prisma.channelPush.count({ where: { orderId: order.id } })).toBe(0);
  });
});

describe("TikTok access token refresh", () => {
  it("a token about to expire is refreshed by a job with the refresh token; a refused refresh asks for re-authorisation", async () => {
    const fake = await startFakeTikTokPartner({ ...APP, refreshToken: "refresh-token-start", providers: PROVIDERS });
    try {
      const store = await prisma.store.create({
        data: {
          organizationId: orgId,
          name: `TikTok refresh ${seq++}`,
          channel: "TIKTOK_SHOP",
          market: "US",
          timeZone: "UTC",
          joinedOn: new Date("2024-01-01"),
          tiktokAppKey: APP.appKey,
          tiktokAppSecret: APP.appSecret,
          tiktokAccessToken: APP.accessToken,
          tiktokShopCipher: APP.shopCipher,
          tiktokApiBaseUrl: fake.baseUrl,
          tiktokRefreshToken: "refresh-token-start",
          tiktokAccessTokenExpiresAt: new Date(Date.now() + 3 * 3_600_000),
        },
      });
      const queued = await queueTokenRefreshes(prisma, new Date());
      const mine = await prisma.channelPush.findFirstOrThrow({ where: { storeId: store.id, kind: "TOKEN_REFRESH" } });
      expect(queued).toContain(mine.id);
      // Queued once: a second sweep adds none while it waits.
      await queueTokenRefreshes(prisma, new Date());
      expect(await prisma.channelPush.count({ where: { storeId: store.id, kind: "TOKEN_REFRESH" } })).toBe(1);

      expect(await runPush(prisma, mine.id, soon())).toMatchObject({ status: "SENT" });
      const after = await prisma.store.findUniqueOrThrow({ where: { id: store.id } });
      // Stored encrypted at rest (lib/security/secrets.ts).
      expect(after.tiktokAccessToken).toMatch(/^enc:v1:/);
      expect(decryptSecret(after.tiktokAccessToken)).toBe(fake.tokens.accessToken);
      expect(decryptSecret(after.tiktokRefreshToken)).toBe(fake.tokens.refreshToken);
      expect(decryptSecret(after.tiktokAccessToken)).not.toBe(APP.accessToken);
      expect(after.tiktokAccessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
      expect(fake.requests.filter((r) => r.path === "/api/v2/token/refresh")).toHaveLength(1);
      // Not due again for days.
      await queueTokenRefreshes(prisma, new Date());
      expect(await prisma.channelPush.count({ where: { storeId: store.id, kind: "TOKEN_REFRESH", status: "PENDING" } })).toBe(0);

      // The refresh token revoked on TikTok's side: the refresh fails and the store needs re-authorising.
      await prisma.store.update({
        where: { id: store.id },
        data: { tiktokAccessTokenExpiresAt: new Date(Date.now() + 3_600_000), tiktokRefreshToken: "revoked-refresh-token" },
      });
      await queueTokenRefreshes(prisma, new Date());
      const refused = await prisma.channelPush.findFirstOrThrow({ where: { storeId: store.id, kind: "TOKEN_REFRESH", status: "PENDING" } });
      expect(await runPush(prisma, refused.id, soon())).toEqual({ status: "FAILED", message: expect.stringContaining("refresh_token is invalid") });
      expect(await prisma.store.findUniqueOrThrow({ where: { id: store.id } })).toMatchObject({ connectionState: "NEEDS_REAUTHORIZATION" });
    } finally {
      await fake.close();
    }
  });
});
