import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getRisk } from "@/app/api/risk/route";
import { fixTracking, previewTrackingPaste, saveTrackingPaste, setLabelSource } from "@/lib/actions/risk";
import type { SessionUser } from "@/lib/auth";
import type { RiskItemJson } from "@/lib/data/risk";
import { refreshOrderRisk } from "@/lib/flags/refresh-orders";
import { DEMO_ORG, OTHER_ORG, seedDemo } from "@/lib/seed/demo";
import { testDb } from "./db";
import { pinClock } from "./pinned-clock";

pinClock();

// Route handlers and server actions read the session through next-auth's getServerSession; the
// test decides who is signed in. revalidatePath needs a Next request: a no-op here.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null)),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const prisma = testDb();

type Body = { items: RiskItemJson[]; total: number; error?: string; message?: string; issues?: { param: string; message: string }[] };

async function asUser(email: string): Promise<SessionUser> {
  return prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true } });
}

async function risk(user: SessionUser | null, params = ""): Promise<{ status: number; body: Body }> {
  session.user = user;
  const response = await getRisk(new Request(`http://test.local/api/risk?${params}`));
  return { status: response.status, body: (await response.json()) as Body };
}

/** Every item of the queue (all pages). */
async function everything(user: SessionUser, params = ""): Promise<RiskItemJson[]> {
  const items: RiskItemJson[] = [];
  for (let page = 1; ; page++) {
    const { body } = await risk(user, `${params}&page=${page}`);
    items.push(...body.items);
    if (items.length >= body.total || body.items.length === 0) return items;
  }
}

const RANK = { CRITICAL: 0, WARNING: 1, INFO: 2 } as const;
function queueKey(item: RiskItemJson, now: number): [number, number, number] {
  const due = item.dueAt ? Date.parse(item.dueAt) : Number.POSITIVE_INFINITY;
  return [due < now ? 0 : 1, due, RANK[item.severity]];
}

let ops: SessionUser;
let supplier: SessionUser;
let other: SessionUser;
let demoOrgId: string;

beforeAll(async () => {
  await seedDemo(prisma, new Date());
  demoOrgId = (await prisma.organization.findFirstOrThrow({ where: { name: DEMO_ORG } })).id;
  await prisma.organization.findFirstOrThrow({ where: { name: OTHER_ORG } });
  ops = await asUser("ops@demo.test");
  supplier = await asUser("supplier@demo.test");
  other = await asUser("other@demo.test");
});

afterAll(() => prisma.$disconnect());

