// "What changed, and whom it hits" (/policy), the overview's rules of the next 30 days, and
// standing registration facts kept out of the daily queue.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStoreCompliance } from "@/lib/data/compliance";
import { getPolicyChanges, getUpcomingRules } from "@/lib/data/policy-impact";
import { countOpenFlagsPerStore, getRiskQueue } from "@/lib/data/risk";
import { scopeOf } from "@/lib/data/scope";
import { refreshOrderRisk } from "@/lib/flags/refresh-orders";
import { testDb } from "./db";

const prisma = testDb();
let orgId: string;
let storeId: string;
const NOW = new Date("2026-03-04T20:00:00Z");

const scope = () => scopeOf({ id: "u", email: "", name: "", role: "OWNER", supplierId: null, organizationId: orgId });

beforeAll(async () => {
  const org = await prisma.organization.create({ data: { name: `Impact org ${Date.now()}` } });
  orgId = org.id;
  const store = await prisma.store.create({
    data: {
      organizationId: orgId,
      name: "TikTok US XB",
      channel: "TIKTOK_SHOP",
      market: "US",
      kind: "CROSS_BORDER",
      timeZone: "America/Los_Angeles",
      currency: "USD",
      joinedOn: new Date("2025-01-01"),
    },
  });
  storeId = store.id;
  const order = (externalId: string, data: Record<string, unknown>, skus: string[]) =>
    prisma.order.create({
      data: {
        organizationId: orgId,
        storeId,
        channel: "TIKTOK_SHOP",
        externalId,
        status: "AWAITING_SHIPMENT",
        placedAt: new Date("2026-03-03T18:00:00Z"),
        currency: "USD",
        totalMinor: 1000,
        lines: { create: skus.map((sku, i) => ({ position: i + 1, sku, productName: sku, quantity: 1, unitPriceMinor: 1000 })) },
        ...data,
      },
    });
  await order("FBT-1", { fulfillmentType: "FULFILLED_BY_TIKTOK" }, ["MUG", "LAMP"]);
  await order("UTS-1", { fulfillmentType: "UPGRADED_TIKTOK_SHIPPING" }, ["MUG"]);
  await order("FBT-OLD", { fulfillmentType: "FULFILLED_BY_TIKTOK", placedAt: new Date("2026-02-01T18:00:00Z") }, ["CUP"]);
  await order("CN-1", { status: "IN_TRANSIT", inTransitAt: new Date("2026-03-04T02:00:00Z"), carrier: "USPS", shipFromCountry: "CN" }, ["LAMP"]);
  const held = await order("HOLD-1", { status: "ON_HOLD", placedAt: new Date("2026-03-04T19:30:00Z") }, ["MUG"]);
  await order("DONE-1", { status: "DELIVERED", fulfillmentType: "FULFILLED_BY_TIKTOK" }, ["MUG"]);
  await prisma.returnRequest.create({
    data: { organizationId: orgId, storeId, orderId: held.id, reason: "DAMAGED", requestedAt: new Date("2026-03-04T18:00:00Z"), refundMinor: 500 },
  });
  // A standing fact: the business was 47 days old when the store joined.
  await prisma.riskFlag.create({
    data: {
      organizationId: orgId,
      subjectType: "STORE",
      subjectId: storeId,
      storeId,
      rule: "registration.business_too_young",
      severity: "CRITICAL",
      dueAt: new Date("2025-01-01T00:00:00Z"),
      reason: "The business was 47 days old when the store joined (needs 60).",
    },
  });
  await prisma.riskFlag.create({
    data: {
      organizationId: orgId,
      subjectType: "STORE",
      subjectId: storeId,
      storeId,
      rule: "registration.license_expiring",
      severity: "WARNING",
      dueAt: new Date("2026-05-01T00:00:00Z"),
      reason: "Licence expires in 58 days.",
    },
  });
});

afterAll(async () => {
  await prisma.organization.delete({ where: { id: orgId } });
  await prisma.$disconnect();
});

