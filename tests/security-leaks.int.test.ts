// Leaks in words: a supplier sees only their own orders' ids, in every reason they can read —
// the risk queue, the order page and the supplier view — even when the flag was raised by an
// order of someone else (a tracking number reused across orders).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as riskApi } from "@/app/api/risk/route";
import type { SessionUser } from "@/lib/auth";
import { getOrderDetail } from "@/lib/data/orders";
import { getSupplierOrders } from "@/lib/data/supplier-view";
import { refreshOrderRisk } from "@/lib/flags/refresh-orders";
import { testDb } from "./db";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user } : null)),
}));

const prisma = testDb();
afterAll(() => prisma.$disconnect());

const NOW = new Date("2026-03-04T15:00:00Z");
const OTHER_EXTERNAL_ID = "576899990000000042";
let orgId = "";
let supplierId = "";
let ownOrderId = "";
let otherOrderId = "";
let owner: SessionUser;
let supplier: SessionUser;

beforeAll(async () => {
  const run = Date.now();
  orgId = (await prisma.organization.create({ data: { name: `Leaks ${run}` } })).id;
  supplierId = (
    await prisma.supplier.create({
      data: { organizationId: orgId, name: "Sunrise", shipFromCountry: "US", promisedOutboundHours: 24, promisedDeliveryDays: 5 },
    })
  ).id;
  const store = await prisma.store.create({
    data: {
      organizationId: orgId,
      name: "TikTok US",
      channel: "TIKTOK_SHOP",
      market: "US",
      kind: "LOCAL",
      timeZone: "America/New_York",
      currency: "USD",
      joinedOn: new Date("2024-01-01"),
    },
  });
  const order = (externalId: string, supplier: string | null) =>
    prisma.order.create({
      data: {
        organizationId: orgId,
        storeId: store.id,
        channel: "TIKTOK_SHOP",
        externalId,
        status: "IN_TRANSIT",
        placedAt: new Date("2026-03-02T12:00:00Z"),
        inTransitAt: new Date("2026-03-03T12:00:00Z"),
        carrier: "USPS",
        trackingNumber: "9400111899223344556677",
        labelSource: "TIKTOK_SHIPPING",
        currency: "USD",
        totalMinor: 1000,
        supplierId: supplier,
      },
    });
  ownOrderId = (await order("576800000000000001", supplierId)).id;
  otherOrderId = (await order(OTHER_EXTERNAL_ID, null)).id;
  await refreshOrderRisk(prisma, { organizationId: orgId, orderIds: [ownOrderId, otherOrderId] }, NOW);
  const mk = async (role: "OWNER" | "SUPPLIER") => {
    const u = await prisma.user.create({
      data: {
        organizationId: orgId,
        email: `${role}-${run}@leaks.test`,
        name: role,
        role,
        passwordHash: "x",
        supplierId: role === "SUPPLIER" ? supplierId : null,
      },
    });
    return { id: u.id, email: u.email, name: u.name, organizationId: orgId, role, supplierId: u.supplierId } satisfies SessionUser;
  };
  owner = await mk("OWNER");
  supplier = await mk("SUPPLIER");
});

const mentionsOther = (text: string) => text.includes(OTHER_EXTERNAL_ID) || text.includes(otherOrderId);

describe("a supplier never reads another order's id", () => {
  it("the flag exists and, for the owner, names the other order", async () => {
    session.user = owner;
    const body = await (await riskApi(new Request("http://localhost/api/risk"))).text();
    expect(body).toContain(`also used on order ${OTHER_EXTERNAL_ID}`);
  });

  it("in the risk queue", async () => {
    session.user = supplier;
    const res = await riskApi(new Request("http://localhost/api/risk"));
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain("also used on another order");
    expect(mentionsOther(body)).toBe(false);
  });

  it("on the order page", async () => {
    const detail = await getOrderDetail({ organizationId: orgId, supplierId, role: "SUPPLIER" }, ownOrderId, NOW);
    expect(detail?.flags.map((f) => f.rule)).toContain("tracking.duplicate");
    expect(mentionsOther(JSON.stringify(detail))).toBe(false);
  });

  // The supplier view already reworded this reason; it now shares lib/data/redact.ts.
  it("in the supplier view (share links)", async () => {
    const orders = await getSupplierOrders({ organizationId: orgId, supplierId }, NOW);
    expect(orders.length).toBe(1);
    expect(mentionsOther(JSON.stringify(orders))).toBe(false);
  });
});