describe("GET /api/risk", () => {
  it("lists every open flag in queue order: overdue, then least time left, then severity", async () => {
    const before = Date.now();
    const items = await everything(ops);
    const { body } = await risk(ops);
    expect(body.total).toBe(items.length);
    expect(body.total).toBeGreaterThan(50);
    expect(body.items).toHaveLength(50);
    for (let i = 1; i < items.length; i++) {
      const a = queueKey(items[i - 1] as RiskItemJson, before);
      const b = queueKey(items[i] as RiskItemJson, before);
      const inOrder = a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2])));
      expect(inOrder, `item ${i}`).toBe(true);
    }
    // Every actionable stored flag of the organisation is in it, plus the clock flags derived in SQL.
    const stored = await prisma.riskFlag.count({ where: { organizationId: demoOrgId, actionable: true } });
    expect(items.length).toBeGreaterThanOrEqual(stored);
    expect(items.every((i) => i.reason.length > 0 && i.title.length > 0)).toBe(true);
  });

  it("filters by rule and by store", async () => {
    const invalid = await everything(ops, "rule=tracking.invalid");
    expect(invalid.length).toBe(await prisma.riskFlag.count({ where: { organizationId: demoOrgId, rule: "tracking.invalid", actionable: true } }));
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid.every((i) => i.rule === "tracking.invalid")).toBe(true);

    const uk = await prisma.store.findFirstOrThrow({ where: { organizationId: demoOrgId, name: "TikTok Shop UK" } });
    const ukItems = await everything(ops, `store=${uk.id}`);
    expect(ukItems.length).toBeGreaterThan(0);
    expect(ukItems.every((i) => i.store?.id === uk.id)).toBe(true);

    const both = await everything(ops, `store=${uk.id}&rule=fulfillment.dispatch_deadline`);
    expect(both.every((i) => i.store?.id === uk.id && i.rule === "fulfillment.dispatch_deadline")).toBe(true);
  });

  it("refuses bad parameters with a 400 naming them, and anonymous callers with a 401", async () => {
    const badRule = await risk(ops, "rule=not.a.rule");
    expect(badRule.status).toBe(400);
    expect(badRule.body.message).toMatch(/rule/);
    expect(badRule.body.issues?.[0]?.param).toBe("rule");

    const badStore = await risk(ops, `store=${encodeURIComponent('x\'; DROP TABLE "Order"; --')}`);
    expect(badStore.status).toBe(400);
    expect(badStore.body.message).toMatch(/store/);

    const badPage = await risk(ops, "page=0");
    expect(badPage.status).toBe(400);
    expect(badPage.body.message).toMatch(/page/);

    expect((await risk(null)).status).toBe(401);
  });

  it("another organisation sees none of the demo's flags, even when it asks for a demo store", async () => {
    const demoOrders = new Set((await prisma.order.findMany({ where: { organizationId: demoOrgId }, select: { id: true } })).map((o) => o.id));
    const items = await everything(other);
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((i) => i.order && demoOrders.has(i.order.id))).toBe(false);
    const demoStore = await prisma.store.findFirstOrThrow({ where: { organizationId: demoOrgId } });
    const probe = await risk(other, `store=${demoStore.id}`);
    expect(probe.status).toBe(200);
    expect(probe.body.total).toBe(0);
  });

  it("a supplier sees only the flags of its own orders, and no returns", async () => {
    const items = await everything(supplier);
    expect(items.length).toBeGreaterThan(0);
    const ids = [...new Set(items.map((i) => i.order?.id).filter((v): v is string => Boolean(v)))];
    const orders = await prisma.order.findMany({ where: { id: { in: ids } }, select: { supplierId: true, organizationId: true } });
    expect(orders.length).toBe(ids.length);
    expect(orders.every((o) => o.supplierId === supplier.supplierId && o.organizationId === demoOrgId)).toBe(true);
    expect(items.every((i) => i.order !== null && i.subjectType === "ORDER")).toBe(true);
  });
});