describe("what changed, and whom it hits", () => {
  it("counts the open orders, stores and SKUs each 2026 update hits today, newest first, with a link", async () => {
    const rows = await getPolicyChanges(scope(), NOW);
    const hit = (id: string) => rows.find((r) => r.id === id)?.impact;
    // FBT-1 and UTS-1 (FBT-OLD predates fulfilment types; DONE-1 is closed); SKUs MUG, LAMP.
    expect(hit("fulfillment.fulfillment_type")).toMatchObject({ orders: 2, stores: 1, skus: 2, creators: 0 });
    expect(hit("tracking.china_us_designated_carriers")).toMatchObject({ orders: 1, stores: 1, skus: 1, href: "/risk?rule=tracking.carrier_not_approved" });
    expect(hit("fulfillment.on_hold_window")).toMatchObject({ orders: 1, href: "/orders?status=ON_HOLD" });
    expect(hit("returns.response_window_business_days")).toMatchObject({ orders: 1, stores: 1, href: "/risk?rule=returns.response_due" });
    expect(rows.find((r) => r.id === "fulfillment.seller_shipping_phase_out")).toMatchObject({ status: "withdrawn", impact: { orders: 0, stores: 0 } });
    const keys = rows.map((r) => r.effectiveFrom ?? (r.source === "update" ? (r.withdrawnOn ?? r.versionDate) : ""));
    expect([...keys].sort().reverse()).toEqual(keys);
  });

  it("the overview lists rules taking effect in the next 30 days", async () => {
    const soon = await getUpcomingRules(scope(), new Date("2026-02-01T20:00:00Z"), 30);
    expect(soon.map((r) => [r.effectiveFrom, r.id])).toEqual([
      ["2026-02-05", "fulfillment.fulfillment_type"],
      ["2026-02-25", "returns.response_window_business_days"],
      ["2026-03-02", "performance.ldr_bands"],
    ]);
    expect(await getUpcomingRules(scope(), new Date("2026-12-01T20:00:00Z"), 30)).toEqual([]);
  });
});

describe("standing issues", () => {
  it("leave the daily queue and the store counts, and are listed on the store's compliance", async () => {
    const queue = await getRiskQueue(scope(), {}, NOW);
    expect(queue.items.map((i) => i.rule)).not.toContain("registration.business_too_young");
    expect(queue.items.map((i) => i.rule)).toContain("registration.license_expiring");
    const perStore = await countOpenFlagsPerStore(scope(), NOW, storeId);
    expect(perStore.find((s) => s.storeId === storeId)?.critical ?? 0).toBe(0);
    const [compliance] = await getStoreCompliance(scope(), NOW, storeId);
    expect(compliance?.standing.map((f) => f.rule)).toEqual(["registration.business_too_young"]);
    expect(compliance?.flags.map((f) => f.rule)).toEqual(["registration.license_expiring"]);
  });
});

describe("fulfilment type on the stored clock", () => {
  it("an FBT order gets no seller deadline, auto-cancel clock or flags; a UTS order keeps them", async () => {
    const mk = (externalId: string, fulfillmentType: "FULFILLED_BY_TIKTOK" | "UPGRADED_TIKTOK_SHIPPING") =>
      prisma.order.create({
        data: {
          organizationId: orgId,
          storeId,
          channel: "TIKTOK_SHOP",
          externalId,
          status: "AWAITING_SHIPMENT",
          placedAt: new Date("2026-03-02T18:00:00Z"),
          currency: "USD",
          totalMinor: 1000,
          fulfillmentType,
          carrier: "USPS",
          trackingNumber: "123",
        },
      });
    const fbt = await mk("CLOCK-FBT", "FULFILLED_BY_TIKTOK");
    const uts = await mk("CLOCK-UTS", "UPGRADED_TIKTOK_SHIPPING");
    await refreshOrderRisk(prisma, { organizationId: orgId, orderIds: [fbt.id, uts.id] }, NOW);
    const [f, u] = await Promise.all([prisma.order.findUniqueOrThrow({ where: { id: fbt.id } }), prisma.order.findUniqueOrThrow({ where: { id: uts.id } })]);
    expect({ due: f.dispatchDueAt, cancel: f.autoCancelAt }).toEqual({ due: null, cancel: null });
    // Placed Mon 2 Mar 10:00 PST: due Wed 4 Mar 23:59:59 PST.
    expect(u.dispatchDueAt?.toISOString()).toBe("2026-03-05T07:59:59.000Z");
    expect(await prisma.riskFlag.count({ where: { orderId: fbt.id } })).toBe(0);
    expect(await prisma.riskFlag.count({ where: { orderId: uts.id, rule: "tracking.invalid" } })).toBe(1);
    const queue = await getRiskQueue(scope(), { rule: "fulfillment.dispatch_deadline" }, NOW);
    expect(queue.items.map((i) => i.subjectId)).toContain(uts.id);
    expect(queue.items.map((i) => i.subjectId)).not.toContain(fbt.id);
  });
});
