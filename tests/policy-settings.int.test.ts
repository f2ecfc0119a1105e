// Owner policy settings: a change on /settings/policy (the server action) takes effect in the
// risk queue, the orders list, the order page and exposure at once — no restart — and the audit
// log shows the values before and after.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { updatePolicySettingsAction } from "@/lib/actions/policy-settings";
import type { SessionUser } from "@/lib/auth";
import { getOrderDetail, listOrders } from "@/lib/data/orders";
import { getRiskQueue } from "@/lib/data/risk";
import { scopeOf } from "@/lib/data/scope";
import { metricWindows, readAtRiskOrders } from "@/lib/data/exposure";
import { organizationSettings, readOrganizationSettings } from "@/lib/data/settings";
import { orderQuerySchema } from "@/lib/validations/orders";
import { refreshOrderRisk } from "@/lib/flags/refresh-orders";
import { testDb } from "./db";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user } : null)),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const prisma = testDb();

// Placed Mon 9 Mar 2026 11:00 PDT: due Wed 11 Mar 23:59:59 PDT (2026-03-12T06:59:59Z).
const PLACED = new Date("2026-03-09T18:00:00Z");
const DEADLINE = new Date("2026-03-12T06:59:59Z");
/** 13 hours before the deadline. */
const NOW = new Date(DEADLINE.getTime() - 13 * 3600_000);

let orgId: string;
let orderId: string;
let storeId: string;
let owner: SessionUser;
let ops: SessionUser;

const form = (fields: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) f.append(k, one);
  return f;
};

beforeAll(async () => {
  const org = await prisma.organization.create({ data: { name: `Settings org ${Date.now()}` } });
  orgId = org.id;
  const mk = (role: "OWNER" | "OPS") =>
    prisma.user.create({
      data: { organizationId: orgId, email: `${role.toLowerCase()}-${Date.now()}@settings.test`, name: role, role, passwordHash: "x" },
      select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true },
    });
  owner = await mk("OWNER");
  ops = await mk("OPS");
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
  storeId = store.id;
  const order = await prisma.order.create({
    data: {
      organizationId: orgId,
      storeId,
      channel: "TIKTOK_SHOP",
      externalId: "SET-1",
      status: "AWAITING_SHIPMENT",
      placedAt: PLACED,
      paidAt: PLACED,
      currency: "USD",
      totalMinor: 2500,
      shipFromCountry: "US",
    },
  });
  orderId = order.id;
  await refreshOrderRisk(prisma, { organizationId: orgId }, NOW);
});

afterAll(async () => {
  await prisma.organization.delete({ where: { id: orgId } });
  await prisma.$disconnect();
});

async function everywhere() {
  const scope = scopeOf(ops);
  const queue = await getRiskQueue(scope, {}, NOW);
  const inQueue = queue.items.find((i) => i.rule === "fulfillment.dispatch_deadline" && i.subjectId === orderId);
  const list = await listOrders(scope, orderQuerySchema.parse({ rule: "fulfillment.dispatch_deadline" }), NOW);
  const all = await listOrders(scope, orderQuerySchema.parse({}), NOW);
  const detail = await getOrderDetail(scope, orderId, NOW);
  const store = await prisma.store.findUniqueOrThrow({
    where: { id: storeId },
    select: { id: true, name: true, channel: true, market: true, organizationId: true },
  });
  const settings = await organizationSettings(prisma, orgId);
  const atRisk = await readAtRiskOrders(store, metricWindows(settings, "US", NOW), NOW, settings);
  return {
    queue: inQueue ? inQueue.severity : "on track",
    filtered: list.items.map((o) => o.externalId),
    listFlags: all.items.find((o) => o.id === orderId)?.flags.rules ?? [],
    listAlert: all.items.find((o) => o.id === orderId)?.dispatchAlertHours,
    page: detail?.flags.filter((f) => f.rule === "fulfillment.dispatch_deadline").map((f) => f.severity) ?? [],
    pageAlert: detail?.dispatchAlertHours,
    exposure: atRisk.find((o) => o.id === orderId)?.dispatch ?? "on track",
  };
}