describe("fixing tracking from the queue", () => {
  let orgId: string;
  let orderId: string;
  let otherOrderId: string;
  let opsUser: SessionUser;
  let supplierUser: SessionUser;

  beforeAll(async () => {
    const org = await prisma.organization.create({ data: { name: `Tracking fix test ${Date.now()}` } });
    orgId = org.id;
    const store = await prisma.store.create({
      data: {
        organizationId: orgId,
        name: "TikTok US",
        channel: "TIKTOK_SHOP",
        market: "US",
        kind: "LOCAL",
        timeZone: "America/Los_Angeles",
        currency: "USD",
        joinedOn: new Date("2025-01-01"),
      },
    });
    const supplierRow = await prisma.supplier.create({
      data: { organizationId: orgId, name: "Test supplier", shipFromCountry: "US", promisedOutboundHours: 48, promisedDeliveryDays: 5 },
    });
    const placedAt = new Date(Date.now() - 3 * 24 * 3600_000);
    const base = {
      organizationId: orgId,
      storeId: store.id,
      channel: "TIKTOK_SHOP" as const,
      currency: "USD",
      totalMinor: 1999,
      shipFromCountry: "US",
      placedAt,
      inTransitAt: new Date(placedAt.getTime() + 20 * 3600_000),
      status: "IN_TRANSIT" as const,
    };
    // A UPS number with a wrong check digit (the valid one ends in 4).
    const order = await prisma.order.create({
      data: {
        ...base,
        externalId: "576899900000000001",
        carrier: "UPS",
        trackingNumber: "1Z999AA10123456785",
        labelSource: "SELLER",
        supplierId: supplierRow.id,
      },
    });
    const second = await prisma.order.create({
      data: { ...base, externalId: "576899900000000002", carrier: "USPS", trackingNumber: null, labelSource: "TIKTOK_SHIPPING" },
    });
    orderId = order.id;
    otherOrderId = second.id;
    await refreshOrderRisk(prisma, { organizationId: orgId }, new Date());
    const mk = (role: "OPS" | "SUPPLIER") =>
      prisma.user.create({
        data: {
          organizationId: orgId,
          email: `${role.toLowerCase()}-${Date.now()}@fix.test`,
          name: role,
          role,
          passwordHash: "x",
          supplierId: role === "SUPPLIER" ? supplierRow.id : null,
        },
        select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true },
      });
    opsUser = await mk("OPS");
    supplierUser = await mk("SUPPLIER");
  });

  afterAll(async () => {
    await prisma.organization.delete({ where: { id: orgId } });
  });

  it("the order starts with a tracking.invalid flag in the queue", async () => {
    const { body } = await risk(opsUser, "rule=tracking.invalid");
    expect(body.items.map((i) => i.order?.id)).toEqual([orderId]);
  });

  it("refuses an invalid number or a carrier mismatch with a field error, and changes nothing", async () => {
    session.user = opsUser;
    const wrongDigit = await fixTracking({ orderId, carrier: "UPS", trackingNumber: "1Z999AA10123456786" });
    expect(wrongDigit.ok).toBe(false);
    if (wrongDigit.ok) return;
    expect(wrongDigit.fieldErrors?.trackingNumber).toMatch(/check digit is wrong/);

    const mismatch = await fixTracking({ orderId, carrier: "FedEx", trackingNumber: "1Z999AA10123456784" });
    expect(!mismatch.ok && mismatch.fieldErrors?.trackingNumber).toMatch(/this is a UPS number.*not a FedEx number/);

    const unknownCarrier = await fixTracking({ orderId, carrier: "Pigeon Post", trackingNumber: "1Z999AA10123456784" });
    expect(!unknownCarrier.ok && unknownCarrier.fieldErrors?.carrier).toMatch(/Unknown carrier/);

    const stored = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, select: { trackingNumber: true } });
    expect(stored.trackingNumber).toBe("1Z999AA10123456785");
    expect(await prisma.auditLog.count({ where: { organizationId: orgId } })).toBe(0);
  });

  it("a supplier (read-only) is forbidden; another organisation's order is not found", async () => {
    session.user = supplierUser;
    const result = await fixTracking({ orderId, carrier: "UPS", trackingNumber: "1Z999AA10123456784" });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const label = await setLabelSource({ orderId, labelSource: "TIKTOK_SHIPPING" });
    expect(label).toMatchObject({ ok: false, code: "FORBIDDEN" });

    session.user = ops; // the demo organisation's ops
    const foreign = await fixTracking({ orderId, carrier: "UPS", trackingNumber: "1Z999AA10123456784" });
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).trackingNumber).toBe("1Z999AA10123456785");
  });

  it("a valid fix removes the flag and writes an audit row with before and after", async () => {
    session.user = opsUser;
    const result = await fixTracking({ orderId, carrier: "ups", trackingNumber: " 1z999aa1 0123456784 " });
    expect(result).toMatchObject({ ok: true, data: { trackingNumber: "1Z999AA10123456784", carrier: "UPS" } });
    expect(await prisma.riskFlag.count({ where: { orderId, rule: "tracking.invalid" } })).toBe(0);
    const { body } = await risk(opsUser, "rule=tracking.invalid");
    expect(body.total).toBe(0);

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { organizationId: orgId, entityId: orderId } });
    expect(audit).toMatchObject({ action: "order.tracking.fix", entityType: "Order", actorUserId: opsUser.id, actorLabel: opsUser.email });
    expect(audit.before).toMatchObject({ carrier: "UPS", trackingNumber: "1Z999AA10123456785" });
    expect(audit.after).toMatchObject({ carrier: "UPS", trackingNumber: "1Z999AA10123456784" });
  });

  it("the number of another order is refused as a duplicate", async () => {
    session.user = opsUser;
    const result = await fixTracking({ orderId: otherOrderId, carrier: "UPS", trackingNumber: "1Z999AA10123456784" });
    expect(!result.ok && result.fieldErrors?.trackingNumber).toMatch(/already has this number/);
  });

  it("sets the label source, audited", async () => {
    session.user = opsUser;
    const result = await setLabelSource({ orderId, labelSource: "TIKTOK_SHIPPING" });
    expect(result).toMatchObject({ ok: true });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).labelSource).toBe("TIKTOK_SHIPPING");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { organizationId: orgId, action: "order.label_source.set" } });
    expect(audit.before).toEqual({ labelSource: "SELLER" });
    expect(audit.after).toEqual({ labelSource: "TIKTOK_SHIPPING" });
    const bad = await setLabelSource({ orderId, labelSource: "UNKNOWN" as "SELLER" });
    expect(!bad.ok && bad.fieldErrors?.labelSource).toBeTruthy();
  });

  it("bulk paste: every line is checked before saving, and only valid lines are saved", async () => {
    session.user = opsUser;
    const text = [
      "order id, carrier, tracking number",
      "576899900000000002, USPS, 9400 1118 9922 3100 0000 00", // valid USPS IMpb, spaced
      "576800000000000000, UPS, 1Z999AA10123456784", // unknown order
      "576899900000000002, UPS, 1Z999AA10123456786", // wrong check digit
      "576899900000000001, FedEx, 1Z999AA10123456784", // UPS number named FedEx
      "576899900000000001",
      "",
      "576899900000000001\tUSPS\t9400111899223100000000", // the same number again (tab-separated)
    ].join("\n");
    const preview = await previewTrackingPaste(text);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const byLine = Object.fromEntries(preview.data.lines.map((l) => [l.line, l.error]));
    expect(Object.keys(byLine).map(Number)).toEqual([2, 3, 4, 5, 6, 8]);
    expect(byLine[3]).toMatch(/Unknown order 576800000000000000/);
    expect(byLine[4]).toMatch(/check digit is wrong/);
    expect(byLine[5]).toMatch(/mismatch.*UPS number/i);
    expect(byLine[6]).toMatch(/Expected 3 fields/);
    expect(byLine[2]).toBe(null);
    expect(byLine[8]).toMatch(/Duplicate in this paste.*line 2/);
    expect(preview.data.valid).toBe(1);
    expect(await prisma.auditLog.count({ where: { organizationId: orgId, action: "order.tracking.bulk_fix" } })).toBe(0);

    const good = ["576899900000000002, USPS, 9400111899223100000000"].join("\n");
    const check = await previewTrackingPaste(good);
    expect(check.ok && check.data.lines[0]?.error).toBe(null);
    const saved = await saveTrackingPaste(`${good}\n576800000000000000, UPS, 1Z999AA10123456784`);
    expect(saved.ok && saved.data.saved).toBe(1);
    const order = await prisma.order.findUniqueOrThrow({ where: { id: otherOrderId } });
    expect(order).toMatchObject({ carrier: "USPS", trackingNumber: "9400111899223100000000" });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { organizationId: orgId, action: "order.tracking.bulk_fix" } });
    expect(audit.before).toMatchObject({ trackingNumber: null });
    expect(audit.after).toMatchObject({ trackingNumber: "9400111899223100000000" });

    session.user = supplierUser;
    expect(await saveTrackingPaste(good)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    session.user = opsUser;
    expect(await previewTrackingPaste("   ")).toMatchObject({ ok: false, code: "BAD_REQUEST" });
  });
});