describe("owner policy settings", () => {
  it("with the defaults, an order 13 h from its deadline is due soon everywhere", async () => {
    expect(await everywhere()).toEqual({
      queue: "WARNING",
      filtered: ["SET-1"],
      listFlags: ["fulfillment.dispatch_deadline"],
      listAlert: { dueSoonHours: 24, criticalHours: 6 },
      page: ["WARNING"],
      pageAlert: { dueSoonHours: 24, criticalHours: 6 },
      exposure: "on track",
    });
  });

  it("a 12-hour due-soon setting makes it on track in the queue, the orders list and the order page, without a restart", async () => {
    session.user = owner;
    const result = await updatePolicySettingsAction(null, form({ "dispatch.dueSoonHours": "12" }));
    expect(result).toMatchObject({ ok: true, data: { changed: ["dispatch.dueSoonHours"] } });
    expect(await everywhere()).toEqual({
      queue: "on track",
      filtered: [],
      listFlags: [],
      listAlert: { dueSoonHours: 12, criticalHours: 6 },
      page: [],
      pageAlert: { dueSoonHours: 12, criticalHours: 6 },
      exposure: "on track",
    });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { organizationId: orgId, action: "policy.settings.update" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({
      actorLabel: owner.email,
      entityType: "PolicySettings",
      before: { overrides: {}, changed: { "dispatch.dueSoonHours": null } },
      after: { overrides: { dispatch: { dueSoonHours: 12 } }, changed: { "dispatch.dueSoonHours": 12 } },
    });
  });

  it("a 14-hour critical setting makes it critical in the queue and at risk in exposure", async () => {
    session.user = owner;
    const result = await updatePolicySettingsAction(null, form({ "dispatch.dueSoonHours": "24", "dispatch.criticalHours": "14" }));
    expect(result.ok).toBe(true);
    expect(await everywhere()).toMatchObject({ queue: "CRITICAL", filtered: ["SET-1"], page: ["CRITICAL"], exposure: "critical" });
    // 24 is the default: stored as no override.
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: orgId } })).policy).toEqual({ dispatch: { criticalHours: 14 } });
  });

  it("rejects values out of bounds or contradicting each other, naming the field, and saves nothing", async () => {
    session.user = owner;
    const before = await prisma.auditLog.count({ where: { organizationId: orgId } });
    const out = await updatePolicySettingsAction(null, form({ "dispatch.dueSoonHours": "500" }));
    expect(out).toMatchObject({ ok: false, fieldErrors: { "dispatch.dueSoonHours": "Between 1 and 120 hours" } });
    const crossed = await updatePolicySettingsAction(null, form({ "dispatch.dueSoonHours": "10" }));
    expect(crossed).toMatchObject({ ok: false, fieldErrors: { "dispatch.criticalHours": expect.stringMatching(/must not be more hours/) } });
    const date = await updatePolicySettingsAction(null, form({ "effectiveFrom.returns.response_due": "2026-02-30" }));
    expect(date).toMatchObject({ ok: false, fieldErrors: { "effectiveFrom.returns.response_due": "Enter a date as YYYY-MM-DD" } });
    const unknown = await updatePolicySettingsAction(null, form({ "dispatch.unknown": "1" }));
    expect(unknown.ok).toBe(false);
    expect(await prisma.auditLog.count({ where: { organizationId: orgId } })).toBe(before);
  });

  it("an effective date can be moved, and reset puts everything back to the defaults (audited)", async () => {
    session.user = owner;
    const moved = await updatePolicySettingsAction(null, form({ "effectiveFrom.fulfillment.dispatch_deadline": "2026-03-10" }));
    expect(moved.ok).toBe(true);
    // Placed 9 Mar, before the rule's new first day: off the clock.
    expect((await everywhere()).queue).toBe("on track");
    expect((await readOrganizationSettings(prisma, orgId)).effectiveFrom).toEqual({ "fulfillment.dispatch_deadline": "2026-03-10" });
    const reset = await updatePolicySettingsAction(null, form({ reset: "all" }));
    expect(reset.ok).toBe(true);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: orgId } })).policy).toEqual({});
    expect(await everywhere()).toMatchObject({ queue: "WARNING", page: ["WARNING"] });
    const last = await prisma.auditLog.findFirstOrThrow({ where: { organizationId: orgId, action: "policy.settings.update" }, orderBy: { createdAt: "desc" } });
    expect(last.after).toMatchObject({ overrides: {} });
    expect(last.before).toMatchObject({ overrides: { dispatch: { criticalHours: 14 }, effectiveFrom: { "fulfillment.dispatch_deadline": "2026-03-10" } } });
  });

  it("ops cannot change the settings", async () => {
    session.user = ops;
    expect(await updatePolicySettingsAction(null, form({ "dispatch.dueSoonHours": "12" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("the reader ignores a stored value out of bounds, keeping the valid rest", async () => {
    await prisma.organization.update({ where: { id: orgId }, data: { policy: { dispatch: { dueSoonHours: -5 }, returns: { responseHours: 36 } } } });
    const s = await readOrganizationSettings(prisma, orgId);
    expect(s.dispatch.dueSoonHours).toBe(24);
    expect(s.returns.responseHours).toBe(36);
    await prisma.organization.update({ where: { id: orgId }, data: { policy: {} } });
  });
});
